/**
 * What the hub locator computes of one hub: its opening status, its distance, its links.
 * Framework-free (the feed reader's worker uses it too: hub-store.ts).
 */
import { DAYS, fold } from '../feed/forms.js';
import type { Hub } from '../feed/schema.js';
import { dateFormat } from '../shared/intl.js';

export type Day = (typeof DAYS)[number];

/** Lower case, without accents: "Petén" → "peten" (the feed's own folding). */
export { fold };

// --- Opening hours, in the hub's own time zone ---------------------------------------------

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const WEEKDAYS: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
/** Answers for one instant, by time zone: filtering 10,000 hubs asks about a handful of zones. */
const memo = { at: Number.NaN, times: new Map<string, { day: number; minute: number }>() };

/** Day of the week (0 = Monday) and minutes since midnight at `now` in a time zone. */
export function localTime(now: Date, timeZone?: string): { day: number; minute: number } {
  const key = timeZone ?? '';
  if (memo.at !== now.getTime()) {
    memo.at = now.getTime();
    memo.times.clear();
  }
  const known = memo.times.get(key);
  if (known) return known;
  const clock = dateFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const parts = Object.fromEntries(clock.formatToParts(now).map((p) => [p.type, p.value]));
  const time = {
    day: WEEKDAYS[parts.weekday],
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
  memo.times.set(key, time);
  return time;
}

export interface OpeningStatus {
  open: boolean;
  /** Today's opening times, e.g. ["08:00–12:00", "14:00–16:00"]. */
  today: string[];
  /** When it next opens, if closed: day (0 = Monday), whether that is today, and the time. */
  next?: { day: number; today: boolean; time: string };
}

/**
 * Is the hub open at `now`, in its own time zone (the visitor's when it names none)?
 * `undefined` when the feed gives no opening hours. Ranges may run past midnight.
 */
export function openingStatus(hub: Hub, now: Date): OpeningStatus | undefined {
  const hours = hub.opening_hours;
  if (!hours?.length) return undefined;
  const { day, minute } = localTime(now, hub.timezone);
  const on = (d: number) => hours.filter((h) => h.days.includes(DAYS[(d + 7) % 7]));

  const today = on(day);
  // Yesterday's hours that run past midnight (`20:00–06:00`) are open this morning too: they
  // count as today's, from 00:00, so "Open now" never sits beside "Closed today".
  const carried = on(day - 1).filter(
    (h) => minutes(h.closes) <= minutes(h.opens) && minutes(h.closes) > 0,
  );
  const open =
    today.some((h) => {
      const [o, c] = [minutes(h.opens), minutes(h.closes)];
      return c > o ? minute >= o && minute < c : minute >= o; // c <= o: runs past midnight
    }) || carried.some((h) => minute < minutes(h.closes));

  let next: OpeningStatus['next'];
  if (!open) {
    for (let ahead = 0; ahead < 8 && !next; ahead++) {
      const opens = on(day + ahead)
        .map((h) => h.opens)
        .filter((t) => ahead > 0 || minutes(t) > minute)
        .sort()[0];
      if (opens) next = { day: (day + ahead) % 7, today: ahead === 0, time: opens };
    }
  }
  return {
    open,
    today: [
      ...carried.map((h) => `00:00–${h.closes}`),
      ...today.map((h) => `${h.opens}–${h.closes}`),
    ].sort(),
    next,
  };
}

// --- Distance -----------------------------------------------------------------------------

/** Great-circle distance in km (haversine, mean Earth radius). */
export function distanceKm(
  a: { lat: number; lon: number },
  b: { lat: number; lon: number },
): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

// --- Actions ------------------------------------------------------------------------------

/** `tel:` link of a validated E.164 number. */
export const telUrl = (e164: string) => `tel:${e164}`;
/** WhatsApp click-to-chat link of a validated E.164 number. */
export const whatsappUrl = (e164: string) => `https://wa.me/${e164.replace(/\D/g, '')}`;
/** A maps link with directions to the hub's coordinates. */
export const directionsUrl = (hub: Hub) =>
  `https://www.google.com/maps/dir/?api=1&destination=${hub.lat.toFixed(6)},${hub.lon.toFixed(6)}`;
