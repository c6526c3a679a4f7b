/**
 * The feed contract, written once: the valibot definition of the whole document. It is the
 * widgets' reader (`read.ts` walks it field by field), the TypeScript types (`v.InferOutput`),
 * and the feed's JSON Schema (`json-schema.ts` converts it).
 *
 * A feed is a JSON Feed 1.1 document whose `items` are the news, plus an extension object
 * `_migration_info` with `quizzes`, `hubs` (a GeoJSON FeatureCollection of Points) and
 * `campaigns`; or a bare FeatureCollection of hubs.
 *
 * Every message is what was expected, as a publisher reads it next to what was found. How the
 * reader treats a field beyond "valid or not" is said with {@link reading} metadata: obvious
 * other forms it normalizes, lists read entry by entry, values whose loss sinks their entry.
 */
import * as v from 'valibot';
import {
  CALENDAR_DATE,
  countryCode,
  DAYS,
  E164,
  fold,
  isTimeZone,
  isUrlReference,
  LANG_TAG,
  numberFromText,
  phoneNumber,
  RFC3339,
  webAddress,
  type UrlKind,
} from './forms.js';

/** How the reader treats a value beyond its schema. Read by `read.ts`; left out of the JSON Schema. */
export interface ReadingRules {
  /**
   * An obvious other form of a value that fails its schema → the normal form (the reader then
   * notes `value normalized`); return the value unchanged when there is none. Also called with
   * `undefined` for a required field that is missing.
   */
  normalize?: (value: unknown) => unknown;
  /** A URL, resolved against the feed's own URL once read. */
  url?: UrlKind;
  /** A list of entries (news items, statements, hubs…): each read on its own, ids unique; `idPrefix` names the entries without one. */
  entries?: { idPrefix?: string };
  /** A list whose elements mean something only together: one bad element drops the whole list. */
  wholeList?: boolean;
  /** A list read as one value (coordinates), not element by element. */
  atomic?: boolean;
  /** Why a bad value of this optional field drops its whole entry rather than the field alone. */
  dropsEntry?: string;
  /** Why an entry goes when every element of this list was bad (an empty list would mean "everyone"). */
  dropsEntryWhenEmptied?: string;
}

/** Attach {@link ReadingRules} to a schema's pipe. */
export function reading<TInput>(
  rules: ReadingRules,
): v.MetadataAction<TInput, { readonly reading: ReadingRules }> {
  return v.metadata({ reading: rules });
}

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

export const NonEmptyString = v.pipe(
  v.string('text'),
  v.check((s) => s.trim().length > 0, 'text that is not blank'),
);

export const LangTag = v.pipe(
  v.string('a language tag'),
  reading({ normalize: trimmed }),
  v.regex(LANG_TAG, 'a language tag such as "es" or "es-MX"'),
);

/** Human-readable text: a string, or a map of language tag → string. */
export const LocalizedText = v.union(
  [
    NonEmptyString,
    v.pipe(
      v.record(LangTag, v.string('text')),
      v.check(
        (map) => Object.values(map).some((s) => s.trim().length > 0),
        'text in at least one language',
      ),
    ),
  ],
  'text, or a map of language tag → text',
);
export type LocalizedText = v.InferOutput<typeof LocalizedText>;

function urlSchema(kind: UrlKind, expected: string) {
  return v.pipe(
    v.string(expected),
    reading({ url: kind, normalize: (s) => (typeof s === 'string' ? (webAddress(s) ?? s) : s) }),
    v.check((s) => isUrlReference(s, kind), expected),
  );
}

/** An http(s) URL, absolute or relative to the feed. */
export const HttpUrl = urlSchema('web', 'an http(s) URL');
/** A way to reach someone: an http(s) URL, or mailto:/tel:. */
export const ContactUrl = urlSchema('contact', 'an http(s), mailto: or tel: URL');

