/**
 * The feed contract, written once: valibot schemas that are both the runtime validator and
 * (through `v.InferOutput`) the TypeScript types. A feed is a JSON Feed 1.1 document whose
 * `items` are the news, plus an extension object `_migration_info` with `quizzes`, `hubs`
 * (a GeoJSON FeatureCollection of Points) and `campaigns`.
 *
 * Lists are validated entry by entry (see `validate.ts`): a bad entry is skipped with a
 * warning, the good ones are kept.
 */
import * as v from 'valibot';

/** BCP 47 language tag, loosely: `es`, `es-MX`, `quc`, `zh-Hant-TW`. */
const LANG_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

/** Is this a URL we may put into `href`/`src`: absolute http(s), or relative to the feed? */
export function isHttpUrlReference(value: string): boolean {
  try {
    const url = new URL(value, 'https://relative.invalid/');
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

export const NonEmptyString = v.pipe(
  v.string('must be text'),
  v.check((s) => s.trim().length > 0, 'must not be empty'),
);

export const LangTag = v.pipe(
  v.string('must be text'),
  v.regex(LANG_TAG, 'must be a language tag such as "es" or "es-MX"'),
);

/** Human-readable text: a string, or a map of language tag → string. */
export const LocalizedText = v.union(
  [
    NonEmptyString,
    v.pipe(
      v.record(LangTag, v.string()),
      v.check(
        (map) => Object.values(map).some((s) => s.trim().length > 0),
        'must have text in at least one language',
      ),
    ),
  ],
  'must be text or a map of language tag → text',
);
export type LocalizedText = v.InferOutput<typeof LocalizedText>;

export const HttpUrl = v.pipe(
  v.string('must be a URL'),
  v.check(isHttpUrlReference, 'must be an http(s) URL'),
);

export const IsoDate = v.pipe(
  v.string('must be an ISO 8601 date'),
  v.check(
    (s) => RFC3339.test(s) && !Number.isNaN(Date.parse(s)),
    'must be an ISO 8601 date such as "2022-11-08T12:00:00Z"',
  ),
  // For the feed's JSON Schema (json-schema.ts), which cannot run the check: its regex.
  v.metadata({ pattern: RFC3339.source }),
);

const Id = v.union(
  [NonEmptyString, v.pipe(v.number(), v.finite(), v.transform(String))],
  'must be a non-empty string',
);

/** Country code, ISO 3166-1 alpha-2. */
export const CountryCode = v.pipe(
  v.string('must be text'),
  v.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "GT"'),
);

// --- News: a JSON Feed 1.1 item -----------------------------------------------------------

export const NewsItemSchema = v.pipe(
  v.object({
    id: Id,
    url: v.optional(HttpUrl),
    external_url: v.optional(HttpUrl),
    title: v.optional(LocalizedText),
    content_html: v.optional(v.string('must be text')),
    content_text: v.optional(LocalizedText),
    summary: v.optional(LocalizedText),
    image: v.optional(HttpUrl),
    banner_image: v.optional(HttpUrl),
    date_published: v.optional(IsoDate),
    date_modified: v.optional(IsoDate),
    authors: v.optional(
      v.array(
        v.object({
          name: v.optional(v.string()),
          url: v.optional(HttpUrl),
          avatar: v.optional(HttpUrl),
        }),
      ),
    ),
    tags: v.optional(v.array(v.string('must be text'))),
    language: v.optional(LangTag),
    _migration_info: v.optional(
      v.object({
        /** Id of the item this one translates; translations of one story show once, in the visitor's language. */
        translation_of: v.optional(Id),
      }),
    ),
  }),
  v.check(
    (item) => item.content_html !== undefined || item.content_text !== undefined,
    'needs content_html or content_text (JSON Feed 1.1)',
  ),
  v.check(
    (item) =>
      item.title !== undefined || item.summary !== undefined || item.content_text !== undefined,
    'needs a title, a summary or content_text to show',
  ),
);
export type NewsItem = v.InferOutput<typeof NewsItemSchema>;

// --- Quiz ----------------------------------------------------------------------------------

export const QuestionSchema = v.object({
  id: Id,
  statement: LocalizedText,
  answer: v.picklist(['myth', 'fact'], 'must be "myth" or "fact"'),
  explanation: LocalizedText,
  source: v.optional(v.object({ title: LocalizedText, url: HttpUrl })),
});
export type Question = v.InferOutput<typeof QuestionSchema>;

/** A quiz; its `questions` are validated one by one so one bad question does not sink the quiz. */
export const QuizSchema = v.object({
  id: Id,
  title: LocalizedText,
  intro: v.optional(LocalizedText),
  languages: v.optional(v.array(LangTag)),
  sample: v.optional(v.boolean()),
  questions: v.array(v.unknown(), 'must be a list of questions'),
});
export type Quiz = Omit<v.InferOutput<typeof QuizSchema>, 'questions'> & { questions: Question[] };

// --- Hubs: GeoJSON Point features --------------------------------------------------------

export const DAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;
const HHMM = v.pipe(
  v.string(),
  v.regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'must be a time such as "08:00"'),
);
const E164 = v.pipe(
  v.string(),
  v.regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as "+50212345678"'),
);

const timeZones = new Map<string, boolean>();

/** Is this an IANA time zone the browser knows? (Memoized: a feed repeats a handful of zones.) */
function isTimeZone(tz: string): boolean {
  let valid = timeZones.get(tz);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      valid = true;
    } catch {
      valid = false;
    }
    timeZones.set(tz, valid);
  }
  return valid;
}

