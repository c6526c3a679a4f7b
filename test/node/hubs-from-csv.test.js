/**
 * `mi-feed hubs-from-csv`, called in-process with collecting streams (no process per case), on
 * the fixtures in test/fixtures/cli/ and on sheets written here. Needs the compiled library:
 * `npx tsc -p tsconfig.lib.json`. One case runs a child process: the memory check, with a
 * capped heap.
 */
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CsvTokenizer, detectDelimiter } from '../../lib/cli/csv-records.js';
import { IdLines } from '../../lib/cli/csv-ids.js';
import { CSV_HELP, hubsFromCsv } from '../../lib/cli/hubs-from-csv.js';
import { clock, dayCode, parseHours } from '../../lib/cli/hours.js';
import { headerColumn } from '../../lib/cli/csv-columns.js';
import { hxlRule, isHashtagRow, parseHashtag } from '../../lib/cli/hxl.js';
import { readFeed } from '../../lib/feed/read.js';
import { convertInChild, writeSheet } from '../../scripts/bench-csv.js';
import { collector, lineWith } from './cli-helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name) => join(root, 'test/fixtures/cli', name);

/** Runs the command; its exit code, what it wrote, and the GeoJSON parsed. */
async function convert(args, { cwd = root, slow = false } = {}) {
  const stdout = collector({ slow });
  const stderr = collector();
  const code = await hubsFromCsv(args, { stdout: stdout.stream, stderr: stderr.stream, cwd });
  const text = stdout.text();
  return {
    code,
    stdout: text,
    stderr: stderr.text(),
    writes: stdout.chunks.length,
    geojson: text ? JSON.parse(text) : undefined,
  };
}

/** What the widgets' own reader finds in the output: nothing. */
function assertReadable(geojson) {
  assert.equal(geojson.type, 'FeatureCollection');
  const { feed, problems } = readFeed(geojson, 'https://example.org/hubs.geojson');
  assert.deepEqual(problems, []);
  assert.equal(feed.hubs.length, geojson.features.length);
}

let tmp;
before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'hubs-from-csv-test-'));
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A sheet written to the temporary folder. */
async function sheet(name, text) {
  const file = join(tmp, name);
  await writeFile(file, text);
  return file;
}

