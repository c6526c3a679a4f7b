/**
 * Writes the feed's JSON Schema, generated from the widgets' own valibot schemas
 * (src/feed/json-schema.ts), to dist/feed.schema.json — or to the path given as argument.
 * Needs the compiled library first: `npx tsc -p tsconfig.lib.json` (writes lib/).
 *
 *   node scripts/build-schema.js [out-file]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? resolve(root, 'dist/feed.schema.json'));

let feedJsonSchema;
try {
  ({ feedJsonSchema } = await import('../lib/feed/json-schema.js'));
} catch (error) {
  console.error(`build-schema: cannot load lib/feed/json-schema.js (${error.message}).`);
  console.error('Build the library first: npx tsc -p tsconfig.lib.json');
  process.exit(1);
}

await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify(feedJsonSchema(), null, 2)}\n`);
console.log(`build-schema: wrote ${relative(process.cwd(), out) || out}`);
