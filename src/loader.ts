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
/**
 * What the widgets need of the browser (README, "Supported browsers"): custom elements,
 * container queries (Chrome 105, Safari 16, Firefox 110), stylesheets adopted by shadow roots
 * (Safari 16.4, as class static blocks in the code), `inert` (Firefox 112). Where one is
 * missing nothing loads: each element gets `state="unsupported"` — the page's reserve
 * stylesheet lets go of its box — and keeps the page's fallback content.
 */
const supported =
  !!globalThis.customElements &&
  CSS.supports('container-type:inline-size') &&
  'adoptedStyleSheets' in document &&
  'inert' in HTMLElement.prototype;

/** A promise settled in a later task. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

/**
 * Each widget in two steps, in two tasks: its code (with Lit and the shared chunk, when they
 * are not here yet) is evaluated, then its tag is defined — which upgrades its elements and
 * renders them. Together they took 110–130 ms of a 4× throttled CPU in one task.
 */
const widgets: Record<string, () => Promise<unknown>> = {
  'mi-news-feed': () =>
    import('./news-feed/news-feed.js')
      .then(nextTask)
      .then(() => import('./news-feed/mi-news-feed.js')),
  'mi-quiz': () => import('./quiz/quiz.js').then(nextTask).then(() => import('./quiz/mi-quiz.js')),
  'mi-hub-locator': () =>
    import('./hub-locator/hub-locator.js')
      .then(nextTask)
      .then(() => import('./hub-locator/mi-hub-locator.js')),
  'mi-campaign-banner': () =>
    import('./campaign-banner/campaign-banner.js')
      .then(nextTask)
      .then(() => import('./campaign-banner/mi-campaign-banner.js')),
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

/**
 * Start the request for this (absolute, http(s)) feed URL now, unless it is started or asked
 * for. `credentials`: only for a request the page has preloaded ({@link adoptPreloads}).
 */
export function fetchEarly(url: string, credentials: RequestCredentials = 'omit'): void {
  const early = registry();
  if (early.has(url)) return;
  const response = fetch(url, { ...FEED_REQUEST, credentials });
  response.catch(() => undefined); // the client reports failures; nobody may ever ask
  early.set(url, response);
  setTimeout(() => early.get(url) === response && early.delete(url), KEEP_MS);
}

/**
 * Feed files the page itself preloads for the widgets, as the configurator's fast-start snippet
 * writes them in the page's `<head>` (src/embed/config.ts):
 * `<link rel="preload" as="fetch" href="…" crossorigin referrerpolicy="no-referrer" data-mi-widgets>`.
 * The browser starts those as the HTML arrives, before this script has. Each is requested here
 * as that link requests it — credentials `same-origin`, which a cross-origin feed receives
 * without cookies, as always, and only the page's own origin with them — so that the browser
 * hands over the response it started, and kept for the feed client like any early request (a
 * split feed's hub file too). Only links marked `data-mi-widgets`: taking over the page's
 * other preloads would leave the page's own scripts without them.
 */
function adoptPreloads(): void {
  const links = document.querySelectorAll<HTMLLinkElement>(
    'link[rel="preload"][as="fetch"][data-mi-widgets]',
  );
  for (const { href } of links) if (/^https?:/.test(href)) fetchEarly(href, 'same-origin');
}

// --- The feed reader's worker, started early ------------------------------------------------
// Taken by the feed client (`readerWorker` in src/feed/client.ts) under another registered
// symbol: { worker, failed, policy, script, started }, `failed` set if it could not start (a
// CSP without `worker-src` for it) before the client listens — the client then reads on the
// main thread.
// A page may start a worker only from its own origin, and the bundle usually comes from a CDN:
// there the worker starts from `script`, a one-line module of the page's own (a `blob:` URL)
// that imports the reader from the CDN, which serves it with CORS like every chunk. Where the
// browser has Trusted Types, `script` goes through the library's policy `mi-widgets-worker`,
// created here and handed over with the worker (a policy name is created once per page).

const READER = Symbol.for('mi-widgets:early-reader');

interface ScriptUrlPolicy {
  createScriptURL(url: string): string;
}

/** What a worker starts from to run the module at `url`: itself, or a same-origin module importing it. */
function workerScript(url: string): string {
  if (new URL(url).origin === self.origin) return url;
  const module = `import ${JSON.stringify(url)};\n`;
  return URL.createObjectURL(new Blob([module], { type: 'text/javascript' }));
}

interface EarlyReader {
  worker?: Worker;
  failed: boolean;
  policy?: ScriptUrlPolicy;
  script?: string;
  /** While the page's own preload of the reader is on its way: settles once the worker is started. */
  started?: Promise<void>;
}

/**
 * Start the feed reader's worker, unless it is started already (or refused): now, or — when
 * the page preloads the reader (the fast-start snippet's `<link rel="modulepreload">`) and the
 * preload has not arrived yet — once it has, so that the worker's own request finds the file in
 * the browser's cache rather than asking the network for it a second time (measured on slow
 * 3G: it did ask again while the preload was on its way).
 */
function startReader(file: string): void {
  const holder = globalThis as unknown as Record<symbol, unknown>;
  if (READER in holder) return;
  const early: EarlyReader = { failed: false };
  holder[READER] = early;
  // Not `new URL('…', import.meta.url)` written out: the build would bundle the worker twice.
  const url = new URL(file, import.meta.url).href;
  const link = [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].find(
    (l) => l.href === url,
  );
  if (!link || performance.getEntriesByName(url).length) {
    // In a task of its own: starting a worker costs ~60 ms of a 4× throttled CPU, which made
    // the loader's one task a long one (116 ms).
    early.started = new Promise((resolve) => setTimeout(() => resolve(startWorker(early, url))));
    return;
  }
  early.started = new Promise((resolve) => {
    const start = () => resolve(startWorker(early, url));
    link.addEventListener('load', start, { once: true });
    link.addEventListener('error', start, { once: true });
  });
}

function startWorker(early: EarlyReader, url: string): void {
  try {
    const script = (early.script = workerScript(url));
    const tt = (
      globalThis as {
        trustedTypes?: { createPolicy(name: string, rules: object): ScriptUrlPolicy };
      }
    ).trustedTypes;
    early.policy = tt?.createPolicy('mi-widgets-worker', {
      createScriptURL: (href: string) => {
        if (href !== script) throw new TypeError(`mi-widgets-worker: not the feed reader: ${href}`);
        return href;
      },
    });
    const trusted = early.policy ? early.policy.createScriptURL(script) : script;
    early.worker = new Worker(trusted, { type: 'module', name: 'mi-widgets feed reader' });
    early.worker.addEventListener('error', () => (early.failed = true), { once: true });
  } catch {
    early.failed = true; // refused outright: the client tries again, or reads on the main thread
  }
}

// --- Retries, then a message with Retry ----------------------------------------------------
// A chunk request that fails (a flaky mobile network, a CDN hiccup) is asked for again, after a
// pause; only when every attempt failed does each element of the tag show a short message with
// a Retry button, in its light DOM: the element is undefined and has no shadow root, and must
// not get one (Lit's upgrade attaches its own). A plain `import()` again is enough: the module
// map keeps no failed fetch (whatwg/html#10327; test/loader-retry.test.ts checks it in
// Chromium), for the widget's chunk and for any chunk it imports alike. A browser still on the
// older rule keeps the failure: its retries fail at once and the message shows; reloading the
// page then helps. (A query string on the widget's chunk would not: the chunks it imports keep
// their URLs.)

/** The pauses before the second and the third attempt: ~4 s in all before the message. */
const RETRY_DELAYS = [1000, 3000];

/**
 * The message, the button and the wait, in the interface's languages (lit-localize.json), as
 * the widgets say them: the loader cannot load @lit/localize (or anything).
 */
const TEXTS: Record<string, string[]> = {
  en: ['The information could not be loaded.', 'Retry', 'Loading…'],
  es: ['No se pudo cargar la información.', 'Reintentar', 'Cargando…'],
  fr: ['Les informations n’ont pas pu être chargées.', 'Réessayer', 'Chargement…'],
  pt: ['Não foi possível carregar as informações.', 'Tentar novamente', 'Carregando…'],
};
/** A table's own entry: a `lang` or tag such as `constructor` must not find Object's. */
const own = <T>(table: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;
/** What the loader puts in an element: removed once the tag is defined. */
const FALLBACK = 'data-mi-widgets-fallback';

const requested = new Map<string, Promise<void>>();
const preloaded = new Set<string>();
/** Tags whose code could not load at the last try: their elements show the message. */
const failed = new Set<string>();

/** The primary language (lower case) of an element's nearest `lang`, else of `fallback`. */
const langOf = (el: Element, fallback = '') =>
  (el.closest('[lang]')?.getAttribute('lang') || fallback).toLowerCase().split('-')[0];

/** Load a widget's code, trying again after each pause while it fails. */
function withRetries(load: () => Promise<unknown>, delays = RETRY_DELAYS): Promise<unknown> {
  return load().catch((error: unknown) => {
    if (!delays.length) throw error;
    return new Promise((resolve) => setTimeout(resolve, delays[0])).then(() =>
      withRetries(load, delays.slice(1)),
    );
  });
}

/**
 * Show the message in this element of a failed tag (its language as the widget's: the nearest
 * `lang`, else the browser's), or, `loading`, say that it is trying again. The same message
 * box throughout: a keyboard user's focus stays on its Retry button, disabled (`aria-disabled`,
 * so it keeps the focus) while the code loads. Elements of a tag another copy of the bundle
 * defined meanwhile are left alone.
 */
function showFallback(el: Element, loading = false): void {
  let box = el.querySelector(`:scope>[${FALLBACK}]`);
  if (customElements.get(el.localName) || (!box && loading)) return;
  const [message, retry, wait] = own(TEXTS, langOf(el, navigator.language)) ?? TEXTS.en;
  if (!box) {
    box = document.createElement('div');
    box.setAttribute(FALLBACK, '');
    const alert = document.createElement('p');
    alert.role = 'alert';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = retry;
    button.onclick = () => {
      if (button.ariaDisabled !== 'true') void loadWidgets(el.localName);
    };
    box.append(alert, button);
  }
  box.firstElementChild!.textContent = loading ? wait : message;
  box.lastElementChild!.ariaDisabled = String(loading);
  // Added with its text (announced whole); never moved, which would take the focus from it.
  if (!box.parentNode) el.append(box);
}

/**
 * Remove the messages from the elements of a tag now defined. Where the focus was in one, it
 * goes to the widget, made focusable by script for as long as it holds it, rather than to the
 * page's start.
 */
function removeFallbacks(tag: string): void {
  for (const box of document.querySelectorAll<HTMLElement>(`${tag}>[${FALLBACK}]`)) {
    const el = box.parentElement!;
    const focused = box.contains(document.activeElement);
    box.remove();
    if (!focused) continue;
    if (!el.hasAttribute('tabindex')) {
      el.setAttribute('tabindex', '-1');
      el.addEventListener('blur', () => el.removeAttribute('tabindex'), { once: true });
    }
    el.focus();
  }
}

/**
 * Load the code of these widgets now (for tags the loader cannot see, e.g. in a shadow root).
 * Settles once it has loaded, or once every attempt failed (said in the console); a tag that
 * failed is tried again.
 */
export function loadWidgets(...tags: string[]): Promise<void[]> {
  return Promise.all(
    tags.map((tag) => {
      const load = own(widgets, tag);
      // An unknown tag, or a browser the widgets do not support.
      if (!load || !supported) return Promise.reject(new Error(`[mi-widgets] No widget <${tag}>.`));
      let promise = requested.get(tag);
      // Not asked for yet, or asked for and failed: (once more) with its retries.
      if (!promise || failed.delete(tag)) {
        document.querySelectorAll(tag).forEach((el) => showFallback(el, true));
        promise = withRetries(load).then(
          () => removeFallbacks(tag),
          (error: unknown) => {
            failed.add(tag);
            console.error(
              `[mi-widgets] Could not load <${tag}> (${RETRY_DELAYS.length + 1} attempts).`,
              error,
            );
            document.querySelectorAll(tag).forEach((el) => showFallback(el));
            void customElements.whenDefined(tag).then(() => removeFallbacks(tag));
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
  const lang = langOf(el);
  const translation = own(preloads.locales, lang);
  if (translation) modulePreload(translation);
  const feed = feedOf(el);
  // In a task of its own: a page's first fetch() costs ~40 ms of a 4× throttled CPU.
  if (feed) setTimeout(() => fetchEarly(feed));
  startReader(preloads.reader);
}

function scan(root: ParentNode): void {
  const elements = [
    ...(root instanceof Element && TAGS.includes(root.localName) ? [root] : []),
    ...root.querySelectorAll(TAGS.join(',')),
  ];
  if (!supported) return elements.forEach((el) => el.setAttribute('state', 'unsupported'));
  elements.forEach(prepare);
  for (const el of elements) if (failed.has(el.localName)) showFallback(el);
  const found = TAGS.filter(
    (tag) =>
      !requested.has(tag) &&
      !customElements.get(tag) &&
      elements.some((el) => el.localName === tag),
  );
  if (found.length) void loadWidgets(...found);
}

/** Watch the page for the widgets' tags, and start what those on it now need. */
function start(): void {
  const observer = new MutationObserver((records) => {
    for (const record of records)
      record.addedNodes.forEach((node) => node instanceof Element && scan(node));
    // Until every tag is defined: an element of a tag that failed gets the message.
    if (supported && TAGS.every((tag) => customElements.get(tag))) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
  if (supported && !noPreload()) adoptPreloads();
  scan(document);
}

// In a task of its own: the browser runs this module at the end of the page's parsing, in the
// task that also lays the page out, and the two together made a long task on a phone (139 ms
// at 4× CPU, 44 ms of it the loader's).
if (typeof window !== 'undefined') setTimeout(start);