/** An e-mail address, perhaps as a `mailto:` link (in any case). */
export const EMAIL = /^(mailto:)?[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>".]+$/i;

/**
 * Where to report wrong information, as a link to put straight in `href`: an absolute http(s)
 * URL (as the URL parser writes it) or an e-mail address (`mailto:` or not) → `mailto:address`;
 * undefined for anything else (`javascript:`, `ftp:`, a relative path, words).
 */
export function reportHref(text: string): string | undefined {
  if (EMAIL.test(text)) return `mailto:${text.replace(/^mailto:/i, '')}`;
  if (!/^https?:\/\/\S+$/i.test(text)) return undefined;
  try {
    return new URL(text).href;
  } catch {
    return undefined;
  }
}

/**
 * How people write "free of charge" in a hub's `cost`, folded (lower case, no accents,
 * trimmed): English, Spanish, French and Portuguese. With a number of zeros (`0`, `0.00`), each is
 * read as `"free"`. Here rather than in `forms.ts`: only the reader and the tools need them.
 */
export const FREE_WORDS = [
  'free',
  'no cost',
  'gratis',
  'gratuito',
  'gratuita',
  'gratuit',
  'gratuite',
  'sin costo',
] as const;

/** Zeros alone, `0`, `0.00`, `0,00`: no cost. */
export const ZERO_COST = /^0+(?:[.,]0+)?$/;

/**
 * A cost as people write "free" → `"free"`: ` Gratis `, `GRATUITO`, `grátis`, `No cost`, `0`, the
 * number 0. Undefined for anything else — `true` too: "cost: true" may as well mean it costs.
 */
export function freeCost(value: unknown): 'free' | undefined {
  if (value === 0) return 'free';
  if (typeof value !== 'string') return undefined;
  const words = fold(value);
  return (FREE_WORDS as readonly string[]).includes(words) || ZERO_COST.test(words)
    ? 'free'
    : undefined;
}

/**
 * Where to report wrong information: an absolute http(s) URL, or an e-mail address (a `mailto:`
 * link is fine) — read as the link itself, `https://…` or `mailto:address`, for an `href`.
 * Relative URLs are refused: a cell of words would pass for one.
 */
export const ReportAddress = v.pipe(
  v.string('an http(s) URL or an e-mail address'),
  reading({ normalize: (s) => (typeof s === 'string' ? (webAddress(s) ?? s.trim()) : s) }),
  v.check((s) => reportHref(s) !== undefined, 'an http(s) URL or an e-mail address'),
  v.transform((s) => reportHref(s)!),
);

/** A real date (no 30 February), RFC 3339, with its zone when it has a time. */
export const IsoDate = v.pipe(
  v.string('a date'),
  reading({ normalize: trimmed }),
  v.regex(RFC3339, 'an ISO 8601 date such as "2022-11-08T12:00:00Z" or "2022-11-08"'),
);

/** An id: text, or a number read as text. */
export const Id = v.union(
  [NonEmptyString, v.pipe(v.number(), v.finite(), v.transform(String))],
  'an id (text or a number)',
);

/** Country code, ISO 3166-1 alpha-2, in capitals; `gt` and `Guatemala` are read as `GT`. */
export const CountryCode = v.pipe(
  v.string('a country code'),
  reading({ normalize: (s) => (typeof s === 'string' ? (countryCode(s) ?? s) : s) }),
  v.regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as "GT"'),
);

const finiteNumber = (expected: string) =>
  v.pipe(
    v.number(expected),
    reading({ normalize: (s) => (typeof s === 'string' ? (numberFromText(s) ?? s) : s) }),
    v.finite(expected),
  );

// --- Recordings ------------------------------------------------------------------------------

/**
 * Recordings of a text, for visitors who do not read: the URL of one (in the language of the text
 * shown), or a map of language tag → URL, `{"es": "audio/q1-es.mp3", "kek": "audio/q1-kek.mp3"}`.
 * A bad URL is left out, the others kept.
 */
export const Recordings = v.union(
  [
    HttpUrl,
    v.pipe(
      v.record(LangTag, HttpUrl),
      v.check((map) => Object.keys(map).length > 0, 'a recording in at least one language'),
    ),
  ],
  'the URL of a recording, or a map of language tag → URL',
);
export type Recordings = v.InferOutput<typeof Recordings>;

/**
 * A JSON Feed 1.1 attachment. One with an `audio/…` type is a recording of the item, in the
 * item's language unless `_language` (an extension: JSON Feed has no language per attachment)
 * says another.
 */
export const AttachmentSchema = v.object(
  {
    url: HttpUrl,
    mime_type: v.pipe(
      v.string('a MIME type'),
      reading({ normalize: trimmed }),
      v.regex(/^[\w.+-]+\/[\w.+-]+(\s*;.*)?$/, 'a MIME type such as "audio/mpeg"'),
      v.transform((s) => s.toLowerCase()),
    ),
    title: v.optional(v.string('text')),
    size_in_bytes: v.optional(finiteNumber('a number')),
    duration_in_seconds: v.optional(finiteNumber('a number')),
    _language: v.optional(LangTag),
  },
  'an attachment (an object with url and mime_type)',
);
export type Attachment = v.InferOutput<typeof AttachmentSchema>;

// --- News: a JSON Feed 1.1 item -----------------------------------------------------------

export const NewsItemSchema = v.pipe(
  v.object({
    id: Id,
    url: v.optional(HttpUrl),
    external_url: v.optional(HttpUrl),
    title: v.optional(LocalizedText),
    content_html: v.optional(v.string('HTML as text')),
    content_text: v.optional(LocalizedText),
    summary: v.optional(LocalizedText),
    image: v.optional(HttpUrl),
    banner_image: v.optional(HttpUrl),
    date_published: v.optional(IsoDate),
    date_modified: v.optional(IsoDate),
    authors: v.optional(
      v.array(
        v.object({
          name: v.optional(v.string('text')),
          url: v.optional(ContactUrl),
          avatar: v.optional(HttpUrl),
        }),
        'a list of authors',
      ),
    ),
    tags: v.optional(v.array(v.string('text'), 'a list of tags')),
    language: v.optional(LangTag),
    attachments: v.optional(v.array(AttachmentSchema, 'a list of attachments')),
    _migration_info: v.optional(
      v.object({
        /** Id of the item this one translates; translations of one story show once, in the visitor's language. */
        translation_of: v.optional(Id),
      }),
    ),
  }),
  v.check(
    (item) =>
      item.title !== undefined ||
      item.summary !== undefined ||
      item.content_text !== undefined ||
      (item.content_html ?? '').trim() !== '',
    'some text to show: a title, a summary, content_text or content_html',
  ),
);
export type NewsItem = v.InferOutput<typeof NewsItemSchema>;

// --- Quiz ----------------------------------------------------------------------------------

/** A picture beside a statement or its explanation: never without words for who cannot see it. */
export const QuizImageSchema = v.object({ url: HttpUrl, alt: LocalizedText });
export type QuizImage = v.InferOutput<typeof QuizImageSchema>;

export const QuestionSchema = v.object({
  id: v.optional(Id),
  statement: LocalizedText,
  answer: v.pipe(
    v.picklist(['myth', 'fact'], '"myth" or "fact"'),
    reading({ normalize: (s) => (typeof s === 'string' ? s.trim().toLowerCase() : s) }),
  ),
  image: v.optional(QuizImageSchema),
  explanation: v.optional(LocalizedText),
  explanation_image: v.optional(QuizImageSchema),
  source: v.optional(v.object({ title: LocalizedText, url: HttpUrl })),
  /** Recordings of the statement. */
  audio: v.optional(Recordings),
  /** Recordings of the explanation. */
  explanation_audio: v.optional(Recordings),
});
export type Question = Omit<v.InferOutput<typeof QuestionSchema>, 'id'> & { id: string };

const PERCENT = 'a percentage from 0 to 100';
/** A percentage as a sheet writes it: `80`, `"80"`, `"80 %"`, `"80,5%"`. */
const percentFromText = (s: unknown) =>
  typeof s === 'string' ? (numberFromText(s.replace(/\s*%\s*$/, '')) ?? s) : s;

/**
 * A result message for scores from `min` percent of right answers up to the next band's `min`,
 * with an optional call to action (find a hub, a hotline, a campaign page). Percentages hold
 * whatever number of statements a page draws.
 */
export const ResultBandSchema = v.object(
  {
    min: v.pipe(
      v.number(PERCENT),
      reading({ normalize: percentFromText }),
      v.check((n) => n >= 0 && n <= 100, PERCENT),
    ),
    message: LocalizedText,
    cta: v.optional(v.object({ label: LocalizedText, url: HttpUrl })),
  },
  'a result message',
);
export type ResultBand = v.InferOutput<typeof ResultBandSchema>;

export const QuizSchema = v.object({
  id: v.optional(Id),
  title: v.optional(LocalizedText),
  intro: v.optional(LocalizedText),
  languages: v.optional(v.array(LangTag, 'a list of language tags')),
  sample: v.optional(v.boolean('true or false')),
  results: v.optional(v.array(ResultBandSchema, 'a list of result messages')),
  questions: v.pipe(
    v.array(QuestionSchema, 'a list of statements'),
    reading({ entries: { idPrefix: 'q' } }),
    v.minLength(1, 'at least one usable statement'),
  ),
});
export type Quiz = Omit<v.InferOutput<typeof QuizSchema>, 'id' | 'questions'> & {
  id: string;
  questions: Question[];
};

// --- Hubs: GeoJSON Point features --------------------------------------------------------

const HHMM = v.pipe(
  v.string('a time'),
  reading({
    normalize: (s) => (typeof s === 'string' ? s.trim().replace(/^(\d)(?=:\d\d$)/, '0$1') : s),
  }),
  v.regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'a time such as "08:00"'),
);