export const HubPropertiesSchema = v.object({
  name: LocalizedText,
  organization: v.optional(LocalizedText),
  address: v.optional(LocalizedText),
  locality: v.optional(LocalizedText),
  country: CountryCode,
  services: v.optional(v.array(v.string())),
  languages: v.optional(v.array(LangTag)),
  phone: v.optional(E164),
  whatsapp: v.optional(E164),
  email: v.optional(v.pipe(v.string(), v.email('must be an e-mail address'))),
  url: v.optional(HttpUrl),
  timezone: v.optional(
    v.pipe(
      v.string(),
      v.check(isTimeZone, 'must be an IANA time zone such as "America/Guatemala"'),
    ),
  ),
  opening_hours: v.optional(
    v.array(
      v.object({
        days: v.array(v.picklist(DAYS, 'must be a day: mo, tu, we, th, fr, sa or su')),
        opens: HHMM,
        closes: HHMM,
      }),
    ),
  ),
  notes: v.optional(LocalizedText),
  sample: v.optional(v.boolean()),
});

export const HubFeatureSchema = v.object({
  type: v.literal('Feature', 'must be "Feature"'),
  id: v.optional(Id),
  geometry: v.object({
    type: v.literal('Point', 'must be a "Point"'),
    coordinates: v.pipe(
      v.array(v.pipe(v.number(), v.finite())),
      v.check((c) => c.length === 2 || c.length === 3, 'must be [longitude, latitude]'),
      v.check(
        (c) => Math.abs(c[0]) <= 180 && Math.abs(c[1]) <= 90,
        'longitude must be within ±180 and latitude within ±90',
      ),
    ),
  }),
  properties: HubPropertiesSchema,
});
export type HubFeature = v.InferOutput<typeof HubFeatureSchema>;
export type Hub = v.InferOutput<typeof HubPropertiesSchema> & {
  id: string;
  lon: number;
  lat: number;
};

export const FeatureCollectionSchema = v.object({
  type: v.literal('FeatureCollection'),
  features: v.array(v.unknown(), 'must be a list of features'),
});

// --- Campaigns -----------------------------------------------------------------------------

export const CampaignSchema = v.pipe(
  v.object({
    id: Id,
    title: LocalizedText,
    message: v.optional(LocalizedText),
    image: v.optional(v.object({ url: HttpUrl, alt: LocalizedText })),
    cta: v.optional(v.object({ label: LocalizedText, url: HttpUrl })),
    starts: v.optional(IsoDate),
    ends: v.optional(IsoDate),
    countries: v.optional(v.array(CountryCode)),
    languages: v.optional(v.array(LangTag)),
    priority: v.optional(v.pipe(v.number(), v.finite())),
    sample: v.optional(v.boolean()),
  }),
  v.check(
    (c) => !c.starts || !c.ends || Date.parse(c.starts) <= Date.parse(c.ends),
    'starts must not be after ends',
  ),
);
export type Campaign = v.InferOutput<typeof CampaignSchema>;

// --- Documents -----------------------------------------------------------------------------

/** A JSON Feed 1.1 document; `items` and the `_migration_info` lists are checked entry by entry. */
export const JsonFeedSchema = v.object({
  version: v.pipe(
    v.string('must be the JSON Feed version URL'),
    v.startsWith('https://jsonfeed.org/version/', 'must be the JSON Feed version URL'),
  ),
  title: LocalizedText,
  description: v.optional(v.unknown()),
  language: v.optional(v.unknown()),
  items: v.array(v.unknown(), 'must be a list'),
  _migration_info: v.optional(v.unknown()),
});

export const MigrationInfoSchema = v.object({
  quizzes: v.optional(v.array(v.unknown(), 'must be a list')),
  hubs: v.optional(FeatureCollectionSchema),
  campaigns: v.optional(v.array(v.unknown(), 'must be a list')),
});

/** The whole feed after validation: only valid entries, URLs made absolute. */
export interface Feed {
  title?: LocalizedText;
  language?: string;
  items: NewsItem[];
  quizzes: Quiz[];
  hubs: Hub[];
  campaigns: Campaign[];
  /** One line per skipped entry, as logged. */
  warnings: string[];
}
