/**
 * How the values of a feed are written, and the obvious other ways people write them: the rules
 * shared by the feed reader (what the widgets keep), the JSON Schema and the `mi-feed` CLI, so
 * that none of them keeps a copy of its own. Framework-free; runs in browsers and in Node.
 */

/** BCP 47 language tag, loosely and in any case: `es`, `es-MX`, `quc`, `zh-Hant-TW`. */
export const LANG_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

/** An E.164 telephone number: `+` and 7 to 15 digits. */
export const E164 = /^\+[1-9]\d{6,14}$/;

/** A real calendar date, `YYYY-MM-DD`: no 30 February, 29 February only in leap years. */
const DATE =
  '\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))' +
  '|(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29';
/** A time with its zone: `T08:30Z`, `T08:30:15.5-06:00`. */
const TIME =
  'T(?:[01]\\d|2[0-3]):[0-5]\\d(?::(?:[0-5]\\d|60)(?:\\.\\d+)?)?(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)';

/**
 * RFC 3339 date-time with its zone, or a date alone — and a real one: `2026-02-30` is not
 * (Date.parse would roll it over to 2 March). A regular expression, so the JSON Schema says
 * exactly what the reader accepts.
 */
export const RFC3339 = new RegExp(`^(?:${DATE})(?:${TIME})?$`);

/** A calendar date alone, `2026-12-24`, and a real one (a day in a hub's own time zone). */
export const CALENDAR_DATE = new RegExp(`^(?:${DATE})$`);

/** The feed's two-letter day codes, Monday first. */
export const DAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;
export type Day = (typeof DAYS)[number];

/** Lower case, no accents, trimmed: `País ` → `pais`. */
export const fold = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/**
 * The schemes a URL may have to reach `href`/`src`: http(s) everywhere; `mailto:` and `tel:`
 * only where the field is a way to contact someone.
 */
export type UrlKind = 'web' | 'contact';

/** Is this an absolute http(s) URL, a reference relative to the feed, or (for a contact) mailto:/tel:? */
export function isUrlReference(value: string, kind: UrlKind = 'web'): boolean {
  if (webAddress(value)) return false; // `www.x.org` is no path on the feed's server
  try {
    const { protocol } = new URL(value, 'https://relative.invalid/');
    return (
      protocol === 'https:' ||
      protocol === 'http:' ||
      (kind === 'contact' && (protocol === 'mailto:' || protocol === 'tel:'))
    );
  } catch {
    return false;
  }
}

/** `www.example.org/x` → `https://www.example.org/x`; anything else → undefined. */
export function webAddress(value: string): string | undefined {
  return /^www\.[^\s/]+\.[^\s]/i.test(value.trim()) ? `https://${value.trim()}` : undefined;
}

/**
 * A telephone number in international form: `+502 2233-4455`, `+502 (2233) 44.55`,
 * `tel:+50222334455` → `+50222334455`; undefined when it is not one (no country code).
 */
export function phoneNumber(text: string): string | undefined {
  const compact = text
    .trim()
    .replace(/^tel:/i, '')
    .replace(/^00(?=[1-9])/, '+')
    .replace(/[\s\u00a0().\-–/]/g, '');
  return E164.test(compact) ? compact : undefined;
}

/** The countries where the widgets are used, by the names people write for them (folded). */
const COUNTRY_NAMES: Record<string, readonly string[]> = {
  MX: ['mexico', 'mex'],
  GT: ['guatemala', 'gtm'],
  BZ: ['belize', 'belice', 'blz'],
  SV: ['el salvador', 'salvador', 'slv'],
  HN: ['honduras', 'hnd'],
  NI: ['nicaragua', 'nic'],
  CR: ['costa rica', 'cri'],
  PA: ['panama', 'pan'],
  US: ['united states', 'estados unidos', 'usa', 'eeuu', 'ee. uu.', 'ee.uu.'],
};

/**
 * A country as people write it → its ISO 3166-1 alpha-2 code: `gt`, ` GT `, `Guatemala`,
 * `GTM` → `GT`. Undefined when it is none of these.
 */
export function countryCode(text: string): string | undefined {
  const code = text.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(code)) return code;
  const name = fold(text).replace(/\.$/, '');
  return Object.entries(COUNTRY_NAMES).find(([, names]) => names.includes(name))?.[0];
}

const timeZones = new Map<string, boolean>();

/** Is this an IANA time zone this runtime knows? (Memoized: a feed repeats a handful of zones.) */
export function isTimeZone(tz: string): boolean {
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

/**
 * The time zone of a country that has only one (`GT` → `America/Guatemala`), from the runtime's
 * own data (`Intl.Locale` time zones); undefined for a country with several (`MX`), or where the
 * runtime does not say.
 */
export function countryTimeZone(country: string | undefined): string | undefined {
  if (!country || !/^[A-Z]{2}$/.test(country)) return undefined;
  try {
    const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & {
      getTimeZones?: () => string[] | undefined;
      timeZones?: string[];
    };
    const zones = locale.getTimeZones?.() ?? locale.timeZones;
    return zones?.length === 1 ? zones[0] : undefined;
  } catch {
    return undefined;
  }
}

/** A number written as text in a spreadsheet: `-90.1167`, `−90,1167`, `+16.78` → a number. */
export function numberFromText(text: string): number | undefined {
  const t = text
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/^([+-]?\d+),(\d+)$/, '$1.$2');
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : undefined;
}
