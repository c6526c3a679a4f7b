/**
 * The one-script-tag entry (`dist/mi-widgets.js`). It holds no widget code and no Lit: it
 * watches the page for the widgets' tags and loads each widget's chunk the first time its tag
 * appears — on the page at load, or inserted later by the host's own script.
 * Loading it twice, or beside another copy, is harmless: tags are defined once.
 *
 * No waterfall: the moment it sees a tag it asks for the widget's whole dependency set at once
 * (`<link rel="modulepreload">` for the widget's chunk, the chunks it imports and the page's
 * interface translation) and starts the feed request (from `src` or the page's
 * `<meta name="mi-widgets:feed">`), which the feed client then takes over: still one request
 * per URL. It also starts the feed reader's worker, so that its script loads while the feed
 * does and not after (on slow 3G, one round trip less: 2 s). `<script type="module"
 * src="…/mi-widgets.js" data-no-preload>` turns all of this off.
 */
const widgets: Record<string, () => Promise<unknown>> = {
  'mi-news-feed': () => import('./news-feed/mi-news-feed.js'),
  'mi-quiz': () => import('./quiz/mi-quiz.js'),
  'mi-hub-locator': () => import('./hub-locator/mi-hub-locator.js'),
  'mi-campaign-banner': () => import('./campaign-banner/mi-campaign-banner.js'),
};
const TAGS = Object.keys(widgets);

/** What each widget's chunk imports, the translation chunks and the feed reader, relative to this script. */
interface Preloads {
  widgets: Record<string, string[]>;
  locales: Record<string, string>;
  reader: string;
}
/** Written on a line of its own above this module by the build (vite.config.ts); absent from source. */
declare const MI_PRELOADS: Preloads | undefined;
const preloads = typeof MI_PRELOADS === 'undefined' ? undefined : MI_PRELOADS;

// --- Feed requests started early -----------------------------------------------------------
// Handed to the feed client (`takeEarly` in src/feed/client.ts) when it asks for the same URL,
// through a registry on `globalThis` under a registered symbol: the loader and the widgets'
// chunks (or two copies of the bundle) share it without sharing a module — the loader imports
// nothing, or the build would split it out and add a round trip before anything starts.

/** As the feed client makes every request: no cookies, no Referer (src/feed/client.ts). */
const FEED_REQUEST: RequestInit = { credentials: 'omit', referrerPolicy: 'no-referrer' };

/** An early response not taken by then is dropped (a widget whose `src` changed meanwhile). */
const KEEP_MS = 60_000;
const KEY = Symbol.for('mi-widgets:early-feeds');

/** URL → its early response; `null` once a feed client has asked for the URL itself. */
function registry(): Map<string, Promise<Response> | null> {
  const holder = globalThis as unknown as Record<symbol, Map<string, Promise<Response> | null>>;
  return (holder[KEY] ??= new Map());
}

/** Start the request for this (absolute, http(s)) feed URL now, unless it is started or asked for. */
export function fetchEarly(url: string): void {
  const early = registry();
  if (early.has(url)) return;
  const response = fetch(url, FEED_REQUEST);
  response.catch(() => undefined); // the client reports failures; nobody may ever ask
  early.set(url, response);
  setTimeout(() => early.get(url) === response && early.delete(url), KEEP_MS);
}

// --- The feed reader's worker, started early ------------------------------------------------
// Taken by the feed client (`readerWorker` in src/feed/client.ts) under another registered
// symbol: { worker, failed, policy }, `failed` set if it could not start (a CSP without
// `worker-src` for the bundle) before the client listens — the client then reads on the main
// thread. Where the browser has Trusted Types, the URL goes through the library's policy
// `mi-widgets-worker`, created here and handed over with the worker (a policy name is created
// once per page).

const READER = Symbol.for('mi-widgets:early-reader');

interface ScriptUrlPolicy {
  createScriptURL(url: string): string;
}

