/// <reference types="node" />
/**
 * Opening hours as people write them in a spreadsheet cell — `mo-fr 08:00-16:00; sa 08:00-12:00`,
 * `lu-vi 8-16`, `Mon–Fri 8am to 4pm`, `sa closed` — read into the feed's `opening_hours`.
 */
import { DAYS, fold, type Day } from '../feed/forms.js';

/** One opening span of the feed's `opening_hours`. */
export interface OpeningSpan {
  days: Day[];
  opens: string;
  closes: string;
}

/** How the hours should be written, for messages. */
export const HOURS_EXAMPLE = '"mo-fr 08:00-16:00; sa 08:00-12:00"';

const DAY_NAMES: readonly (readonly [string, Day])[] = [
  ['monday', 'mo'],
  ['tuesday', 'tu'],
  ['wednesday', 'we'],
  ['thursday', 'th'],
  ['friday', 'fr'],
  ['saturday', 'sa'],
  ['sunday', 'su'],
  ['lunes', 'mo'],
  ['martes', 'tu'],
  ['miercoles', 'we'],
  ['jueves', 'th'],
  ['viernes', 'fr'],
  ['sabado', 'sa'],
  ['domingo', 'su'],
];

/** `mo`, `Mon`, `lunes`, `sáb.` → the feed's two-letter day code; undefined when ambiguous or unknown. */
export function dayCode(word: string): Day | undefined {
  const w = fold(word).replace(/\.$/, '');
  if (w.length < 2) return undefined;
  const codes = new Set(DAY_NAMES.filter(([name]) => name.startsWith(w)).map(([, code]) => code));
  return codes.size === 1 ? [...codes][0] : undefined;
}

/** `8`, `8:30`, `08:30`, `8h30`, `8.30`, `4pm`, `4:30 p.m.` → `HH:MM`; undefined when it is no time. */
export function clock(text: string): string | undefined {
  const m = /^(\d{1,2})(?:[:.h](\d{2}))?\s*([ap])?\.?\s*(?:m\.?)?$/i.exec(text.trim());
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  if (m[3]) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (m[3].toLowerCase() === 'p' ? 12 : 0);
  }
  if (hour > 24 || minute > 59 || (hour === 24 && minute > 0)) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

const DASH = /\s*[-–—]\s*|\s+(?:a|to|al)\s+/i;

/** The hours of the last texts read: a sheet repeats a few ways of writing them. */
const recent = new Map<string, readonly OpeningSpan[] | string>();
const RECENT = 256;

/**
 * {@link readHours}, remembering the last few hundred texts: a fresh copy each time, the same
 * result.
 */
export function parseHours(text: string): OpeningSpan[] | string {
  let hours = recent.get(text);
  if (hours === undefined) {
    hours = readHours(text);
    if (recent.size >= RECENT) recent.clear();
    recent.set(text, hours);
  }
  return typeof hours === 'string' ? hours : hours.map((s) => ({ ...s, days: [...s.days] }));
}

/**
 * `mo-fr 08:00-16:00; sa 08:00-12:00` → opening spans. Parts are separated by `;`, `|` or line
 * breaks; days by `,` `/` `&` `y` `and`; several times by `,` or `y`/`and`; `sa closed` (or
 * `cerrado`) names a closed day. A string instead says what cannot be read.
 */
export function readHours(text: string): OpeningSpan[] | string {
  const hours: OpeningSpan[] = [];
  for (const segment of text.split(/[;|\n]/)) {
    const part = segment.trim();
    if (!part) continue;
    const firstDigit = part.search(/\d/);
    const daysText = (firstDigit === -1 ? part : part.slice(0, firstDigit)).trim();
    const timesText = firstDigit === -1 ? '' : part.slice(firstDigit).trim();
    const closed = /^(.*?)\s+(closed|cerrado)$/i.exec(daysText);
    const days = new Set<Day>();
    for (const item of (closed ? closed[1] : daysText).split(/\s*[,/&]\s*|\s+(?:y|and|e)\s+/i)) {
      if (!item) continue;
      const range = item.split(DASH);
      if (range.length > 2) return `cannot read the days "${item}"`;
      const codes = range.map(dayCode);
      const unknown = codes.indexOf(undefined);
      if (unknown !== -1)
        return `cannot read the day "${range[unknown]}" (use mo tu we th fr sa su)`;
      const [from, to = from] = codes as Day[];
      for (let d = DAYS.indexOf(from); ; d = (d + 1) % 7) {
        days.add(DAYS[d]);
        if (DAYS[d] === to) break;
      }
    }
    if (!days.size) return `"${part}" names no day`;
    if (closed) {
      if (timesText) return `"${part}" is closed and has times`;
      continue;
    }
    if (!timesText) return `"${part}" has no times`;
    for (const span of timesText.split(/\s*,\s*|\s+(?:y|and|e)\s+/i)) {
      const ends = span.split(DASH);
      const [opens, closes] = ends.map(clock);
      if (ends.length !== 2 || !opens || !closes) return `cannot read the times "${span}"`;
      hours.push({ days: DAYS.filter((d) => days.has(d)), opens, closes });
    }
  }
  return hours.length ? hours : 'has no opening times';
}
