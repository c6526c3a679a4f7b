/**
 * The feed client every widget uses. Framework-free.
 *
 * - One network request per URL per page, however many widgets read it: in-flight requests are
 *   shared, and a good result is kept for the page's lifetime (until a widget asks to reload).
 * - A timeout (default 10 s); HTTP errors, non-JSON, schema and network (CORS, offline)
 *   failures become a {@link FeedError} with a `kind` the widgets can explain.
 * - The last good copy is kept through the Cache API (copies.ts); {@link readCachedFeed} gives it
 *   back, read once per URL per page, so a widget can show it at once, or when the network fails.
 * - A shared request is aborted only when every widget waiting on it has gone.
 * - The webmaster is told once per feed, in one collapsed console group, what the reader
 *   dropped or normalized, and which command lists it all.
 */
import type { Feed, Hub } from './schema.js';
import type { ParseOutcome } from './parse.js';
import type { WorkerRequest, WorkerResponse } from './parse-worker.js';
import type { HubAnswer, HubQuery, HubStore } from '../hub-locator/hub-store.js';
import type { Problem } from './problems.js';
import { dropCopy, keepCopy, readCopy } from './copies.js';
import { safeUrl } from './text.js';

export type FeedErrorKind =
  'config' | 'http' | 'timeout' | 'parse' | 'schema' | 'network' | 'offline';

export class FeedError extends Error {
  override name = 'FeedError';
  constructor(
    readonly kind: FeedErrorKind,
    message: string,
    readonly url?: string,
    readonly status?: number,
    /** For `schema`: what made the document unusable (see `readFeed`). */
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
  }
}

export interface FeedResult {
  feed: Feed;
  /** What the reader found wrong in the document, and what it did about each (see `readFeed`). */
  problems: readonly Problem[];
  /** Absolute URL of the feed. */
  url: string;
  /** When this copy was fetched from the network (ms since epoch). */
  fetchedAt: number;
  /** True when this copy comes from the browser's storage, not from this page's request. */
  fromCache: boolean;
  /**
   * The feed's hubs, kept where the feed was read (the reader's worker) and searched there:
   * `feed.hubs` is empty. `hubs.all()` gives them all; the hub locator asks only for what it
   * shows (see {@link queryHubs}).
   */
  hubs: HubSource;
}

export interface LoadOptions {
  signal?: AbortSignal;
  /** Give up after this many milliseconds. */
  timeout?: number;
  /** Ignore the copy this page already has and ask the network again (Retry). */
  reload?: boolean;
}

export const DEFAULT_TIMEOUT = 10_000;
interface Shared {
  promise: Promise<FeedResult>;
  controller: AbortController;
  waiting: number;
}

const inFlight = new Map<string, Shared>();
const loaded = new Map<string, FeedResult>();

/** Resolve a feed URL against the page. */
export function absoluteFeedUrl(url: string): string {
  return new URL(url, document.baseURI).href;
}

/** Each URL's kept copy, read and parsed once per page. */
const copies = new Map<string, Promise<FeedResult | undefined>>();

/**
 * The last good copy of this feed kept in the browser, if any, read as the widgets read the
 * feed (once per URL per page, however many widgets ask).
 */
export function readCachedFeed(url: string): Promise<FeedResult | undefined> {
  const abs = absoluteFeedUrl(url);
  let copy = copies.get(abs);
  if (!copy) {
    copy = readCopy(abs).then(async (kept) => {
      if (!kept) return undefined;
      const { outcome, hubs } = await parseOffThread(kept.text, abs);
      if (outcome.ok && outcome.feed) {
        const { feed, problems } = outcome;
        keepHubs(abs, true, hubs);
        return { feed, problems, url: abs, fetchedAt: kept.fetchedAt, fromCache: true, hubs };
      }
      void dropCopy(abs); // a damaged or outdated copy is as good as none
      return undefined;
    });
    copies.set(abs, copy);
  }
  return copy;
}

/**
 * Keep a good copy of a feed for when the network fails. Resolves false when the browser does
 * not keep it (no Cache API, storage full or blocked, or the feed too large: see copies.ts).
 */
