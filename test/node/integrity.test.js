/**
 * dist/integrity.json, written by the CDN build (vite.config.ts, integrityFile): each script and
 * stylesheet of dist/ → `sha384-` and the base64 SHA-384 digest of its bytes, as Subresource
 * Integrity wants them. Recomputed here from the files on disk: a partner who pins a release
 * with `integrity="…"` must get exactly those bytes, or the browser refuses the file.
 *
 * Needs the CDN build: `npx vite build`.
 */
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const integrity = JSON.parse(readFileSync(join(dist, 'integrity.json'), 'utf8'));

/** Every file under dist/, as a path relative to it with `/`. */
const files = (dir = dist) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? files(join(dir, e.name))
      : [relative(dist, join(dir, e.name)).split(sep).join('/')],
  );

test('each listed file is on disk with the hash the file says', () => {
  const wrong = [];
  for (const [file, hash] of Object.entries(integrity)) {
    if (!existsSync(join(dist, file))) {
      wrong.push(`${file}: missing`);
      continue;
    }
    const digest = createHash('sha384')
      .update(readFileSync(join(dist, file)))
      .digest('base64');
    if (hash !== `sha384-${digest}`) wrong.push(`${file}: ${hash} ≠ sha384-${digest}`);
  }
  assert.deepEqual(wrong, []);
});

test('every script and stylesheet a page may load is listed, and nothing else', () => {
  const loadable = files()
    .filter((f) => /\.(js|css)$/.test(f))
    .sort();
  assert.deepEqual(Object.keys(integrity).sort(), loadable);
  for (const file of [
    'mi-widgets.js',
    'mi-widgets.css',
    'embed.js',
    'embed.css',
    'mi-embed-resize.js',
  ])
    assert.ok(file in integrity, `${file} is not listed`);
  assert.ok(
    Object.keys(integrity).some((f) => /^chunks\/lit-[\w-]+\.js$/.test(f)),
    'the chunks are listed',
  );
  assert.ok(
    Object.keys(integrity).some((f) => /^assets\/parse-worker-[\w-]+\.js$/.test(f)),
    'the feed reader is listed',
  );
});

test('each hash is SRI’s sha384 form: 48 bytes, base64', () => {
  for (const [file, hash] of Object.entries(integrity)) {
    const match = /^sha384-([A-Za-z0-9+/]{64})$/.exec(hash);
    assert.ok(match, `${file}: ${hash}`);
    assert.equal(Buffer.from(match[1], 'base64').length, 48);
  }
});
