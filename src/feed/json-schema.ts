/**
 * The feed's JSON Schema, for feed publishers (editor completion and checks, other tools),
 * converted from the one valibot definition in `schema.ts` — the one the widgets read with —
 * so the rules are written once. `scripts/build-schema.js` writes it to `dist/feed.schema.json`.
 *
 * It describes a document as a publisher should write it: where the reader would drop or
 * normalize something, the schema reports an error. What JSON Schema cannot say — a campaign
 * that ends before it starts, an id repeated in a list — is left to `mi-feed validate`, which
 * runs the reader itself.
 *
 * The words for publishers live here, not in `schema.ts`: that module ships to every visitor of
 * a partner's page. Field descriptions are keyed by `Definition.field` ({@link FIELD_WORDS});
 * a key that names no field fails the build.
 */
import * as v from 'valibot';
import {
  toJsonSchema,
  type ConversionConfig,
  type JsonSchema,
  type OverrideActionContext,
  type OverrideSchemaContext,
} from '@valibot/to-json-schema';
import { E164, isTimeZone } from './forms.js';
import {
  AttachmentSchema,
  CampaignSchema,
  ContactUrl,
  Cost,
  CountryCode,
  EMAIL,
  FeatureCollectionSchema,
  FREE_WORDS,
  HttpUrl,
  HubFeatureSchema,
  HubPropertiesSchema,
  Id,
  IsoDate,
  JSON_FEED_VERSION,
  JsonFeedSchema,
  LangTag,
  LocalizedText,
  MigrationInfoSchema,
  NewsItemSchema,
  NonEmptyString,
  QuestionSchema,
  QuizImageSchema,
  QuizSchema,
  Recordings,
  ReportAddress,
  ResultBandSchema,
  ZERO_COST,
} from './schema.js';

/**
 * The schema's `$id`: where the published package serves `dist/feed.schema.json`, on the CDN path
 * of this minor version (`@0.1`: in 0.x a minor release may change the format). A test holds it
 * to package.json's version, so a release that bumps the minor version moves it too.
 */
export const FEED_SCHEMA_ID =
  'https://cdn.jsdelivr.net/npm/migration-info-widgets@0.1/dist/feed.schema.json';

const Feed = v.object({
  $schema: v.optional(v.string()),
  ...JsonFeedSchema.entries,
});

/** Named in `$defs`, each converted once and referenced with `$ref`. */
const definitions = {
  NewsItem: NewsItemSchema,
  Attachment: AttachmentSchema,
  Quiz: QuizSchema,
  QuizStatement: QuestionSchema,
  QuizImage: QuizImageSchema,
  QuizResult: ResultBandSchema,
  MigrationInfo: MigrationInfoSchema,
  HubCollection: FeatureCollectionSchema,
  Hub: HubFeatureSchema,
  HubProperties: HubPropertiesSchema,
  Campaign: CampaignSchema,
  LocalizedText,
  Recordings,
  HttpUrl,
  ContactUrl,
  ReportAddress,
  Date: IsoDate,
  LanguageTag: LangTag,
  CountryCode,
  Id,
};
type Definition = keyof typeof definitions | 'Feed';

// --- The custom checks, where JSON Schema can say the same -----------------------------------

type PipeItem = { readonly type: string };
type Rewrite = (schema: JsonSchema) => JsonSchema;

/** The `v.check` actions of a schema's pipe, in order. */
function checksOf(schema: { readonly pipe: readonly PipeItem[] }): PipeItem[] {
  return schema.pipe.filter((item) => item.type === 'check');
}

/**
 * An http(s) URL, or a reference with no scheme at all (relative to the feed) that does not
 * start with `www.` (the reader reads that as `https://www.…` and says so).
 */
const HTTP_URL_REFERENCE = '^(?:[hH][tT][tT][pP][sS]?:|(?![wW]{3}\\.)[^:/?#]*(?:[/?#]|$))';
const CONTACT_URL_REFERENCE =
  '^(?:[hH][tT][tT][pP][sS]?:|[mM][aA][iI][lL][tT][oO]:|[tT][eE][lL]:|(?![wW]{3}\\.)[^:/?#]*(?:[/?#]|$))';