/** Start the feed reader's worker now, unless it is started already (or refused). */
function startReader(file: string): void {
  const holder = globalThis as unknown as Record<symbol, unknown>;
  if (READER in holder) return;
  const early: { worker?: Worker; failed: boolean; policy?: ScriptUrlPolicy } = { failed: false };
  holder[READER] = early;
  try {
    // Not `new URL('…', import.meta.url)` written out: the build would bundle the worker twice.
    const url = new URL(file, import.meta.url).href;
    const tt = (
      globalThis as {
        trustedTypes?: { createPolicy(name: string, rules: object): ScriptUrlPolicy };
      }
    ).trustedTypes;
    early.policy = tt?.createPolicy('mi-widgets-worker', {
      createScriptURL: (href: string) => {
        if (href !== url) throw new TypeError(`mi-widgets-worker: not the feed reader: ${href}`);
        return href;
      },
    });
    const trusted = early.policy ? early.policy.createScriptURL(url) : url;
    early.worker = new Worker(trusted, { type: 'module', name: 'mi-widgets feed reader' });
    early.worker.addEventListener('error', () => (early.failed = true), { once: true });
  } catch {
    early.failed = true; // refused outright: the client tries again, or reads on the main thread
  }
}

const requested = new Map<string, Promise<void>>();
const preloaded = new Set<string>();

/** Load the code of these widgets now (for tags the loader cannot see, e.g. in a shadow root). */
export function loadWidgets(...tags: string[]): Promise<void[]> {
  return Promise.all(
    tags.map((tag) => {
      const load = widgets[tag];
      if (!load) return Promise.reject(new Error(`[mi-widgets] Unknown widget <${tag}>.`));
      let promise = requested.get(tag);
      if (!promise) {
        promise = load().then(
          () => undefined,
          (error: unknown) => {
            requested.delete(tag); // a later appearance of the tag tries again
            console.error(`[mi-widgets] Could not load <${tag}>.`, error);
          },
        );
        requested.set(tag, promise);
      }
      return promise;
    }),
  );
}

/** Was this script tag written with `data-no-preload`? */
const noPreload = () =>
  [...document.querySelectorAll<HTMLScriptElement>('script[data-no-preload]')].some(
    (s) => s.src === import.meta.url,
  );

function modulePreload(file: string): void {
  const href = new URL(file, import.meta.url).href;
  if (preloaded.has(href)) return;
  preloaded.add(href);
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = href;
  document.head.append(link);
}

/** The absolute http(s) feed URL a widget element will ask for, as the feed client resolves it. */
function feedOf(el: Element): string | undefined {
  const src =
    el.getAttribute('src') ||
    document.querySelector<HTMLMetaElement>('meta[name="mi-widgets:feed"]')?.content;
  if (!src) return undefined;
  try {
    const url = new URL(src, document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Ask at once for everything this widget element will need: its code, its language, its feed. */
function prepare(el: Element): void {
  // A defined tag's code is here, and its feed already asked for by the widget itself.
  if (!preloads || customElements.get(el.localName) || noPreload()) return;
  for (const file of preloads.widgets[el.localName] ?? []) modulePreload(file);
  const lang = (el.closest('[lang]')?.getAttribute('lang') ?? '').toLowerCase().split('-')[0];
  if (preloads.locales[lang]) modulePreload(preloads.locales[lang]);
  const feed = feedOf(el);
  if (feed) fetchEarly(feed);
  startReader(preloads.reader);
}

function scan(root: ParentNode): void {
  const elements = [
    ...(root instanceof Element && TAGS.includes(root.localName) ? [root] : []),
    ...root.querySelectorAll(TAGS.join(',')),
  ];
  elements.forEach(prepare);
  const found = TAGS.filter(
    (tag) =>
      !requested.has(tag) &&
      !customElements.get(tag) &&
      elements.some((el) => el.localName === tag),
  );
  if (found.length) void loadWidgets(...found);
}

if (typeof window !== 'undefined' && typeof customElements !== 'undefined') {
  const observer = new MutationObserver((records) => {
    for (const record of records)
      record.addedNodes.forEach((node) => node instanceof Element && scan(node));
    if (TAGS.every((tag) => requested.has(tag) || customElements.get(tag))) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
  scan(document);
}
