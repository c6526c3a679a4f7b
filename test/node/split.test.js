/**
 * `mi-feed split`, called in-process: `main(['split', …], io)` with collecting streams, on feeds
 * written here. Needs the compiled library: `npx tsc -p tsconfig.lib.json`.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { main } from '../../lib/cli/main.js';
import { SPLIT_HELP } from '../../lib/cli/split.js';
import { readFeed } from '../../lib/feed/read.js';
import { collector, RAW_CONTROL } from './cli-helpers.js';

let tmp;
before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'mi-feed-split-'));
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Runs `mi-feed split …` in this process, in `tmp`; its exit code and output. */
async function split(...args) {
  const stdout = collector();
  const stderr = collector();
  const code = await main(['split', ...args], {
    stdout: stdout.stream,
    stderr: stderr.stream,
    cwd: tmp,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const hub = (id, country, extra = {}) => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [-90.5133, 14.6349] },
  properties: { name: { es: `Centro ${id}` }, ...(country ? { country } : {}), ...extra },
});

/** Hubs in three countries, one written `gt`, one of no country; a few members the split must keep as they are. */
const FEATURES = [
  hub('gt-1', 'GT', { services: ['shelter'], phone: '+502 2233-4455', custom: { x: [1, 2.5] } }),
  hub('mx-1', 'MX'),
  hub('sv-1', 'SV'),
  hub('gt-2', 'gt'),
  hub('none-1', undefined, { locality: 'Frontera' }),
  hub('mx-2', 'México'),
  hub('gt-3', 'Guatemala'),
];

const feedWith = (features, more = {}) => ({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Información migratoria',
  language: 'es',
  items: [{ id: 'n1', title: 'Noticia', content_text: 'Texto', date_published: '2026-01-01' }],
  _migration_info: {
    quizzes: [
      {
        id: 'q',
        title: 'Mitos',
        questions: [{ statement: 'Uno', answer: 'myth', explanation: 'Porque' }],
      },
    ],
    hubs: { type: 'FeatureCollection', features },
    campaigns: [{ id: 'c1', title: 'Campaña', starts: '2026-01-01', ends: '2026-12-31' }],
  },
  ...more,
});

const readJson = async (path) => JSON.parse(await readFile(path, 'utf8'));
const fileUrl = (path) => pathToFileURL(path).href;