const [nonEmpty] = checksOf(NonEmptyString);
const [textInSomeLanguage] = checksOf(LocalizedText.options[1]);
const [someRecording] = checksOf(Recordings.options[1]);
const [httpUrl] = checksOf(HttpUrl);
const [contactUrl] = checksOf(ContactUrl);
const [someText] = checksOf(NewsItemSchema);
const coordinates = HubFeatureSchema.entries.geometry.entries.coordinates;
const [twoOrThreeNumbers, withinRange] = checksOf(coordinates);
const [phone] = checksOf(HubPropertiesSchema.entries.phone.wrapped);
const [notFree] = checksOf(Cost.pipe[0].options[1]);
const [reportAddress] = checksOf(ReportAddress);
const [timeZone] = checksOf(HubPropertiesSchema.entries.timezone.wrapped);
const [percent] = checksOf(ResultBandSchema.entries.min);

const ACCENTED: Readonly<Record<string, string>> = {
  a: 'áàâäã',
  e: 'éèêë',
  i: 'íìîï',
  o: 'óòôöõ',
  u: 'úùûü',
};
/** A folded word as a pattern for what folds to it: any case, accents. */
const unfolded = (word: string) =>
  [...word]
    .map((c) => {
      if (c === ' ') return c;
      const letters = c + (ACCENTED[c] ?? '');
      return `[${letters}${letters.toUpperCase()}]`;
    })
    .join('');
/** The ways to write "free" that the reader reads as `"free"` ({@link FREE_WORDS}, zeros). */
const FREE_TEXT = `^\\s*(?:${FREE_WORDS.map(unfolded).join('|')}|${ZERO_COST.source.slice(1, -1)})\\s*$`;
/** An absolute http(s) URL or an e-mail address: what the reader takes for `report` as it is. */
const REPORT_ADDRESS = `^(?:[hH][tT][tT][pP][sS]?://\\S+|${EMAIL.source
  .slice(1, -1)
  .replace('(mailto:)', '(?:[mM][aA][iI][lL][tT][oO]:)')})$`;

const allOf = (schema: JsonSchema, add: JsonSchema): JsonSchema => ({
  ...schema,
  allOf: [...(schema.allOf ?? []), add],
});

/** The time zones this runtime knows, for the schema's enum (the reader asks `Intl` itself). */
function timeZones(): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  return [...zones].filter(isTimeZone).sort();
}

/**
 * Checks not listed here stay out of the JSON Schema (errorMode 'ignore'): a campaign's
 * `starts` before its `ends`.
 */
const rewrites = new Map<PipeItem, Rewrite>([
  [nonEmpty, (s) => ({ ...s, pattern: '\\S' })],
  [
    textInSomeLanguage,
    (s) => ({
      ...s,
      minProperties: 1,
      // Not every value blank, i.e. text in at least one language.
      not: { type: 'object', additionalProperties: { type: 'string', pattern: '^\\s*$' } },
    }),
  ],
  [someRecording, (s) => ({ ...s, minProperties: 1 })],
  [httpUrl, (s) => ({ ...s, format: 'uri-reference', pattern: HTTP_URL_REFERENCE })],
  [contactUrl, (s) => ({ ...s, format: 'uri-reference', pattern: CONTACT_URL_REFERENCE })],
  [
    someText,
    (s) =>
      allOf(s, {
        anyOf: [
          { required: ['title'] },
          { required: ['summary'] },
          { required: ['content_text'] },
          {
            required: ['content_html'],
            properties: { content_html: { type: 'string', pattern: '\\S' } },
          },
        ],
      }),
  ],
  [twoOrThreeNumbers, (s) => ({ ...s, minItems: 2, maxItems: 3 })],
  [
    withinRange,
    (s) => ({
      ...s,
      items: [
        { type: 'number', minimum: -180, maximum: 180, description: 'Longitude' },
        { type: 'number', minimum: -90, maximum: 90, description: 'Latitude' },
      ],
      additionalItems: { type: 'number', description: 'Altitude (ignored)' },
    }),
  ],
  [phone, (s) => ({ ...s, pattern: `^(?:[tT][eE][lL]:)?${E164.source.slice(1)}` })],
  [notFree, (s) => ({ ...s, not: { pattern: FREE_TEXT } })],
  [reportAddress, (s) => ({ ...s, pattern: REPORT_ADDRESS })],
  [timeZone, (s) => ({ ...s, enum: timeZones() })],
  [percent, (s) => ({ ...s, minimum: 0, maximum: 100 })],
]);

