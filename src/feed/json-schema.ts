/**
 * The feed's JSON Schema, for feed publishers (editor completion and checks, other tools),
 * generated from the valibot schemas in `schema.ts` — the ones the widgets validate with — so
 * the rules are written once. `scripts/build-schema.js` writes it to `dist/feed.schema.json`.
 *
 * The widgets read lists entry by entry (a bad entry is skipped, the others show), so `schema.ts`
 * types the lists loosely; here the document is composed whole, as a publisher should write it:
 * `items` are news items, `_migration_info` holds quizzes with their statements, a
 * FeatureCollection of hubs, and campaigns. What JSON Schema cannot say (a date that does not
 * exist, an unknown time zone, a campaign that ends before it starts, a repeated id) is left
 * to `mi-feed validate`, which runs the widgets' own rules.
 *
 * The titles and descriptions live here, not in `schema.ts`: that module ships to every
 * visitor of a partner's page, and the words are for publishers only.
 */
import * as v from 'valibot';
import {
  toJsonSchema,
  type ConversionConfig,
  type JsonSchema,
  type OverrideActionContext,
  type OverrideSchemaContext,
} from '@valibot/to-json-schema';
import {
  CampaignSchema,
  CountryCode,
  FeatureCollectionSchema,
  HttpUrl,
  HubFeatureSchema,
  HubPropertiesSchema,
  IsoDate,
  JsonFeedSchema,
  LangTag,
  LocalizedText,
  MigrationInfoSchema,
  NewsItemSchema,
  NonEmptyString,
  QuestionSchema,
  QuizSchema,
} from './schema.js';

/**
 * The schema's `$id`. A PLACEHOLDER: `.example` is a reserved top-level domain (RFC 2606) that
 * never resolves; replace it with the URL where `feed.schema.json` is really published.
 */
export const FEED_SCHEMA_ID = 'https://migration-info-widgets.example/feed.schema.json';

// --- The whole document, composed from the pieces in schema.ts ---------------------------------

/** `Id` is not exported by schema.ts; every entry's `id` is the same schema. */
const Id = QuestionSchema.entries.id;

const Quiz = v.pipe(
  v.object({
    ...QuizSchema.entries,
    questions: v.pipe(
      v.array(QuestionSchema),
      v.description('The statements, shown one at a time (a statement with a mistake is skipped).'),
    ),
  }),
  v.title('Quiz'),
  v.description('A myth-or-fact quiz for <mi-quiz>.'),
);

const HubCollection = v.pipe(
  v.object({
    ...FeatureCollectionSchema.entries,
    features: v.array(HubFeatureSchema),
  }),
  v.title('Information hubs'),
  v.description(
    'A GeoJSON FeatureCollection of Point features, one per hub, for <mi-hub-locator>. The hub locator also reads such a collection as a document of its own.',
  ),
);

const migrationInfoParts = {
  quizzes: v.optional(v.pipe(v.array(Quiz), v.description('Quizzes for <mi-quiz>.'))),
  hubs: v.optional(HubCollection),
  campaigns: v.optional(
    v.pipe(v.array(CampaignSchema), v.description('Campaigns for <mi-campaign-banner>.')),
  ),
} satisfies Record<keyof typeof MigrationInfoSchema.entries, v.GenericSchema>;

const MigrationInfo = v.pipe(
  v.object(migrationInfoParts),
  v.description(
    "The widgets' extension to JSON Feed (an underscore key, JSON Feed's way to extend): quizzes, hubs and campaigns.",
  ),
);

const Feed = v.object({
  $schema: v.optional(
    v.pipe(
      v.string(),
      v.description(
        `The URL of this schema (${FEED_SCHEMA_ID}), for editors to check the document and complete it.`,
      ),
    ),
  ),
  ...JsonFeedSchema.entries,
  version: v.pipe(
    JsonFeedSchema.entries.version,
    v.description('The JSON Feed version URL: "https://jsonfeed.org/version/1.1".'),
    v.examples(['https://jsonfeed.org/version/1.1']),
  ),
  description: v.optional(
    v.pipe(
      JsonFeedSchema.entries.description.wrapped,
      v.description("What the feed is about (JSON Feed's description; not shown by the widgets)."),
    ),
  ),
  language: v.optional(
    v.pipe(
      JsonFeedSchema.entries.language.wrapped,
      v.description('The language of the items that name none, such as "es".'),
    ),
  ),
  items: v.pipe(
    v.array(NewsItemSchema),
    v.description('The news, for <mi-news-feed> (an item with a mistake is skipped).'),
  ),
  _migration_info: v.optional(MigrationInfo),
});

