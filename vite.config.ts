import { defineConfig, type Plugin } from 'vite';

/**
 * Lit names its Trusted Types policy "lit-html"; a host page with its own Lit has one of that
 * name too, and a strict `trusted-types` allow-list cannot tell them apart. The bundled copy is
 * renamed "mi-widgets", so a partner allows `trusted-types mi-widgets mi-widgets-dompurify`.
 */
function renameLitTrustedTypesPolicy(): Plugin {
  return {
    name: 'mi-rename-lit-trusted-types-policy',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]lit-html[\\/](development[\\/])?lit-html\.js$/.test(id)) return null;
      const renamed = code.replace(/createPolicy\((["'])lit-html\1/g, 'createPolicy("mi-widgets"');
      if (renamed === code)
        this.error('lit-html no longer creates its policy as expected: update this plugin');
      return { code: renamed, map: null };
    },
  };
}

/** In `npm start`, the iframe page's scripts are served from source, as the build names them. */
function embedFromSource(): Plugin {
  const map: Record<string, string> = {
    '/embed.js': '/src/embed/frame.ts',
    '/mi-widgets.js': '/src/loader.ts',
    '/mi-embed-resize.js': '/src/embed/resize.ts',
  };
  return {
    name: 'mi-embed-from-source',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const [path, query] = (req.url ?? '').split('?');
        if (map[path]) req.url = map[path] + (query ? `?${query}` : '');
        next();
      });
    },
  };
}

/**
 * `npm run build:cdn` → dist/mi-widgets.js: a small loader plus one lazy chunk per widget,
 * Lit bundled in its own chunk, minified (partners have no bundler).
 * `npm start` → the demo page, served from source.
 */
export default defineConfig({
  appType: 'mpa', // a missing feed is a 404, as on a real server
  plugins: [embedFromSource(), renameLitTrustedTypesPolicy()],
  server: { host: '127.0.0.1', port: 5173 },
  build: {
    target: 'es2022',
    outDir: 'dist',
    minify: true,
    sourcemap: true,
    // The loader (the one script tag), the iframe page's script, and the optional resize
    // script for the page around an iframe. public/ (embed.html) is copied beside them.
    lib: {
      entry: {
        'mi-widgets': 'src/loader.ts',
        embed: 'src/embed/frame.ts',
        'mi-embed-resize': 'src/embed/resize.ts',
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
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
              test: /src[\\/](shared[\\/](?!sanitize)|feed[\\/](?!report)|i18n[\\/])|node_modules[\\/]valibot[\\/]/,
            },
          ],
        },
      },
    },
  },
});
