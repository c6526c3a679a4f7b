/**
 * Cached `Intl` formatters: one per locale and options for the page's lifetime. Creating one
 * costs far more than using it (a hub list made a `NumberFormat` per hub per render), and the
 * first of a locale loads its data.
 */
const cache = new Map<string, unknown>();

function cached<T>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

export const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  cached(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions) =>
  cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));

/** Names of regions or languages in the locale (English after it), the code itself where unknown. */
export const displayNames = (locale: string, type: 'region' | 'language') =>
  cached(
    `names|${locale}|${type}`,
    () => new Intl.DisplayNames([locale, 'en'], { type, fallback: 'code' }),
  );
