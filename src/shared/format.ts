/** Dates and numbers through `Intl`, in a widget's formatting locale. */
const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/** "8 de noviembre de 2022". A date without a time is a calendar day, not UTC midnight. */
export function formatDate(iso: string, locale: string): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  return dateFormat(locale, { dateStyle: 'long', ...(dateOnly ? { timeZone: 'UTC' } : {}) }).format(
    new Date(iso),
  );
}

/** "8 nov 2022, 14:05": for "last updated" notes. */
export function formatDateTime(time: number, locale: string): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(time));
}
