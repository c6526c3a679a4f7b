/**
 * The `mi-feed` CLI, run as a publisher runs it: a child process on the fixtures in
 * test/fixtures/cli/ (and demo/feed.json). Needs the compiled library: `npx tsc -p tsconfig.lib.json`.
 * No network: the URL case is served from 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { HubFeatureSchema } from '../../lib/feed/schema.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'bin/mi-feed.js');
const fixture = (name) => join(root, 'test/fixtures/cli', name);

/** Runs `mi-feed …` in the repository; resolves with its exit code and output. */
function run(args, { cwd = root } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The output line that mentions `needle`. */
function lineWith(text, needle) {
  const line = text.split('\n').find((l) => l.includes(needle));
  assert.ok(line, `no line with ${JSON.stringify(needle)} in:\n${text}`);
  return line;
}

let tmp;
before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'mi-feed-test-'));
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('mi-feed validate', () => {
  test('the demo feed: no problems, exit 0, and what each widget would show', async () => {
    const { code, stdout, stderr } = await run(['validate', 'demo/feed.json']);
    assert.equal(code, 0, stdout + stderr);
    assert.match(stdout, /^demo\/feed\.json: no problems$/m);
    assert.match(stdout, /<mi-news-feed>\s+\d+ news items: en \d+, es \d+/);
    assert.match(stdout, /<mi-quiz>\s+\d+ quiz/);
    assert.match(stdout, /"myths-sample" ".+": \d+ valid statements/);
    assert.match(stdout, /<mi-hub-locator>\s+\d+ hubs: [A-Z]{2} \d+/);
    assert.match(stdout, /<mi-campaign-banner>\s+\d+ campaigns, \d+ running at /);
  });

  test('a broken feed: every problem with its path, what was expected and what was found; exit 1', async () => {
    const { code, stdout } = await run([
      'validate',
      fixture('feed-broken.json'),
      '--now',
      '2026-03-01',
    ]);
    assert.equal(code, 1, stdout);
    assert.match(stdout, /feed-broken\.json: 13 problems/);
    const expected = [
      ['items[1].date_published:', 'must be an ISO 8601 date', '"8 Nov 2022"'],
      ['items[3].url:', 'must be an http(s) URL', '"javascript:alert(1)"'],
      ['items[3].language:', 'must be a language tag', '"english"'],
      ['items[4]:', 'needs content_html or content_text', '{id, title}'],
      ['items[5].id:', 'must not repeat the id of items[0]', '"ok-1"'],
      ['_migration_info.quizzes[1].title:', 'is required', 'found nothing'],
      ['_migration_info.quizzes[0].questions[1].answer:', 'must be "myth" or "fact"', '"maybe"'],
      [
        '_migration_info.quizzes[0].questions[2].statement:',
        'must have text in at least one language',
        '{es}',
      ],
      [
        '_migration_info.hubs.features[1].geometry.coordinates:',
        'latitude within ±90',
        '[16.7833,-190.1]',
      ],
      ['_migration_info.hubs.features[1].properties.country:', 'ISO 3166-1 alpha-2', '"Guatemala"'],
      ['_migration_info.hubs.features[1].properties.phone:', 'E.164', '"2233 4455"'],
      [
        '_migration_info.campaigns[0]:',
        'starts must not be after ends',
        '{id, title, starts, ends}',
      ],
      ['_migration_info.campaigns[1].cta.url:', 'must be an http(s) URL', '"data:text/html,hi"'],
    ];
    for (const [path, message, found] of expected) {
      const line = lineWith(stdout, `  ${path}`);
      assert.ok(line.includes(message), `${line} should say ${message}`);
      assert.ok(
        line.includes(`found ${found}`) || line.includes(found),
        `${line} should show ${found}`,
      );
    }
    // What it costs, entry by entry.
    assert.match(stdout, /^items\[1\] \(id "bad-date"\) is skipped by <mi-news-feed>\.$/m);
    assert.match(
      stdout,
      /^_migration_info\.hubs\.features\[1\] \(id "hub-bad"\) is skipped by <mi-hub-locator>\.$/m,
    );
    // And what is left to show.
    assert.match(stdout, /<mi-news-feed>\s+2 news items: en 1, es 1/);
    assert.match(stdout, /"myths" "Myth or fact\?": 1 valid statement$/m);
    assert.match(stdout, /<mi-hub-locator>\s+1 hub: GT 1/);
    assert.match(
      stdout,
      /<mi-campaign-banner>\s+1 campaign, 1 running at 2026-03-01T00:00Z: "always"/,
    );
  });

  test('malformed JSON: where (line and column); exit 1', async () => {
    const { code, stdout } = await run(['validate', fixture('feed-malformed.json')]);
    assert.equal(code, 1, stdout);
    assert.match(stdout, /not valid JSON at line 6, column 5/);
    assert.match(stdout, /unusable/);
  });

  test('malformed JSON on one line, where the parser gives no position: still a column', async () => {
    const text = '{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": [tru]}';
    const file = join(tmp, 'one-line.json');
    await writeFile(file, text);
    const { code, stdout } = await run(['validate', file]);
    assert.equal(code, 1, stdout);
    const [, line, column] = /line (\d+), column (\d+)/.exec(stdout) ?? [];
    assert.equal(line, '1');
    const at = text.indexOf('tru') + 1;
    assert.ok(Number(column) >= at && Number(column) <= at + 3, `column ${column} near ${at}`);
  });

  test('a document unusable as a whole, and one that is not a feed: exit 1', async () => {
    const unusable = await run(['validate', fixture('feed-unusable.json')]);
    assert.equal(unusable.code, 1);
    assert.match(unusable.stdout, /unusable/);
    assert.match(
      unusable.stdout,
      /^ {2}items: must be a list; found \{id, title, content_text\}$/m,
    );

    const notAFeed = await run(['validate', fixture('not-a-feed.json')]);
    assert.equal(notAFeed.code, 1);
    assert.match(
      notAFeed.stdout,
      /must be a JSON Feed 1\.1 document .* or a GeoJSON FeatureCollection/,
    );
  });

  test('input that cannot be read, and usage errors: exit 2', async () => {
    const missing = await run(['validate', fixture('no-such-file.json')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*no-such-file\.json: no such file/);

    for (const args of [
      [],
      ['frobnicate'],
      ['validate'],
      ['validate', 'a.json', 'b.json'],
      ['validate', 'demo/feed.json', '--now', 'someday'],
      ['validate', 'demo/feed.json', '--colour'],
    ]) {
      const { code, stderr, stdout } = await run(args);
      assert.equal(code, 2, `mi-feed ${args.join(' ')}: ${stdout}${stderr}`);
    }
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
        } else {
          res.writeHead(404, { 'content-type': 'text/plain' });
          res.end('not found');
        }
      });
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${server.address().port}`;
    });
    after(() => new Promise((resolve) => server.close(resolve)));

    test('a good feed: exit 0', async () => {
      const { code, stdout, stderr } = await run(['validate', `${origin}/feed.json`]);
      assert.equal(code, 0, stdout + stderr);
      assert.match(stdout, /no problems/);
    });

    test('a broken feed: the same problems as from a file; exit 1', async () => {
      const { code, stdout } = await run(['validate', `${origin}/broken.json`]);
      assert.equal(code, 1);
      lineWith(stdout, '  items[1].date_published:');
      lineWith(stdout, '  _migration_info.campaigns[1].cta.url:');
    });

    test('an HTTP error: exit 2', async () => {
      const { code, stderr } = await run(['validate', `${origin}/missing.json`]);
      assert.equal(code, 2);
      assert.match(stderr, /HTTP 404/);
    });
  });
});

describe('mi-feed hubs-from-csv', () => {
  /** Runs the command; parses the GeoJSON it wrote on stdout. */
  async function convert(name, ...extra) {
    const result = await run(['hubs-from-csv', fixture(name), ...extra]);
    const geojson = result.stdout ? JSON.parse(result.stdout) : undefined;
    return { ...result, geojson };
  }

  function assertValidHubs(geojson) {
    assert.equal(geojson.type, 'FeatureCollection');
    for (const feature of geojson.features) {
      const result = v.safeParse(HubFeatureSchema, feature);
      assert.ok(result.success, JSON.stringify(result.issues?.map((i) => i.message)));
    }
  }

  test('a good sheet: every row, coordinates as [longitude, latitude]; exit 0', async () => {
    const { code, stderr, geojson } = await convert('hubs-good.csv');
    assert.equal(code, 0, stderr);
    assert.match(stderr, /3 hubs written/);
    assertValidHubs(geojson);
    assert.equal(geojson.features.length, 3);
    const [libertad, sanPedro, tapachula] = geojson.features;
    assert.equal(libertad.id, 'hub-la-libertad');
    assert.deepEqual(libertad.geometry.coordinates, [-90.1167, 16.7833]);
    assert.deepEqual(libertad.properties, {
      name: 'Centro de Información La Libertad',
      organization: 'Municipalidad de La Libertad',
      address: '3a Calle, Zona 1',
      locality: 'La Libertad, Petén',
      country: 'GT',
      services: ['information', 'legal'],
      languages: ['es', 'kek'],
      phone: '+50279260000',
      whatsapp: '+50279260001',
      email: 'info@example.org',
      url: 'https://example.org/la-libertad',
      timezone: 'America/Guatemala',
      opening_hours: [
        { days: ['mo', 'tu', 'we', 'th', 'fr'], opens: '08:00', closes: '16:00' },
        { days: ['sa'], opens: '08:00', closes: '12:00' },
      ],
      notes: 'Bring an ID if you have one',
    });
    assert.deepEqual(sanPedro.properties.services, ['information', 'psychosocial']);
    assert.deepEqual(sanPedro.properties.opening_hours, [
      { days: ['mo', 'tu', 'we', 'th'], opens: '08:00', closes: '12:00' },
      { days: ['mo', 'tu', 'we', 'th'], opens: '13:00', closes: '17:00' },
      { days: ['fr'], opens: '08:00', closes: '12:00' },
    ]);
    assert.equal(tapachula.properties.country, 'MX');
    assert.equal(tapachula.properties.organization, undefined);
  });

  test('BOM, semicolons, CRLF, accents, decimal commas, Spanish column names', async () => {
    const { code, stderr, geojson } = await convert('hubs-bom-semicolon.csv');
    assert.equal(code, 0, stderr);
    assertValidHubs(geojson);
    assert.equal(geojson.features.length, 2);
    const [peten, tegucigalpa] = geojson.features;
    assert.deepEqual(peten.properties.name, {
      es: 'Centro de Atención al Migrante Petén',
      en: 'Migrant Care Centre Petén',
    });
    assert.deepEqual(peten.geometry.coordinates, [-89.8928, 16.9264]);
    assert.equal(peten.properties.locality, 'San Benito, Petén');
    assert.deepEqual(peten.properties.services, ['información']);
    assert.equal(tegucigalpa.properties.country, 'HN');
    assert.deepEqual(tegucigalpa.properties.services, ['legal', 'salud']);
    assert.deepEqual(tegucigalpa.properties.opening_hours, [
      { days: ['mo', 'tu', 'we', 'th', 'fr', 'sa'], opens: '07:30', closes: '15:30' },
    ]);
  });

  test('quoted values with separators, quotes and line breaks; empty lines; line numbers of the file', async () => {
    const { code, stderr, geojson } = await convert('hubs-quoted.csv');
    assert.equal(code, 1, stderr);
    assertValidHubs(geojson);
    assert.deepEqual(
      geojson.features.map((f) => f.id),
      ['hub-quetzaltenango', 'hub-esquipulas'],
    );
    const [xela] = geojson.features;
    assert.equal(xela.properties.name, 'Centro "Xela", Quetzaltenango');
    assert.equal(
      xela.properties.notes,
      'Open late on Tuesdays.\nAsk for "Doña Rosa", at the desk.',
    );
    // A row that spans lines 3–4, two empty lines, then the rows on lines 7, 8 (empty cells), 9, 10.
    assert.match(stderr, /line 9: id "hub-quetzaltenango" repeats line 3/);
    assert.match(stderr, /line 10: country is missing/);
    assert.doesNotMatch(stderr, /line 8:/);
    assert.match(stderr, /2 hubs written; 2 bad rows left out \(lines 9, 10\)/);
  });

  test('bad rows: each reported with its line and reason, the good ones still written; exit 1', async () => {
    const out = join(tmp, 'bad.geojson');
    const { code, stdout, stderr } = await run([
      'hubs-from-csv',
      fixture('hubs-bad.csv'),
      '--out',
      out,
    ]);
    assert.equal(code, 1, stderr);
    assert.equal(stdout, '', 'with --out, nothing on stdout');
    const geojson = JSON.parse(await readFile(out, 'utf8'));
    assertValidHubs(geojson);
    assert.deepEqual(
      geojson.features.map((f) => f.id),
      ['good-1', 'good-2'],
    );
    const expected = {
      3: /latitude "91\.2" is out of range/,
      4: /latitude and longitude look swapped/,
      5: /latitude and longitude look swapped/,
      6: /longitude "90\.3707" has lost its minus sign/,
      7: /name is missing/,
      8: /country "Guatemala" must be a two-letter ISO 3166-1 code \(for Guatemala: "GT"\)/,
      9: /latitude "abc" is not a number/,
      10: /phone "2233 4455" must be in international form/,
      11: /url "www\.example\.org" must start with https:\/\//,
      12: /hours "mornings": /,
      13: /languages "spanish": must be a language tag/,
      14: /latitude and longitude are both 0/,
      15: /11 values but the header has 9 columns/,
      17: /id "good-1" repeats line 2/,
    };
    for (const [line, reason] of Object.entries(expected)) {
      assert.match(lineWith(stderr, `: line ${line}: `), reason);
    }
    assert.doesNotMatch(stderr, /line (2|16): /);
    assert.match(stderr, /2 hubs written to .*; 14 bad rows left out/);
  });

  test('what it writes is a feed the hub locator reads: `mi-feed validate` finds no problem', async () => {
    const out = join(tmp, 'good.geojson');
    assert.equal((await run(['hubs-from-csv', fixture('hubs-good.csv'), '--out', out])).code, 0);
    const { code, stdout } = await run(['validate', out]);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /<mi-hub-locator>\s+3 hubs: GT 1, HN 1, MX 1/);
  });

  test('writes exactly test/fixtures/cli/hubs-good.geojson, the file the browser test shows in the locator', async () => {
    const out = join(tmp, 'same.geojson');
    assert.equal((await run(['hubs-from-csv', fixture('hubs-good.csv'), '--out', out])).code, 0);
    assert.deepEqual(
      JSON.parse(await readFile(out, 'utf8')),
      JSON.parse(await readFile(fixture('hubs-good.geojson'), 'utf8')),
    );
  });

  test('plain and translated names: --lang says the plain column’s language', async () => {
    const file = join(tmp, 'lang.csv');
    await writeFile(
      file,
      'name,name_en,country,latitude,longitude\nCentro Cobán,Cobán Hub,GT,15.4725,-90.3707\n',
    );
    const without = await run(['hubs-from-csv', file]);
    assert.equal(without.code, 2);
    assert.match(without.stderr, /--lang/);

    const withLang = await run(['hubs-from-csv', file, '--lang', 'es']);
    assert.equal(withLang.code, 0, withLang.stderr);
    const [feature] = JSON.parse(withLang.stdout).features;
    assert.deepEqual(feature.properties.name, { en: 'Cobán Hub', es: 'Centro Cobán' });
  });

  test('Excel’s "sep=" line names the separator and still counts as a line', async () => {
    const file = join(tmp, 'sep.csv');
    await writeFile(
      file,
      'sep=;\nname;country;latitude;longitude\nCentro A;GT;14,6;-90,5\nCentro B;GT;;-90,5\n',
    );
    const { code, stdout, stderr } = await run(['hubs-from-csv', file]);
    assert.equal(code, 1);
    assert.equal(JSON.parse(stdout).features.length, 1);
    assert.match(stderr, /line 4: latitude is missing/);
  });

  test('a sheet without a required column, or not UTF-8: exit 2', async () => {
    const missing = await run(['hubs-from-csv', fixture('hubs-missing-column.csv')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no "latitude" column/);
    assert.equal(missing.stdout, '');

    const latin1 = await run(['hubs-from-csv', fixture('hubs-latin1.csv')]);
    assert.equal(latin1.code, 2);
    assert.match(latin1.stderr, /not UTF-8/);

    const none = await run(['hubs-from-csv', fixture('no-such-file.csv')]);
    assert.equal(none.code, 2);
  });
});

test('mi-feed --help documents both commands, every CSV column and the exit codes', async () => {
  const { code, stdout } = await run(['--help']);
  assert.equal(code, 0);
  assert.match(stdout, /mi-feed validate <file-or-url>/);
  assert.match(stdout, /mi-feed hubs-from-csv <file\.csv> \[--out <file\.geojson>\]/);
  for (const column of [
    'id',
    'name',
    'name_es',
    'name_en',
    'organization',
    'address',
    'locality',
    'country',
    'latitude',
    'longitude',
    'services',
    'languages',
    'phone',
    'whatsapp',
    'email',
    'url',
    'timezone',
    'hours',
    'notes',
  ]) {
    assert.match(stdout, new RegExp(`^ {4}(.*[ ,])?${column}\\b`, 'm'), `column ${column}`);
  }
  assert.match(stdout, /Exit codes:\n {2}0 .*\n {2}1 .*\n(.*\n)? {2}2 /);
});
