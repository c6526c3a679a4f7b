/**
 * What `mi-feed` reads (src/cli/input.ts), and how it stops on hostile input: a directory, a
 * missing file, a file over the size cap, text that is not UTF-8, a URL that never answers, one
 * that hangs after its headers, one that sends forever. Needs the compiled library
 * (`npx tsc -p tsconfig.lib.json`). No network: every server is on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../../lib/cli/io.js';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  formatSize,
  parseJson,
  parseSize,
  parseTimeout,
  readInput,
} from '../../lib/cli/input.js';

let tmp;
before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'mi-feed-input-'));
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Asserts that `promise` rejects with a UsageError whose one-line message matches `pattern`. */
async function rejectsWith(promise, pattern) {
  await assert.rejects(promise, (error) => {
    assert.ok(error instanceof UsageError, `a UsageError, not ${error?.stack ?? error}`);
    assert.match(error.message, pattern);
    assert.doesNotMatch(error.message, /\n/, 'one line');
    return true;
  });
}

describe('sizes and times', () => {
  test('the defaults: 50 MB and 30 s', () => {
    assert.equal(DEFAULT_MAX_BYTES, 50 * 1024 * 1024);
    assert.equal(DEFAULT_TIMEOUT_MS, 30_000);
    assert.equal(formatSize(DEFAULT_MAX_BYTES), '50 MB');
  });

  test('--max-size: bytes, KB, MB, GB (powers of 1024); anything else is a usage error', () => {
    assert.equal(parseSize('100'), 100);
    assert.equal(parseSize('512KB'), 512 * 1024);
    assert.equal(parseSize('1.5 mb'), 1.5 * 1024 * 1024);
    assert.equal(parseSize('2g'), 2 * 1024 ** 3);
    for (const bad of ['', '0', '-1', 'lots', '10 TB', '1e9']) {
      assert.throws(() => parseSize(bad), UsageError, bad);
    }
  });

  test('--timeout: seconds by default, or s, ms, m; anything else is a usage error', () => {
    assert.equal(parseTimeout('30'), 30_000);
    assert.equal(parseTimeout('0.25'), 250);
    assert.equal(parseTimeout('90s'), 90_000);
    assert.equal(parseTimeout('200ms'), 200);
    assert.equal(parseTimeout('2m'), 120_000);
    for (const bad of ['', '0', '-5', 'soon', '1h', '99999999']) {
      assert.throws(() => parseTimeout(bad), UsageError, bad);
    }
  });
});