export function keepFeedCopy(url: string, text: string, fetchedAt: number): Promise<boolean> {
  return keepCopy(absoluteFeedUrl(url), text, fetchedAt);
}

/** How every feed request is made: no cookies, no Referer (the partner's page stays private). */
const FEED_REQUEST: RequestInit = { credentials: 'omit', referrerPolicy: 'no-referrer' };

/** Where the loader keeps the requests it started early (src/early.ts); `null`: the client's own. */
const EARLY = Symbol.for('mi-widgets:early-feeds');

/**
 * The request the loader started for this URL the moment it saw a widget's tag, if it did and
 * nobody took it yet. From then on the URL is the client's: the loader starts none for it.
 */
function takeEarly(url: string): Promise<Response> | undefined {
  const holder = globalThis as unknown as Record<symbol, Map<string, Promise<Response> | null>>;
  const early = (holder[EARLY] ??= new Map());
  const response = early.get(url) ?? undefined;
  early.set(url, null);
  return response;
}

/** Work started without our signal (an early request, its body), given up on when `signal` aborts. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    work.then(resolve, reject);
  });
}

/** The feed reader's worker, started on first use; `null` where none can start. */
let worker: Worker | null | undefined;
/** What the page waits for from the worker, by request: called with `undefined` if it dies. */
const waiting = new Map<number, (data: WorkerResponse | undefined) => void>();
let nextId = 0;

/** One message of the worker's: the answer to one request (parse-worker.ts). */
function receive(data: WorkerResponse): void {
  const answer = waiting.get(data.id);
  if (!answer) return;
  waiting.delete(data.id);
  // In a task of its own: what the widgets do with it is not added to this one.
  setTimeout(() => answer(data));
}

/** Ask the worker, and wait for its answer (`undefined` if the worker died meanwhile). */
function ask(
  reader: Worker,
  request: WorkerRequest & { id: number },
): Promise<WorkerResponse | undefined> {
  return new Promise((resolve) => {
    waiting.set(request.id, resolve);
    reader.postMessage(request);
  });
}

// --- Hubs, kept where their feed was read ----------------------------------------------------

/** Where a feed's hubs are kept: in the reader's worker, or on the main thread. */
interface HubPlace {
  query(sets: number[], query: HubQuery): Promise<HubAnswer | undefined>;
  drop(sets: number[]): void;
}

/** The hubs of the feeds read in a worker: one place per worker, so that they are asked together. */
const places = new WeakMap<Worker, HubPlace>();
function inWorker(reader: Worker): HubPlace {
  let place = places.get(reader);
  if (!place) {
    place = {
      query: async (sets, query) => {
        const data = await ask(reader, { kind: 'query', id: nextId++, sets, query });
        return data && 'answer' in data ? data.answer : undefined;
      },
      drop: (sets) => reader.postMessage({ kind: 'drop', sets } satisfies WorkerRequest),
    };
    places.set(reader, place);
  }
  return place;
}

/** The store of hubs read on the main thread (where no worker could start). */
let mainStore: HubStore | undefined;
const onPage: HubPlace = {
  query: (sets, query) => Promise.resolve(mainStore?.query(sets, query)),
  drop: (sets) => sets.forEach((set) => mainStore?.drop(set)),
};

/** A feed with no hubs. */
const NO_PLACE: HubPlace = { query: () => Promise.resolve(undefined), drop: () => undefined };

/**
 * The hubs of one feed (or one file of hubs), where they were read. Asked through
 * {@link queryHubs}, alone or with the files of hubs of the same feed.
 */
export class HubSource {
  private static count = 0;
  /** Unique on the page: what a query of these hubs is told apart by. */
  readonly id = ++HubSource.count;

  /** @internal */
  constructor(
    /** How many hubs. */
    readonly count: number,
    /** @internal */
    readonly place: HubPlace,
    /** @internal */
    readonly set: number,
  ) {}

  /** Every hub, in the feed's order. */
  async all(): Promise<Hub[]> {
    const everything = { query: '', country: '', service: '', openNow: false, limit: Infinity };
    return (await queryHubs([this], { ...everything, points: false, now: Date.now() })).hubs;
  }