// --- Words for publishers ----------------------------------------------------------------------

type Words = Pick<JsonSchema, 'title' | 'description' | 'examples'>;

/** Titles and descriptions of the named definitions. */
const DEFINITION_WORDS: Record<Definition, Words> = {
  Feed: {
    title: 'Migration Info Widgets feed',
    description:
      'One document feeds every widget: a JSON Feed 1.1 (https://jsonfeed.org/version/1.1) whose items are the news, plus the extension object _migration_info with quizzes, hubs (a GeoJSON FeatureCollection; coordinates are [longitude, latitude]) and campaigns. Text fields take a string or a map of language tag → string.',
  },
  NewsItem: {
    title: 'News item',
    description:
      'A JSON Feed 1.1 item. It needs an id and some text to show: a title, a summary, content_text or content_html. A bad optional field is left out and the item kept.',
  },
  Attachment: {
    title: 'Attachment',
    description:
      'A JSON Feed 1.1 attachment. One whose mime_type is audio/… ("audio/mpeg", "audio/ogg", "audio/wav") is a recording of the item: the news feed shows a Listen button that plays it (fetched only when pressed).',
  },
  Quiz: { title: 'Quiz', description: 'A myth-or-fact quiz for <mi-quiz>.' },
  QuizStatement: {
    title: 'Quiz statement',
    description:
      'A statement the visitor judges as "myth" or "fact", with the explanation shown after the answer and an optional source.',
  },
  QuizImage: {
    title: 'Quiz image',
    description:
      'A picture beside a statement or its explanation: its http(s) URL (relative to the feed is fine) and its alt text, which says what the picture shows for visitors who cannot see it. An image without alt text is left out (and reported); the statement is kept.',
  },
  QuizResult: {
    title: 'Quiz result message',
    description:
      'The message a visitor reads at the end when at least `min` percent of her answers were right, up to the next message\'s `min`, with an optional call to action. E.g. [{"min": 0, "message": {"es": "…"}, "cta": {"label": {"es": "Busca un centro"}, "url": "https://example.org/centros"}}, {"min": 50, "message": …}, {"min": 100, "message": …}]. A message that cannot be read is left out (and reported); scores below every `min` get the widget\'s own message.',
  },
  MigrationInfo: {
    description:
      "The widgets' extension to JSON Feed (an underscore key, JSON Feed's way to extend): quizzes, hubs, campaigns, and where to report wrong information.",
  },
  HubCollection: {
    title: 'Information hubs',
    description:
      'A GeoJSON FeatureCollection of Point features, one per hub, for <mi-hub-locator>. The hub locator also reads such a collection as a document of its own (what `mi-feed hubs-from-csv` writes).',
  },
  Hub: {
    title: 'Information hub',
    description:
      'A GeoJSON Point feature: where the hub is, and its properties. A hub needs a name and a position; a bad optional property is left out and the hub kept.',
  },
  HubProperties: { description: 'What the hub locator shows of a hub.' },
  Campaign: {
    title: 'Campaign',
    description:
      'A campaign banner, shown between starts (inclusive) and ends (exclusive), when given, to visitors of the given countries and languages, when given; starts must not be after ends.',
  },
  LocalizedText: {
    title: 'Localized text',
    description:
      'Text, or a map of language tag → text such as {"es": "Centro de información", "en": "Information hub"}. ' +
      "The widget shows the visitor's language, then the language their community reads, then English, then whatever there is.",
  },
  Recordings: {
    title: 'Recordings',
    description:
      'Recordings of a text, for visitors who do not read: a map of language tag → URL of an audio file, such as {"es": "audio/q1-es.mp3", "kek": "audio/q1-kek.mp3"}, or one URL, in the language of the text. The widget plays the one in the language chosen as for text (the visitor\'s, then the one their community reads, then English; else the language of the text shown), fetched only when the visitor presses Listen. Without one, Listen reads the text with the browser\'s speech synthesis, where it has a voice for the language. A bad URL is left out, and reported.',
  },
  HttpUrl: {
    title: 'http(s) URL',
    description:
      'An http(s) URL, absolute or relative to the feed\'s own URL; javascript:, data: and other schemes are refused. "www.example.org" is read as "https://www.example.org" (and reported).',
  },
  ContactUrl: {
    title: 'Contact URL',
    description: 'An http(s) URL, or a mailto: or tel: link, to reach a person.',
  },
  ReportAddress: {
    title: 'Where to report wrong information',
    description:
      'An absolute http(s) URL (a form, a page) or an e-mail address ("mailto:" is fine), such as "https://example.org/report" or "datos@example.org". The widgets link to it as it is, or as "mailto:address"; a relative URL, javascript: and other schemes are refused, "www.example.org/report" is read as "https://www.example.org/report" (and reported).',
  },
  Date: {
    title: 'Date',
    description:
      'A real date: an RFC 3339 date-time with its time zone, such as "2022-11-08T12:00:00Z" or "2022-11-08T06:00:00-06:00", or a date alone, such as "2022-11-08".',
    examples: ['2022-11-08T12:00:00Z', '2022-11-08'],
  },
  LanguageTag: {
    title: 'Language tag',
    description: 'A BCP 47 language tag such as "es", "es-MX", "ht" or "quc", in any case.',
  },
  CountryCode: {
    title: 'Country code',
    description:
      'An ISO 3166-1 alpha-2 country code, in capitals, such as "GT", "HN" or "MX" ("gt" and "Guatemala" are read as "GT", and reported).',
  },
  Id: {
    title: 'Id',
    description: 'An identifier, unique in its list: text, or a number (read as text).',
  },
};

