import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { reserveStylesheet } from './src/embed/reserve.js';

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

/**
 * The loader asks for a widget's whole dependency set the moment it sees the tag, rather than
 * discover it one import at a time (HTML → loader → widget chunk → Lit and shared → feed: four
 * round trips before the feed, on slow 3G). The build knows each chunk's imports: written above
 * the loader (and the iframe page's script) as `const MI_PRELOADS = {…}`, and as
 * `dist/preloads.json` (paths relative to the loader), from which the configurator writes the
 * fast-start snippet's `<link>` lines for this release (src/embed/config.ts).
 */
function widgetPreloads(): Plugin {
  const USES = /\bMI_PRELOADS\b/;
  return {
    name: 'mi-widget-preloads',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c]] : [])),
      );
      /** A chunk and every chunk it imports statically, however deep. */
      const withImports = (file: string, seen = new Set<string>()): Set<string> => {
        if (seen.has(file)) return seen;
        seen.add(file);
        for (const imported of chunks.get(file)?.imports ?? []) withImports(imported, seen);
        return seen;
      };
      const locales: Record<string, string> = {};
      for (const chunk of chunks.values())
        if (/^(es|fr|pt)$/.test(chunk.name) && chunk.isDynamicEntry)
          locales[chunk.name] = `./${chunk.fileName}`;
      // The feed reader's worker (src/feed/parse-worker.ts), emitted as a file of its own.
      const reader = Object.keys(bundle).find((f) => /(^|\/)parse-worker-[\w-]+\.js$/.test(f));
      if (!reader) this.error('the feed reader’s worker is not in the bundle');
      for (const entry of chunks.values()) {
        if (!entry.isEntry || !USES.test(entry.code)) continue;
        const widgets: Record<string, string[]> = {};
        for (const file of entry.dynamicImports) {
          const chunk = chunks.get(file);
          if (chunk?.name.startsWith('mi-'))
            widgets[chunk.name] = [...withImports(file)].map((f) => `./${f}`);
        }
        if (!Object.keys(widgets).length) this.error(`${entry.fileName}: no widget chunks found`);
        // On a line of its own, so the source map only moves down one line.
        const preloads = { widgets, locales, reader: `./${reader}` };
        entry.code = `const MI_PRELOADS=${JSON.stringify(preloads)};\n${entry.code}`;
        if (entry.fileName === 'mi-widgets.js')
          this.emitFile({
            type: 'asset',
            fileName: 'preloads.json',
            source: `${JSON.stringify(preloads, null, 2)}\n`,
          });
        const map = bundle[`${entry.fileName}.map`];
        if (map?.type === 'asset' && typeof map.source === 'string') {
          const json = JSON.parse(map.source) as { mappings: string };
          json.mappings = `;${json.mappings}`;
          map.source = JSON.stringify(json);
        }
      }
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
 * dist/mi-widgets.css, the stylesheet that holds each widget's box until its script has loaded
 * (for pages that cannot have the snippet's inline `<style>`), written from the same lengths as
 * the widgets (src/embed/reserve.ts); `npm start` serves it at /mi-widgets.css.
 */
function reserveStylesheetFile(): Plugin {
  const fileName = 'mi-widgets.css';
  return {
    name: 'mi-reserve-stylesheet',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if ((req.url ?? '').split('?')[0] !== `/${fileName}`) return next();
        res.setHeader('content-type', 'text/css; charset=utf-8');
        res.end(reserveStylesheet());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName, source: reserveStylesheet() });
    },
  };
}

/**
 * dist/tokens.json: the design tokens (src/tokens/tokens.json, W3C Design Tokens format) as they
 * are, for design tools (Tokens Studio, Style Dictionary) to read a release's defaults.
 */
function tokensFile(): Plugin {
  return {
    name: 'mi-tokens-file',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'tokens.json',
        source: readFileSync(new URL('./src/tokens/tokens.json', import.meta.url), 'utf8'),
      });
    },
  };
}