  /** @internal Let the place forget these hubs (a newer reading of the feed replaced them). */
  release(): void {
    if (this.count) this.place.drop([this.set]);
  }
}

/** An answer with no hub. */
const nothingFound = (query: HubQuery): HubAnswer => ({
  total: 0,
  hubs: [],
  ...(query.points ? { points: [] } : {}),
  countries: [],
  services: [],
  languages: [],
});

/**
 * Search the hubs of these sources, in order, as one list: the page of hubs the locator shows,
 * how many were found, and (`points`) where each is. Where the hubs are (the worker), not here.
 * @throws FeedError when the hubs are no longer there (the worker stopped): load the feed again.
 */
export async function queryHubs(
  sources: readonly HubSource[],
  query: HubQuery,
): Promise<HubAnswer> {
  const some = sources.filter((source) => source.count > 0);
  if (!some.length) return nothingFound(query);
  const place = some[0].place;
  const answer = some.every((source) => source.place === place)
    ? await place.query(
        some.map((source) => source.set),
        query,
      )
    : undefined;
  if (!answer)
    throw new FeedError('network', 'The hubs read earlier are gone (the feed reader stopped).');
  return answer;
}

/** The newest hubs of each feed URL (`#copy`: of its kept copy); older ones are let go. */
const hubSets = new Map<string, HubSource>();
/** How long hubs a newer reading replaced stay: widgets may still be asking for them. */
const RELEASE_AFTER_MS = 10_000;

function keepHubs(url: string, fromCache: boolean, hubs: HubSource): void {
  const later = (old: HubSource | undefined) =>
    old && old !== hubs && setTimeout(() => old.release(), RELEASE_AFTER_MS);
  const key = fromCache ? `${url}#copy` : url;
  later(hubSets.get(key));
  hubSets.set(key, hubs);
  if (!fromCache) {
    // The network's answer replaces the kept copy's for every widget.
    later(hubSets.get(`${url}#copy`));
    hubSets.delete(`${url}#copy`);
  }
}

interface TrustedTypePolicy {
  createScriptURL(url: string): string;
}
let workerPolicy: TrustedTypePolicy | undefined;
/** What this module starts its worker from, once it has had to (see {@link workerScript}). */
let ownScript: string | undefined;

/**
 * What a worker starts from to run the reader at `url`. A page may start a worker only from its
 * own origin, and the bundle usually comes from a CDN: there, from a one-line module of the
 * page's own (a `blob:` URL) that imports the reader from the CDN, which serves it with CORS
 * like every chunk. A CSP whose `worker-src` refuses `blob:` refuses that worker, and the feed
 * is read on the main thread. The same as the loader's (src/loader.ts imports nothing).
 */
function workerScript(url: URL): string {
  if (url.origin === self.origin) return url.href;
  const module = `import ${JSON.stringify(url.href)};\n`;
  return URL.createObjectURL(new Blob([module], { type: 'text/javascript' }));
}

/**
 * The worker's script through the library's own Trusted Types policy, `mi-widgets-worker`,
 * where the browser has Trusted Types (a page that enforces them allows it by name, as it allows
 * `mi-widgets`); as it is elsewhere. The policy lets through that one script and nothing else.
 * With the loader's policy, the loader's script.
 */
function trustedWorkerUrl(url: URL): string {
  const early = earlyReader();
  const script = early?.script ?? (ownScript ??= workerScript(url));
  const tt = (
    globalThis as {
      trustedTypes?: { createPolicy(name: string, rules: object): TrustedTypePolicy };
    }
  ).trustedTypes;
  if (!tt) return script;
  workerPolicy ??=
    early?.policy ??
    tt.createPolicy('mi-widgets-worker', {
      createScriptURL: (href: string) => {
        if (href !== script) throw new TypeError(`mi-widgets-worker: not the feed reader: ${href}`);
        return href;
      },
    });
  return workerPolicy.createScriptURL(script);
}

/** A `Worker` whose URL goes through {@link trustedWorkerUrl}. */
const TrustedWorker =
  typeof Worker === 'undefined'
    ? undefined
    : class extends Worker {
        constructor(url: URL, options?: WorkerOptions) {
          super(trustedWorkerUrl(url), options);
        }
      };

