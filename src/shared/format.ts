/** Dates in a widget's formatting locale. */
import { dateFormat } from './intl.js';

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
