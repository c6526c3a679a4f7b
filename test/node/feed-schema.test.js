/**
 * dist/feed.schema.json, the feed's JSON Schema generated from the widgets' valibot schemas
 * (`npx tsc -p tsconfig.lib.json && node scripts/build-schema.js`), checked with Ajv: it accepts
 * the demo feed, rejects broken ones, and agrees with the widgets' own rules where JSON Schema
 * can say the same thing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import {
  FEED_SCHEMA_ID,
  FIELD_WORDS,
  feedJsonSchema,
  staleKeys,
} from '../../lib/feed/json-schema.js';
import { readFeed } from '../../lib/feed/read.js';

const BASE = 'https://feeds.example.org/feed.json';
const problemsOf = (doc) => readFeed(doc, BASE).problems;

const root = fileURLToPath(new URL('../..', import.meta.url));
const readJson = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));

let schema;
try {
  schema = readJson('dist/feed.schema.json');
} catch (error) {
  throw new Error(
    `dist/feed.schema.json: ${error.message}. Build it first: npx tsc -p tsconfig.lib.json && node scripts/build-schema.js`,
  );
}

const warnings = [];
const ajv = new Ajv({
  allErrors: true,
  // Coordinates are [longitude, latitude] with an optional altitude: a tuple with an optional
  // last element, which Ajv's strictTuples lint reports although it is valid JSON Schema.
  strictTuples: false,
  logger: { log() {}, warn: (...args) => warnings.push(args.join(' ')), error() {} },
  formats: {
    'uri-reference': (s) => URL.canParse(s, 'https://base.invalid/'),
    email: /^[^\s@]+@[^\s@]+$/,
  },
});
const validate = ajv.compile(schema);
const errorPaths = () => [...new Set((validate.errors ?? []).map((e) => e.instancePath))];

/** A small feed that is valid; each case below breaks (or bends) one thing in a copy. */
function goodFeed() {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: { en: 'Feed', es: 'Feed' },
    items: [{ id: 'a', title: 'Item', content_text: 'Text', url: 'https://example.org/a' }],
    _migration_info: {
      quizzes: [
        {
          id: 'q',
          title: 'Quiz',
          questions: [{ id: 1, statement: 'S', answer: 'myth', explanation: 'E' }],
        },
      ],
      hubs: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [-90.5, 14.6] },
            properties: { name: 'Hub', country: 'GT', phone: '+50222334455' },
          },
        ],
      },
      campaigns: [{ id: 'c', title: 'Campaign', starts: '2026-01-01', ends: '2026-12-31' }],
    },
  };
}