/** Where the loader keeps the worker it started the moment it saw a widget's tag (src/loader.ts). */
const EARLY_READER = Symbol.for('mi-widgets:early-reader');

interface EarlyReader {
  worker?: Worker;
  failed: boolean;
  /** The `mi-widgets-worker` policy, when the loader created it. */
  policy?: TrustedTypePolicy;
  /** What the loader started the worker from: the reader's URL, or a `blob:` module importing it. */
  script?: string;
  /** While the loader waits for the page's preload of the reader: settles once it has started it. */
  started?: Promise<void>;
}

const earlyReader = () =>
  (globalThis as unknown as Record<symbol, EarlyReader | undefined>)[EARLY_READER];

/** The worker the loader started, if it did and it has not failed; from now on it is ours. */
function takeEarlyReader(): Worker | undefined {
  const early = earlyReader();
  if (!early?.worker || early.failed) return undefined;
  const taken = early.worker;
  early.worker = undefined;
  return taken;
}

/** The reader's worker, once the loader has started it if it is about to (see {@link EarlyReader}). */
async function readerWorker(): Promise<Worker | null> {
  await earlyReader()?.started;
  return ourWorker();
}

function ourWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    // Written `new Worker(new URL(…, import.meta.url))` so that the build finds the worker and
    // bundles it; the `Worker` here is the one that passes its URL through the policy.
    const Worker = TrustedWorker!;
    worker =
      takeEarlyReader() ??
      new Worker(new URL('./parse-worker.js', import.meta.url), {
        type: 'module',
        name: 'mi-widgets feed reader',
      });
    worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) =>
      receive(event.data),
    );
    // It could not start (refused by the page's CSP, a network error): read on the main thread.
    worker.addEventListener('error', () => {
      worker = null;
      for (const answer of waiting.values()) answer(undefined);
      waiting.clear();
    });
  } catch {
    worker = null; // Trusted Types, or a CSP that refuses it outright
  }
  return worker;
}

/** A reading: the outcome, its hubs kept where they were read (`feed.hubs` emptied). */
interface Reading {
  outcome: ParseOutcome;
  hubs: HubSource;
}

/**
 * Read on the main thread, where no worker can start: the reader is a chunk of its own, loaded
 * only then (it is not in the code every visitor downloads), and so is the store of hubs.
 */
async function readOnMainThread(body: ArrayBuffer | string, url: string): Promise<Reading> {
  const [{ parseFeed }, { HubStore }] = await Promise.all([
    import('./parse.js'),
    import('../hub-locator/hub-store.js'),
  ]);
  const outcome = parseFeed(body, url);
  const hubs = (outcome.ok && outcome.feed?.hubs) || [];
  if (!outcome.ok || !outcome.feed || !hubs.length)
    return { outcome, hubs: new HubSource(0, NO_PLACE, 0) };
  const set = (mainStore ??= new HubStore()).add(hubs, outcome.hubSearch);
  outcome.feed = { ...outcome.feed, hubs: [] };
  outcome.hubSearch = [];
  return { outcome, hubs: new HubSource(hubs.length, onPage, set) };
}

/**
 * Decode, parse and read a feed in the worker, so the page never freezes on it (reading the
 * 83 KB demo feed took 150 ms and more of a 4× throttled CPU; 10,000 hubs, 2.8 s), its hubs
 * kept there; on the main thread where no worker can start.
 */
async function parseOffThread(body: ArrayBuffer | string, url: string): Promise<Reading> {
  const reader = await readerWorker();
  const data = reader && (await ask(reader, { kind: 'parse', id: nextId++, url, body }));
  if (!reader || !data || !('outcome' in data)) return readOnMainThread(body, url);
  const { outcome, hubs } = data;
  return {
    outcome,
    hubs: new HubSource(hubs.count, hubs.count ? inWorker(reader) : NO_PLACE, hubs.set),
  };
}