/** Named in `$defs`, each converted once and referenced with `$ref`. */
const definitions = {
  NewsItem: NewsItemSchema,
  Quiz,
  QuizStatement: QuestionSchema,
  HubCollection,
  Hub: HubFeatureSchema,
  Campaign: CampaignSchema,
  LocalizedText,
  HttpUrl,
  Date: IsoDate,
  LanguageTag: LangTag,
  CountryCode,
  Id,
};

// --- The custom checks, where JSON Schema can say the same -----------------------------------

type PipeItem = { readonly type: string };
type Rewrite = (schema: JsonSchema) => JsonSchema;

/** The `v.check` actions of a schema's pipe, in order. */
function checksOf(schema: { readonly pipe: readonly PipeItem[] }): PipeItem[] {
  return schema.pipe.filter((item) => item.type === 'check');
}

/** The last item of a pipe: where the words about a piped schema are attached. */
const lastOf = (schema: { readonly pipe: readonly PipeItem[] }): PipeItem =>
  schema.pipe[schema.pipe.length - 1];

/** An http(s) URL, or a reference with no scheme at all (relative to the feed). */
const HTTP_URL_REFERENCE = '^(?:[hH][tT][tT][pP][sS]?:|[^:/?#]*(?:[/?#]|$))';

const [nonEmpty] = checksOf(NonEmptyString);
const [textInSomeLanguage] = checksOf(LocalizedText.options[1]);
const [httpUrl] = checksOf(HttpUrl);
const [withContent, withSomethingToShow] = checksOf(NewsItemSchema);
const coordinates = HubFeatureSchema.entries.geometry.entries.coordinates;
const [twoOrThreeNumbers, withinRange] = checksOf(coordinates);

const allOf = (schema: JsonSchema, add: JsonSchema): JsonSchema => ({
  ...schema,
  allOf: [...(schema.allOf ?? []), add],
});

/**
 * Checks not listed here stay out of the JSON Schema (errorMode 'ignore'): the real date behind a
 * date's pattern (the pattern comes from its `v.metadata`), the IANA time zone, `starts` before
 * `ends`.
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
  [httpUrl, (s) => ({ ...s, format: 'uri-reference', pattern: HTTP_URL_REFERENCE })],
  [
    withContent,
    (s) => allOf(s, { anyOf: [{ required: ['content_html'] }, { required: ['content_text'] }] }),
  ],
  [
    withSomethingToShow,
    (s) =>
      allOf(s, {
        anyOf: [{ required: ['title'] }, { required: ['summary'] }, { required: ['content_text'] }],
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
]);

// --- Words for publishers ----------------------------------------------------------------------

type Words = Pick<JsonSchema, 'title' | 'description' | 'examples'>;

/**
 * Titles and descriptions, by the valibot schema they describe; for a piped schema, by the last
 * item of its pipe (the converter reports a pipe through its items).
 */
