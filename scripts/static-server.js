// A small static file server on 127.0.0.1 for the scripts that drive a headless browser
// (npm run bench, npm run test:stories): local files only, no network.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.html': 'text/html',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.map': 'application/json',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/**
 * Serve `root` (index.html for folders); `routes` maps a path to a body served before any file.
 * `cache`: let the browser keep files for a while (its compiled-code cache then spares each
 * page of a long run the Storybook bundle's compile; not for the benchmarks, which measure it).
 * Resolves to the running server; its URL is `http://127.0.0.1:${server.address().port}/`.
 */
export function serveStatic(root, routes = {}, { cache = false } = {}) {
  const caching = cache ? { 'cache-control': 'max-age=3600' } : {};
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    const route = routes[path];
    if (route)
      return res.writeHead(200, { 'content-type': route.type, ...caching }).end(route.body);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep))
      return res.writeHead(403).end();
    if (path.endsWith('/')) file = join(file, 'index.html');
    try {
      const body = await readFile(file);
      res
        .writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          ...caching,
        })
        .end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
