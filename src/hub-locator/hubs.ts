/**
 * What the hub locator computes of one hub: its opening status, its distance, its links.
 * Framework-free (the feed reader's worker uses it too: hub-store.ts).
 */
import { DAYS, fold } from '../feed/forms.js';
import type { Hub, HoursException } from '../feed/schema.js';
import { dateFormat } from '../shared/intl.js';

export type Day = (typeof DAYS)[number];

/** Lower case, without accents: "Petén" → "peten" (the feed's own folding). */
export { fold };

// --- Opening hours, in the hub's own time zone ---------------------------------------------

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const WEEKDAYS: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

/** A moment in a time zone: its date, its day of the week (0 = Monday), minutes since midnight. */
export interface LocalTime {
  /** "2026-12-24" */
  date: string;
  day: number;
  minute: number;
}

/** Answers for one instant, by time zone: filtering 10,000 hubs asks about a handful of zones. */
const memo = { at: Number.NaN, times: new Map<string, LocalTime>() };

/** The date, day of the week and minutes since midnight at `now` in a time zone. */
export function localTime(now: Date, timeZone?: string): LocalTime {
  const key = timeZone ?? '';
  if (memo.at !== now.getTime()) {
    memo.at = now.getTime();
    memo.times.clear();
  }
  const known = memo.times.get(key);
  if (known) return known;
  const clock = dateFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const parts = Object.fromEntries(clock.formatToParts(now).map((p) => [p.type, p.value]));
  const time = {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    day: WEEKDAYS[parts.weekday],
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
  memo.times.set(key, time);
  return time;
}

/** Dates already shifted: 10,000 hubs in a handful of time zones ask for the same few. */
const shifted = new Map<string, string>();

/** The calendar date `days` after `date` ("2026-12-31", 1 → "2027-01-01"). */
export function addDays(date: string, days: number): string {
  const key = `${date}|${days}`;
  let result = shifted.get(key);
  if (result === undefined) {
    const d = new Date(`${date}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    shifted.set(key, (result = d.toISOString().slice(0, 10)));
  }
  return result;
}

type Hours = NonNullable<Hub['opening_hours']>;
type Times = { opens: string; closes: string }[];

/** What a hub's hours are on one date: its weekly hours, or a dated exception's, or closed for a while. */
export interface DayHours {
  date: string;
  /** 0 = Monday */
  day: number;
  times: Times;
  /** The dated exception that holds that day, if one does. */
  exception?: HoursException;
  /** Closed for a while (`status: "temporarily_closed"` until `reopens`). */
  closedForAWhile: boolean;
}

/** Is the hub closed for a while on this date (its status, until the day it reopens)? */
const closedForAWhile = (hub: Hub, date: string) =>
  hub.status === 'temporarily_closed' && (!hub.reopens || date < hub.reopens);

/** The hub's hours on a date (a day of the week `day`), exceptions and closures applied. */
export function hoursOn(hub: Hub, date: string, day: number): DayHours {
  const weekday = ((day % 7) + 7) % 7;
  if (closedForAWhile(hub, date)) return { date, day: weekday, times: [], closedForAWhile: true };
  const exception = hub.hours_exceptions?.find((e) => e.from <= date && date <= (e.to ?? e.from));
  if (exception)
    return { date, day: weekday, times: exception.hours ?? [], exception, closedForAWhile: false };
  const weekly: Hours = hub.opening_hours ?? [];
  return {
    date,
    day: weekday,
    times: weekly.filter((h) => h.days.includes(DAYS[weekday])),
    closedForAWhile: false,
  };
}

/** The hub's next seven days from `now`'s date in its time zone, today first. */
export function weekHours(hub: Hub, now: Date): DayHours[] {
  const { date, day } = localTime(now, hub.timezone);
  return Array.from({ length: 7 }, (_, ahead) => hoursOn(hub, addDays(date, ahead), day + ahead));
}

export interface OpeningStatus {
  open: boolean;
  /** Today's opening times, e.g. ["08:00–12:00", "14:00–16:00"]. */
  today: string[];
  /** When it next opens, if closed: day (0 = Monday), whether that is today, and the time. */
  next?: { day: number; today: boolean; time: string };
  /** The dated exception that holds today (a holiday, other hours), if one does. */
  exception?: HoursException;
  /** Closed for a while: until the day it reopens, when it says; and what it tells visitors. */
  closure?: { reopens?: string; notice?: Hub['status_notice'] };
}

/** Times that run past midnight (`20:00–06:00`) and are still open the next morning. */
const overnight = (times: Times) =>
  times.filter((h) => minutes(h.closes) <= minutes(h.opens) && minutes(h.closes) > 0);

/** Today's hours, the night carried over from yesterday, and whether the hub is open at `minute`. */
function today(hub: Hub, { date, day, minute }: LocalTime) {
  const hours = hoursOn(hub, date, day);
  // Yesterday's hours that run past midnight (`20:00–06:00`) are open this morning too: they
  // count as today's, from 00:00, so "Open now" never sits beside "Closed today".
  const carried = hours.closedForAWhile
    ? []
    : overnight(hoursOn(hub, addDays(date, -1), day - 1).times);
  const open =
    hours.times.some((h) => {
      const [o, c] = [minutes(h.opens), minutes(h.closes)];
      return c > o ? minute >= o && minute < c : minute >= o; // c <= o: runs past midnight
    }) || carried.some((h) => minute < minutes(h.closes));
  return { hours, carried, open };
}

/**
 * Is the hub open at `now`? The Open now filter's question: {@link openingStatus}'s answer
 * without what a card shows (searching 10,000 hubs for when each next opens took 45 ms).
 */
export const isOpenAt = (hub: Hub, now: Date): boolean =>
  today(hub, localTime(now, hub.timezone)).open;

/**
 * Is the hub open at `now`, in its own time zone (the visitor's when it names none)? Dated
 * exceptions (a holiday closed, other hours) and a temporary closure come before the weekly
 * hours. `undefined` when the feed says nothing of its hours. Ranges may run past midnight.
 */
export function openingStatus(hub: Hub, now: Date): OpeningStatus | undefined {
  const local = localTime(now, hub.timezone);
  const { date, day, minute } = local;
  const { hours, carried, open } = today(hub, local);
  if (hours.closedForAWhile)
    return {
      open: false,
      today: [],
      closure: { reopens: hub.reopens, notice: hub.status_notice },
    };
  if (!hub.opening_hours?.length && !hours.exception) return undefined;

  let next: OpeningStatus['next'];
  if (!open) {
    for (let ahead = 0; ahead < 8 && !next; ahead++) {
      const opens = hoursOn(hub, addDays(date, ahead), day + ahead)
        .times.map((h) => h.opens)
        .filter((t) => ahead > 0 || minutes(t) > minute)
        .sort()[0];
      if (opens) next = { day: (day + ahead) % 7, today: ahead === 0, time: opens };
    }
  }
  return {
    open,
    today: [
      ...carried.map((h) => `00:00–${h.closes}`),
      ...hours.times.map((h) => `${h.opens}–${h.closes}`),
    ].sort(),
    next,
    ...(hours.exception ? { exception: hours.exception } : {}),
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