/**
 * Descriptions of fields, keyed `Definition.field` (`HubProperties.phone`). The keys are checked
 * against the valibot definition: one that names no field fails the build ({@link staleKeys}).
 */
export const FIELD_WORDS: Record<string, string> = {
  'Feed.$schema': `The URL of this schema (${FEED_SCHEMA_ID}), for editors to check the document and complete it.`,
  'Feed.version': `The JSON Feed version URL: "${JSON_FEED_VERSION}".`,
  'Feed.title': 'The name of the feed.',
  'Feed.description': "What the feed is about (JSON Feed's description; not shown by the widgets).",
  'Feed.language': 'The language of the items that name none, such as "es".',
  'Feed.items': 'The news, for <mi-news-feed>.',
  'NewsItem.content_html': 'HTML content; the widgets sanitize it and show it as a last resort.',
  'NewsItem.tags': 'Tags; <mi-news-feed tag="…"> shows only the items with that tag.',
  'NewsItem.authors':
    'Who wrote the item; an author url may be a mailto: link, as JSON Feed allows.',
  'NewsItem.attachments':
    'Files of the item (JSON Feed 1.1). An audio/… one is its recording, in the item\'s language, or in `_language`: [{"url": "audio/news-es.mp3", "mime_type": "audio/mpeg", "duration_in_seconds": 42}]. A bad attachment is left out, the item kept.',
  'Attachment.url': 'The file: an http(s) URL, absolute or relative to the feed.',
  'Attachment.mime_type': 'Its type, such as "audio/mpeg", "audio/ogg" or "audio/wav".',
  'Attachment.title': "What it is (JSON Feed's title; not shown).",
  'Attachment.size_in_bytes': 'Its size in bytes (not shown).',
  'Attachment.duration_in_seconds': 'How long it plays, in seconds (not shown).',
  'Attachment._language':
    "The language spoken in a recording, when not the item's (an extension: JSON Feed has no language per attachment), such as \"quc\" for a K'iche' recording of a Spanish item.",
  'NewsItem._migration_info':
    "translation_of: the id of the item this one translates; the translations of one story show once, in the visitor's language.",
  'Quiz.id': 'The quiz id, for <mi-quiz quiz="…">; "quiz-1", "quiz-2", … when absent.',
  'Quiz.title': 'The quiz title; "Myth or fact quiz", in the visitor\'s language, when absent.',
  'Quiz.questions':
    'The statements, shown one at a time; a quiz needs at least one usable statement.',
  'Quiz.results':
    'Result messages by score, each from `min` percent of right answers (0–100; "80 %" in a cell is read as 80) up to the next one\'s `min`, with an optional call to action: {"label", "url"} (http(s) only) — find a hub, a hotline, a campaign page. Without them, or below every `min`, the widget says something fitting in the visitor\'s language. Percentages hold whatever number of statements a page draws (<mi-quiz draw="…">).',
  'QuizStatement.explanation': 'Shown after the answer: why the statement is a myth or a fact.',
  'QuizStatement.audio': 'Recordings of the statement, per language.',
  'QuizStatement.explanation_audio': 'Recordings of the explanation, per language.',
  'QuizStatement.image':
    'A picture shown with the statement: {"url", "alt"}; alt text is required (what the picture shows).',
  'QuizStatement.explanation_image':
    'A picture shown with the explanation: {"url", "alt"}; alt text is required.',
  'MigrationInfo.quizzes': 'Quizzes for <mi-quiz>.',
  'MigrationInfo.hubs':
    'Hubs for <mi-hub-locator>: a GeoJSON FeatureCollection here, or — for a big feed — the URL of one, or one URL per country ({"GT": "hubs/gt.geojson", "other": "hubs/other.geojson"}; `mi-feed split` writes them), so a page fetches only the hubs it shows. Relative URLs resolve against the feed.',
  'MigrationInfo.campaigns': 'Campaigns for <mi-campaign-banner>.',
  'MigrationInfo.report':
    "Where visitors report wrong information about a hub: a form's URL or an e-mail address; a hub's own report comes first.",
  'HubProperties.services':
    'Service codes: information, legal, psychosocial, health, shelter, documentation (shown localized), or your own (shown as written).',
  'HubProperties.phone':
    'An international number: "+" and the country code, such as "+50212345678" (a tel: link is fine; "+502 1234-5678" is read as "+50212345678", and reported).',
  'HubProperties.whatsapp': 'A WhatsApp number in international form, such as "+50212345678".',
  'HubProperties.email': 'An e-mail address (a mailto: link is fine).',
  'HubProperties.timezone':
    'The IANA time zone of the opening hours, such as "America/Guatemala"; when absent, the visitor\'s. An unknown zone is read as the country\'s, where the country has only one.',
  'HubProperties.opening_hours':
    'Opening hours in the hub\'s time zone, e.g. [{"days": ["mo", "tu", "we", "th", "fr"], "opens": "08:00", "closes": "16:00"}]. One bad entry leaves out all the hours (never a wrong "open now").',
  'HubProperties.hours_exceptions':
    'Dates when the weekly hours do not hold, in the hub\'s time zone: closed (no hours) on a holiday, in Holy Week, on a training day — or open at other times. E.g. [{"from": "2026-12-24", "to": "2026-12-25", "reason": {"es": "Navidad"}}, {"from": "2026-12-31", "hours": [{"opens": "08:00", "closes": "12:00"}]}]. A bad entry is left out, and reported.',
  'HubProperties.status':
    '"temporarily_closed" while the hub is closed for a while (with status_notice and reopens); "active" (the default) otherwise.',
  'HubProperties.status_notice':
    'What a temporarily closed hub tells visitors (where to go meanwhile).',
  'HubProperties.reopens':
    'The date a temporarily closed hub opens again ("2026-08-03"); from that day it shows as active.',
  'HubProperties.eligibility':
    'Who the hub serves, e.g. {"es": "Personas migrantes y sus familias", "en": "Migrants and their families"}.',
  'HubProperties.cost':
    'What a visit costs: "free", or text such as {"es": "Consulta Q25"}. "Free", "no cost", "gratis", "grátis", "gratuito", "gratuita", "gratuit", "gratuite", "sin costo", "0" (in any case, with or without accents and spaces around) and the number 0 are read as "free" (and reported); a map of languages stays text; true is not read (it could mean either).',
  'HubProperties.documents': 'Documents to bring, e.g. {"es": "DPI o pasaporte, si lo tiene"}.',
  'HubProperties.accessibility':
    'Access for people with disabilities, e.g. {"en": "Step-free entrance; accessible toilet"}.',
  'HubProperties.verified':
    'The day someone last checked this entry ("2026-11-20"). `mi-feed validate` lists the hubs checked more than a year ago.',
  'HubProperties.report':
    "Where to report wrong information about this hub (a URL or an e-mail address); when absent, the feed's _migration_info.report.",
  'Hub.geometry': '[longitude, latitude] (GeoJSON order: longitude first), in degrees.',
  'Campaign.starts':
    'When the campaign starts showing; a campaign whose date cannot be read is left out.',
  'Campaign.ends':
    'When it stops showing (exclusive); a campaign whose date cannot be read is left out.',
  'Campaign.countries': 'Show only on partner pages of these countries.',
  'Campaign.languages': 'Show only to visitors reading one of these languages.',
  'Campaign.audio': 'Recordings of the title and message, per language.',
  'Campaign.priority':
    'Where several campaigns could show, the highest priority comes first (default 0); an urgent campaign comes before any other.',
  'Campaign.severity':
    '"info" (the default), "warning" (marked so, dismissible) or "urgent" (marked so, announced to screen readers once, never dismissible, shown alone before any other campaign).',
  'Campaign.dismiss_days':
    "Days a visitor's dismissal of this campaign lasts (0: the page view only); when absent, the banner's dismiss-days attribute (default 30).",
};