/** Opening times of one day: when the hub opens and closes. */
const OpeningTime = v.object({ opens: HHMM, closes: HHMM });

/** A day, "2026-12-24", in the hub's own time zone. */
const CalendarDate = v.pipe(
  v.string('a date'),
  reading({ normalize: trimmed }),
  v.regex(CALENDAR_DATE, 'a date such as "2026-12-24"'),
);

/**
 * A date or a range of dates when the weekly hours do not hold: closed (no `hours`: a holiday,
 * Holy Week, a training day) or open at other times; `reason` says why, to the visitor.
 */
export const HoursExceptionSchema = v.pipe(
  v.object({
    from: CalendarDate,
    to: v.optional(CalendarDate),
    hours: v.optional(
      v.pipe(v.array(OpeningTime, 'a list of opening times'), reading({ wholeList: true })),
    ),
    reason: v.optional(LocalizedText),
  }),
  v.check((e) => !e.to || e.to >= e.from, '"to" on or after "from"'),
);
export type HoursException = v.InferOutput<typeof HoursExceptionSchema>;

/** A cost in words; never a way to write "free" (that is `"free"` itself). */
const CostText = v.pipe(
  NonEmptyString,
  v.check((s) => freeCost(s) === undefined, '"free"'),
);

/**
 * What a visit costs: `"free"`, or text (a map of language tag → text too) such as "Consulta
 * Q25". "Free", " gratis ", "Gratuito", "grátis", "0" and the number 0 are read as `"free"`
 * (and reported); a map stays text, whatever it says.
 */
