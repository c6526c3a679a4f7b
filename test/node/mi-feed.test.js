/**
 * The `mi-feed` CLI (src/cli/), called in-process: `main(argv, io)` with collecting streams, on
 * the fixtures in test/fixtures/cli/ (and demo/feed.json). One or two tests spawn the shim,
 * bin/mi-feed.js, itself. Needs the compiled library: `npx tsc -p tsconfig.lib.json`.
 * No network: the URL cases are served from 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../../lib/cli/main.js';
import { CSV_HELP } from '../../lib/cli/hubs-from-csv.js';
import { collector, lineWith, RAW_CONTROL } from './cli-helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'bin/mi-feed.js');
const fixture = (name) => join(root, 'test/fixtures/cli', name);

/** Runs `mi-feed …` in this process; resolves with its exit code and output. */
async function mi(args, { cwd = root, env = {} } = {}) {
  const stdout = collector();
  const stderr = collector();
  const code = await main(args, { stdout: stdout.stream, stderr: stderr.stream, cwd }, env);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Runs `node bin/mi-feed.js …` as a publisher does; resolves with its exit code and output. */
function run(args, { cwd = root, script = cli } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd, env: { ...process.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let tmp;
before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'mi-feed-test-'));
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('mi-feed validate', () => {
  test('a typo in every entry: the same picture as the widgets (test/corpus.test.ts), exit 1', async () => {
    const expected = JSON.parse(
      await readFile(join(root, 'test/fixtures/corpus/typos.expected.json'), 'utf8'),
    );
    const { code, stdout } = await mi(['validate', 'test/fixtures/corpus/typos.json', '--json']);
    assert.equal(code, 1);
    const report = JSON.parse(stdout);
    assert.deepEqual(
      report.problems.map((p) => [p.path, p.outcome]),
      expected.problems,
    );
    assert.equal(report.summary.news.count, expected.shown.items.length);
    assert.deepEqual(
      report.summary.quizzes.list.map((q) => [q.id, q.statements]),
      expected.shown.quizzes.map((q) => [q.split(':')[0], q.split(':')[1].split(',').length]),
    );
    assert.equal(report.summary.hubs.count, expected.shown.hubs.length);
    assert.equal(report.summary.campaigns.count, expected.shown.campaigns.length);
  });

  test('the demo feed: no problems, exit 0, and what each widget would show', async () => {
    const { code, stdout, stderr } = await mi(['validate', 'demo/feed.json']);
    assert.equal(code, 0, stdout + stderr);
    assert.equal(stderr, '');
    assert.match(stdout, /^demo\/feed\.json: no problems$/m);
    assert.match(stdout, /^What the widgets would show:$/m);
    assert.match(stdout, /<mi-news-feed>\s+\d+ news items: en \d+, es \d+/);
    assert.match(stdout, /<mi-quiz>\s+\d+ quiz/);
    assert.match(stdout, /"myths-sample" ".+": \d+ valid statements/);
    assert.match(stdout, /<mi-hub-locator>\s+\d+ hubs: [A-Z]{2} \d+/);
    assert.match(stdout, /<mi-campaign-banner>\s+\d+ campaigns, \d+ running at /);
  });

  test('a broken feed: each problem with its path, what was expected, what was found and what the widgets do; exit 1', async () => {
    const { code, stdout } = await mi([
      'validate',
      fixture('feed-broken.json'),
      '--now',
      '2026-03-01',
    ]);
    assert.equal(code, 1, stdout);
    assert.match(stdout, /feed-broken\.json: \d+ problems: .*fields? dropped.*news items? dropped/);
    const expected = [
      // path, expected, found, outcome
      ['items[1].date_published', 'an ISO 8601 date', '"8 Nov 2022"', 'field dropped'],
      ['items[3].url', 'an http(s) URL', '"javascript:alert(1)"', 'field dropped'],
      ['items[5].id', 'items[0]', '"ok-1"', 'entry dropped'],
      [
        '_migration_info.quizzes[0].questions[1].answer',
        '"myth" or "fact"',
        '"maybe"',
        'entry dropped',
      ],
      [
        '_migration_info.hubs.features[1].geometry.coordinates',
        'latitude within ±90',
        '[16.7833,-190.1]',
        'entry dropped',
      ],
      [
        '_migration_info.campaigns[1].cta.url',
        'an http(s) URL',
        '"data:text/html,hi"',
        'field dropped',
      ],
    ];
    for (const [path, what, found, outcome] of expected) {
      const line = lineWith(stdout, `  ${path}: `);
      assert.match(
        line,
        new RegExp(
          `: expected .*${escapeRegExp(what)}.*; found ${escapeRegExp(found)} → ${outcome}`,
        ),
        line,
      );
    }
    // What else went with a dropped field, and the entries grouped with what it costs.
    assert.match(
      lineWith(stdout, '  _migration_info.campaigns[1].cta.url: '),
      /\(left out: _migration_info\.campaigns\[1\]\.cta\)/,
    );
    assert.match(stdout, /^items\[5\] \(id "ok-1"\), left out by <mi-news-feed>:$/m);
    assert.match(stdout, /^items\[3\] \(id "bad-url"\), in <mi-news-feed>:$/m);
    assert.match(
      stdout,
      /^_migration_info\.hubs\.features\[1\] \(id "hub-bad"\), left out by <mi-hub-locator>:$/m,
    );
    // And what is left to show.
    assert.match(stdout, /<mi-news-feed>\s+\d+ news items: en \d+, es 1/);
    assert.match(stdout, /"myths" "Myth or fact\?": 1 valid statement$/m);
    assert.match(stdout, /<mi-hub-locator>\s+1 hub: GT 1/);
    assert.match(
      stdout,
      /<mi-campaign-banner>\s+\d campaigns, \d running at 2026-03-01T00:00Z: .*"always"/,
    );
  });

  test('a normalized value shows what it became, and its note', async () => {
    const file = join(tmp, 'normalized.json');
    await writeFile(
      file,
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Hubs',
        items: [],
        _migration_info: {
          hubs: {
            type: 'FeatureCollection',
            features: [
              {
                type: 'Feature',
                id: 'h',
                geometry: { type: 'Point', coordinates: [-90.5, 14.6] },
                properties: {
                  name: 'Hub',
                  country: 'GT',
                  phone: '+502 2233-4455',
                  timezone: 'Mars/Olympus',
                },
              },
            ],
          },
        },
      }),
    );
    const { code, stdout } = await mi(['validate', file]);
    assert.equal(code, 1, stdout);
    assert.match(
      lineWith(stdout, 'properties.phone: '),
      /found "\+502 2233-4455" → value normalized to "\+50222334455"$/,
    );
    const tz = stdout.split('\n').findIndex((l) => l.includes('properties.timezone: '));
    assert.match(stdout.split('\n')[tz], /→ value normalized to "America\/Guatemala"$/);
    assert.match(stdout.split('\n')[tz + 1], /^ {6}opening hours read in America\/Guatemala/);
  });

  test('hubs verified more than a year before --now: listed apart, no problem, the exit code unchanged', async () => {
    const hub = (properties, id) => ({
      type: 'Feature',
      ...(id ? { id } : {}),
      geometry: { type: 'Point', coordinates: [-90.5, 14.6] },
      properties: { name: 'Centro', country: 'GT', ...properties },
    });
    const features = [
      hub({ verified: '2024-11-02' }, 'old'),
      hub({ verified: '2025-03-01' }, 'a-year-to-the-day'),
      hub({ verified: '2025-02-28' }), // no id: the reader names it hub-3
      hub({}, 'never-verified'),
      hub({ verified: '2026-02-20' }, 'recent'),
    ];
    const file = join(tmp, 'verified.json');
    await writeFile(
      file,
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        items: [],
        _migration_info: { hubs: { type: 'FeatureCollection', features } },
      }),
    );
    const human = await mi(['validate', file, '--now', '2026-03-01']);
    assert.equal(human.code, 0, human.stdout);
    assert.match(human.stdout, /^.*verified\.json: no problems$/m);
    assert.match(
      human.stdout,
      /\n\n2 hubs last verified more than a year before 2026-03-01, in <mi-hub-locator> \(still shown, not a problem: check them, then update verified\):\n {2}_migration_info\.hubs\.features\[0\]\.properties\.verified: 2024-11-02 \(id "old"\)\n {2}_migration_info\.hubs\.features\[2\]\.properties\.verified: 2025-02-28 \(id "hub-3"\)\n\nWhat the widgets would show:/,
    );
    assert.match(human.stdout, /<mi-hub-locator>\s+5 hubs: GT 5/);

    const json = await mi(['validate', file, '--json', '--now', '2026-03-01T12:00:00Z']);
    assert.equal(json.code, 0);
    const report = JSON.parse(json.stdout);
    assert.deepEqual(report.problems, []);
    assert.deepEqual(report.stale, [
      {
        path: '_migration_info.hubs.features[0].properties.verified',
        id: 'old',
        verified: '2024-11-02',
      },
      {
        path: '_migration_info.hubs.features[2].properties.verified',
        id: 'hub-3',
        verified: '2025-02-28',
      },
    ]);

    // A year later every dated hub is stale; a year earlier none is, and --json has no stale.
    const later = JSON.parse(
      (await mi(['validate', file, '--json', '--now', '2027-03-01'])).stdout,
    );
    assert.deepEqual(
      later.stale.map((s) => s.id),
      ['old', 'a-year-to-the-day', 'hub-3', 'recent'],
    );
    const earlier = await mi(['validate', file, '--json', '--now', '2025-03-01']);
    assert.equal('stale' in JSON.parse(earlier.stdout), false);
    assert.doesNotMatch(
      (await mi(['validate', file, '--now', '2025-03-01'])).stdout,
      /last verified/,
    );

    // With problems too (a bare FeatureCollection; a hub left out before it): exit 1, as before.
    const bare = join(tmp, 'verified.geojson');
    await writeFile(
      bare,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [hub({ name: '' }, 'no-name'), hub({ verified: ' 2024-01-15 ' }, 'old')],
      }),
    );
    const both = await mi(['validate', bare, '--json', '--now', '2026-03-01']);
    assert.equal(both.code, 1);
    const bothReport = JSON.parse(both.stdout);
    assert.deepEqual(
      bothReport.problems.map((p) => [p.path, p.outcome]),
      [
        ['features[0].properties.name', 'entry dropped'],
        ['features[1].properties.verified', 'value normalized'],
      ],
    );
    assert.deepEqual(bothReport.stale, [
      { path: 'features[1].properties.verified', id: 'old', verified: '2024-01-15' },
    ]);
  });

  test('a bare GeoJSON FeatureCollection: the hub locator only', async () => {
    const { code, stdout } = await mi(['validate', fixture('hubs-good.geojson')]);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /<mi-hub-locator>\s+3 hubs: GT 1, HN 1, MX 1/);
    assert.doesNotMatch(stdout, /<mi-news-feed>|<mi-campaign-banner>/);
  });

  test('what hubs-from-csv writes: the hub locator reads all of it', async () => {
    const out = join(tmp, 'good.geojson');
    const csv = await mi(['hubs-from-csv', fixture('hubs-good.csv'), '--out', out]);
    assert.notEqual(csv.code, 2, csv.stderr);
    const { code, stdout } = await mi(['validate', out]);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /<mi-hub-locator>\s+3 hubs: GT 1, HN 1, MX 1/);
  });

  test('malformed JSON over several lines: line and column, the line and a caret; exit 2', async () => {
    const { code, stdout } = await mi(['validate', fixture('feed-malformed.json')]);
    assert.equal(code, 2, stdout);
    assert.match(
      stdout,
      /feed-malformed\.json: not valid JSON at line 6, column 5: a comma \(,\) expected/,
    );
    assert.match(stdout, /^ {8}\{ "id": "b", .*\n {8}\^$/m);
    assert.match(stdout, /^The document is unusable/m);
    assert.doesNotMatch(stdout, /What the widgets would show/);
  });

  test('malformed JSON on one line: the column of the mistake', async () => {
    const text = '{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": [tru]}';
    const file = join(tmp, 'one-line.json');
    await writeFile(file, text);
    const { code, stdout } = await mi(['validate', file]);
    assert.equal(code, 2, stdout);
    const [, line, column] = /line (\d+), column (\d+)/.exec(stdout) ?? [];
    assert.equal(line, '1');
    assert.equal(Number(column), text.indexOf('tru') + 1);
    const [shown, caret] = stdout.split('\n').slice(1, 3);
    assert.equal(shown.slice(caret.indexOf('^'), caret.indexOf('^') + 3), 'tru');
  });

  test('a document unusable as a whole, and one that is not a feed: exit 2', async () => {
    const unusable = await mi(['validate', fixture('feed-unusable.json')]);
    assert.equal(unusable.code, 2, unusable.stdout);
    assert.match(unusable.stdout, /^The document is unusable/m);
    assert.match(
      unusable.stdout,
      /^ {2}items: expected a list.*; found \{id, title, content_text\} → document unusable$/m,
    );

    const notAFeed = await mi(['validate', fixture('not-a-feed.json')]);
    assert.equal(notAFeed.code, 2, notAFeed.stdout);
    assert.match(
      notAFeed.stdout,
      /expected a JSON Feed 1\.1 document .* or a GeoJSON FeatureCollection; found \{hello\} → document unusable/,
    );
    assert.doesNotMatch(notAFeed.stdout, /What the widgets would show/);
  });

  test('a document nested thousands of levels deep: one line, exit 2, not a stack overflow', async () => {
    const depth = 100_000;
    const file = join(tmp, 'deep.json');
    await writeFile(file, `${'['.repeat(depth)}${']'.repeat(depth)}`);
    const deep = await mi(['validate', file]);
    assert.equal(deep.code, 2);
    // Unusable either way: said in a line (today the reader overflows the stack), no stack trace.
    assert.match(deep.stdout + deep.stderr, /nested too deeply|unusable/);
    assert.doesNotMatch(deep.stdout + deep.stderr, /\n\s+at /);
    // And not even JSON: the line and column still.
    await writeFile(file, `${'['.repeat(depth)}${']'.repeat(depth - 1)}`);
    const broken = await mi(['validate', file]);
    assert.equal(broken.code, 2);
    assert.match(broken.stdout, /not valid JSON at line 1, column 200000/);
  });

  test('control characters in a feed are printed escaped: it cannot clear the screen or fake "no problems"', async () => {
    const file = join(tmp, 'hostile.json');
    await writeFile(
      file,
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: '\u001b[2J no problems',
        items: [
          {
            id: 'a\u001b[2J',
            title: { en: 'ok', '\u202eevil': 'x' },
            content_text: 'x',
            language: '\u009b2J no problems',
            url: 'javascript:\u001b]0;title\u0007',
          },
        ],
        _migration_info: {
          quizzes: [
            {
              id: 'q\u0007',
              title: '\u001b[2J\nhostile.json: no problems\u2028',
              questions: [{ id: '1', statement: 's', answer: 'myth', explanation: 'e' }],
            },
          ],
        },
      }),
    );
    const { code, stdout, stderr } = await mi(['validate', file]);
    assert.equal(code, 1, stdout + stderr);
    assert.doesNotMatch(stdout, RAW_CONTROL);
    assert.doesNotMatch(stdout, /^hostile\.json: no problems/m);
    assert.match(stdout, /\\u001b\[2J/);
    assert.match(stdout, /\\u202eevil/);
    assert.match(stdout, /\\u009b2J no problems/);
    assert.match(
      stdout,
      /"q\\u0007" "\\u001b\[2J\\nhostile\.json: no problems\\u2028": 1 valid statement/,
    );

    const json = await mi(['validate', file, '--json']);
    assert.equal(json.code, 1);
    assert.doesNotMatch(json.stdout, RAW_CONTROL);
    const report = JSON.parse(json.stdout);
    assert.equal(
      report.summary.quizzes.list[0].title,
      '\u001b[2J\nhostile.json: no problems\u2028',
    );
  });

  test('--json: one JSON document for CI, nothing else on stdout; the same exit codes', async () => {
    const broken = await mi([
      'validate',
      fixture('feed-broken.json'),
      '--json',
      '--now',
      '2026-03-01',
    ]);
    assert.equal(broken.code, 1);
    assert.equal(broken.stderr, '');
    const report = JSON.parse(broken.stdout);
    assert.deepEqual(Object.keys(report).sort(), ['problems', 'source', 'summary', 'usable']);
    assert.equal(report.source, fixture('feed-broken.json'));
    assert.equal(report.usable, true);
    assert.ok(report.problems.length > 0);
    for (const p of report.problems) {
      for (const key of ['path', 'expected', 'found', 'outcome', 'entry', 'section']) {
        assert.equal(typeof p[key], 'string', `${key} of ${JSON.stringify(p)}`);
      }
    }
    assert.deepEqual(
      report.problems.find((p) => p.path === 'items[1].date_published'),
      {
        path: 'items[1].date_published',
        expected: report.problems.find((p) => p.path === 'items[1].date_published').expected,
        found: '"8 Nov 2022"',
        outcome: 'field dropped',
        entry: 'items[1] (id "bad-date")',
        section: 'news',
      },
    );
    assert.equal(report.summary.kind, 'feed');
    assert.equal(report.summary.news.byLanguage.es, 1);
    assert.deepEqual(report.summary.quizzes.list, [
      { id: 'myths', title: 'Myth or fact?', statements: 1 },
    ]);
    assert.deepEqual(report.summary.hubs, { count: 1, byCountry: { GT: 1 } });
    assert.equal(report.summary.campaigns.now, '2026-03-01T00:00:00.000Z');
    assert.ok(report.summary.campaigns.running.includes('always'));

    const good = await mi(['validate', 'demo/feed.json', '--json']);
    assert.equal(good.code, 0);
    assert.deepEqual(JSON.parse(good.stdout).problems, []);

    const malformed = await mi(['validate', fixture('feed-malformed.json'), '--json']);
    assert.equal(malformed.code, 2);
    const syntax = JSON.parse(malformed.stdout);
    assert.equal(syntax.usable, false);
    assert.equal(syntax.summary, null);
    assert.deepEqual(syntax.jsonError, { line: 6, column: 5, message: 'a comma (,) expected' });
    assert.equal(syntax.problems[0].outcome, 'document unusable');

    const notAFeed = await mi(['validate', fixture('not-a-feed.json'), '--json']);
    assert.equal(notAFeed.code, 2);
    const unusable = JSON.parse(notAFeed.stdout);
    assert.equal(unusable.usable, false);
    assert.equal(unusable.summary, null);
    assert.equal(unusable.problems[0].outcome, 'document unusable');

    // Input it cannot read: no JSON, a line on stderr.
    const missing = await mi(['validate', 'no-such-file.json', '--json']);
    assert.equal(missing.code, 2);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, /no such file/);
  });

  test('input that cannot be read: one line, exit 2', async () => {
    const missing = await mi(['validate', 'test/fixtures/cli/no-such-file.json']);
    assert.equal(missing.code, 2);
    assert.equal(
      missing.stderr,
      'mi-feed: cannot read test/fixtures/cli/no-such-file.json: no such file\nTry: mi-feed --help\n',
    );
    const directory = await mi(['validate', 'test/fixtures/cli']);
    assert.equal(directory.code, 2);
    assert.match(
      directory.stderr,
      /^mi-feed: cannot read test\/fixtures\/cli: it is a directory, not a file$/m,
    );
    const big = await mi(['validate', 'demo/feed.json', '--max-size', '1KB']);
    assert.equal(big.code, 2);
    assert.match(
      big.stderr,
      /^mi-feed: demo\/feed\.json is [\d.]+ KB, over the 1 KB limit \(raise it with --max-size\)$/m,
    );
    // Relative to the cwd it is given.
    const relative = await mi(['validate', 'feed.json'], { cwd: join(root, 'demo') });
    assert.equal(relative.code, 0, relative.stderr);
  });

  test('usage errors: one line and a hint on stderr, nothing on stdout, exit 2', async () => {
    for (const args of [
      ['frobnicate'],
      ['--frobnicate'],
      ['validate'],
      ['validate', 'a.json', 'b.json'],
      ['validate', 'demo/feed.json', '--now', 'someday'],
      ['validate', 'demo/feed.json', '--colour'],
      ['validate', 'demo/feed.json', '--now'],
      ['validate', 'demo/feed.json', '--max-size', 'lots'],
      ['validate', 'demo/feed.json', '--timeout', '-1'],
      ['help', 'frobnicate'],
    ]) {
      const { code, stderr, stdout } = await mi(args);
      const what = `mi-feed ${args.join(' ')}: ${stdout}${stderr}`;
      assert.equal(code, 2, what);
      assert.equal(stdout, '', what);
      assert.match(stderr, /^mi-feed: [^\n]+\nTry: mi-feed --help\n$/, what);
    }
    const colour = await mi(['validate', 'demo/feed.json', '--colour']);
    assert.match(colour.stderr, /^mi-feed: unknown option '--colour'\n/);
    const hostile = await mi(['frob\u001b[2Jnicate']);
    assert.match(hostile.stderr, /unknown command "frob\\u001b\[2Jnicate"/);
  });

  describe('from an http(s) URL', () => {
    let server;
    let origin;
    before(async () => {
      const demo = await readFile(join(root, 'demo/feed.json'));
      const broken = await readFile(fixture('feed-broken.json'));
      server = createServer((req, res) => {
        if (req.url === '/feed.json' || req.url === '/broken.json') {
          res.writeHead(200, { 'content-type': 'application/feed+json' });
          res.end(req.url === '/feed.json' ? demo : broken);
        } else if (req.url === '/hang') {
          // never answers
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

    test('a good feed: exit 0', async () => {
      const { code, stdout, stderr } = await mi(['validate', `${origin}/feed.json`]);
      assert.equal(code, 0, stdout + stderr);
      assert.match(stdout, /no problems/);
    });

    test('a broken feed: the same problems as from a file; exit 1', async () => {
      const { code, stdout } = await mi(['validate', `${origin}/broken.json`]);
      assert.equal(code, 1);
      lineWith(stdout, '  items[1].date_published:');
      lineWith(stdout, '  _migration_info.campaigns[1].cta.url:');
    });

    test('an HTTP error, and a server that does not answer in time: exit 2', async () => {
      const missing = await mi(['validate', `${origin}/missing.json`]);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /HTTP 404/);
      const hang = await mi(['validate', `${origin}/hang`, '--timeout', '200ms']);
      assert.equal(hang.code, 2);
      assert.match(hang.stderr, /no answer within 200 ms/);
    });
  });
});

describe('mi-feed', () => {
  test('--version: the package’s', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
    const { code, stdout } = await mi(['--version']);
    assert.equal(code, 0);
    assert.equal(stdout, `${pkg.version}\n`);
  });

  test('an unexpected error: one line, no stack trace unless MI_FEED_DEBUG=1', async () => {
    const broken = {
      write() {
        throw new Error('the disk is on fire\n    at somewhere (file.js:1:1)');
      },
    };
    const stderr = collector();
    const io = { stdout: broken, stderr: stderr.stream, cwd: root };
    assert.equal(await main(['--version'], io, {}), 2);
    assert.equal(
      stderr.text(),
      'mi-feed: unexpected error: the disk is on fire\nRun it again with MI_FEED_DEBUG=1 for the details.\n',
    );

    const debug = collector();
    assert.equal(
      await main(['--version'], { ...io, stderr: debug.stream }, { MI_FEED_DEBUG: '1' }),
      2,
    );
    assert.match(
      debug.text(),
      /^mi-feed: unexpected error: the disk is on fire\nError: the disk is on fire\n/,
    );
    assert.match(debug.text(), /\n {4}at .*main\.js/);
  });

  test('no command: the help on stderr, exit 2', async () => {
    const { code, stdout, stderr } = await mi([]);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^Usage:$/m);
  });

  test('validate --help: its options and the exit codes', async () => {
    const { code, stdout } = await mi(['validate', 'x.json', '--help']);
    assert.equal(code, 0);
    for (const option of ['--now', '--json', '--max-size', '--timeout']) {
      assert.match(stdout, new RegExp(`^ {4}${option} `, 'm'), option);
    }
    assert.match(stdout, /default 50MB/);
    assert.match(stdout, /default 30s/);
    assert.match(stdout, /Exit codes:\n {2}0 .*\n( {5}.*\n)* {2}1 .*\n( {5}.*\n)* {2}2 /);
  });
});