const item = (feed) => feed.items[0];
const hub = (feed) => feed._migration_info.hubs.features[0];
const CASES = [
  ['the good feed as it is', () => {}, true],
  ['a relative URL', (f) => (item(f).url = '/news/a'), true],
  ['a javascript: URL', (f) => (item(f).url = 'javascript:alert(1)'), false],
  ['a data: image', (f) => (item(f).image = 'data:image/png;base64,AAAA'), false],
  ['a blank title', (f) => (item(f).title = '   '), false],
  ['a title map with only blanks', (f) => (item(f).title = { es: ' ', en: '' }), false],
  ['a title map with text in one language', (f) => (item(f).title = { es: 'Hola', en: '' }), true],
  ['a title map keyed by a non-language', (f) => (item(f).title = { english: 'Hi' }), false],
  ['no content_text nor content_html, but a title', (f) => delete item(f).content_text, true],
  [
    'no text at all',
    (f) => {
      delete item(f).content_text;
      delete item(f).title;
    },
    false,
  ],
  ['a blank content_html alone', (f) => (f.items[0] = { id: 'x', content_html: ' ' }), false],
  ['an impossible date', (f) => (item(f).date_published = '2026-02-30'), false],
  ['29 February of a leap year', (f) => (item(f).date_published = '2024-02-29'), true],
  ['a www. address without https://', (f) => (item(f).url = 'www.iom.int'), false],
  ['a mailto: author link', (f) => (item(f).authors = [{ url: 'mailto:a@example.org' }]), true],
  ['a mailto: item link', (f) => (item(f).url = 'mailto:a@example.org'), false],
  ['a tel: phone', (f) => (hub(f).properties.phone = 'tel:+50222334455'), true],
  ['a phone with spaces', (f) => (hub(f).properties.phone = '+502 2233-4455'), false],
  ['a mailto: e-mail', (f) => (hub(f).properties.email = 'mailto:a@example.org'), true],
  ['a country in lower case', (f) => (hub(f).properties.country = 'gt'), false],
  ['a language tag in capitals', (f) => (hub(f).properties.languages = ['ES-mx']), true],
  ['an unknown time zone', (f) => (hub(f).properties.timezone = 'Mars/Olympus'), false],
  ['a known time zone', (f) => (hub(f).properties.timezone = 'America/Guatemala'), true],
  ['a hub without a country', (f) => delete hub(f).properties.country, true],
  [
    'a statement without an explanation',
    (f) => delete f._migration_info.quizzes[0].questions[0].explanation,
    true,
  ],
  ['a quiz without statements', (f) => (f._migration_info.quizzes[0].questions = []), false],
  [
    'content_html alone, and a summary',
    (f) => {
      delete item(f).content_text;
      item(f).content_html = '<p>Hi</p>';
      item(f).summary = 'Hi';
    },
    true,
  ],
  ['a date without its time zone', (f) => (item(f).date_published = '2022-11-08T12:00:00'), false],
  ['a date alone', (f) => (item(f).date_published = '2022-11-08'), true],
  ['a numeric id', (f) => (item(f).id = 7), true],
  ['an empty id', (f) => (item(f).id = ''), false],
  ['latitude beyond 90', (f) => (hub(f).geometry.coordinates = [-90.5, 95]), false],
  ['longitude beyond 180', (f) => (hub(f).geometry.coordinates = [-190, 14.6]), false],
  ['an altitude', (f) => (hub(f).geometry.coordinates = [-90.5, 14.6, 1500]), true],
  ['one coordinate', (f) => (hub(f).geometry.coordinates = [-90.5]), false],
  ['a country name', (f) => (hub(f).properties.country = 'Guatemala'), false],
  ['a local phone number', (f) => (hub(f).properties.phone = '2233 4455'), false],
  [
    'a day that is not one',
    (f) => {
      hub(f).properties.opening_hours = [{ days: ['xx'], opens: '08:00', closes: '16:00' }];
    },
    false,
  ],
  [
    'a quiz answer that is neither',
    (f) => {
      f._migration_info.quizzes[0].questions[0].answer = 'maybe';
    },
    false,
  ],
  [
    'a statement and its explanation with pictures and alt text',
    (f) =>
      Object.assign(f._migration_info.quizzes[0].questions[0], {
        image: { url: 'img/road.svg', alt: { es: 'Un camino', en: 'A road' } },
        explanation_image: { url: 'https://example.org/hub.png', alt: 'A hub' },
      }),
    true,
  ],
  [
    'a statement picture without alt text',
    (f) => (f._migration_info.quizzes[0].questions[0].image = { url: 'img/road.svg' }),
    false,
  ],
  [
    'an explanation picture with blank alt text',
    (f) =>
      (f._migration_info.quizzes[0].questions[0].explanation_image = { url: 'a.png', alt: ' ' }),
    false,
  ],
  [
    'result messages by score, with a call to action',
    (f) =>
      (f._migration_info.quizzes[0].results = [
        {
          min: 0,
          message: { es: 'Habla con un centro' },
          cta: { label: 'Busca un centro', url: '/hubs' },
        },
        { min: 62.5, message: 'Bien' },
        { min: 100, message: 'Excelente' },
      ]),
    true,
  ],
  [
    'a result percentage over 100',
    (f) => (f._migration_info.quizzes[0].results = [{ min: 120, message: 'M' }]),
    false,
  ],
  [
    'a result percentage as a sheet writes it, "80 %"',
    (f) => (f._migration_info.quizzes[0].results = [{ min: '80 %', message: 'M' }]),
    false,
  ],
  [
    'a result message without its text',
    (f) => (f._migration_info.quizzes[0].results = [{ min: 0 }]),
    false,
  ],
  [
    'a result call to action on tel:',
    (f) =>
      (f._migration_info.quizzes[0].results = [
        { min: 0, message: 'M', cta: { label: 'Call', url: 'tel:+50222334455' } },
      ]),
    false,
  ],
  [
    'what to know before going, as the reader keeps it',
    (f) => {
      Object.assign(hub(f).properties, {
        eligibility: { es: 'Personas migrantes y sus familias' },
        cost: 'free',
        documents: 'DPI o pasaporte',
        accessibility: { en: 'Step-free entrance' },
        verified: '2026-11-20',
        report: 'mailto:datos@example.org',
      });
      f._migration_info.report = 'https://example.org/report';
    },
    true,
  ],
  ['a cost in words', (f) => (hub(f).properties.cost = { es: 'Consulta Q25' }), true],
  ['a cost "Gratis" (read as "free")', (f) => (hub(f).properties.cost = ' Gratis '), false],
  ['a cost "grátis" (read as "free")', (f) => (hub(f).properties.cost = 'GRÁTIS'), false],
  ['a cost "0" (read as "free")', (f) => (hub(f).properties.cost = '0'), false],
  ['a cost 0, a number (read as "free")', (f) => (hub(f).properties.cost = 0), false],
  ['a cost true', (f) => (hub(f).properties.cost = true), false],
  ['a blank eligibility', (f) => (hub(f).properties.eligibility = ' '), false],
  ['an impossible verified date', (f) => (hub(f).properties.verified = '2026-02-30'), false],
  [
    'a verified date as a sheet writes it',
    (f) => (hub(f).properties.verified = '20/11/2026'),
    false,
  ],
  ['a report e-mail address alone', (f) => (hub(f).properties.report = 'datos@example.org'), true],
  ['a report URL', (f) => (hub(f).properties.report = 'https://example.org/r?hub=a'), true],
  ['a javascript: report', (f) => (hub(f).properties.report = 'javascript:alert(1)'), false],
  ['an ftp: report', (f) => (f._migration_info.report = 'ftp://example.org/report'), false],
  ['a relative report URL', (f) => (hub(f).properties.report = '/report'), false],
  ['a www. report address', (f) => (f._migration_info.report = 'www.example.org/report'), false],
  [
    'recordings: an audio attachment, a statement and a campaign per language',
    (f) => {
      item(f).attachments = [
        { url: 'audio/a.mp3', mime_type: 'audio/mpeg', duration_in_seconds: 3, _language: 'quc' },
      ];
      f._migration_info.quizzes[0].questions[0].audio = { es: 'audio/q1-es.mp3' };
      f._migration_info.quizzes[0].questions[0].explanation_audio = 'audio/q1-why.mp3';
      f._migration_info.campaigns[0].audio = { es: 'https://cdn.example.org/c.ogg' };
    },
    true,
  ],
  [
    'an attachment without its type',
    (f) => (item(f).attachments = [{ url: 'audio/a.mp3' }]),
    false,
  ],
  [
    'a javascript: recording',
    (f) => (f._migration_info.campaigns[0].audio = { es: 'javascript:alert(1)' }),
    false,
  ],
  ['no recording at all', (f) => (f._migration_info.campaigns[0].audio = {}), false],
  ['a JSON Feed version that is not a URL', (f) => (f.version = '1.1'), false],
  [
    'extra fields (JSON Feed allows them)',
    (f) => {
      f.home_page_url = 'https://example.org/';
      item(f)._extra = true;
    },
    true,
  ],
];