export const Cost = v.pipe(
  v.union(
    [v.literal('free', '"free"'), CostText, LocalizedText.options[1]],
    '"free", or text, or a map of language tag → text',
  ),
  reading({ normalize: (s) => freeCost(s) ?? s }),
);
/** `"free"`, or what a visit costs in words (never a way to write "free"). */
export type Cost = 'free' | LocalizedText;

export const HubPropertiesSchema = v.object(
  {
    name: LocalizedText,
    organization: v.optional(LocalizedText),
    address: v.optional(LocalizedText),
    locality: v.optional(LocalizedText),
    country: v.optional(CountryCode),
    services: v.optional(v.array(v.string('text'), 'a list of services')),
    languages: v.optional(v.array(LangTag, 'a list of language tags')),
    phone: v.optional(
      v.pipe(
        v.string('a telephone number'),
        reading({ normalize: (s) => (typeof s === 'string' ? (phoneNumber(s) ?? s) : s) }),
        v.check(
          (s) => E164.test(s.replace(/^tel:/i, '')),
          'an international number such as "+50212345678"',
        ),
        v.transform((s) => s.replace(/^tel:/i, '')),
      ),
    ),
    whatsapp: v.optional(
      v.pipe(
        v.string('a WhatsApp number'),
        reading({ normalize: (s) => (typeof s === 'string' ? (phoneNumber(s) ?? s) : s) }),
        v.regex(E164, 'an international number such as "+50212345678"'),
      ),
    ),
    email: v.optional(
      v.pipe(
        v.string('an e-mail address'),
        reading({ normalize: trimmed }),
        v.regex(EMAIL, 'an e-mail address'),
        v.transform((s) => s.replace(/^mailto:/i, '')),
      ),
    ),
    url: v.optional(HttpUrl),
    timezone: v.optional(
      v.pipe(
        v.string('a time zone'),
        reading({ normalize: trimmed }),
        v.check(isTimeZone, 'an IANA time zone such as "America/Guatemala"'),
      ),
    ),
    opening_hours: v.optional(
      v.pipe(
        v.array(
          v.object({
            days: v.pipe(
              v.array(
                v.pipe(
                  v.picklist(DAYS, 'a day: mo, tu, we, th, fr, sa or su'),
                  reading({
                    normalize: (s) => (typeof s === 'string' ? s.trim().toLowerCase() : s),
                  }),
                ),
                'a list of days',
              ),
              reading({ wholeList: true }),
            ),
            opens: HHMM,
            closes: HHMM,
          }),
          'a list of opening times',
        ),
        reading({ wholeList: true }),
      ),
    ),
    hours_exceptions: v.optional(v.array(HoursExceptionSchema, 'a list of dated exceptions')),
    status: v.optional(
      v.pipe(
        v.picklist(['active', 'temporarily_closed'], '"active" or "temporarily_closed"'),
        reading({
          normalize: (s) =>
            typeof s === 'string'
              ? s
                  .trim()
                  .toLowerCase()
                  .replace(/[\s-]+/g, '_')
              : s,
        }),
      ),
    ),
    status_notice: v.optional(LocalizedText),
    reopens: v.optional(CalendarDate),
    eligibility: v.optional(LocalizedText),
    cost: v.optional(Cost),
    documents: v.optional(LocalizedText),
    accessibility: v.optional(LocalizedText),
    verified: v.optional(CalendarDate),
    report: v.optional(ReportAddress),
    notes: v.optional(LocalizedText),
    sample: v.optional(v.boolean('true or false')),
  },
  'the hub’s properties (an object)',
);

