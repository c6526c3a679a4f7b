// The benchmark's web server on 127.0.0.1: no network. Unlike scripts/static-server.js it
//  - serves `dist/` from a copy taken in memory when the run starts, so a build running
//    meanwhile (other people's `npm test` rebuilds dist/) cannot swap chunks mid-run;
//  - compresses text with gzip as any CDN or web server does, so throttled loads move the bytes
//    a visitor's phone would receive;
//  - serves the benchmark's own pages and generated feeds from memory (`routes`).
import { createServer } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.js': 'text/javascript',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;

/** Every file under `dir`, as { 'path/relative/to/dir': Buffer }. */
function readTree(dir) {
  const files = {};
  const walk = (sub) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const path = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else files[path] = readFileSync(join(dir, path));
    }
  };
  walk('');
  return files;
}

/** The `./…js` files that a snapshot's scripts import and that it lacks. */
function missingImports(files) {
  const missing = [];
  for (const [path, bytes] of Object.entries(files)) {
    if (!path.endsWith('.js')) continue;
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
    for (const [, file] of bytes.toString().matchAll(/["'`]\.\/([\w./-]+\.js)["'`]/g))
      if (!files[normalize(dir + file)]) missing.push(`${path} → ${file}`);
  }
  return missing;
}

/**
 * Every file under `dir` (a build), read into memory: { 'path/in/dir': Buffer }. Read again
 * while a build running meanwhile leaves it inconsistent (a script importing a missing chunk).
 */
export async function snapshot(dir) {
  for (let attempt = 0; ; attempt++) {
    const files = readTree(dir);
    const missing = missingImports(files);
    if (!missing.length) return files;
    if (attempt === 10) throw new Error(`${dir} is inconsistent: ${missing.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

/**
 * Serve `routes` (path → { type, body }), then `/dist/…` from `dist` (a {@link snapshot}),
 * then files under `root`. Resolves to the running server.
 */
export function serveBench(root, dist, routes) {
  const gzipped = new Map(); // path → gzip of a body held in memory, compressed once
  const send = (req, res, type, body, key) => {
    const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body);
    const headers = { 'content-type': type, 'cache-control': 'no-store' };
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      let zipped = key && gzipped.get(key);
      if (!zipped) zipped = gzipSync(buffer);
      if (key) gzipped.set(key, zipped);
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(zipped);
    } else {
      res.writeHead(200, headers).end(buffer);
    }
  };

  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    const route = routes[path];
    if (route) return send(req, res, route.type, route.body, path);
    if (path.startsWith('/dist/')) {
      const file = dist[path.slice('/dist/'.length)];
      if (!file) return res.writeHead(404).end();
      return send(req, res, TYPES[extname(path)] ?? 'application/octet-stream', file, path);
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return res.writeHead(403).end();
    try {
      send(req, res, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