async function request(url: string, signal: AbortSignal): Promise<FeedResult> {
  let response: Response;
  try {
    // The loader may have started this request already, the moment it saw the widget's tag.
    const early = takeEarly(url);
    response = await (early
      ? untilAborted(early, signal)
      : fetch(url, { ...FEED_REQUEST, signal }));
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw navigator.onLine === false
      ? new FeedError('offline', `The device is offline; could not load ${url}.`, url)
      : new FeedError(
          'network',
          `Could not reach ${url} (network failure, or the server does not allow this site through CORS): ${String(error)}`,
          url,
        );
  }
  if (!response.ok) {
    throw new FeedError(
      'http',
      `The feed server answered ${response.status} for ${url}.`,
      url,
      response.status,
    );
  }
  const bytes = await untilAborted(response.arrayBuffer(), signal);
  // Relative URLs in the feed resolve against where it really came from (after redirects).
  const { outcome, hubs } = await parseOffThread(bytes, response.url || url);
  if (!outcome.ok) {
    throw new FeedError(
      'parse',
      outcome.html
        ? `Expected JSON from ${url} but received an HTML page.`
        : `The feed at ${url} is not valid JSON.`,
      url,
    );
  }
  const { feed, problems } = outcome;
  // The words for the webmaster load only when there is something to say.
  if (problems.length)
    void import('./report.js').then((report) => report.logProblems(url, problems));
  if (!feed) {
    const [fatal] = problems;
    throw new FeedError(
      'schema',
      `${url} is not a usable feed: ${fatal.path ? `${fatal.path}: ` : ''}expected ${fatal.expected}, found ${fatal.found}.`,
      url,
      undefined,
      problems,
    );
  }
  const fetchedAt = Date.now();
  // After the widgets have rendered, and asynchronously: nothing serialized while the page is busy.
  setTimeout(() => void keepCopy(url, bytes, fetchedAt));
  keepHubs(url, false, hubs);
  return { feed, problems, url, fetchedAt, fromCache: false, hubs };
}

function start(url: string): Shared {
  void readerWorker(); // its script loads while the feed does
  const controller = new AbortController();
  const shared: Shared = {
    controller,
    waiting: 0,
    promise: request(url, controller.signal).finally(() => {
      if (inFlight.get(url) === shared) inFlight.delete(url);
    }),
  };
  shared.promise.then((result) => loaded.set(url, result)).catch(() => undefined);
  inFlight.set(url, shared);
  return shared;
}

/**
 * Load, validate and return a feed. Concurrent calls for one URL share one request.
 * @throws FeedError, or the signal's reason when `signal` aborts.
 */
export function loadFeed(
  src: string,
  { signal, timeout = DEFAULT_TIMEOUT, reload = false }: LoadOptions = {},
): Promise<FeedResult> {
  if (!src)
    return Promise.reject(
      new FeedError(
        'config',
        'No feed URL: set the src attribute or <meta name="mi-widgets:feed">.',
      ),
    );
  const url = absoluteFeedUrl(src);
  if (!safeUrl(url)) {
    return Promise.reject(new FeedError('config', `The feed URL must be http(s): ${url}`, url));
  }
  const done = !reload && loaded.get(url);
  if (done) return Promise.resolve(done);
  if (signal?.aborted) return Promise.reject(signal.reason);

  // A request given up on by all its readers is never joined: it ends in their abort.
  const running = inFlight.get(url);
  const shared = running && !running.controller.signal.aborted ? running : start(url);
  shared.waiting++;
  return new Promise<FeedResult>((resolve, reject) => {
    // Each reader has its own timeout: the request lives as long as its most patient reader.
    const timer = setTimeout(
      () =>
        leave(new FeedError('timeout', `No answer from ${url} within ${timeout / 1000} s.`, url)),
      timeout,
    );
    const onAbort = () => leave(signal?.reason);
    const leave = (reason: unknown) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      shared.waiting--;
      if (shared.waiting === 0) {
        if (inFlight.get(url) === shared) inFlight.delete(url);
        shared.controller.abort(reason);
      }
      reject(reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    shared.promise.then(
      (result) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve(result);
      },
      (error: unknown) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Forget this page's copies (for tests, and for a host page that swaps feeds). */
export function clearFeedMemory(): void {
  for (const hubs of hubSets.values()) hubs.release();
  hubSets.clear();
  loaded.clear();
  inFlight.clear();
  copies.clear();
}
