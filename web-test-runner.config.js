import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLaunchOptions } from './scripts/chrome.js';
import { isolatingLauncher } from './scripts/test-browser.js';
import { reactAsModules } from './scripts/wtr-react.js';

/**
 * Fault injection for the feed client's tests, served by the test server itself (no network:
 * a server error, an HTML page, an answer that never comes, or a file answered late);
 * /__copy2/…, the same files under a second URL, to load a second copy of the bundle; and
 * /__cors/…, the same files with `Access-Control-Allow-Origin: *`, as a CDN serves the bundle
 * (the tests load it from the server's other name, 127.0.0.1, another origin than localhost);
 * /__flaky/…, the bundle with one of its chunks failing ({@link flakyChunks}); and
 * /__release/dist/…, the built files' exact bytes ({@link release}).
 */
/** Requests to /__faults/count/<key>/…, by key. */
const counts = new Map();

async function faults(context, next) {
  if (context.path.startsWith('/__flaky/')) return flakyChunks(context, next);
  if (context.path.startsWith('/__release/dist/')) return release(context);
  if (context.path.startsWith('/__copy2/')) {
    context.url = context.url.slice('/__copy2'.length);
    return next();
  }
  if (context.path.startsWith('/__cors/')) {
    context.url = context.url.slice('/__cors'.length);
    context.set('Access-Control-Allow-Origin', '*');
    return next();
  }
  const [, prefix, kind, arg] = context.path.split('/');
  if (prefix !== '__faults') return next();
  if (kind === 'status') {
    context.status = Number(arg);
    context.body = `status ${arg}`;
  } else if (kind === 'html') {
    context.type = 'text/html';
    context.body = '<!doctype html><title>Maintenance</title><h1>Back soon</h1>';
  } else if (kind === 'slow') {
    // /__faults/slow/<ms>/<path>: the file at /<path>, answered after <ms> milliseconds.
    await new Promise((resolve) => setTimeout(resolve, Math.min(Number(arg) || 0, 5000)));
    context.url = `/${context.path.split('/').slice(4).join('/')}`;
    return next();
  } else if (kind === 'drip') {
    // /__faults/drip/<path>: the file's headers at once, then its body a few bytes every 100 ms
    // (bounded: never more than 6 s, and over as soon as the client goes).
    const { createReadStream } = await import('node:fs');
    const { Readable } = await import('node:stream');
    const path = context.path.split('/').slice(3).join('/');
    if (!path.startsWith('test/fixtures/')) return next();
    const file = fileURLToPath(new URL(path, import.meta.url));
    const source = createReadStream(file, { highWaterMark: 16 });
    let gone = false;
    context.req.on('close', () => (gone = true));
    context.type = 'application/json';
    context.body = Readable.from(
      (async function* () {
        const started = Date.now();
        for await (const chunk of source) {
          if (gone || Date.now() - started > 6000) return;
          yield chunk;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })(),
    );
  } else if (kind === 'count') {
    // /__faults/count/<key>/<path>: the file at /<path>, each request counted under <key>;
    // /__faults/counted/<key>: how many came (a recording must not be fetched before its press).
    counts.set(arg, (counts.get(arg) ?? 0) + 1);
    context.url = `/${context.path.split('/').slice(4).join('/')}`;
    await next();
    context.set('Cache-Control', 'no-store'); // each press asks again
    return;
  } else if (kind === 'counted') {
    context.type = 'application/json';
    context.set('Cache-Control', 'no-store');
    context.body = String(counts.get(arg) ?? 0);
  } else if (kind === 'redirect') {
    // /__faults/redirect/<path>: 301 to the same file on the server's other name (another
    // origin), served with CORS as a CDN would.
    const host = context.host.replace(/^localhost(?=:|$)/, '127.0.0.1');
    context.status = 301;
    context.redirect(`http://${host}/__cors/${context.path.split('/').slice(3).join('/')}`);
  } else if (kind === 'hang') {
    // Answers only after the client gave up (bounded, so the server never hangs for long).
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, 5000);
      context.req.on('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    context.type = 'application/json';
    context.body = '{}';
  } else {
    return next();
  }
}

/** Per key of {@link flakyChunks}: the requests it failed so far, or `healed`. */
const flaky = new Map();

/**
 * A flaky network for the loader's tests: /__flaky/<key>/<n>/<name>/<path> is the file at
 * /<path>, except that the first <n> requests for a chunk named <name> (`chunks/<name>-<hash>.js`)
 * fail with a 503 (never cached); <n> = `always`: until /__flaky/<key>/heal is asked for. Chunks
 * import each other by relative URLs, so a bundle loaded from /__flaky/<key>/<n>/<name>/dist/
 * goes through here whole. The key (one per test) keeps the tests' counts apart.
 */
function flakyChunks(context, next) {
  const [, , key, n, name, ...rest] = context.path.split('/');
  if (n === 'heal') {
    flaky.set(key, 'healed');
    context.body = 'healed';
    return;
  }
  const failed = flaky.get(key) ?? 0;
  const file = rest.at(-1) ?? '';
  if (
    failed !== 'healed' &&
    (n === 'always' || failed < Number(n)) &&
    rest.at(-2) === 'chunks' &&
    file.startsWith(`${name}-`)
  ) {
    flaky.set(key, failed + 1);
    // Written directly: the test runner's own middleware gives every response for a path with a
    // file extension `Cache-Control: public, max-age=31536000`, and the browser would keep the
    // failure in its HTTP cache. A flaky server's error is not kept.
    context.respond = false;
    context.res.writeHead(503, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' });
    context.res.end(`flaky: ${file} failed`);
    return;
  }
  context.url = `/${rest.join('/')}${context.querystring ? `?${context.querystring}` : ''}`;
  return next();
}

const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };

/**
 * /__release/dist/<file>: the file as the build wrote it, as a CDN serves a release. The test
 * server's own handling rewrites a module's imports and adds to it: its bytes would not be the
 * ones whose hashes dist/integrity.json lists (Subresource Integrity).
 */
async function release(context) {
  const { readFile } = await import('node:fs/promises');
  const { extname } = await import('node:path');
  const path = context.path.slice('/__release/'.length);
  const type = TYPES[extname(path)];
  if (!type || path.includes('..')) return void (context.status = 404);
  try {
    const body = await readFile(fileURLToPath(new URL(path, import.meta.url)));
    context.respond = false;
    context.res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    context.res.end(body);
  } catch {
    context.status = 404;
  }
}

/**
 * A module asks for `./parse-worker.js` (`new Worker(new URL(…, import.meta.url))`), as the
 * built and the compiled library have it; from source that file is `.ts`, which the esbuild
 * plugin then serves as JavaScript.
 */
function sourceWorkers(context, next) {
  if (/^\/src\/.*-worker\.js$/.test(context.path))
    context.url = context.url.replace(/\.js(?=$|\?)/, '.ts');
  return next();
}

/**
 * The built release's hashed files as a CDN serves them: kept for good (the worker that the
 * fast-start snippet preloads then comes from the browser's cache, as it would from a CDN).
 */
async function releaseCaching(context, next) {
  await next();
  if (/^\/(__cors\/)?dist\/(chunks|assets)\//.test(context.path))
    context.set('Cache-Control', 'public, max-age=31536000, immutable');
}

/** Ends the run with one plain line, `tests: N passed, N failed, N skipped`, for CI to read. */
function plainSummary() {
  return {
    onTestRunFinished({ sessions }) {
      const count = { passed: 0, failed: 0, skipped: 0 };
      const walk = (suite) => {
        for (const test of suite.tests)
          count[test.skipped ? 'skipped' : test.passed ? 'passed' : 'failed']++;
        suite.suites.forEach(walk);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        if (
          !session.passed &&
          !session.testResults?.tests.length &&
          !session.testResults?.suites.length
        )
          count.failed++;
      }
      setTimeout(() =>
        console.log(
          `\ntests: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`,
        ),
      );
    },
  };
}

export default {
  // The longest file first, so that it does not run alone at the end.
  files: ['test/geometry.test.ts', 'src/**/*.test.ts', 'test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  rootDir: '.',
  // Two files at a time, each page in a browser context of its own (scripts/test-browser.js).
  concurrency: 2,
  testFramework: { config: { timeout: 5000 } },
  middleware: [releaseCaching, faults, sourceWorkers],
  plugins: [
    // React, CommonJS only, as ES modules for the React tests (test/frameworks.test.ts).
    reactAsModules(),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  reporters: [defaultReporter(), plainSummary()],
  browsers: [isolatingLauncher(await chromeLaunchOptions())],
  filterBrowserLogs: ({ args }) => !String(args[0] ?? '').includes('Lit is in dev mode'),
};
