/**
 * The hubs of the feeds read on this page, kept where they were read — in the feed reader's
 * worker (src/feed/parse-worker.ts), or on the main thread where no worker can start — and
 * searched there: the hub locator asks for the page of cards it shows, the number found and,
 * with a map, each hub's position, never for the 10,000 hubs themselves (unpacking those on the
 * main thread took 340 ms of a 4× throttled CPU, and the garbage they left, long pauses).
 * Framework-free: the same code runs in the worker and on the page.
 */
import type { Hub } from '../feed/schema.js';
import { hubSearchText } from '../feed/search.js';
import { distanceKm, fold, isOpenAt } from './hubs.js';

/** What the hub locator asks of its hubs. */
export interface HubQuery {
  /** The visitor's search: every word must be found in a hub's name, organization or place. */
  query: string;
  /** ISO 3166-1 alpha-2, or '' for every country. */
  country: string;
  /** A service code, or '' for every service. */
  service: string;
  /** A language tag the hub must list (in any case), or '' for every language. */
  language?: string;
  /** Only hubs open at `now`, in their own time zone. */
  openNow: boolean;
  /** The visitor's position: nearest hubs first. */
  near?: { lat: number; lon: number };
  /** How many of the hubs found to send, in order. */
  limit: number;
  /** Send each found hub's position and name too (for the map). */
  points: boolean;
  /** The instant the opening status is for (ms since the epoch). */
  now: number;
}

/** A hub on the map: where it is, and its name for the marker's label. */
export type HubPoint = Pick<Hub, 'id' | 'lat' | 'lon' | 'name'>;

/** The answer to a {@link HubQuery}. */
export interface HubAnswer {
  /** How many hubs pass the filters. */
  total: number;
  /** The first `limit` of them, in order (feed order, or nearest first). */
  hubs: Hub[];
  /** Every hub found, in the same order, when `points` was asked for. */
  points?: HubPoint[];
  /** The countries, services and languages of all the hubs searched (the filters' choices). */
  countries: string[];
  services: string[];
  languages: string[];
}

interface HubSet {
  hubs: readonly Hub[];
  /** Each hub's search text (see search.ts), in the same order. */
  search: readonly string[];
  countries: string[];
  services: string[];
  languages: string[];
}

/** The hubs of each feed (or file of hubs) read here, by a number the page refers to them by. */
export class HubStore {
  private readonly sets = new Map<number, HubSet>();
  private next = 1;

  /** Keep these hubs (search texts computed now when not given); the number to ask for them by. */
  add(hubs: readonly Hub[], search: readonly string[] = hubs.map(hubSearchText)): number {
    const id = this.next++;
    this.sets.set(id, {
      hubs,
      search,
      countries: [...new Set(hubs.flatMap((h) => h.country ?? []))],
      services: [...new Set(hubs.flatMap((h) => h.services ?? []))],
      languages: [...new Set(hubs.flatMap((h) => (h.languages ?? []).map((l) => l.toLowerCase())))],
    });
    return id;
  }

  /** Forget a set: it will not be asked for again. */
  drop(id: number): void {
    this.sets.delete(id);
  }

  /** Search these sets, in order, as one list; `undefined` when one of them is not here (any more). */
  query(ids: readonly number[], query: HubQuery): HubAnswer | undefined {
    const sets = ids.map((id) => this.sets.get(id));
    if (sets.some((set) => !set)) return undefined;
    const words = fold(query.query).split(/\s+/).filter(Boolean);
    const country = query.country.toUpperCase();
    const language = (query.language ?? '').toLowerCase();
    const now = new Date(query.now);
    let found: Hub[] = [];
    for (const set of sets as HubSet[]) {
      set.hubs.forEach((hub, i) => {
        if (country && hub.country !== country) return;
        if (query.service && !(hub.services ?? []).includes(query.service)) return;
        if (language && !(hub.languages ?? []).some((l) => l.toLowerCase() === language)) return;
        if (!words.every((word) => set.search[i].includes(word))) return;
        if (query.openNow && !isOpenAt(hub, now)) return;
        found.push(hub);
      });
    }
    const near = query.near;
    if (near) {
      found = found
        .map((hub) => ({ hub, km: distanceKm(near, hub) }))
        .sort((a, b) => a.km - b.km)
        .map(({ hub }) => hub);
    }
    return {
      total: found.length,
      hubs: found.slice(0, Math.max(0, query.limit)),
      ...(query.points
        ? { points: found.map(({ id, lat, lon, name }) => ({ id, lat, lon, name })) }
        : {}),
      countries: [...new Set(sets.flatMap((set) => set!.countries))],
      services: [...new Set(sets.flatMap((set) => set!.services))],
      languages: [...new Set(sets.flatMap((set) => set!.languages))],
    };
  }
}