/** The fields of each definition, from the valibot definition itself. */
function fieldsOf(name: Definition): readonly string[] {
  if (name === 'Feed') return Object.keys(Feed.entries);
  const schema = definitions[name] as { entries?: object; pipe?: readonly { entries?: object }[] };
  const entries = schema.entries ?? schema.pipe?.[0].entries;
  return entries ? Object.keys(entries) : [];
}

/** Keys of {@link FIELD_WORDS} that name no field of the definition (a test keeps this empty). */
export function staleKeys(): string[] {
  return Object.keys(FIELD_WORDS).filter((key) => {
    const [name, field] = key.split('.') as [Definition, string];
    return !fieldsOf(name).includes(field);
  });
}

/** Put the words into the converted schema. */
function withWords(schema: JsonSchema, name: Definition): JsonSchema {
  const properties = { ...(schema.properties ?? {}) };
  for (const [key, description] of Object.entries(FIELD_WORDS)) {
    const [owner, field] = key.split('.');
    if (owner !== name) continue;
    const property = properties[field];
    if (typeof property !== 'object') throw new Error(`FIELD_WORDS: ${key} names no field`);
    properties[field] = { ...property, description };
  }
  return { ...schema, ...DEFINITION_WORDS[name], ...(schema.properties ? { properties } : {}) };
}