describe('files', () => {
  test('a relative path is read from the cwd given; the base is its file: URL', async () => {
    await writeFile(join(tmp, 'a.json'), '{"a": 1}');
    const input = await readInput('a.json', { cwd: tmp });
    assert.equal(input.text, '{"a": 1}');
    assert.equal(input.base, pathToFileURL(join(tmp, 'a.json')).href);
    assert.equal(input.bytes, 8);
    const byUrl = await readInput(pathToFileURL(join(tmp, 'a.json')).href, { cwd: '/' });
    assert.equal(byUrl.text, '{"a": 1}');
  });

  test('a byte order mark is dropped', async () => {
    await writeFile(join(tmp, 'bom.json'), '\ufeff{"a": 1}');
    assert.equal((await readInput('bom.json', { cwd: tmp })).text, '{"a": 1}');
  });

  test('a missing file', async () => {
    await rejectsWith(
      readInput('nope.json', { cwd: tmp }),
      /^cannot read nope\.json: no such file$/,
    );
  });

  test('a directory', async () => {
    await mkdir(join(tmp, 'folder.json'), { recursive: true });
    await rejectsWith(readInput('folder.json', { cwd: tmp }), /folder\.json: it is a directory/);
  });

  test('a file over the cap: refused from its size, before it is read', async () => {
    await writeFile(join(tmp, 'big.json'), `[${'1,'.repeat(2000)}1]`);
    await rejectsWith(
      readInput('big.json', { cwd: tmp, maxBytes: 1024 }),
      /big\.json is 3\.9 KB, over the 1 KB limit \(raise it with --max-size\)/,
    );
    // Exactly at the cap is fine.
    await writeFile(join(tmp, 'exact.json'), 'x'.repeat(1024));
    assert.equal((await readInput('exact.json', { cwd: tmp, maxBytes: 1024 })).bytes, 1024);
  });

  test(
    'a device that never ends (/dev/zero) is cut off at the cap',
    { skip: !existsSync('/dev/zero') },
    async () => {
      await rejectsWith(
        readInput('/dev/zero', { cwd: tmp, maxBytes: 100_000 }),
        /\/dev\/zero is larger than the 97\.7 KB limit/,
      );
    },
  );

  test('not UTF-8', async () => {
    await writeFile(join(tmp, 'latin1.json'), Buffer.from('{"a": "Pet\xe9n"}', 'latin1'));
    await rejectsWith(readInput('latin1.json', { cwd: tmp }), /^latin1\.json is not UTF-8 text$/);
    await rejectsWith(
      readInput('latin1.json', { cwd: tmp, utf8Hint: 'save it as UTF-8' }),
      /not UTF-8 text: save it as UTF-8$/,
    );
  });

  test('a name with control characters is shown escaped', async () => {
    await rejectsWith(
      readInput('\u001b[2Jx.json', { cwd: tmp }),
      /^cannot read \\u001b\[2Jx\.json: /,
    );
  });

  test('other URL schemes are refused', async () => {
    await rejectsWith(
      readInput('ftp://example.org/feed.json', { cwd: tmp }),
      /only files and http\(s\) URLs/,
    );
  });
});

describe('http(s) URLs (127.0.0.1)', () => {
  let server;
  let origin;
  /** Resolves when a response the server sends forever is closed by the client. */
  let foreverClosed;
  let foreverBytes = 0;

  before(async () => {
    let closed;
    foreverClosed = new Promise((resolve) => (closed = resolve));
    server = createServer((req, res) => {
      if (req.url === '/feed.json') {
        res.writeHead(200, { 'content-type': 'application/feed+json' });
        res.end('{"ok": true}');
      } else if (req.url === '/redirect') {
        res.writeHead(302, { location: '/feed.json' });
        res.end();
      } else if (req.url === '/hang') {
        // Never answers.
      } else if (req.url === '/hang-after-headers') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"items": [');
      } else if (req.url === '/forever') {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(16 * 1024, 0x20);
        const send = () => {
          // Until the client goes away: then `res.destroyed`, and the loop stops.
          while (!res.destroyed) {
            foreverBytes += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', send);
          }
        };
        res.on('close', closed);
        send();
      } else if (req.url === '/big') {
        res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) });
        res.write('[');
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      }
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${server.address().port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  test('a good answer; the base is the URL after redirects', async () => {
    const input = await readInput(`${origin}/redirect`, { cwd: tmp });
    assert.equal(input.text, '{"ok": true}');
    assert.equal(input.base, `${origin}/feed.json`);
  });

  test('an HTTP error', async () => {
    await rejectsWith(readInput(`${origin}/missing.json`, { cwd: tmp }), /HTTP 404 Not Found$/);
  });

  test('a server that never answers: stopped by the timeout', async () => {
    const started = Date.now();
    await rejectsWith(
      readInput(`${origin}/hang`, { cwd: tmp, timeoutMs: 300 }),
      /no answer within 300 ms \(change it with --timeout\)/,
    );
    assert.ok(Date.now() - started < 5000);
  });

  test('a server that hangs after its headers: stopped by the same timeout', async () => {
    const started = Date.now();
    await rejectsWith(
      readInput(`${origin}/hang-after-headers`, { cwd: tmp, timeoutMs: 300 }),
      /the download did not finish within 300 ms \(11 bytes received/,
    );
    assert.ok(Date.now() - started < 5000);
  });

  test('a server that sends forever: cut off at the cap, and its connection closed', async () => {
    await rejectsWith(
      readInput(`${origin}/forever`, { cwd: tmp, maxBytes: 256 * 1024 }),
      /\/forever is larger than the 256 KB limit \(raise it with --max-size\)/,
    );
    await foreverClosed; // the server's loop saw the client go, and stopped
    const sent = foreverBytes;
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(foreverBytes, sent, 'the server stopped sending');
  });

  test('a Content-Length over the cap: refused before the body is read', async () => {
    await rejectsWith(
      readInput(`${origin}/big`, { cwd: tmp, maxBytes: 1024 * 1024 }),
      /\/big is 10 MB, over the 1 MB limit/,
    );
  });

  test('nothing listening', async () => {
    const closed = createServer();
    await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = closed.address().port;
    await new Promise((resolve) => closed.close(resolve));
    await rejectsWith(
      readInput(`http://127.0.0.1:${port}/feed.json`, { cwd: tmp }),
      /^cannot fetch .*ECONNREFUSED/,
    );
  });
});

describe('JSON', () => {
  test('a document', () => {
    assert.deepEqual(parseJson('{"a": [1, true, null]}'), { value: { a: [1, true, null] } });
  });

  test('a syntax error on a later line: its line and column, the line and a caret', () => {
    const text = '{\n  "items": [\n    {"id": 1}\n    {"id": 2}\n  ]\n}\n';
    const { error } = parseJson(text);
    assert.equal(error.line, 4);
    assert.equal(error.column, 5);
    assert.equal(error.message, 'a comma (,) expected');
    assert.deepEqual(error.excerpt, ['    {"id": 2}', '    ^']);
  });

  test('on one line', () => {
    const { error } = parseJson('{"version": "1.1", "items": [tru]}');
    assert.equal(error.line, 1);
    assert.equal(error.column, 30);
    assert.match(error.message, /"tru" is not JSON/);
    assert.equal(error.excerpt[1].indexOf('^'), 29);
  });

  test('what JSON does not allow, said plainly', () => {
    const cases = [
      ['{"a": 1,}', 1, 8, /trailing comma/],
      ['{"a": 1 // note\n}', 1, 9, /comment/],
      ["{'a': 1}", 1, 2, /"'a'" is not JSON/],
      ['{"a": "x\ty"}', 1, 9, /control character/],
      ['{"a": "\\q"}', 1, 8, /escape/],
      ['[1, 2\n\n\n', 1, 6, /closing \]/],
      ['', 1, 1, /a value expected/],
    ];
    for (const [text, line, column, message] of cases) {
      const { error } = parseJson(text);
      assert.ok(error, JSON.stringify(text));
      assert.deepEqual([error.line, error.column], [line, column], JSON.stringify(text));
      assert.match(error.message, message);
    }
  });

  test('a long line is cut around the spot; control characters in it are escaped', () => {
    // C1 controls and bidi overrides are allowed in JSON strings; C0 ones are an error themselves.
    const text = `{"a": "${'x'.repeat(200)}", "b": "\u009b2J\u202e" ,, "c": 1}`;
    const { error } = parseJson(text);
    const [shown, caret] = error.excerpt;
    assert.ok(shown.startsWith('…') && shown.length < 100, shown);
    assert.ok(shown.includes('\\u009b2J\\u202e'), shown);
    assert.doesNotMatch(shown, /[\u009b\u202e]/);
    assert.equal(shown[caret.indexOf('^')], ',');
  });
});