describe('bin/mi-feed.js, the shim', () => {
  test('runs the CLI: exit code and output of the process', async () => {
    const ok = await run(['validate', 'demo/feed.json']);
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /^demo\/feed\.json: no problems$/m);
    const unusable = await run(['validate', fixture('not-a-feed.json')]);
    assert.equal(unusable.code, 2);
  });

  test('without the compiled library: one line saying how to build it', async () => {
    await mkdir(join(tmp, 'bin'), { recursive: true });
    const script = join(tmp, 'bin/mi-feed.js');
    await copyFile(cli, script);
    const { code, stdout, stderr } = await run(['--version'], { script });
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(
      stderr,
      'mi-feed: the compiled CLI (lib/cli/main.js) is missing: run `npm run build:lib` first\n',
    );
  });
});

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('mi-feed --help documents both commands, every CSV column and the exit codes', async () => {
  const { code, stdout } = await mi(['--help']);
  assert.equal(code, 0);
  assert.match(stdout, /mi-feed validate <file-or-url>/);
  assert.match(stdout, /mi-feed hubs-from-csv <file\.csv> \[--out <file\.geojson>\]/);
  // Every column and hashtag is checked in CSV_HELP (hubs-from-csv.test.js): --help carries it whole.
  assert.ok(stdout.includes(CSV_HELP.trim()), 'the hubs-from-csv help, whole');
  assert.match(stdout, /Exit codes:\n {2}0 .*\n( {5}.*\n)* {2}1 .*\n( {5}.*\n)* {2}2 /);
});