describe('hubs-from-csv: the sheets of mi-feed.test.js', () => {
  test('a good sheet: every row, [longitude, latitude]; the obvious forms noted; exit 0', async () => {
    const { code, stderr, geojson } = await convert([fixture('hubs-good.csv')]);
    // "+502 7926-0000" and "mx" are written as "+50279260000" and "MX": noted, still exit 0.
    assert.equal(code, 0, stderr);
    assert.match(stderr, /line 2: note: phone "\+502 7926-0000" written as "\+50279260000"/);
    assert.match(stderr, /line 4: note: country "mx" written as "MX"/);
    assert.match(stderr, /3 hubs written; in the rows written: 2 values normalized$/m);
    assert.doesNotMatch(stderr, /warning|left out/);
    assertReadable(geojson);
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
    const { code, stderr, geojson } = await convert([fixture('hubs-bom-semicolon.csv')]);
    assert.equal(code, 0, stderr); // "hn" → "HN", noted
    assert.match(stderr, /line 4: note: country "hn" written as "HN"/);
    assertReadable(geojson);
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
    const { code, stderr, geojson } = await convert([fixture('hubs-quoted.csv')]);
    assert.equal(code, 1, stderr);
    assertReadable(geojson);
    // A country is optional for the widgets: the last row (lines 10–11) has none and is written.
    assert.deepEqual(
      geojson.features.map((f) => f.id),
      ['hub-quetzaltenango', 'hub-esquipulas', 'hub-no-country'],
    );
    const [xela, , noCountry] = geojson.features;
    assert.equal(xela.properties.name, 'Centro "Xela", Quetzaltenango');
    assert.equal(
      xela.properties.notes,
      'Open late on Tuesdays.\nAsk for "Doña Rosa", at the desk.',
    );
    assert.equal(noCountry.properties.name, 'Centro sin país\n(two lines)');
    assert.equal(noCountry.properties.country, undefined);
    // A row on lines 3–4, two empty lines, then rows on lines 7, 8 (empty cells), 9, 10–11.
    assert.match(stderr, /line 9: id "hub-quetzaltenango" repeats line 3/);
    assert.doesNotMatch(stderr, /line (8|10):/);
    assert.match(stderr, /3 hubs written; 1 bad row left out \(line 9\)/);
  });

  test('bad rows left out with their line and reason, bad values left out of rows still written; --out', async () => {
    const out = join(tmp, 'bad.geojson');
    const { code, stdout, stderr } = await convert([fixture('hubs-bad.csv'), '--out', out]);
    assert.equal(code, 1, stderr);
    assert.equal(stdout, '', 'with --out, nothing on stdout');
    const geojson = JSON.parse(await readFile(out, 'utf8'));
    assertReadable(geojson);
    assert.deepEqual(
      geojson.features.map((f) => f.id),
      ['good-1', 'bad-country', 'bad-phone', 'bad-url', 'bad-hours', 'bad-lang', 'good-2'],
    );
    const byId = Object.fromEntries(geojson.features.map((f) => [f.id, f.properties]));
    assert.equal(byId['bad-country'].country, 'GT');
    assert.equal(byId['bad-phone'].phone, undefined);
    assert.equal(byId['bad-url'].url, 'https://www.example.org/');
    assert.equal(byId['bad-hours'].opening_hours, undefined);
    assert.deepEqual(byId['bad-lang'].languages, ['es']);
    assert.deepEqual(byId['good-2'].languages, ['es', 'poq']);
    assert.deepEqual(byId['good-2'].opening_hours, [
      { days: ['mo', 'tu', 'we', 'th', 'fr'], opens: '08:00', closes: '16:00' },
      { days: ['sa'], opens: '08:00', closes: '12:00' },
    ]);
    const expected = {
      3: /: line 3: latitude "91\.2" is out of range/,
      4: /: line 4: latitude and longitude look swapped/,
      5: /: line 5: latitude and longitude look swapped/,
      6: /: line 6: longitude "90\.3707" has lost its minus sign/,
      7: /: line 7: name is missing/,
      8: /: line 8: note: country "Guatemala" written as "GT"/,
      9: /: line 9: latitude "abc" is not a number/,
      10: /: line 10: warning: phone "2233 4455" left out: expected an international number/,
      11: /: line 11: note: url "www\.example\.org" written as "https:\/\/www\.example\.org"/,
      12: /: line 12: warning: hours "mornings" left out: cannot read the day "mornings"/,
      13: /: line 13: warning: languages "spanish" left out: expected a language tag/,
      14: /: line 14: latitude and longitude are both 0/,
      15: /: line 15: 11 values but the header has 9 columns/,
      17: /: line 17: id "good-1" repeats line 2/,
    };
    for (const [line, reason] of Object.entries(expected)) {
      assert.match(lineWith(stderr, `: line ${line}: `), reason);
    }
    assert.doesNotMatch(stderr, /line (2|16): /);
    assert.match(
      stderr,
      /7 hubs written to .*bad\.geojson; 9 bad rows left out \(lines 3, 4, 5, 6, 7, 9, 14, 15, 17\); in the rows written: 3 values left out, 2 values normalized$/m,
    );
  });

  test('writes exactly test/fixtures/cli/hubs-good.geojson, the file the browser test shows in the locator', async () => {
    const out = join(tmp, 'same.geojson');
    const { code } = await convert([fixture('hubs-good.csv'), '--out', out]);
    assert.equal(code, 0);
    assert.deepEqual(
      JSON.parse(await readFile(out, 'utf8')),
      JSON.parse(await readFile(fixture('hubs-good.geojson'), 'utf8')),
    );
  });

  test('plain and translated names: --lang says the plain column’s language', async () => {
    const file = await sheet(
      'lang.csv',
      'name,name_en,country,latitude,longitude\nCentro Cobán,Cobán Hub,GT,15.4725,-90.3707\n',
    );
    await assert.rejects(hubsFromCsv([file], io()), /--lang/);
    const withLang = await convert([file, '--lang', 'es']);
    assert.equal(withLang.code, 0, withLang.stderr);
    const [feature] = withLang.geojson.features;
    assert.deepEqual(feature.properties.name, { en: 'Cobán Hub', es: 'Centro Cobán' });
    await assert.rejects(hubsFromCsv([file, '--lang', 'en'], io()), /both "name" and "name_en"/);
    await assert.rejects(hubsFromCsv([file, '--lang', 'english!'], io()), /not a language tag/);
  });

  test('Excel’s "sep=" line names the separator and still counts as a line', async () => {
    const file = await sheet(
      'sep.csv',
      'sep=;\nname;country;latitude;longitude\nCentro A;GT;14,6;-90,5\nCentro B;GT;;-90,5\n',
    );
    const { code, geojson, stderr } = await convert([file]);
    assert.equal(code, 1);
    assert.equal(geojson.features.length, 1);
    assert.deepEqual(geojson.features[0].geometry.coordinates, [-90.5, 14.6]);
    assert.match(stderr, /line 4: latitude is missing/);
  });

  test('a sheet without a required column, not UTF-8, or missing: a usage error (exit 2), nothing written', async () => {
    const missing = collector();
    await assert.rejects(
      hubsFromCsv([fixture('hubs-missing-column.csv')], io({ stdout: missing.stream })),
      { name: 'UsageError', message: /no "latitude" column/ },
    );
    assert.equal(missing.text(), '');
    await assert.rejects(hubsFromCsv([fixture('hubs-latin1.csv')], io()), {
      name: 'UsageError',
      message: /hubs-latin1\.csv is not UTF-8 text \(line 2\): in Excel save it as "CSV UTF-8"/,
    });
    await assert.rejects(hubsFromCsv([fixture('no-such-file.csv')], io()), {
      name: 'UsageError',
      message: /cannot read .*no-such-file\.csv: no such file$/,
    });
  });

  test('the help names every column, and the HXL hashtags', () => {
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
      'closed_on',
      'special_hours',
      'status',
      'status_notice',
      'reopens',
      'eligibility',
      'cost',
      'documents',
      'accessibility',
      'verified',
      'report',
      'notes',
    ]) {
      assert.match(CSV_HELP, new RegExp(`^ {4}(.*[ ,])?${column}\\b`, 'm'), `column ${column}`);
    }
    for (const tag of [
      '#loc+name',
      '#geo+lat',
      '#geo+lon',
      '#adm1+name',
      '#contact+phone',
      '#date+closed',
      '#meta+hours+special',
      '#meta+status',
      '#meta+status+notice',
      '#date+reopens',
      '#meta+eligibility',
      '#meta+cost',
      '#meta+documents',
      '#meta+accessibility',
      '#date+verified',
      '#contact+report',
    ]) {
      assert.ok(CSV_HELP.includes(tag), tag);
    }
    assert.match(CSV_HELP, /A million rows .* peaked at\s+\d+ MB/);
    const long = CSV_HELP.split('\n').filter((l) => l.length > 100 && !l.includes('la-libertad,'));
    assert.deepEqual(long, [], 'lines of at most 100 characters, but the example');
  });
});

