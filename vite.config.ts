import { defineConfig } from 'vite';

/**
 * `npm run build:cdn` → dist/mi-widgets.js: a small loader plus one lazy chunk per widget,
 * Lit bundled in its own chunk, minified (partners have no bundler).
 * `npm start` → the demo page, served from source.
 */
export default defineConfig({
  appType: 'mpa', // a missing feed is a 404, as on a real server
  server: { host: '127.0.0.1', port: 5173 },
  build: {
    target: 'es2022',
    outDir: 'dist',
    minify: true,
    sourcemap: true,
    lib: { entry: 'src/loader.ts', formats: ['es'], fileName: () => 'mi-widgets.js' },
    rolldownOptions: {
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        minify: true,
        codeSplitting: {
          groups: [
            { name: 'lit', test: /node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]/ },
            // What every widget shares: base element, feed client, schema, localization.
            // The sanitizer stays a lazy chunk of its own.
            {
              name: 'shared',
              test: /src[\\/](shared[\\/](?!sanitize)|feed[\\/]|i18n[\\/])|node_modules[\\/]valibot[\\/]/,
            },
          ],
        },
      },
    },
  },
});