export const HubFeatureSchema = v.object({
  type: v.pipe(
    v.literal('Feature', '"Feature"'),
    reading({ normalize: (s) => (s === undefined ? 'Feature' : s) }),
  ),
  id: v.optional(Id),
  geometry: v.object(
    {
      type: v.pipe(
        v.literal('Point', '"Point"'),
        reading({ normalize: (s) => (s === undefined ? 'Point' : s) }),
      ),
      coordinates: v.pipe(
        v.array(v.pipe(v.number(), v.finite()), '[longitude, latitude]'),
        reading({
          atomic: true,
          normalize: (c) =>
            Array.isArray(c)
              ? c.map((n) => (typeof n === 'string' ? (numberFromText(n) ?? n) : n))
              : c,
        }),
        v.check((c) => c.length === 2 || c.length === 3, '[longitude, latitude]'),
        v.check(
          (c) => Math.abs(c[0]) <= 180 && Math.abs(c[1]) <= 90,
          '[longitude, latitude] with longitude within ±180 and latitude within ±90',
        ),
      ),
    },
    'a GeoJSON Point',
  ),
  properties: HubPropertiesSchema,
});
export type Hub = v.InferOutput<typeof HubPropertiesSchema> & {
  id: string;
  lon: number;
  lat: number;
};

export const FeatureCollectionSchema = v.object({
  type: v.literal('FeatureCollection', '"FeatureCollection"'),
  features: v.pipe(
    v.array(HubFeatureSchema, 'a list of features'),
    reading({ entries: { idPrefix: 'hub-' } }),
  ),
});

// --- Campaigns -----------------------------------------------------------------------------

const campaignDate = (why: string) => v.optional(v.pipe(IsoDate, reading({ dropsEntry: why })));

