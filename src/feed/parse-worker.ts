/**
 * The feed reader's worker: decodes, parses and reads a feed off the main thread. Built as a
 * chunk of its own (the page's CSP needs `worker-src` for the bundle's origin).
 *
 * The answer comes in several messages when the feed has many hubs: the feed with its first
 * {@link HUB_BATCH} hubs, then the rest, {@link HUB_BATCH} at a time. The page unpacks each
 * message in a task of its own, so 10,000 hubs never hold the main thread in one piece (one
 * message took 780 ms of a 4× throttled CPU to unpack).
 */
import type { Hub } from './schema.js';
import { parseFeed, type ParseOutcome } from './parse.js';

export interface ParseRequest {
  id: number;
  url: string;
  body: ArrayBuffer | string;
}

export type ParseResponse =
  /** The outcome; `more`: how many {@link HubBatch} messages follow with the rest of its hubs. */
  { id: number; outcome: ParseOutcome; more: number } | HubBatch;

/** More of the hubs of a feed, and their search texts, in order. */
export interface HubBatch {
  id: number;
  hubs: Hub[];
  hubSearch: string[];
}

const HUB_BATCH = 500;

/**
 * Load the browser's locale data here, first thing. Chromium loads it once per renderer
 * process, at the first use of `Intl` by any thread, and that first use costs 150–250 ms of a
 * 4× throttled phone CPU. Paid in this worker, it is off the main thread: the widgets' first
 * date, number, collation and display name then cost a few milliseconds there (measured at 4×:
 * a first `DateTimeFormat` 190–310 ms cold, 3–21 ms after this). Elsewhere it costs nothing.
 */
function loadLocaleData(): void {
  try {
    new Intl.DateTimeFormat().format(0);
    new Intl.NumberFormat().format(0);
    'a'.localeCompare('b');
    new Intl.DisplayNames(undefined, { type: 'language' }).of('es');
  } catch {
    // an engine without one of these: the widgets fall back on their own
  }
}
loadLocaleData();

addEventListener('message', (event: MessageEvent<ParseRequest>) => {
  const { id, url, body } = event.data;
  const outcome = parseFeed(body, url);
  const hubs = (outcome.ok && outcome.feed?.hubs) || [];
  if (!outcome.ok || !outcome.feed || hubs.length <= HUB_BATCH) {
    postMessage({ id, outcome, more: 0 } satisfies ParseResponse);
    return;
  }
  const { hubSearch } = outcome;
  const first = {
    ...outcome,
    feed: { ...outcome.feed, hubs: hubs.slice(0, HUB_BATCH) },
    hubSearch: hubSearch.slice(0, HUB_BATCH),
  };
  const more = Math.ceil(hubs.length / HUB_BATCH) - 1;
  postMessage({ id, outcome: first, more } satisfies ParseResponse);
  for (let start = HUB_BATCH; start < hubs.length; start += HUB_BATCH) {
    const end = start + HUB_BATCH;
    postMessage({
      id,
      hubs: hubs.slice(start, end),
      hubSearch: hubSearch.slice(start, end),
    } satisfies ParseResponse);
  }
});