/** An Io whose streams are thrown away, unless given. */
function io({ stdout = collector().stream, stderr = collector().stream, cwd = root } = {}) {
  return { stdout, stderr, cwd };
}

describe('hubs-from-csv: HXL', () => {
  test('a row of hashtags in place of the header', async () => {
    const { code, stderr, geojson } = await convert([fixture('hubs-hxl.csv')]);
    assert.equal(code, 0, stderr);
    assert.equal(stderr, `${fixture('hubs-hxl.csv')}: 2 hubs written\n`);
    assertReadable(geojson);
    const [coban, tapachula] = geojson.features;
    assert.equal(coban.id, 'hxl-coban');
    assert.deepEqual(coban.geometry.coordinates, [-90.3707, 15.4725]);
    assert.deepEqual(coban.properties, {
      name: 'Centro Cobán',
      organization: 'Pastoral de Movilidad Humana',
      locality: 'Cobán', // #adm2+name before #adm1+name
      country: 'GT',
      services: ['information', 'legal'],
      languages: ['es', 'kek'],
      phone: '+50279510000',
      email: 'coban@example.org',
      url: 'https://example.org/coban',
      timezone: 'America/Guatemala',
      opening_hours: [{ days: ['mo', 'tu', 'we', 'th', 'fr'], opens: '08:00', closes: '16:00' }],
      notes: 'Ask at the front desk',
    });
    assert.equal(tapachula.properties.locality, 'Chiapas', 'no #adm2 here: #adm1');
  });

  test('a header and a row of hashtags under it: the hashtags decide, +i_es/+i_en are languages', async () => {
    const { code, stderr, geojson } = await convert([fixture('hubs-hxl-header.csv')]);
    assert.equal(code, 0, stderr); // "Guatemala" → "GT", noted
    assert.match(
      stderr,
      /hubs-hxl-header\.csv: line 2: warning: the hashtag #status is not one mi-feed reads: its column is ignored/,
    );
    assert.equal(stderr.match(/#status/g).length, 1, 'one warning for the hashtag, not per row');
    assert.match(stderr, /line 3: note: country "Guatemala" written as "GT"/);
    assertReadable(geojson);
    const [xela, esquipulas] = geojson.features;
    assert.equal(xela.id, 'xela'); // #loc+code
    assert.deepEqual(xela.geometry.coordinates, [-91.518, 14.8347]); // #geo+coord
    assert.deepEqual(xela.properties, {
      name: { es: 'Centro Xela', en: 'Xela Hub' }, // "#LOC +I_EN +name": any case and order
      country: 'GT',
      whatsapp: '+50277610000', // #contact+whatsapp+phone: the more specific rule
      notes: 'Abierto los martes', // no hashtag: read by its header name "Notas"
    });
    assert.deepEqual(esquipulas.properties.name, { es: 'Centro Esquipulas' });
  });

  test('translations and a plain name need --lang, as in a header', async () => {
    const text =
      '#loc+name,#loc+name+i_en,#geo+lat,#geo+lon\nCentro Cobán,Cobán Hub,15.4725,-90.3707\n';
    const file = await sheet('hxl-lang.csv', text);
    await assert.rejects(hubsFromCsv([file], io()), /say which language .* --lang/);
    const { code, geojson, stderr } = await convert([file, '--lang', 'es']);
    assert.equal(code, 0, stderr);
    assert.deepEqual(geojson.features[0].properties.name, { en: 'Cobán Hub', es: 'Centro Cobán' });
  });

  test('hashtags for the dated exceptions and a closure; a bare #status is still not read', async () => {
    const file = await sheet(
      'hxl-exceptions.csv',
      '#loc+name,#geo+lat,#geo+lon,#date+closed,#meta+hours+special,#meta+status,' +
        '#meta+status+notice+i_es,#date+reopens,#status\n' +
        'Centro,14.6,-90.5,2026-12-25,2026-12-31 08:00-12:00,temporarily closed,Vaya al B,' +
        '2026-08-03,open\n',
    );
    const { code, stderr, geojson } = await convert([file]);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /warning: the hashtag #status is not one mi-feed reads/);
    assertReadable(geojson);
    assert.deepEqual(geojson.features[0].properties, {
      name: 'Centro',
      hours_exceptions: [
        { from: '2026-12-25' },
        { from: '2026-12-31', hours: [{ opens: '08:00', closes: '12:00' }] },
      ],
      status: 'temporarily_closed',
      status_notice: { es: 'Vaya al B' },
      reopens: '2026-08-03',
    });
    const rule = (cell) => hxlRule(parseHashtag(cell))?.column;
    assert.equal(rule('#meta+hours'), 'hours');
    assert.equal(rule('#meta +special +hours'), 'special_hours');
    assert.equal(rule('#meta+status+notice'), 'status_notice');
  });

  test('hashtags for what to know before going, with translations', async () => {
    const file = await sheet(
      'hxl-know.csv',
      '#loc+name,#geo+lat,#geo+lon,#meta+eligibility+i_es,#meta+eligibility+i_en,#meta+cost,' +
        '#meta+documents,#meta +Accessibility,#date+verified,#contact+report\n' +
        'Centro,14.6,-90.5,Personas migrantes,Migrants,Gratuito,DPI,Rampa,2026-11-20,' +
        'datos@example.org\n',
    );
    const { code, stderr, geojson } = await convert([file]);
    assert.equal(code, 0, stderr);
    assertReadable(geojson);
    assert.deepEqual(geojson.features[0].properties, {
      name: 'Centro',
      eligibility: { es: 'Personas migrantes', en: 'Migrants' },
      cost: 'free',
      documents: 'DPI',
      accessibility: 'Rampa',
      verified: '2026-11-20',
      report: 'mailto:datos@example.org',
    });
    const rule = (cell) => hxlRule(parseHashtag(cell))?.column;
    assert.equal(rule('#contact+report'), 'report');
    assert.equal(rule('#contact+email'), 'email');
    assert.equal(rule('#date +Verified'), 'verified');
  });

  test('a sheet of hashtags without a position: which hashtags are missing', async () => {
    const file = await sheet('hxl-nopos.csv', '#loc+name,#country\nCentro,GT\n');
    await assert.rejects(hubsFromCsv([file], io()), {
      message: /no "latitude", "longitude" columns \(HXL: #geo\+lat, #geo\+lon\)/,
    });
  });

  test('a header named like one of Object’s own keys is an unknown column, nothing more', async () => {
    const { headerColumn } = await import('../../lib/cli/csv-columns.js');
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'constructor_es'])
      assert.equal(headerColumn(name), undefined, name);
    assert.equal(headerColumn('lng'), 'longitude');
  });

  test('hashtags: attributes in any order and case, the most specific rule, bare ones bare', () => {
    const rule = (cell) => hxlRule(parseHashtag(cell))?.column;
    assert.equal(rule('#loc+name'), 'name');
    assert.equal(rule('#LOC +Name +facility'), 'name');
    assert.deepEqual(parseHashtag('#loc +name +i_ES'), {
      tag: 'loc',
      attributes: ['name'],
      language: 'es',
    });
    assert.equal(parseHashtag('#adm1+name+i_es_mx').language, 'es-mx');
    assert.equal(rule('#contact+phone'), 'phone');
    assert.equal(rule('#contact+whatsapp+phone'), 'whatsapp');
    assert.equal(rule('#org'), 'organization');
    assert.equal(rule('#org+i_es'), 'organization');
    assert.equal(rule('#org+code'), undefined);
    assert.equal(rule('#geo+coord'), 'coordinates');
    assert.equal(rule('#status'), undefined);
    assert.equal(parseHashtag('#'), undefined);
    assert.equal(parseHashtag('name'), undefined);
    assert.ok(isHashtagRow(['#loc+name', '#geo+lat', '', 'Notes']));
    assert.ok(!isHashtagRow(['#1 Centro', 'GT', '14.6', '-90.5']));
  });
});

describe('hubs-from-csv: values and rows', () => {
  test('a bad optional value is left out of its row, which is still written; each said', async () => {
    const file = await sheet(
      'optional.csv',
      'id,name,country,latitude,longitude,phone,whatsapp,email,url,timezone,hours,languages\n' +
        'a,Centro A,GT,14.6,-90.5,22334455,2233 4455,not-an-email,ftp://example.org,Mars/Olympus,' +
        'mornings,es;spanish\n' +
        'b,Centro B,MX,19.4,-99.1,,,,,Mars/Olympus,,\n',
    );
    const { code, stderr, geojson } = await convert([file]);
    assert.equal(code, 1, stderr);
    assertReadable(geojson);
    const [a, b] = geojson.features;
    assert.deepEqual(a.properties, {
      name: 'Centro A',
      country: 'GT',
      languages: ['es'],
      timezone: 'America/Guatemala', // an unknown zone: GT's only one
    });
    assert.match(
      stderr,
      /line 2: warning: phone "22334455" left out: expected an international number .*\(format the column as text so the spreadsheet keeps the "\+"\)/,
    );
    assert.match(stderr, /line 2: warning: whatsapp "2233 4455" left out/);
    assert.match(
      stderr,
      /line 2: warning: email "not-an-email" left out: expected an e-mail address/,
    );
    assert.match(
      stderr,
      /line 2: warning: url "ftp:\/\/example\.org" left out: it must start with https:\/\/ or http:\/\//,
    );
    assert.match(stderr, /line 2: note: timezone "Mars\/Olympus" written as "America\/Guatemala"/);
    assert.match(stderr, /line 2: warning: hours "mornings" left out/);
    assert.match(stderr, /line 2: warning: languages "spanish" left out/);
    // Mexico has several zones: the value is left out, and the hours are the visitor's.
    assert.equal(b.properties.timezone, undefined);
    assert.match(stderr, /line 3: warning: timezone "Mars\/Olympus" left out: .*visitor/);
    assert.match(
      stderr,
      /2 hubs written; in the rows written: 7 values left out, 1 value normalized$/m,
    );
  });

  test('dated exceptions, a temporary closure: closed_on, special_hours, status, status_notice, reopens', async () => {
    const file = await sheet(
      'exceptions.csv',
      'id,name,latitude,longitude,hours,closed_on,special_hours,status,status_notice,' +
        'status_notice_en,reopens\n' +
        // Line 2: good values, in the forms a sheet may have them.
        'a,Centro A,14.6,-90.5,mo-fr 08:00-16:00,' +
        '"2026-12-25 Navidad; 2026-12-24 | 2026-12-31..2027-01-01 (Año nuevo); ' +
        '2027-03-29 – 2027-03-31: Semana Santa; 2027-05-01/2027-05-01; 2027-06-01 to 2027-06-02",' +
        '"2026-12-30 08:00-12:00, 14:00-16:00 Inventario; 2027-01-02 al 2027-01-03 9-13",' +
        'Temporarily closed,Vaya al Centro B,Go to Centro B,2026-08-03\n' +
        // Line 3: a bad value in each; what can be read is kept.
        'b,Centro B,14.6,-90.5,,' +
        '"24/12/2026; 2026-02-30; 2027-01-05..2027-01-01; Navidad; 2026-11-02",' +
        '"2026-12-31; 2026-12-31 25:00-26:00; 2027-01-02 mornings",closed,,,03/08/2026\n' +
        // Line 4: Spanish, any case; an active hub.
        'c,Centro C,14.6,-90.5,,,,ACTIVO,,,\n' +
        'd,Centro D,14.6,-90.5,,,,cerrado-temporalmente,,,\n',
    );
    const { code, stderr, geojson } = await convert([file, '--lang', 'es']);
    assert.equal(code, 1, stderr);
    assertReadable(geojson);
    const [a, b, c, d] = geojson.features.map((f) => f.properties);
    assert.deepEqual(a.hours_exceptions, [
      { from: '2026-12-24' },
      { from: '2026-12-25', reason: 'Navidad' },
      {
        from: '2026-12-30',
        hours: [
          { opens: '08:00', closes: '12:00' },
          { opens: '14:00', closes: '16:00' },
        ],
        reason: 'Inventario',
      },
      { from: '2026-12-31', to: '2027-01-01', reason: 'Año nuevo' },
      { from: '2027-01-02', to: '2027-01-03', hours: [{ opens: '09:00', closes: '13:00' }] },
      { from: '2027-03-29', to: '2027-03-31', reason: 'Semana Santa' },
      { from: '2027-05-01' },
      { from: '2027-06-01', to: '2027-06-02' },
    ]);
    assert.equal(a.status, 'temporarily_closed');
    assert.deepEqual(a.status_notice, { es: 'Vaya al Centro B', en: 'Go to Centro B' });
    assert.equal(a.reopens, '2026-08-03');
    assert.doesNotMatch(stderr, /line 2: /);

    assert.deepEqual(b.hours_exceptions, [{ from: '2026-11-02' }]);
    assert.equal(b.status, undefined);
    assert.equal(b.reopens, undefined);
    const expected = [
      /warning: closed_on "24\/12\/2026" left out: write dates as 2026-12-24/,
      /warning: closed_on "2026-02-30" left out: 2026-02-30 is not a date/,
      /warning: closed_on "2027-01-05\.\.2027-01-01" left out: the range ends before it starts/,
      /warning: closed_on "Navidad" left out: does not start with a date/,
      /warning: special_hours "2026-12-31" left out: has no times/,
      /warning: special_hours "2026-12-31 25:00-26:00" left out: cannot read the times "25:00-26:00"/,
      /warning: special_hours "2027-01-02 mornings" left out: has no times/,
      /warning: status "closed" left out: write "active" or "temporarily closed"/,
      /warning: reopens "03\/08\/2026" left out: expected a date such as "2026-12-24"/,
    ];
    for (const message of expected) assert.match(stderr, new RegExp(`line 3: ${message.source}`));

    assert.equal(c.status, 'active');
    assert.equal(d.status, 'temporarily_closed');
    assert.match(stderr, /4 hubs written; in the rows written: 9 values left out$/m);
  });

  test('the new columns by their Spanish names, and translations of status_notice', async () => {
    const file = await sheet(
      'excepciones.csv',
      'nombre,latitud,longitud,cerrado_el,horario_especial,estado,aviso_estado,aviso_estado_en,' +
        'reabre\n' +
        'Centro,14.6,-90.5,2026-12-25 Navidad,2026-12-31 8-12,activo,Abierto,Open,2026-08-03\n',
    );
    const { code, stderr, geojson } = await convert([file, '--lang', 'es']);
    assert.equal(code, 0, stderr);
    assert.equal(stderr, `${file}: 1 hub written\n`);
    assertReadable(geojson);
    assert.deepEqual(geojson.features[0].properties, {
      name: 'Centro',
      hours_exceptions: [
        { from: '2026-12-25', reason: 'Navidad' },
        { from: '2026-12-31', hours: [{ opens: '08:00', closes: '12:00' }] },
      ],
      status: 'active',
      status_notice: { es: 'Abierto', en: 'Open' },
      reopens: '2026-08-03',
    });
  });

  test('what to know before going: eligibility, cost, documents, accessibility, verified, report', async () => {
    const file = await sheet(
      'know.csv',
      'id,name,latitude,longitude,eligibility,cost,documents,accessibility,verified,report\n' +
        // Line 2: clean values.
        'a,Centro A,14.6,-90.5,Personas migrantes y sus familias,free,DPI o pasaporte,' +
        'Entrada sin escalones,2026-11-20,https://example.org/report?hub=a\n' +
        // Line 3: "free" as people write it; an e-mail address as a mailto: link, in capitals.
        'b,Centro B,14.6,-90.5,,  GRATIS  ,,,2026-11-20,MAILTO:Datos@Example.org\n' +
        'c,Centro C,14.6,-90.5,,grátis,,,,datos@example.org\n' +
        'd,Centro D,14.6,-90.5,,0,,,,www.example.org/report\n' +
        // Line 6: bad values, each left out with its line and column; the row is still written.
        'e,Centro E,14.6,-90.5,,Consulta Q25,,,20/11/2026,javascript:alert(1)\n' +
        'f,Centro F,14.6,-90.5,,,,,2026-02-30,llame al centro\n' +
        'g,Centro G,14.6,-90.5,,,,,,ftp://example.org/report\n',
    );
    const { code, stderr, geojson } = await convert([file]);
    assert.equal(code, 1, stderr);
    assertReadable(geojson);
    const [a, b, c, d, e, f, g] = geojson.features.map((x) => x.properties);
    assert.deepEqual(a, {
      name: 'Centro A',
      eligibility: 'Personas migrantes y sus familias',
      cost: 'free',
      documents: 'DPI o pasaporte',
      accessibility: 'Entrada sin escalones',
      verified: '2026-11-20',
      report: 'https://example.org/report?hub=a',
    });
    assert.deepEqual(b, {
      name: 'Centro B',
      cost: 'free',
      verified: '2026-11-20',
      report: 'mailto:Datos@Example.org',
    });
    assert.deepEqual(c, { name: 'Centro C', cost: 'free', report: 'mailto:datos@example.org' });
    assert.deepEqual(d, {
      name: 'Centro D',
      cost: 'free',
      report: 'https://www.example.org/report',
    });
    assert.deepEqual(e, { name: 'Centro E', cost: 'Consulta Q25' });
    assert.deepEqual(f, { name: 'Centro F' });
    assert.deepEqual(g, { name: 'Centro G' });
    assert.doesNotMatch(stderr, /line [2-4]: /);
    assert.match(
      stderr,
      /line 5: note: report "www\.example\.org\/report" written as "https:\/\/www\.example\.org\/report"/,
    );
    for (const message of [
      /line 6: warning: verified "20\/11\/2026" left out: expected a date such as "2026-12-24"/,
      /line 6: warning: report "javascript:alert\(1\)" left out: expected an http\(s\) URL or an e-mail address/,
      /line 7: warning: verified "2026-02-30" left out/,
      /line 7: warning: report "llame al centro" left out/,
      /line 8: warning: report "ftp:\/\/example\.org\/report" left out/,
    ]) {
      assert.match(stderr, message);
    }
    assert.match(
      stderr,
      /7 hubs written; in the rows written: 5 values left out, 1 value normalized$/m,
    );
  });

  test('what to know before going by its Spanish names, and in two languages', async () => {
    const file = await sheet(
      'saber.csv',
      'nombre,latitud,longitud,a_quien_atiende,a_quien_atiende_en,costo,costo_en,documentos,' +
        'accesibilidad,verificado,reportar\n' +
        'Centro,14.6,-90.5,Personas migrantes,Migrants,Gratis,Free,DPI,Rampa,2026-11-20,' +
        'mailto:datos@example.org\n' +
        'Otro,14.6,-90.5,,,Gratis,Consultation Q25,,,,\n',
    );
    const { code, stderr, geojson } = await convert([file, '--lang', 'es']);
    assert.equal(code, 0, stderr);
    assert.equal(stderr, `${file}: 2 hubs written\n`);
    assertReadable(geojson);
    assert.deepEqual(geojson.features[0].properties, {
      name: 'Centro',
      eligibility: { en: 'Migrants', es: 'Personas migrantes' },
      cost: 'free',
      documents: 'DPI',
      accessibility: 'Rampa',
      verified: '2026-11-20',
      report: 'mailto:datos@example.org',
    });
    // Free in one language but not the other: text, as written.
    assert.deepEqual(geojson.features[1].properties.cost, { en: 'Consultation Q25', es: 'Gratis' });
    const headers = ['requisitos', 'coste', 'verificado_el', 'reportar_errores', 'cost_es'];
    assert.deepEqual(
      headers.map((h) => headerColumn(h)),
      ['eligibility', 'cost', 'verified', 'report', 'cost@es'],
    );
  });

  test('every line break counts: quoted values over several lines, CRLF, CR, blank lines', async () => {
    const text = [
      'id,name,notes,latitude,longitude\r\n',
      'a,"Centro\r\nA","one\r\ntwo\r\nthree",14.6,-90.5\r\n', // lines 2–5
      '\r\n', // line 6
      'b,Centro B,"x\ny",,-90.5\n', // lines 7–8: no latitude
      'c,Centro C,"p\rq",14.6,-90.5\r', // lines 9–10, CR alone
      'd,,,14.6,-90.5\r\n', // line 11: no name
      'e,Centro E,"unclosed,14.6,-90.5\nf,Centro F,,14.6,-90.5\n', // line 12 to the end
    ].join('');
    const file = await sheet('lines.csv', text);
    const { code, stderr, geojson } = await convert([file]);
    assert.equal(code, 1);
    assert.deepEqual(
      geojson.features.map((f) => f.id),
      ['a', 'c'],
    );
    assert.equal(geojson.features[0].properties.name, 'Centro\nA');
    assert.equal(geojson.features[0].properties.notes, 'one\ntwo\nthree');
    assert.equal(geojson.features[1].properties.notes, 'p\nq');
    assert.match(stderr, /: line 7: latitude is missing/);
    assert.match(stderr, /: line 11: name is missing/);
    assert.match(stderr, /: line 12: a quoted value is not closed \(a " is missing\)/);
    assert.match(stderr, /2 hubs written; 3 bad rows left out \(lines 7, 11, 12\)/);
  });

  test('a value with a quote inside that is not quoted as a whole', async () => {
    const file = await sheet(
      'quotes.csv',
      'name,latitude,longitude\n"Centro "Xela"",14.8,-91.5\nCentro B,14.6,-90.5\n',
    );
    const { stderr, geojson } = await convert([file]);
    assert.match(stderr, /line 2: a value has a " inside but is not quoted as a whole/);
    assert.deepEqual(
      geojson.features.map((f) => f.properties.name),
      ['Centro B'],
    );
  });

  test('control characters in a sheet are escaped in every message', async () => {
    const file = await sheet(
      'control.csv',
      'name,latitude,longitude,phone,Col\u001b[2J\n' +
        'Centro\u001b[31m Rojo,14.6,-90.5,\u001b]0;pwned\u0007,x\n' +
        'Centro,\u202eabc\u0000,-90.5,,\n',
    );
    const { stderr, geojson } = await convert([file]);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(stderr, /[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    assert.match(stderr, /column "Col\\u001b\[2J" is not one of mi-feed's columns/);
    assert.match(stderr, /line 2: warning: phone "\\u001b\]0;pwned\\u0007" left out/);
    assert.match(stderr, /line 3: latitude "\\u202eabc\\u0000" is not a number/);
    // The GeoJSON keeps the text as it is (JSON escapes it).
    assert.equal(geojson.features[0].properties.name, 'Centro\u001b[31m Rojo');
  });

  test('an id that repeats; rows without an id, and the ids the widgets give them', async () => {
    const file = await sheet(
      'ids.csv',
      'id,name,latitude,longitude\n' +
        'x,A,14.6,-90.5\n' + // 2
        ',B,14.6,-90.5\n' + // 3: no id; the widgets call it hub-2 (the second hub)
        'hub-2,C,14.6,-90.5\n' + // 4
        'x,D,14.6,-90.5\n' + // 5
        'hub-3,E,14.6,-90.5\n' + // 6
        ',F,14.6,-90.5\n', // 7: would be hub-4
    );
    const { stderr, geojson } = await convert([file]);
    assertReadable(geojson);
    assert.deepEqual(
      geojson.features.map((f) => [f.id, f.properties.name]),
      [
        ['x', 'A'],
        [undefined, 'B'],
        ['hub-3', 'E'],
        [undefined, 'F'],
      ],
    );
    assert.match(
      stderr,
      /line 4: id "hub-2" is the one the widgets give the row without an id on line 3/,
    );
    assert.match(stderr, /line 5: id "x" repeats line 2/);
    const clash = await convert([
      await sheet('ids-2.csv', 'id,name,lat,lon\nhub-2,A,14.6,-90.5\n,B,14.6,-90.5\n'),
    ]);
    assert.match(
      clash.stderr,
      /line 3: this row has no id, and the widgets would call it "hub-2", the id of line 2/,
    );
  });

  test('only what the sheet has: no hub, no header', async () => {
    const empty = await convert([await sheet('header-only.csv', 'name,lat,lon\n')]);
    assert.equal(empty.code, 0);
    assert.deepEqual(empty.geojson, { type: 'FeatureCollection', features: [] });
    await assert.rejects(hubsFromCsv([await sheet('blank.csv', '\n\n  \n')], io()), {
      message: /has no header row/,
    });
  });
});

describe('hubs-from-csv: files', () => {
  test('--out: a directory, a missing directory; the input: a directory — one line, nothing written', async () => {
    const folder = join(tmp, 'a-folder');
    await mkdir(folder, { recursive: true });
    const good = fixture('hubs-good.csv');
    await assert.rejects(hubsFromCsv([good, '--out', folder], io()), {
      name: 'UsageError',
      message: /^--out .*a-folder is a directory: give a file name, such as hubs\.geojson$/,
    });
    await assert.rejects(hubsFromCsv([good, '--out', join(tmp, 'nowhere/x.geojson')], io()), {
      message: /^--out .*: the directory .*nowhere does not exist$/,
    });
    await assert.rejects(hubsFromCsv([folder], io()), {
      message: /^cannot read .*a-folder: it is a directory$/,
    });
    assert.deepEqual(await readdir(folder), []);
  });

  test('--out is written whole or not at all: no file for a sheet that cannot be read', async () => {
    const out = join(tmp, 'never.geojson');
    await assert.rejects(hubsFromCsv([fixture('hubs-latin1.csv'), '--out', out], io()));
    await assert.rejects(stat(out), { code: 'ENOENT' });
    assert.deepEqual(
      (await readdir(tmp)).filter((f) => f.endsWith('.tmp')),
      [],
      'no temporary file left',
    );
  });

  test('--out relative to the working folder, and the input file as its own output', async () => {
    const file = await sheet('self.csv', 'name,lat,lon\nCentro,14.6,-90.5\n');
    const { code } = await convert(['self.csv', '--out', 'self.csv'], { cwd: tmp });
    assert.equal(code, 0);
    assert.equal(JSON.parse(await readFile(file, 'utf8')).features.length, 1);
  });

  test('not UTF-8 deep in a big file: the line, and nothing written', async () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `Centro ${i} con un nombre largo,14.6,-90.5\n`,
    );
    rows[2500] = 'Centro Pet\xe9n,14.6,-90.5\n';
    const bytes = Buffer.concat([
      Buffer.from('name,lat,lon\n'),
      ...rows.map((r) => Buffer.from(r, 'latin1')),
    ]);
    assert.ok(bytes.length > 64 * 1024, 'more than one chunk');
    const file = join(tmp, 'late-latin1.csv');
    await writeFile(file, bytes);
    const stdout = collector();
    await assert.rejects(hubsFromCsv([file], io({ stdout: stdout.stream })), {
      message: /late-latin1\.csv is not UTF-8 text \(line 2502\)/,
    });
    assert.equal(stdout.text(), '');
  });

  test('streamed: written in pieces as it reads, waiting for a slow reader; valid JSON', async () => {
    const rows = Array.from(
      { length: 20_000 },
      (_, i) => `h${i},"Centro ${i}, ""quoted""",14.${i % 10},-90.5\n`,
    );
    const text = `id,name,lat,lon\n${rows.join('')}`;
    const file = await sheet('stream.csv', text);
    const stdout = collector({ slow: true });
    let drains = 0;
    stdout.stream.on('drain', () => drains++);
    const code = await hubsFromCsv([file], io({ stdout: stdout.stream }));
    assert.equal(code, 0);
    const chunks = Math.ceil(text.length / (64 * 1024));
    assert.ok(
      stdout.chunks.length >= chunks,
      `${stdout.chunks.length} pieces for ${chunks} chunks`,
    );
    assert.ok(drains >= chunks - 1, `waited ${drains} times for the reader`);
    const geojson = JSON.parse(stdout.text());
    assert.equal(geojson.features.length, 20_000);
    assert.equal(geojson.features[19_999].properties.name, 'Centro 19999, "quoted"');
  });

  test('100,000 rows in bounded memory (a child process with a 64 MB heap)', async () => {
    // The sheet is 21 MB and its GeoJSON 106 MB: a conversion that held either, or the rows,
    // would not finish within a 64 MB heap. The peak RSS bound is Node's own (about 45 MB),
    // the 64 MB heap, the young generation (up to 48 MB) and the read and write buffers.
    const input = join(tmp, 'big.csv');
    const output = join(tmp, 'big.geojson');
    await writeSheet(input, 100_000);
    const { code, maxRssMb, stderr } = await convertInChild(input, output, 64);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /100,000 hubs written/);
    assert.ok(maxRssMb < 200, `peak RSS ${maxRssMb.toFixed(0)} MB`);
    const text = await readFile(output, 'utf8');
    assert.ok(text.endsWith('\n  ]\n}\n'));
    await rm(output);
    await rm(input);
  });
});

describe('hubs-from-csv: parts', () => {
  test('the tokenizer gives the same records however the text is cut into chunks', () => {
    const text = 'a,"b ""q""",c\r\n"multi\r\nline",x\n\n"cr\ronly" ,w\r"a"b,c\r\n,,\nlast,"é"';
    const read = (parts) => {
      const tokenizer = new CsvTokenizer(',');
      return [...parts.flatMap((p) => tokenizer.push(p)), ...tokenizer.end()];
    };
    const whole = read([text]);
    assert.deepEqual(whole, [
      { cells: ['a', 'b "q"', 'c'], line: 1 },
      { cells: ['multi\nline', 'x'], line: 2 },
      { cells: [''], line: 4 },
      { cells: ['cr\nonly', 'w'], line: 5 },
      { cells: ['a"b', 'c'], line: 7, error: 'InvalidQuotes' },
      { cells: ['', '', ''], line: 8 },
      { cells: ['last', 'é'], line: 9 },
    ]);
    for (let i = 0; i <= text.length; i++) {
      for (let j = i; j <= text.length; j += 7) {
        assert.deepEqual(read([text.slice(0, i), text.slice(i, j), text.slice(j)]), whole);
      }
    }
    const open = new CsvTokenizer(';');
    assert.deepEqual(open.push('x;"never closed\n\n'), []);
    assert.deepEqual(open.end(), [
      { cells: ['x', 'never closed\n\n'], line: 1, error: 'MissingQuotes' },
    ]);
  });

  test('the separator: sep=, semicolons, commas, quoted ones not counted', () => {
    assert.deepEqual(detectDelimiter('sep=|\r\na|b'), { delimiter: '|', start: 7 });
    assert.deepEqual(detectDelimiter('\n a;b;c,d\n1,2'), { delimiter: ';', start: 0 });
    assert.deepEqual(detectDelimiter('"a;b;c",d\n'), { delimiter: ',', start: 0 });
  });

  test('hours, days and times as people write them', () => {
    assert.equal(dayCode('Sáb.'), 'sa');
    assert.equal(dayCode('m'), undefined);
    assert.equal(dayCode('ma'), 'tu');
    assert.equal(dayCode('Mi'), 'we');
    assert.equal(clock('4:30 p.m.'), '16:30');
    assert.equal(clock('8h30'), '08:30');
    assert.equal(clock('25'), undefined);
    assert.deepEqual(parseHours('lu-vi 8-16; sa 8am-12pm'), [
      { days: ['mo', 'tu', 'we', 'th', 'fr'], opens: '08:00', closes: '16:00' },
      { days: ['sa'], opens: '08:00', closes: '12:00' },
    ]);
    assert.deepEqual(parseHours('fr-mo 10-12; su closed'), [
      { days: ['mo', 'fr', 'sa', 'su'], opens: '10:00', closes: '12:00' },
    ]);
    assert.match(parseHours('mornings'), /cannot read the day "mornings"/);
    const first = parseHours('mo 8-9');
    first[0].days.push('tu');
    assert.deepEqual(parseHours('mo 8-9')[0].days, ['mo'], 'a remembered result is not shared');
  });

  test('ids: the first line of each, whatever the table has grown to', () => {
    const ids = new IdLines();
    for (let i = 1; i <= 50_000; i++) assert.equal(ids.firstSeen(`id-${i}`, i + 1), undefined);
    assert.equal(ids.size, 50_000);
    assert.deepEqual(ids.firstSeen('id-1', 99_999), { line: 2, derived: false });
    assert.deepEqual(ids.firstSeen('id-50000', 99_999), { line: 50_001, derived: false });
    assert.equal(ids.firstSeen('hub-7', 60_000, true), undefined);
    assert.deepEqual(ids.firstSeen('hub-7', 99_999), { line: 60_000, derived: true });
  });
});