/** How much a campaign asks of the visitor's attention. */
export const SEVERITIES = ['info', 'warning', 'urgent'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CampaignSchema = v.pipe(
  v.object({
    id: Id,
    title: LocalizedText,
    message: v.optional(LocalizedText),
    image: v.optional(v.object({ url: HttpUrl, alt: LocalizedText })),
    cta: v.optional(v.object({ label: LocalizedText, url: HttpUrl })),
    starts: campaignDate('without its start date the campaign would show too early'),
    ends: campaignDate('without its end date the campaign would never end'),
    countries: v.optional(
      v.pipe(
        v.array(CountryCode, 'a list of country codes'),
        reading({ dropsEntryWhenEmptied: 'with no country left it would show in every country' }),
      ),
    ),
    languages: v.optional(
      v.pipe(
        v.array(LangTag, 'a list of language tags'),
        reading({
          dropsEntryWhenEmptied: 'with no language left it would show in every language',
        }),
      ),
    ),
    priority: v.optional(finiteNumber('a number')),
    severity: v.optional(
      v.pipe(
        v.picklist(SEVERITIES, '"info", "warning" or "urgent"'),
        reading({ normalize: (s) => (typeof s === 'string' ? s.trim().toLowerCase() : s) }),
      ),
    ),
    dismiss_days: v.optional(
      v.pipe(
        v.number('a number of days'),
        reading({ normalize: (s) => (typeof s === 'string' ? (numberFromText(s) ?? s) : s) }),
        v.finite('a number of days'),
        v.minValue(0, 'a number of days from 0 to 3650'),
        v.maxValue(3650, 'a number of days from 0 to 3650'),
      ),
    ),
    sample: v.optional(v.boolean('true or false')),
    /** Recordings of the title and message. */
    audio: v.optional(Recordings),
  }),
  v.check(
    (c) => !c.starts || !c.ends || Date.parse(c.starts) <= Date.parse(c.ends),
    'starts not after ends',
  ),
);
export type Campaign = v.InferOutput<typeof CampaignSchema>;

// --- Documents -----------------------------------------------------------------------------

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

export const MigrationInfoSchema = v.object(
  {
    quizzes: v.optional(
      v.pipe(v.array(QuizSchema, 'a list of quizzes'), reading({ entries: { idPrefix: 'quiz-' } })),
    ),
    hubs: v.optional(
      v.union(
        [
          FeatureCollectionSchema,
          HttpUrl,
          v.pipe(
            v.record(v.union([CountryCode, v.literal('other')]), HttpUrl),
            v.check((parts) => Object.keys(parts).length > 0, 'at least one country’s file'),
          ),
        ],
        'a GeoJSON FeatureCollection of hubs, the URL of one, or one URL per country ({"GT": "hubs/gt.geojson", …})',
      ),
    ),
    campaigns: v.optional(
      v.pipe(v.array(CampaignSchema, 'a list of campaigns'), reading({ entries: {} })),
    ),
    report: v.optional(ReportAddress),
  },
  'an object with quizzes, hubs, campaigns and report',
);

/** A JSON Feed 1.1 document with the widgets' extension. */
export const JsonFeedSchema = v.object({
  version: v.pipe(
    v.string('the JSON Feed version URL'),
    reading({ normalize: (s) => (s === undefined ? JSON_FEED_VERSION : s) }),
    v.startsWith('https://jsonfeed.org/version/', 'the JSON Feed version URL'),
  ),
  title: v.optional(LocalizedText),
  description: v.optional(v.string('text')),
  language: v.optional(LangTag),
  items: v.pipe(v.array(NewsItemSchema, 'a list of news items'), reading({ entries: {} })),
  _migration_info: v.optional(MigrationInfoSchema),
});

/** A file of hubs of the feed's own (`mi-feed split`): fetched only when a widget shows them. */
export interface HubPart {
  /** Absolute URL of a GeoJSON FeatureCollection of hubs. */
  url: string;
  /** The country its hubs are in (ISO 3166-1 alpha-2); `other` for hubs of none; none: all of them. */
  country?: string;
}

/** The whole feed as the widgets read it: only what is usable, URLs made absolute. */
export interface Feed {
  /** `hubs` for a bare GeoJSON FeatureCollection, else `feed`. */
  kind: 'feed' | 'hubs';
  title?: LocalizedText;
  language?: string;
  items: NewsItem[];
  quizzes: Quiz[];
  hubs: Hub[];
  /** Where more hubs are, when the feed keeps them in files of their own. */
  hubParts: HubPart[];
  campaigns: Campaign[];
  /**
   * Where to report wrong information (`_migration_info.report`): an absolute http(s) URL or
   * `mailto:address`, ready for `href`; a hub's own `report` comes first. None for a bare
   * FeatureCollection.
   */
  report?: string;
}