const config: ConversionConfig = {
  target: 'draft-07',
  // A schema's input: an id may be a number (the widgets read it as text).
  typeMode: 'input',
  // `v.finite()` and the checks not rewritten above have no JSON Schema keyword of their own.
  errorMode: 'ignore',
  definitions,
  overrideAction: ({ valibotAction, jsonSchema }: OverrideActionContext) => {
    if (valibotAction.type === 'metadata' && 'reading' in jsonSchema) {
      // How the reader treats a value is not part of the document's contract.
      const rest: JsonSchema & { reading?: unknown } = { ...jsonSchema };
      delete rest.reading;
      return rest;
    }
    const rewrite = rewrites.get(valibotAction);
    return rewrite ? rewrite(jsonSchema) : undefined;
  },
  overrideSchema: ({ jsonSchema }: OverrideSchemaContext) => {
    // An object with no required property: leave out the empty `"required": []`.
    if (jsonSchema.required?.length !== 0) return undefined;
    const rest = { ...jsonSchema };
    delete rest.required;
    return rest;
  },
};

/**
 * The JSON Schema (draft-07) of a feed document: a JSON Feed 1.1 document with the
 * `_migration_info` extension. `$defs/HubCollection` describes a bare FeatureCollection of hubs
 * (what `mi-feed hubs-from-csv` writes).
 */
export function feedJsonSchema(): JsonSchema {
  const stale = staleKeys();
  if (stale.length) throw new Error(`FIELD_WORDS names no such field: ${stale.join(', ')}`);
  const { $schema, $defs = {}, ...schema } = toJsonSchema(Feed, config);
  const defs = Object.fromEntries(
    Object.entries($defs).map(([name, def]) => [
      name,
      withWords(def as JsonSchema, name as Definition),
    ]),
  );
  return { $schema, $id: FEED_SCHEMA_ID, ...withWords(schema, 'Feed'), $defs: defs };
}
