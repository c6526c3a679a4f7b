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
import { FEED_SCHEMA_ID, feedJsonSchema } from '../../lib/feed/json-schema.js';
import { findProblems } from '../../lib/feed/problems.js';

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
  ['no content_text nor content_html', (f) => delete item(f).content_text, false],
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

  test('is draft-07 with a placeholder $id, a title and descriptions', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(schema.$id, FEED_SCHEMA_ID);
    assert.match(schema.$id, /^https:\/\/[^/]+\.example\//);
    assert.equal(typeof schema.title, 'string');
    assert.deepEqual(schema.required, ['version', 'title', 'items']);
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
    assert.deepEqual(
      defs.Hub.properties.properties.properties.opening_hours.items.properties.days.items.enum,
      ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'],
    );
    assert.equal(defs.Hub.properties.properties.properties.email.format, 'email');
  });

  test('compiles in Ajv without warnings', () => {
    assert.deepEqual(warnings, []);
  });

  test('accepts demo/feed.json', () => {
    const valid = validate(readJson('demo/feed.json'));
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
  });

  test('rejects the broken feed, at the places mi-feed validate names', () => {
    assert.equal(validate(readJson('test/fixtures/cli/feed-broken.json')), false);
    const paths = errorPaths();
    for (const path of [
      '/items/1/date_published',
      '/items/3/url',
      '/items/3/language',
      '/items/4',
      '/_migration_info/quizzes/0/questions/1/answer',
      '/_migration_info/quizzes/0/questions/2/statement',
      '/_migration_info/quizzes/1',
      '/_migration_info/hubs/features/1/properties/country',
      '/_migration_info/hubs/features/1/properties/phone',
      '/_migration_info/campaigns/1/cta/url',
    ]) {
      assert.ok(paths.includes(path), `${path} in ${paths.join(', ')}`);
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
      assert.equal(findProblems(feed).length === 0, valid, JSON.stringify(findProblems(feed)));
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
