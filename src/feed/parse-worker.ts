/**
 * The feed reader's worker: decodes, parses and reads a feed off the main thread, and keeps its
 * hubs here, where the hub locator searches them (src/hub-locator/hub-store.ts). Built as a
 * chunk of its own (the page's CSP needs `worker-src` for the bundle's origin).
 *
 * The page gets the feed without its hubs, and a number to ask for them by: it never unpacks
 * 10,000 hubs (one message of them took 780 ms of a 4× throttled CPU to unpack, and the garbage
 * they left long pauses after), only the page of cards it shows.
 */
import { HubStore, type HubAnswer, type HubQuery } from '../hub-locator/hub-store.js';
import { parseFeed, type ParseOutcome } from './parse.js';

/** What the page asks of the worker. */
export type WorkerRequest =
  /** Read this feed. */
  | { kind: 'parse'; id: number; url: string; body: ArrayBuffer | string }
  /** Search these hub sets, in order, as one list. */
  | { kind: 'query'; id: number; sets: number[]; query: HubQuery }
  /** Forget these hub sets. */
  | { kind: 'drop'; sets: number[] };

export type WorkerResponse =
  /** The outcome, its `feed.hubs` left here: `hubs` says under which number, and how many. */
  | { id: number; outcome: ParseOutcome; hubs: { set: number; count: number } }
  /** The answer to a query; `undefined` when a set asked for is not here. */
  | { id: number; answer: HubAnswer | undefined };

const store = new HubStore();

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

addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.kind === 'drop') {
    request.sets.forEach((set) => store.drop(set));
    return;
  }
  if (request.kind === 'query') {
    const answer = store.query(request.sets, request.query);
    postMessage({ id: request.id, answer } satisfies WorkerResponse);
    return;
  }
  const outcome = parseFeed(request.body, request.url);
  let hubs = { set: 0, count: 0 };
  if (outcome.ok && outcome.feed?.hubs.length) {
    hubs = {
      set: store.add(outcome.feed.hubs, outcome.hubSearch),
      count: outcome.feed.hubs.length,
    };
    outcome.feed = { ...outcome.feed, hubs: [] };
    outcome.hubSearch = [];
  }
  postMessage({ id: request.id, outcome, hubs } satisfies WorkerResponse);
});
