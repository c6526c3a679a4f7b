/// <reference types="node" />
/**
 * Dates when the weekly hours do not hold, and a temporary closure, as people write them in a
 * spreadsheet cell — `2026-12-24; 2026-12-31..2027-01-01 Año nuevo` (closed),
 * `2026-12-31 08:00-12:00` (other hours), `temporarily closed`, `cerrado temporalmente` — read
 * into the feed's `hours_exceptions` and `status`.
 */
import { CALENDAR_DATE, fold } from '../feed/forms.js';
import { clock } from './hours.js';

/** One of the feed's `hours_exceptions`. */
export interface HoursException {
  from: string;
  to?: string;
  hours?: { opens: string; closes: string }[];
  reason?: string;
}

/** How the columns should be written, for messages. */
export const CLOSED_EXAMPLE = '"2026-12-24; 2026-12-31..2027-01-01 New Year"';
export const SPECIAL_EXAMPLE = '"2026-12-31 08:00-12:00; 2027-01-02..2027-01-03 09:00-13:00"';

/** Parts of a cell: separated by `;`, `|` or line breaks. */
const parts = (text: string) =>
  text
    .split(/[;|\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** What one part of a cell gives: an exception, or why it cannot be read. */
export type ExceptionItem = { part: string } & ({ exception: HoursException } | { error: string });

/** A word that looks like a date but is not written `YYYY-MM-DD`: `24/12/2026`, `2026-2-3`. */
const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/;
const DATE_WORD = /^\d{4}-\d{2}-\d{2}/;
/** Between the two dates of a range: `..`, `/`, an en or em dash, ` - `, `to`, `al`, `a`, `hasta`. */
const RANGE = /^(?:\s*(?:\.\.|\/|–|—)\s*|\s+-\s+|\s+(?:to|al|a|hasta)\s+)/i;

/** `2026-12-31..2027-01-01 rest` → the dates and the rest; a string says what cannot be read. */
function dates(part: string): { from: string; to?: string; rest: string } | string {
  const first = DATE_WORD.exec(part)?.[0];
  if (!first) {
    return DATE_LIKE.test(part)
      ? 'write dates as 2026-12-24 (year-month-day; format the column as text)'
      : 'does not start with a date such as 2026-12-24';
  }
  if (!CALENDAR_DATE.test(first)) return `${first} is not a date`;
  let rest = part.slice(first.length);
  const dash = RANGE.exec(rest);
  let to: string | undefined;
  // A range when a number follows (`2026-12-24 - Nochebuena` is a date and why).
  if (dash && /^\d/.test(rest.slice(dash[0].length))) {
    const after = rest.slice(dash[0].length);
    to = DATE_WORD.exec(after)?.[0];
    if (!to) return 'a range is two dates such as 2026-12-31..2027-01-01';
    if (!CALENDAR_DATE.test(to)) return `${to} is not a date`;
    if (to < first) return `the range ends before it starts`;
    rest = after.slice(to.length);
  }
  if (rest && !/^[\s:,]/.test(rest)) return `cannot read the date "${part.split(/\s/, 1)[0]}"`;
  return { from: first, ...(to && to !== first ? { to } : {}), rest: rest.replace(/^[\s:,]+/, '') };
}

/** The dates of {@link dates}: `from`, and `to` when it is another day. */
const span = ({ from, to }: { from: string; to?: string }) => ({ from, ...(to ? { to } : {}) });

/** `(Navidad)`, `: Navidad`, `Navidad` → `Navidad`; undefined when there is none. */
function reason(text: string): string | undefined {
  const r = text
    .trim()
    .replace(/^[:,\-–—]\s*/, '')
    .replace(/^\((.*)\)$/s, '$1')
    .trim();
  return r || undefined;
}

/**
 * A `closed_on` cell → the dates the hub is closed: `2026-12-24; 2026-12-31..2027-01-01` (a range
 * also with `/`, `–`, ` - `, `to`, `al`), each perhaps followed by why: `2026-12-25 Navidad`.
 */
export function readClosedOn(text: string): ExceptionItem[] {
  return parts(text).map((part) => {
    const read = dates(part);
    if (typeof read === 'string') return { part, error: read };
    const why = reason(read.rest);
    return { part, exception: { ...span(read), ...(why ? { reason: why } : {}) } };
  });
}

const TIME = String.raw`\d{1,2}(?:[:.h]\d{2})?(?:\s*[ap]\.?\s*m\.?)?`;
const SPAN = String.raw`${TIME}\s*(?:[-–—]|\s(?:a|to|al)\s)\s*${TIME}`;
const TIMES = new RegExp(
  String.raw`^(${SPAN}(?:\s*(?:,|\s(?:y|and|e)\s)\s*${SPAN})*)(?=\s|$)(.*)$`,
  'is',
);

/**
 * A `special_hours` cell → the dates the hub opens at other hours:
 * `2026-12-31 08:00-12:00; 2027-01-02..2027-01-03 09:00-13:00` (several times:
 * `08:00-12:00, 14:00-16:00`), each perhaps followed by why: `2026-12-31 08:00-12:00 Fin de año`.
 */
export function readSpecialHours(text: string): ExceptionItem[] {
  return parts(text).map((part) => {
    const read = dates(part);
    if (typeof read === 'string') return { part, error: read };
    const m = TIMES.exec(read.rest);
    if (!m) return { part, error: 'has no times such as 08:00-12:00 after its date' };
    const hours: { opens: string; closes: string }[] = [];
    for (const times of m[1].split(/\s*,\s*|\s+(?:y|and|e)\s+/i)) {
      const [opens, closes] = times.split(/\s*[-–—]\s*|\s+(?:a|to|al)\s+/i).map(clock);
      if (!opens || !closes) return { part, error: `cannot read the times "${times}"` };
      hours.push({ opens, closes });
    }
    const why = reason(m[2]);
    return { part, exception: { ...span(read), hours, ...(why ? { reason: why } : {}) } };
  });
}

const STATUS: Readonly<Record<string, 'active' | 'temporarily_closed'>> = {
  active: 'active',
  activo: 'active',
  activa: 'active',
  temporarily_closed: 'temporarily_closed',
  closed_temporarily: 'temporarily_closed',
  cerrado_temporalmente: 'temporarily_closed',
  cerrada_temporalmente: 'temporarily_closed',
  temporalmente_cerrado: 'temporarily_closed',
  temporalmente_cerrada: 'temporarily_closed',
};

/**
 * A `status` cell, `Temporarily closed`, `activo`, `cerrado temporalmente` (any case, accents,
 * spaces, dashes or underscores) → the feed's status; undefined when it is none of them.
 */
export function readStatus(text: string): 'active' | 'temporarily_closed' | undefined {
  const key = fold(text).replace(/[\s_-]+/g, '_');
  return Object.hasOwn(STATUS, key) ? STATUS[key] : undefined;
}
