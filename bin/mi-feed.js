#!/usr/bin/env node
/**
 * mi-feed: tools for the people who publish a Migration Info Widgets feed (`mi-feed --help`).
 * The CLI itself is src/cli/, compiled to ../lib/cli/ with the library (`npm run build:lib`).
 */
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const entry = new URL('../lib/cli/main.js', import.meta.url);
let main;
try {
  ({ main } = await import(entry.href));
} catch (error) {
  const missing =
    error?.code === 'ERR_MODULE_NOT_FOUND' && error.message.includes(fileURLToPath(entry));
  console.error(
    missing
      ? 'mi-feed: the compiled CLI (lib/cli/main.js) is missing: run `npm run build:lib` first'
      : `mi-feed: cannot load lib/cli/main.js: ${String(error?.message ?? error).split('\n')[0]}`,
  );
  process.exit(2);
}

// Output piped into a reader that stops early (`| head`): stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
});