describe('dist/feed.schema.json', () => {
  test('is up to date with the valibot schemas (scripts/build-schema.js)', () => {
    assert.deepEqual(schema, JSON.parse(JSON.stringify(feedJsonSchema())));
  });

  test('scripts/build-schema.js writes it, pretty-printed, where it is told', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mi-schema-'));
    try {
      const out = join(dir, 'feed.schema.json');
      const result = spawnSync(process.execPath, ['scripts/build-schema.js', out], {
        cwd: root,
        encoding: 'utf8',
      });
      assert.equal(result.status, 0, result.stderr);
      const text = readFileSync(out, 'utf8');
      assert.equal(text, `${JSON.stringify(schema, null, 2)}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('is draft-07 with its $id on the CDN path of this minor version, a title and descriptions', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(schema.$id, FEED_SCHEMA_ID);
    const { name, version } = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    );
    const minor = version.split('.').slice(0, 2).join('.');
    assert.equal(schema.$id, `https://cdn.jsdelivr.net/npm/${name}@${minor}/dist/feed.schema.json`);
    assert.equal(typeof schema.title, 'string');
    assert.deepEqual(schema.required, ['version', 'items']);
    const defs = schema.$defs;
    for (const name of ['NewsItem', 'Quiz', 'QuizStatement', 'Hub', 'HubCollection', 'Campaign']) {
      assert.equal(typeof defs[name].description, 'string', `${name} has a description`);
    }
    // The widgets' rules, carried over: formats, patterns, enums.
    assert.equal(defs.HttpUrl.format, 'uri-reference');
    assert.equal(typeof defs.HttpUrl.pattern, 'string');
    assert.equal(defs.CountryCode.pattern, '^[A-Z]{2}$');
    assert.equal(typeof defs.Date.pattern, 'string');
    assert.equal(typeof defs.LanguageTag.pattern, 'string');
    assert.deepEqual(defs.QuizStatement.properties.answer.enum, ['myth', 'fact']);
    assert.deepEqual(defs.HubProperties.properties.opening_hours.items.properties.days.items.enum, [
      'mo',
      'tu',
      'we',
      'th',
      'fr',
      'sa',
      'su',
    ]);
    assert.match(
      'mailto:info@example.org',
      new RegExp(defs.HubProperties.properties.email.pattern),
    );
    assert.ok(defs.HubProperties.properties.timezone.enum.includes('America/Guatemala'));
  });

  test('compiles in Ajv without warnings', () => {
    assert.deepEqual(warnings, []);
  });

  test('accepts demo/feed.json', () => {
    const valid = validate(readJson('demo/feed.json'));
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
  });

  /** `items[2].title["es-MX"]` → `/items/2/title/es-MX` (a JSON Pointer, as Ajv names places). */
  const pointer = (path) =>
    [...path.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)]
      .map(([, name, index, quoted]) => name ?? index ?? JSON.parse(quoted))
      .map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`)
      .join('');
  const related = (a, b) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
  /** What JSON Schema cannot say: a campaign that ends before it starts, a repeated id. */
  const beyondJsonSchema = (p) =>
    p.expected === 'starts not after ends' || p.expected.startsWith('an id not already used');

  for (const file of ['test/fixtures/corpus/typos.json', 'test/fixtures/cli/feed-broken.json']) {
    test(`agrees with the reader on ${file}: the same places, both ways`, () => {
      const doc = readJson(file);
      assert.equal(validate(doc), false);
      const schemaPaths = errorPaths();
      const problems = problemsOf(doc);
      const readerPaths = problems.filter((p) => !beyondJsonSchema(p)).map((p) => pointer(p.path));
      assert.ok(readerPaths.length > 5);
      for (const path of readerPaths) {
        assert.ok(
          schemaPaths.some((s) => related(s, path)),
          `${path} in ${schemaPaths.join(', ')}`,
        );
      }
      for (const path of schemaPaths) {
        assert.ok(
          readerPaths.some((r) => related(path, r)),
          `the schema's ${path} is one of the reader's: ${readerPaths.join(', ')}`,
        );
      }
    });
  }

  test('describes fields by name, and a key naming no field is caught', () => {
    assert.deepEqual(staleKeys(), []);
    assert.equal(
      schema.$defs.HubProperties.properties.phone.description,
      FIELD_WORDS['HubProperties.phone'],
    );
    FIELD_WORDS['HubProperties.telephone'] = 'a field that does not exist';
    try {
      assert.deepEqual(staleKeys(), ['HubProperties.telephone']);
      assert.throws(() => feedJsonSchema(), /HubProperties\.telephone/);
    } finally {
      delete FIELD_WORDS['HubProperties.telephone'];
    }
  });

  test('rejects documents that are not feeds', () => {
    assert.equal(validate(readJson('test/fixtures/cli/feed-unusable.json')), false);
    assert.deepEqual(errorPaths(), ['/items']);
    assert.equal(validate(readJson('test/fixtures/cli/not-a-feed.json')), false);
  });

  for (const [name, change, valid] of CASES) {
    test(`agrees with the widgets' rules: ${name} (${valid ? 'valid' : 'invalid'})`, () => {
      const feed = goodFeed();
      change(feed);
      assert.equal(validate(feed), valid, JSON.stringify(validate.errors));
      assert.equal(problemsOf(feed).length === 0, valid, JSON.stringify(problemsOf(feed)));
    });
  }

  test('$defs/HubCollection accepts what `mi-feed hubs-from-csv` writes', () => {
    const result = spawnSync(
      process.execPath,
      ['bin/mi-feed.js', 'hubs-from-csv', 'test/fixtures/cli/hubs-good.csv'],
      { cwd: root, encoding: 'utf8' },
    );
    assert.equal(result.status, 0, result.stderr);
    const hubs = ajv.getSchema(`${FEED_SCHEMA_ID}#/$defs/HubCollection`);
    assert.ok(hubs(JSON.parse(result.stdout)), JSON.stringify(hubs.errors));
    assert.equal(hubs({ type: 'FeatureCollection', features: [{ type: 'Feature' }] }), false);
  });
});