describe('mi-feed split', () => {
  test('hubs by country, the feed pointing at them; features as the publisher wrote them', async () => {
    const feed = feedWith(FEATURES);
    await writeFile(join(tmp, 'mi-feed.json'), JSON.stringify(feed, null, 2));
    const { code, stdout, stderr } = await split('mi-feed.json', '--out', 'site');
    assert.equal(code, 0, stdout + stderr);
    assert.equal(stderr, '');

    const out = join(tmp, 'site');
    assert.deepEqual((await readdir(out)).sort(), ['hubs', 'mi-feed.json']);
    assert.deepEqual((await readdir(join(out, 'hubs'))).sort(), [
      'gt.geojson',
      'mx.geojson',
      'other.geojson',
      'sv.geojson',
    ]);

    // The feed: every other member as it was, hubs now a map of URLs relative to it, keys sorted.
    const text = await readFile(join(out, 'mi-feed.json'), 'utf8');
    assert.ok(!text.includes('\n  '), 'compact by default');
    const written = JSON.parse(text);
    const map = {
      GT: 'hubs/gt.geojson',
      MX: 'hubs/mx.geojson',
      SV: 'hubs/sv.geojson',
      other: 'hubs/other.geojson',
    };
    assert.deepEqual(Object.keys(written._migration_info.hubs), Object.keys(map));
    assert.deepEqual(written, { ...feed, _migration_info: { ...feed._migration_info, hubs: map } });
    assert.deepEqual(Object.keys(written), Object.keys(feed), 'members in their order');

    // Read as the widgets read it where it is: the parts, absolute, and nothing unusable.
    const base = fileUrl(join(out, 'mi-feed.json'));
    const { feed: read, problems } = readFeed(written, base);
    assert.ok(read);
    assert.ok(!problems.some((p) => p.outcome === 'document unusable'));
    assert.deepEqual(read.hubParts, [
      { country: 'GT', url: fileUrl(join(out, 'hubs/gt.geojson')) },
      { country: 'MX', url: fileUrl(join(out, 'hubs/mx.geojson')) },
      { country: 'SV', url: fileUrl(join(out, 'hubs/sv.geojson')) },
      { country: 'other', url: fileUrl(join(out, 'hubs/other.geojson')) },
    ]);
    assert.equal(read.items.length, 1);
    assert.equal(read.quizzes.length, 1);
    assert.equal(read.campaigns.length, 1);

    // Each part: a bare collection of its hubs, each feature exactly the input's.
    const expected = {
      gt: [FEATURES[0], FEATURES[3], FEATURES[6]],
      mx: [FEATURES[1], FEATURES[5]],
      sv: [FEATURES[2]],
      other: [FEATURES[4]],
    };
    for (const [name, features] of Object.entries(expected)) {
      const path = join(out, `hubs/${name}.geojson`);
      const part = await readJson(path);
      assert.deepEqual(part, { type: 'FeatureCollection', features }, name);
      const result = readFeed(part, fileUrl(path));
      assert.equal(result.feed?.kind, 'hubs', name);
      assert.equal(result.feed.hubs.length, features.length, name);
    }

    // The summary: a line per file with its hubs, the feed's size before and after, read back.
    assert.match(stdout, /^mi-feed\.json: 7 hubs in 4 files and the feed, written to site$/m);
    assert.match(stdout, /^ {2}hubs\/gt\.geojson +GT +3 hubs +[\d.,]+ KB$/m);
    assert.match(stdout, /^ {2}hubs\/other\.geojson +other +1 hub +[\d.,]+ KB$/m);
    assert.match(stdout, /^ {2}mi-feed\.json +the feed: [\d.,]+ KB before, [\d.,]+ KB after$/m);
    assert.match(stdout, /^Read back as the widgets read it: the feed names its 4 hub files/m);
    // "gt", "México" and "Guatemala" are normalized by the reader: problems of the feed's own.
    assert.match(stdout, /finds problems in mi-feed\.json .*mi-feed validate mi-feed\.json$/m);
    assert.doesNotMatch(stdout, /Removed/);
    assert.deepEqual(
      (await readdir(join(out, 'hubs'))).filter((f) => f.endsWith('.tmp')),
      [],
      'no temporary file left',
    );
  });

  test('--pretty: indented files; a feed without problems says nothing of validate', async () => {
    const features = [hub('a', 'GT'), hub('b', 'MX')];
    await writeFile(join(tmp, 'clean.json'), JSON.stringify(feedWith(features)));
    const { code, stdout } = await split('clean.json', '--out', 'pretty', '--pretty');
    assert.equal(code, 0, stdout);
    const text = await readFile(join(tmp, 'pretty/clean.json'), 'utf8');
    assert.match(text, /^{\n {2}"version": /);
    assert.match(await readFile(join(tmp, 'pretty/hubs/gt.geojson'), 'utf8'), /^{\n {2}"type"/);
    assert.match(stdout, /the feed names its 2 hub files, no problems$/m);
    assert.doesNotMatch(stdout, /validate|warning/);
  });

  test('again into the same folder: files replaced, a stale part removed, nothing else', async () => {
    const first = [hub('gt-1', 'GT'), hub('sv-1', 'SV'), hub('hn-1', 'HN')];
    await writeFile(join(tmp, 'again.json'), JSON.stringify(feedWith(first)));
    assert.equal((await split('again.json', '--out', 'again')).code, 0);
    const hubs = join(tmp, 'again/hubs');
    await writeFile(join(hubs, 'notes.geojson'), '{}');
    await writeFile(join(hubs, 'readme.txt'), 'mine');
    await mkdir(join(hubs, 'xx.geojson'));

    const second = [hub('gt-1', 'GT'), hub('gt-2', 'GT'), hub('hn-1', 'HN')];
    await writeFile(join(tmp, 'again.json'), JSON.stringify(feedWith(second)));
    const { code, stdout } = await split('again.json', '--out', 'again');
    assert.equal(code, 0, stdout);
    assert.deepEqual((await readdir(hubs)).sort(), [
      'gt.geojson',
      'hn.geojson',
      'notes.geojson',
      'readme.txt',
      'xx.geojson',
    ]);
    assert.match(stdout, /^Removed hubs\/sv\.geojson: /m);
    assert.equal((await readJson(join(hubs, 'gt.geojson'))).features.length, 2);
    assert.deepEqual((await readJson(join(tmp, 'again/again.json')))._migration_info.hubs, {
      GT: 'hubs/gt.geojson',
      HN: 'hubs/hn.geojson',
    });
  });

  test('an already split feed: one line, exit 2', async () => {
    await writeFile(join(tmp, 'done.json'), JSON.stringify(feedWith([hub('a', 'GT')])));
    assert.equal((await split('done.json', '--out', 'done')).code, 0);
    const { code, stdout, stderr } = await split('done/done.json', '--out', 'done2');
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^mi-feed: done\/done\.json is already split: [^\n]+\n$/);
    const url = feedWith([]);
    url._migration_info.hubs = 'hubs.geojson';
    await writeFile(join(tmp, 'url.json'), JSON.stringify(url));
    const one = await split('url.json', '--out', 'done2');
    assert.equal(one.code, 2);
    assert.match(one.stderr, /^mi-feed: url\.json is already split: [^\n]+\n$/);
    await assert.rejects(readdir(join(tmp, 'done2')), { code: 'ENOENT' });
  });

  test('a feed with no hubs, not a feed, not JSON: exit 2', async () => {
    const none = feedWith([]);
    delete none._migration_info.hubs;
    await writeFile(join(tmp, 'none.json'), JSON.stringify(none));
    await writeFile(join(tmp, 'other.json'), '{"hello": 1}');
    await writeFile(join(tmp, 'broken.json'), '{"version": ');
    const untyped = feedWith([hub('a', 'GT')]);
    delete untyped._migration_info.hubs.type;
    await writeFile(join(tmp, 'untyped.json'), JSON.stringify(untyped));
    for (const [file, message] of [
      ['none.json', /has no hubs to split/],
      ['untyped.json', /its _migration_info\.hubs is not a GeoJSON FeatureCollection/],
      ['other.json', /is not a feed/],
      ['broken.json', /is not valid JSON at line 1, column/],
    ]) {
      const { code, stderr } = await split(file, '--out', 'nothing');
      assert.equal(code, 2, file);
      assert.match(stderr, message, file);
    }
  });

  test('--out a file, or the feed itself: exit 2, one line and the hint', async () => {
    await writeFile(join(tmp, 'a-file'), 'x');
    await writeFile(join(tmp, 'self.json'), JSON.stringify(feedWith([hub('a', 'GT')])));
    const file = await split('self.json', '--out', 'a-file');
    assert.equal(file.code, 2);
    assert.equal(
      file.stderr,
      'mi-feed: --out a-file is a file, not a folder: give the folder to write to\nTry: mi-feed --help\n',
    );
    const self = await split('self.json', '--out', '.');
    assert.equal(self.code, 2);
    assert.match(self.stderr, /^mi-feed: --out \. would write over self\.json itself/);
    assert.equal((await readJson(join(tmp, 'self.json')))._migration_info.hubs.features.length, 1);
    const missing = await split('self.json');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^mi-feed: split needs one feed and a folder/);
  });

  test('a bare FeatureCollection: only the parts, and the map to paste', async () => {
    const features = [hub('a', 'GT'), hub('b', 'MX'), hub('c')];
    await writeFile(
      join(tmp, 'hubs.geojson'),
      JSON.stringify({ type: 'FeatureCollection', features }),
    );
    const { code, stdout } = await split('hubs.geojson', '--out', 'bare');
    assert.equal(code, 0, stdout);
    assert.deepEqual(await readdir(join(tmp, 'bare')), ['hubs']);
    assert.deepEqual((await readdir(join(tmp, 'bare/hubs'))).sort(), [
      'gt.geojson',
      'mx.geojson',
      'other.geojson',
    ]);
    assert.ok(
      stdout.includes(
        '{"GT":"hubs/gt.geojson","MX":"hubs/mx.geojson","other":"hubs/other.geojson"}\n',
      ),
      stdout,
    );
    assert.match(stdout, /_migration_info\.hubs/);
  });

  test('what the split changes the meaning of: relative hub URLs, hubs without an id', async () => {
    const features = [
      hub('a', 'GT', { url: 'centros/a.html' }),
      hub('b', 'MX', { url: '/centros/b.html' }),
      { ...hub(undefined, 'MX'), id: undefined },
    ];
    await writeFile(join(tmp, 'warn.json'), JSON.stringify(feedWith(features)));
    const { code, stdout } = await split('warn.json', '--out', 'warn');
    assert.equal(code, 0, stdout);
    assert.match(stdout, /^warning: 1 hub with a url relative to the feed \(features\[0\]: /m);
    assert.match(stdout, /^warning: 1 hub without an id: /m);
  });

  test('text from the command line and the feed is escaped in what it prints', async () => {
    await writeFile(join(tmp, 'esc.json'), JSON.stringify(feedWith([hub('a', 'GT')])));
    const { code, stdout, stderr } = await split('esc.json', '--out', 'esc\u001b[2Jdir');
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stdout + stderr, RAW_CONTROL);
    assert.match(stdout, /written to esc\\u001b\[2Jdir$/m);
  });

  test('help split: the command and, last, how to serve the folder', async () => {
    const stdout = collector();
    const io = { stdout: stdout.stream, stderr: collector().stream, cwd: tmp };
    assert.equal(await main(['help', 'split'], io), 0);
    assert.ok(stdout.text().includes(SPLIT_HELP.trim()));
    assert.match(SPLIT_HELP, /Cache-Control: max-age=300/);
    assert.match(SPLIT_HELP, /ETag/);
    assert.match(SPLIT_HELP, /application\/geo\+json/);
    assert.match(SPLIT_HELP, /Access-Control-Allow-Origin: \*[^\n]*\n$/);
    const all = collector();
    await main(['--help'], { ...io, stdout: all.stream });
    assert.match(all.text(), /^ {2}mi-feed split <feed-file-or-url> --out <dir>/m);
    assert.ok(all.text().includes(SPLIT_HELP.trim()));
  });

  test('50,000 hubs', async () => {
    const countries = ['GT', 'MX', 'SV', 'HN', 'gt', undefined];
    const features = Array.from({ length: 50_000 }, (_, i) =>
      hub(`h${i}`, countries[i % countries.length], {
        organization: 'Casa del Migrante',
        address: '5a Avenida 12-34, Zona 1',
        services: ['shelter', 'food', 'legal'],
        phone: '+50222334455',
        opening_hours: [{ days: ['mo', 'tu', 'we', 'th', 'fr'], opens: '08:00', closes: '17:00' }],
      }),
    );
    await writeFile(join(tmp, 'big.json'), JSON.stringify(feedWith(features)));
    const { code, stdout, stderr } = await split('big.json', '--out', 'big');
    assert.equal(code, 0, stdout + stderr);
    assert.match(stdout, /^big\.json: 50,000 hubs in 5 files and the feed/m);
    const gt = await readJson(join(tmp, 'big/hubs/gt.geojson'));
    assert.equal(gt.features.length, 8_334 + 8_333); // i % 6 of 0 ("GT") and 4 ("gt")
    let total = 0;
    for (const name of await readdir(join(tmp, 'big/hubs'))) {
      total += (await readJson(join(tmp, 'big/hubs', name))).features.length;
    }
    assert.equal(total, 50_000);
  });
});
