// The benchmark's web server on 127.0.0.1: no network. Unlike scripts/static-server.js it
//  - serves `dist/` from a copy taken in memory when the run starts, so a build running
//    meanwhile (other people's `npm test` rebuilds dist/) cannot swap chunks mid-run;
//  - compresses text with gzip as any CDN or web server does, so throttled loads move the bytes
//    a visitor's phone would receive;
//  - serves the benchmark's own pages and generated feeds from memory (`routes`);
//  - speaks HTTP/2 over TLS (a certificate of its own, made at start), as CDNs do: over
//    HTTP/1.1 a browser opens at most six connections to a host, and a page asking for seven
//    files at once would wait a whole round trip for the seventh.
import { execFileSync } from 'node:child_process';
import { createSecureServer } from 'node:http2';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
 * A self-signed certificate for 127.0.0.1, and the hash of its public key, which the bench's
 * browser is told to trust (bench/browser.js). Trusted, not merely accepted: Chromium keeps no
 * response of a host whose certificate it only lets through in its cache.
 */
function certificate() {
  const dir = mkdtempSync(join(tmpdir(), 'mi-bench-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const spki = execFileSync('sh', [
      '-c',
      'openssl x509 -in "$1" -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64',
      'sh',
      join(dir, 'cert.pem'),
    ])
      .toString()
      .trim();
    return {
      key: readFileSync(join(dir, 'key.pem')),
      cert: readFileSync(join(dir, 'cert.pem')),
      spki,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Serve `routes` (path → { type, body }), then `/dist/…` from `dist` (a {@link snapshot}),
 * then files under `root`, at https://127.0.0.1:port (HTTP/2). Resolves to the running server;
 * its `spki` is what {@link launchBrowser} needs to trust it.
 */
const notFound = (res) => {
  res.writeHead(404);
  res.end();
};

export function serveBench(root, dist, routes) {
  const gzipped = new Map(); // path → gzip of a body held in memory, compressed once
  const send = (req, res, type, body, key) => {
    const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body);
    // As a CDN serves a release: files whose names hold their hash may be kept for good; the
    // rest (pages, feeds, the loader) are asked for again each time. Every load of the bench is
    // in a fresh browser context, so each starts with an empty cache either way.
    const hashed = /^\/dist\/(chunks|assets)\//.test(key ?? '');
    const headers = {
      'content-type': type,
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      let zipped = key && gzipped.get(key);
      if (!zipped) zipped = gzipSync(buffer);
      if (key) gzipped.set(key, zipped);
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip' });
      res.end(zipped);
    } else {
      res.writeHead(200, headers);
      res.end(buffer);
    }
  };

  const { key, cert, spki } = certificate();
  const server = createSecureServer({ key, cert, allowHTTP1: true }, (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    const route = routes[path];
    if (route) return send(req, res, route.type, route.body, path);
    if (path.startsWith('/dist/')) {
      const file = dist[path.slice('/dist/'.length)];
      if (!file) return notFound(res);
      return send(req, res, TYPES[extname(path)] ?? 'application/octet-stream', file, path);
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return notFound(res);
    try {
      send(req, res, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
    } catch {
      notFound(res);
    }
  });
  server.spki = spki;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