/**
 * dist/integrity.json: each script and stylesheet a page may load from dist/ by URL (the loader,
 * its chunks and the feed reader, the iframe page's and the resize scripts, the stylesheets) →
 * its Subresource Integrity hash, `sha384-` and the base64 SHA-384 digest, for a snippet's
 * `integrity="…"` on a release's exact files. Read from the files as written, after public/ is
 * copied: the hash is of the bytes the CDN serves. Source maps, embed.html (an iframe's page
 * takes no `integrity`) and the JSON files are left out.
 */
function integrityFile(): Plugin {
  let outDir = 'dist';
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? files(join(dir, e.name))
        : /\.(js|css)$/.test(e.name)
          ? [join(dir, e.name)]
          : [],
    );
  return {
    name: 'mi-integrity-file',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const hashes: Record<string, string> = {};
      for (const file of files(outDir).sort()) {
        const digest = createHash('sha384').update(readFileSync(file)).digest('base64');
        hashes[relative(outDir, file).split(sep).join('/')] = `sha384-${digest}`;
      }
      writeFileSync(join(outDir, 'integrity.json'), `${JSON.stringify(hashes, null, 2)}\n`);
    },
  };
}

/**
 * The source modules that run for their effects — each widget's define module, the loader, the
 * localize setup — kept by the build as such: package.json's `sideEffects` lists only what the
 * package ships (lib/, dist/), and without this the build drops a define module's
 * `customElements.define` as an unused import.
 */
function sourceSideEffects(): Plugin {
  const effects = /[\\/]src[\\/](.+[\\/]mi-[^\\/]+|loader|i18n[\\/]localize)\.ts$/;
  return {
    name: 'mi-source-side-effects',
    transform(code, id) {
      return effects.test(id) ? { code, map: null, moduleSideEffects: true } : null;
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
  // Chunks find each other (and the feed reader's worker) relative to themselves, wherever a
  // partner's CDN serves the folder.
  base: './',
  worker: { format: 'es' },
  plugins: [
    sourceSideEffects(),
    embedFromSource(),
    renameLitTrustedTypesPolicy(),
    widgetPreloads(),
    reserveStylesheetFile(),
    tokensFile(),
    integrityFile(),
  ],
  server: { host: '127.0.0.1', port: 5173 },
  build: {
    // The supported browsers (README, "Supported browsers"): Baseline 2023 — what the widgets
    // need (container queries, constructed stylesheets in shadow roots, `inert`) arrived in
    // Chrome 105, Safari 16.4 and Firefox 112; ES2022 syntax at most (test/node/targets.test.js
    // parses every built file as such). The loader turns older browsers away (src/loader.ts).
    target: ['es2022', 'chrome105', 'edge105', 'firefox112', 'safari16.4'],
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
            {
              name: 'lit',
              test: /node_modules[\\/](lit|lit-html|lit-element|@lit|@lit-labs)[\\/]/,
            },
            // What every widget shares: base element, feed client, schema, localization.
            // The sanitizer stays a lazy chunk of its own; the banner's media query is its own;
            // the Listen buttons are the news feed's, the quiz's and the banner's, not the hubs'.
            {
              name: 'shared',
              // The feed reader (and valibot) runs in its worker; on the main thread only where no
              // worker can start, from a lazy chunk of its own.
              test: /src[\\/](shared[\\/](?!sanitize|media-query|languages|listen)|feed[\\/](client|copies|text)\.|i18n[\\/])/,
            },
            // How feed values are written, what a hub search looks in, and a hub's opening status
            // and distance: the hub locator's, and the main-thread reader's and hub store's
            // where no worker can start.
            {
              name: 'forms',
              test: /src[\\/](feed[\\/](forms|search)|hub-locator[\\/]hubs)\./,
            },
          ],
        },
      },
    },
  },
});