const words = new Map<object, Words>([
  [lastOf(NonEmptyString), { description: 'Text that is not blank.' }],
  [
    lastOf(LangTag),
    {
      title: 'Language tag',
      description: 'A BCP 47 language tag such as "es", "es-MX", "ht" or "quc".',
    },
  ],
  [
    LocalizedText,
    {
      title: 'Localized text',
      description:
        'Text, or a map of language tag → text such as {"es": "Centro de información", "en": "Information hub"}. ' +
        "The widget shows the visitor's language, then the language their community reads, then English, then whatever there is.",
    },
  ],
  [
    lastOf(HttpUrl),
    {
      title: 'http(s) URL',
      description:
        "An http(s) URL, absolute or relative to the feed's own URL; javascript:, data: and other schemes are refused.",
    },
  ],
  [
    lastOf(IsoDate),
    {
      title: 'Date',
      description:
        'An RFC 3339 date-time with its time zone, such as "2022-11-08T12:00:00Z" or "2022-11-08T06:00:00-06:00", or a date alone, such as "2022-11-08".',
      examples: ['2022-11-08T12:00:00Z', '2022-11-08'],
    },
  ],
  [
    Id,
    {
      title: 'Id',
      description: 'An identifier, unique in its list: text, or a number (read as text).',
    },
  ],
  [
    lastOf(CountryCode),
    {
      title: 'Country code',
      description: 'An ISO 3166-1 alpha-2 country code, in capitals, such as "GT", "HN" or "MX".',
    },
  ],
  [
    lastOf(NewsItemSchema),
    {
      title: 'News item',
      description:
        'A JSON Feed 1.1 item. It needs content_html or content_text, and a title, a summary or content_text to show.',
    },
  ],
  [
    NewsItemSchema.pipe[0].entries.content_html,
    { description: 'HTML content; the widgets sanitize it and show it as a last resort.' },
  ],
  [
    NewsItemSchema.pipe[0].entries.tags,
    { description: 'Tags; <mi-news-feed tag="…"> shows only the items with that tag.' },
  ],
  [
    NewsItemSchema.pipe[0].entries._migration_info,
    {
      description:
        "translation_of: the id of the item this one translates; the translations of one story show once, in the visitor's language.",
    },
  ],
  [
    QuestionSchema,
    {
      title: 'Quiz statement',
      description:
        'A statement the visitor judges as "myth" or "fact", with the explanation shown after the answer and an optional source.',
    },
  ],
  [
    HubFeatureSchema,
    {
      title: 'Information hub',
      description: 'A GeoJSON Point feature: where the hub is, and its properties.',
    },
  ],
  [
    lastOf(coordinates),
    { description: '[longitude, latitude] (GeoJSON order: longitude first), in degrees.' },
  ],
  [
    HubPropertiesSchema.entries.services,
    {
      description:
        'Service codes: information, legal, psychosocial, health, shelter, documentation (shown localized), or your own (shown as written).',
    },
  ],
  [
    HubPropertiesSchema.entries.phone,
    { description: 'An E.164 number: "+" and the country code, such as "+50212345678".' },
  ],
  [
    HubPropertiesSchema.entries.whatsapp,
    { description: 'A WhatsApp number in E.164 form, such as "+50212345678".' },
  ],
  [
    HubPropertiesSchema.entries.timezone,
    {
      description:
        'The IANA time zone of the opening hours, such as "America/Guatemala"; the visitor\'s when absent.',
    },
  ],
  [
    HubPropertiesSchema.entries.opening_hours,
    {
      description:
        'Opening hours in the hub\'s time zone, e.g. [{"days": ["mo", "tu", "we", "th", "fr"], "opens": "08:00", "closes": "16:00"}].',
    },
  ],
  [
    lastOf(CampaignSchema),
    {
      title: 'Campaign',
      description:
        'A campaign banner, shown between starts (inclusive) and ends (exclusive), when given, to visitors of the given countries and languages, when given; starts must not be after ends.',
    },
  ],
  [
    CampaignSchema.pipe[0].entries.priority,
    {
      description:
        'Where several campaigns could show, the highest priority comes first (default 0).',
    },
  ],
]);

/** The schema with its words, if any; `undefined` when there is nothing to change. */
function withWords(key: object, schema: JsonSchema, changed: boolean): JsonSchema | undefined {
  const extra = words.get(key);
  return extra ? { ...schema, ...extra } : changed ? schema : undefined;
}

const config: ConversionConfig = {
  target: 'draft-07',
  // A schema's input: an id may be a number (the widgets read it as text).
  typeMode: 'input',
  // `v.finite()` and the checks not rewritten above have no JSON Schema keyword of their own.
  errorMode: 'ignore',
  definitions,
  overrideAction: ({ valibotAction, jsonSchema }: OverrideActionContext) => {
    const rewrite = rewrites.get(valibotAction);
    return withWords(valibotAction, rewrite ? rewrite(jsonSchema) : jsonSchema, !!rewrite);
  },
  overrideSchema: ({ valibotSchema, jsonSchema }: OverrideSchemaContext) => {
    // An object with no required property: leave out the empty `"required": []`.
    const emptyRequired = jsonSchema.required?.length === 0;
    const schema = { ...jsonSchema };
    if (emptyRequired) delete schema.required;
    return withWords(valibotSchema, schema, emptyRequired);
  },
};

/**
 * The JSON Schema (draft-07) of a feed document: a JSON Feed 1.1 document with the
 * `_migration_info` extension. `$defs/HubCollection` describes a bare FeatureCollection of hubs
 * (what `mi-feed hubs-from-csv` writes).
 */
export function feedJsonSchema(): JsonSchema {
  const { $schema, ...schema } = toJsonSchema(Feed, config);
  return {
    $schema,
    $id: FEED_SCHEMA_ID,
    title: 'Migration Info Widgets feed',
    description:
      'One document feeds every widget: a JSON Feed 1.1 (https://jsonfeed.org/version/1.1) whose items are the news, plus the extension object _migration_info with quizzes, hubs (a GeoJSON FeatureCollection; coordinates are [longitude, latitude]) and campaigns. Text fields take a string or a map of language tag → string.',
    ...schema,
  };
}
