#!/usr/bin/env node
// npm run bench — what the widgets cost a partner's page, measured in headless Chromium on
// local files only (served from 127.0.0.1 as a CDN serves them: gzipped, over HTTP/2, hashed
// files cacheable for good; every load in a fresh browser context, so with an empty cache).
// Every page is a partner's
// article on a phone: 412×823 viewport at 2.625 device pixels per CSS pixel, touch, a mobile
// user agent, lang="es", several screens of text below the widgets, the widgets embedded as the
// README shows (one script tag; the feed in <meta name="mi-widgets:feed"> or `src`). "4× CPU"
// is Chromium's CPU throttling at a 4× slowdown, as Lighthouse emulates a mid-range Android phone.
//
// 1. gzip: bytes of each chunk of dist/ after gzip -9.
// 2. Each widget alone, and all four on one page, at 4× CPU on Lighthouse's mobile network
//    (150 ms RTT, 1.6 Mbit/s, as DevTools throttling applies it), median of CLS_LOADS loads in
//    fresh browser contexts:
//    - CLS: the sum of the page's layout-shift entries without recent input, from navigation
//      start until SETTLE_MS after every widget settled; and the largest single shift;
//    - long tasks (main-thread tasks over 50 ms, from a PerformanceObserver registered inline
//      at the top of <head>, before the bundle loads): count, total blocking time
//      (Σ duration − 50 ms, over the whole load) and the longest;
//    - when the widget's `state` attribute became `ready` (ms since navigation start).
// 3. Slow 3G (DevTools' preset: 2,000 ms latency per request, 400 kbit/s down and up), 4× CPU:
//    a news-feed-only page, navigation start → <mi-news-feed state="ready">, for each variant
//    of the snippet in LOADER_VARIANTS (the README's, the configurator's fast start, no
//    preloads), in the same run.
// 4. <mi-news-feed> showing 100 items, the most `limit` takes (creating the element → the frame that shows them
//    painted, 4× CPU) and <mi-hub-locator> with 10,000 hubs (keystroke → next frame, median and
//    p95 of the search typed one key at a time KEY_ROUNDS times, at 4× CPU and again without
//    throttling; see bench/keystrokes.js), each beside a plain hand-written DOM page doing the
//    same work — for the hubs the same card content (bench/plain-hubs.js): the ratio is the
//    figure that survives a noisy machine.
// 5. The JS heap still in use after a forced garbage collection, on the 10,000-hub pages after typing
//    (the page's and its workers': the widget's hubs are kept in the feed reader's worker).
// 6. 10,000 hubs at 4× CPU (network not throttled: this is the CPU's share): navigation start
//    → list shown, and the longest task and total blocking time of that load.
// 7. 50,000 hubs split per country by `mi-feed split` (bench/split.js): a country page beside a
//    1,000-hub feed holding the same hubs inline, and the unsplit feed; a news-only page on the
//    split feed fetches no hubs; with the README's snippet and with the fast start. 4× CPU,
//    mobile network.
//
// Progress goes to stderr (with per-load details: each layout shift and what moved, the
// scripts of the long animation frames); the table, ready to paste into the README, to stdout.
// 8. Lighthouse 12.2.3's performance score of the section-2 pages and of the same article
//    without widgets (bench/lighthouse.js; its CLS part from section 2).
//
// BENCH_ONLY=sizes,cls,slow3g,news,hubs,split,lighthouse runs only some sections (for work on
// this script; lighthouse needs cls).
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  LIGHTHOUSE_MOBILE_NETWORK,
  MOBILE_VIEWPORT,
  PHONE_CPU,
  SLOW_3G,
  collectGarbage,
  heapAfterGc,
  launchBrowser,
  openPage,
  setCpu,
} from './bench/browser.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { manyHubs, manyItems } from './bench/data.js';
import { installKeystrokeTimer, shownList, typeTimed } from './bench/keystrokes.js';
import {
  WIDGET_TAGS,
  fastStartHead,
  feedMeta,
  loaderTag,
  partnerPage,
  reserveStyle,
} from './bench/pages.js';
import { kb, markdownTable, mb, median, ms, p95, ratio, row } from './bench/report.js';
import { serveBench, snapshot } from './bench/server.js';
import { lighthouseSection } from './bench/lighthouse.js';
import { splitRoutes, splitRows, splitSection } from './bench/split.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HUBS = 10_000;
/** The most items `limit` shows (NEWS_LIMIT in src/shared/numbers.ts); the feed has as many. */
const NEWS_ITEMS = 100;
const QUERY = 'san pedro';
const CLS_LOADS = 3;
const SLOW_3G_LOADS = 3;
const NEWS_ROUNDS = 5;
const LIGHTHOUSE_RUNS = 5;
const KEY_ROUNDS = 5;
/** How long to keep observing after every widget settled: late shifts and tasks count too. */
const SETTLE_MS = 1000;
const DEMO_FEED = '/demo/feed.json';

const WIDGETS = {
  'mi-campaign-banner': {
    label: 'campaign banner',
    html: '<mi-campaign-banner layout="bar" country="GT"></mi-campaign-banner>',
  },
  'mi-news-feed': { label: 'news feed', html: '<mi-news-feed></mi-news-feed>' },
  'mi-quiz': { label: 'quiz', html: '<mi-quiz></mi-quiz>' },
  'mi-hub-locator': { label: 'hub locator', html: '<mi-hub-locator></mi-hub-locator>' },
};

/** The pages of section 2: each widget alone, then all four, on the demo feed. */
const CLS_PAGES = [
  ...WIDGET_TAGS.map((tag) => ({ name: `${WIDGETS[tag].label} alone`, tags: [tag] })),
  { name: 'all four', tags: WIDGET_TAGS },
  // The snippet without its reserve rules, as before issue 12: what they are worth.
  { name: 'all four, no reserve', tags: WIDGET_TAGS, reserve: false },
].map((page, i) => ({ reserve: true, ...page, path: `/cls-${i}.html` }));

/**
 * Section 3's variants of the loader's script tag. A variant with `needs` is measured only when
 * the built loader contains that text (it knows the attribute); else its row says n/a.
 * Another variant is one more line here.
 */
const LOADER_VARIANTS = [
  { name: 'README snippet', attributes: '' },
  // The configurator's fast-start lines above the same script tag (src/embed/config.ts).
  { name: 'fast-start snippet', attributes: '', fastStart: true },
  { name: 'no-preload', attributes: ' data-no-preload', needs: 'data-no-preload' },
];

const started = Date.now();
const log = (message) => {
  const s = Math.round((Date.now() - started) / 1000);
  process.stderr.write(
    `[bench ${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}] ${message}\n`,
  );
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const sum = (values) => values.reduce((a, b) => a + b, 0);
const max = (values) => (values.length ? Math.max(...values) : 0);

// --- Pages and server ---------------------------------------------------------------------

/** A page as Lighthouse loads it: without the bench's recorder. */
const lighthousePath = (path) => path.replace(/^\//, '/lh-');

function routes() {
  const page = (body) => ({ type: 'text/html; charset=utf-8', body });
  const json = (value) => ({ type: 'application/json', body: JSON.stringify(value) });
  // The README's snippet holds each widget's box before the script loads: the same rules as
  // dist/mi-widgets.css, inline in the page's head.
  const reserve = reserveStyle(readFileSync(join(ROOT, 'dist/mi-widgets.css'), 'utf8'));
  const widgetsPage = (tags, withReserve, observed = true) =>
    partnerPage({
      head: `${withReserve ? reserve : ''}\n${feedMeta(DEMO_FEED)}\n${loaderTag()}`,
      widgets: tags.map((tag) => WIDGETS[tag].html).join('\n'),
      observed,
    });
  return {
    ...Object.fromEntries(CLS_PAGES.map((p) => [p.path, page(widgetsPage(p.tags, p.reserve))])),
    // The same pages for Lighthouse, without the bench's recorder.
    ...Object.fromEntries(
      CLS_PAGES.map((p) => [lighthousePath(p.path), page(widgetsPage(p.tags, p.reserve, false))]),
    ),
    ...Object.fromEntries(
      LOADER_VARIANTS.map((v, i) => [
        `/slow3g-${i}.html`,
        page(
          partnerPage({
            head: [
              reserve,
              ...(v.fastStart ? [fastStartHead({ widget: 'news-feed', src: DEMO_FEED })] : []),
              loaderTag(v.attributes),
            ].join('\n'),
            widgets: `<mi-news-feed src="${DEMO_FEED}"></mi-news-feed>`,
          }),
        ),
      ]),
    ),
    // The same article without widgets: what Lighthouse scores before the snippet.
    [lighthousePath('/plain.html')]: page(partnerPage({ observed: false })),
    '/news.html': page(
      partnerPage({ head: loaderTag(), widgets: '<div id="widget"></div><ul id="plain"></ul>' }),
    ),
    '/hubs.html': page(
      partnerPage({
        head: loaderTag(),
        widgets: '<mi-hub-locator src="/bench/hubs.json"></mi-hub-locator>',
      }),
    ),
    '/hubs-plain.html': page(
      partnerPage({
        head: '<script type="module" src="/scripts/bench/plain-hubs.js"></script>',
        widgets: '<plain-hubs src="/bench/hubs.json"></plain-hubs>',
      }),
    ),
    '/hubs-demo.html': page(
      partnerPage({
        head: loaderTag(),
        widgets: `<mi-hub-locator src="${DEMO_FEED}"></mi-hub-locator>`,
      }),
    ),
    '/bench/hubs.json': json(manyHubs(HUBS)),
    '/bench/news.json': json(manyItems(NEWS_ITEMS)),
    '/favicon.ico': { type: 'image/x-icon', body: '' },
  };
}

// --- What a load recorded (window.__bench, see bench/pages.js) ------------------------------

/** When each tag's `state` first became ready (or empty/error), in ms since navigation start. */
function settledAt(bench) {
  const at = {};
  for (const { tag, state, time } of bench.states)
    if (['ready', 'empty', 'error'].includes(state) && !(tag in at)) at[tag] = { state, time };
  return at;
}

/** CLS, largest shift and long tasks of a load, up to `until` ms (all of it by default). */
function loadFigures(bench, until = Infinity) {
  const tasks = bench.longTasks.filter((t) => t.start <= until).map((t) => t.duration);
  const shifts = bench.shifts.filter((s) => s.time <= until).map((s) => s.value);
  return {
    cls: sum(shifts),
    largestShift: max(shifts),
    longTasks: tasks.length,
    tbt: sum(tasks.map((d) => Math.max(0, d - 50))),
    longest: max(tasks),
  };
}

/** A load's details for the progress log: each shift and what moved, the longest frames' scripts. */
function describeLoad(bench) {
  const lines = [];
  const defined = Object.entries(bench.defined).map(([t, time]) => `${t} ${time.toFixed(0)}`);
  const settled = Object.entries(settledAt(bench)).map(
    ([t, { state, time }]) => `${t} ${state} ${time.toFixed(0)}`,
  );
  lines.push(`defined at: ${defined.join(', ') || '—'}; settled at: ${settled.join(', ') || '—'}`);
  for (const s of bench.shifts) {
    const moved = s.sources
      .map((x) => `${x.node} y ${x.from} → ${x.to ?? 'out of view'}`)
      .join('; ');
    lines.push(`shift ${s.value.toFixed(4)} at ${s.time.toFixed(0)} ms: ${moved}`);
  }
  for (const t of bench.longTasks)
    lines.push(`long task ${t.duration.toFixed(0)} ms at ${t.start.toFixed(0)} ms`);
  const frames = [...bench.frames].sort((a, b) => b.duration - a.duration).slice(0, 3);
  for (const f of frames) {
    const scripts = [...f.scripts]
      .sort((a, b) => b.duration - a.duration)
      .slice(0, 3)
      .map((s) => `${s.invoker} [${s.source}] ${s.duration.toFixed(0)} ms`)
      .join('; ');
    lines.push(`long frame ${f.duration.toFixed(0)} ms at ${f.start.toFixed(0)} ms: ${scripts}`);
  }
  return lines.map((l) => `    ${l}`).join('\n');
}

// --- 1. Sizes -----------------------------------------------------------------------------

function chunkSizes(dist) {
  return Object.entries(dist)
    .filter(([file]) => file.endsWith('.js'))
    .map(([file, bytes]) => ({ file, bytes: gzipSync(bytes, { level: 9 }).length }))
    .sort((a, b) => a.bytes - b.bytes);
}

// --- 2. Layout shift and long tasks, each widget and all four -------------------------------

/**
 * Load a page of widgets at 4× CPU on Lighthouse's mobile network; wait until every widget
 * settled, then SETTLE_MS. (Without network throttling, whether the article is painted before
 * the widgets' code arrives is a race on this machine, and CLS flips between loads — from 0 to
 * 0.47 for the news feed alone. On any real network the article is painted first.)
 */
async function loadWidgetsPage(browser, base, page) {
  const { page: tab, close } = await openPage(browser, {
    cpu: PHONE_CPU,
    network: LIGHTHOUSE_MOBILE_NETWORK,
  });
  try {
    await tab.goto(base + page.path, { waitUntil: 'domcontentloaded' });
    await tab.waitForFunction(
      (tags) =>
        tags.every((tag) =>
          ['ready', 'empty', 'error'].includes(document.querySelector(tag)?.getAttribute('state')),
        ),
      { polling: 100, timeout: 60_000 },
      page.tags,
    );
    await sleep(SETTLE_MS);
    return await tab.evaluate(() => window.__bench);
  } finally {
    await close();
  }
}

async function layoutShifts(browser, base) {
  const results = [];
  for (const page of CLS_PAGES) {
    const loads = [];
    for (let i = 0; i < CLS_LOADS; i++) {
      const bench = await loadWidgetsPage(browser, base, page);
      const at = settledAt(bench);
      const times = page.tags.map((tag) => at[tag]?.time ?? NaN);
      const states = page.tags.map((tag) => at[tag]?.state);
      if (states.some((s) => s !== 'ready'))
        log(`  warning: ${page.name}: widgets settled as ${states.join(', ')}`);
      const figures = {
        ...loadFigures(bench),
        firstReady: Math.min(...times),
        allReady: max(times),
      };
      log(
        `${page.name}, load ${i + 1}: CLS ${figures.cls.toFixed(3)}, ${figures.longTasks} long tasks\n${describeLoad(bench)}`,
      );
      loads.push(figures);
    }
    const mid = (key) => median(loads.map((l) => l[key]));
    results.push({
      name: page.name,
      tags: page.tags,
      path: page.path,
      reserve: page.reserve,
      ...Object.fromEntries(Object.keys(loads[0]).map((key) => [key, mid(key)])),
    });
  }
  return results;
}

// --- 3. Slow 3G -----------------------------------------------------------------------------

/** One slow-3G load of the news-feed page: navigation → ready, and the request waterfall. */
async function slow3gLoad(browser, url) {
  const { page, close } = await openPage(browser, {
    cpu: PHONE_CPU,
    network: SLOW_3G,
  });
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.waitForFunction(
      () =>
        ['ready', 'empty', 'error'].includes(
          document.querySelector('mi-news-feed').getAttribute('state'),
        ),
      { polling: 100, timeout: 120_000 },
    );
    return await page.evaluate(() => ({
      bench: window.__bench,
      waterfall: performance.getEntriesByType('resource').map((e) => ({
        name: e.name.replace(location.origin, ''),
        start: e.startTime,
        end: e.responseEnd,
        bytes: e.transferSize,
      })),
    }));
  } finally {
    await close();
  }
}

async function slow3g(browser, base, loader) {
  const results = [];
  for (const [i, variant] of LOADER_VARIANTS.entries()) {
    if (variant.needs && !loader.includes(variant.needs)) {
      log(`slow 3G, ${variant.name}: the built loader has no "${variant.needs}": not measured`);
      results.push({ ...variant, measured: false });
      continue;
    }
    const loads = [];
    for (let n = 0; n < SLOW_3G_LOADS; n++) {
      const { bench, waterfall } = await slow3gLoad(browser, `${base}/slow3g-${i}.html`);
      const settled = settledAt(bench)['mi-news-feed'];
      const feed = waterfall.find((r) => r.name.startsWith(DEMO_FEED));
      log(
        `slow 3G, ${variant.name}, load ${n + 1}: ${settled.state} at ${settled.time.toFixed(0)} ms\n` +
          waterfall
            .map(
              (r) =>
                `    ${r.start.toFixed(0).padStart(6)} → ${r.end.toFixed(0).padStart(6)} ms  ${r.bytes} B  ${r.name}`,
            )
            .join('\n'),
      );
      if (settled.state !== 'ready')
        throw new Error(`slow 3G: the news feed settled as ${settled.state}`);
      loads.push({
        ready: settled.time,
        feedStart: feed?.start ?? NaN,
        // The page itself, and every request but the browser's own favicon one.
        requests: 1 + waterfall.filter((r) => r.name !== '/favicon.ico').length,
      });
    }
    results.push({
      ...variant,
      measured: true,
      ready: median(loads.map((l) => l.ready)),
      feedStart: median(loads.map((l) => l.feedStart)),
      requests: median(loads.map((l) => l.requests)),
    });
  }
  return results;
}

// --- 4. 100 news items -------------------------------------------------------------------------

/**
 * In the page: one round of each version, from the start of the work to the frame that shows
 * the 100 items painted (requestAnimationFrame, then a MessageChannel message after paint).
 */
function installNewsRounds() {
  const afterNextPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = resolve;
        channel.port2.postMessage(null);
      }),
    );
  const widgetBox = document.getElementById('widget');
  const plainList = document.getElementById('plain');
  window.__news = {
    /** <mi-news-feed limit=count>: create the element (a new feed URL each round) → painted. */
    async widget(round, count) {
      const t = performance.now();
      const el = document.createElement('mi-news-feed');
      el.setAttribute('limit', String(count));
      el.setAttribute('src', `/bench/news.json?round=${round}`);
      widgetBox.replaceChildren(el);
      await customElements.whenDefined('mi-news-feed');
      while (el.getAttribute('state') !== 'ready') await new Promise((r) => setTimeout(r, 0));
      await el.updateComplete;
      await afterNextPaint();
      const time = performance.now() - t;
      if (el.shadowRoot.querySelectorAll('[part="item"]').length !== count)
        throw new Error(`not ${count} items`);
      widgetBox.replaceChildren();
      return time;
    },
    /** Plain DOM: fetch, parse and build the same items (heading link, date, summary) → painted. */
    async plain(round) {
      const t = performance.now();
      const feed = await (await fetch(`/bench/news.json?round=${round}&plain`)).json();
      const format = new Intl.DateTimeFormat('es', { dateStyle: 'long' });
      plainList.replaceChildren(
        ...feed.items.map((item) => {
          const li = document.createElement('li');
          li.lang = feed.language;
          const h = document.createElement('div');
          h.setAttribute('role', 'heading');
          h.setAttribute('aria-level', '3');
          const a = document.createElement('a');
          a.href = item.url;
          a.textContent = item.title;
          h.append(a);
          const time = document.createElement('time');
          time.dateTime = item.date_published;
          time.textContent = format.format(new Date(item.date_published));
          const p = document.createElement('p');
          p.textContent = item.summary;
          li.append(h, time, p);
          return li;
        }),
      );
      await afterNextPaint();
      const time = performance.now() - t;
      plainList.replaceChildren();
      return time;
    },
  };
}

/**
 * <mi-news-feed> with 100 items on screen, and plain DOM building the same, at 4× CPU,
 * alternating, NEWS_ROUNDS rounds each; a forced GC before each round, so that no round pays
 * for collecting the 100 items the one before removed.
 */
async function thousandItems(browser, base) {
  const { page, cdp, close } = await openPage(browser, { cpu: PHONE_CPU });
  try {
    await page.goto(`${base}/news.html`, { waitUntil: 'domcontentloaded' });
    await page.evaluate(installNewsRounds);
    const widget = [];
    const plain = [];
    for (let round = 0; round < NEWS_ROUNDS; round++) {
      await collectGarbage(cdp);
      widget.push(await page.evaluate((r, n) => window.__news.widget(r, n), round, NEWS_ITEMS));
      await collectGarbage(cdp);
      plain.push(await page.evaluate((r) => window.__news.plain(r), round));
    }
    return { widget, plain };
  } finally {
    await close();
  }
}

// --- 4–6. 10,000 hubs -------------------------------------------------------------------------

/**
 * One 10,000-hub page (the widget's, or the plain baseline's) at 4× CPU: navigation → list
 * shown and the long tasks of that load; then the search typed KEY_ROUNDS times at 4× CPU and
 * again without throttling; then the heap after a forced GC.
 */
async function hubPage(browser, url, { tag, widget }) {
  const { page, cdp, close } = await openPage(browser, { cpu: PHONE_CPU });
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(
      (tag) => document.querySelector(tag)?.getAttribute('state') === 'ready',
      { polling: 100, timeout: 120_000 },
      tag,
    );
    await sleep(SETTLE_MS);
    const bench = await page.evaluate(() => window.__bench);
    const shown = settledAt(bench)[tag].time;
    const load = { shown, ...loadFigures(bench, shown) };
    log(`${tag}: list shown at ${shown.toFixed(0)} ms\n${describeLoad(bench)}`);

    await installKeystrokeTimer(page, widget ? tag : '');
    const keys4x = await typeTimed(page, { query: QUERY, rounds: KEY_ROUNDS });
    log(`${tag}: keystrokes at ${PHONE_CPU}× CPU: ${keys4x.map((t) => t.toFixed(0)).join(' ')}`);
    await setCpu(page, 1);
    const keys1x = await typeTimed(page, { query: QUERY, rounds: KEY_ROUNDS });
    log(`${tag}: keystrokes without throttling: ${keys1x.map((t) => t.toFixed(0)).join(' ')}`);
    const list = await shownList(page);
    const heap = await heapAfterGc(cdp, page); // with the reader's worker, which keeps the hubs
    return { load, keys4x, keys1x, list, heap };
  } finally {
    await close();
  }
}

/** The phone: where the fifth hub of the demo feed ends, below the locator's top (map off). */
const SMALL_PHONE = {
  width: 360,
  height: 740,
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

async function firstFive(browser, base) {
  const { page, close } = await openPage(browser);
  try {
    await page.setViewport(SMALL_PHONE);
    await page.goto(`${base}/hubs-demo.html`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(
      () => document.querySelector('mi-hub-locator')?.getAttribute('state') === 'ready',
      { polling: 100, timeout: 60_000 },
    );
    await sleep(SETTLE_MS);
    const bottom = await page.evaluate(() => {
      const el = document.querySelector('mi-hub-locator');
      const fifth = el.shadowRoot.querySelectorAll('[part="hub"]')[4];
      return fifth.getBoundingClientRect().bottom - el.getBoundingClientRect().top;
    });
    log(
      `demo feed at ${SMALL_PHONE.width}×${SMALL_PHONE.height}: the fifth hub ends ${bottom.toFixed(0)} px below the locator's top`,
    );
    return { bottom, screen: SMALL_PHONE.height };
  } finally {
    await close();
  }
}

async function hubs(browser, base) {
  const five = await firstFive(browser, base);
  const widget = await hubPage(browser, `${base}/hubs.html`, {
    tag: 'mi-hub-locator',
    widget: true,
  });
  const plain = await hubPage(browser, `${base}/hubs-plain.html`, { tag: 'plain-hubs' });
  log(`first card, widget: ${widget.list.first}\n  first card, plain:  ${plain.list.first}`);
  if (!widget.list.first || widget.list.count !== plain.list.count)
    throw new Error(`the two versions disagree: ${widget.list.count} / ${plain.list.count}`);
  if (widget.list.first !== plain.list.first)
    log(
      `  warning: first cards differ:\n    widget: ${widget.list.first}\n    plain:  ${plain.list.first}`,
    );
  return { widget, plain, five };
}

// --- The table --------------------------------------------------------------------------------

function tableRows({ sizes, cls, slow, news, hub, lighthouse }) {
  const rows = [];
  for (const { file, bytes } of sizes ?? []) rows.push(row(`gzip: ${file}`, kb(bytes)));

  const cpu = `${PHONE_CPU}× CPU`;
  const phone = `${cpu}, mobile network`;
  for (const r of cls ?? []) {
    rows.push(
      row(
        `${r.name}: CLS (largest single shift), ${phone}`,
        `${r.cls.toFixed(3)} (${r.largestShift.toFixed(3)})`,
      ),
      row(
        `${r.name}: long tasks · total blocking time · longest, ${phone}`,
        `${r.longTasks} · ${ms(r.tbt)} · ${ms(r.longest)}`,
      ),
      r.tags.length === 1
        ? row(`${r.name}: navigation → state="ready", ${phone}`, ms(r.allReady))
        : row(
            `${r.name}: navigation → first · last state="ready", ${phone}`,
            `${ms(r.firstReady)} · ${ms(r.allReady)}`,
          ),
    );
  }

  for (const v of slow ?? []) {
    const label = `slow 3G, ${cpu}, news feed only, ${v.name}`;
    if (!v.measured) {
      rows.push(row(`${label}: navigation → state="ready"`, 'n/a until the loader preloads'));
      continue;
    }
    rows.push(
      row(`${label}: navigation → state="ready"`, ms(v.ready)),
      row(
        `${label}: feed request starts · requests, page included`,
        `${ms(v.feedStart)} · ${v.requests}`,
      ),
    );
  }

  const none = lighthouse?.find((r) => r.path === lighthousePath('/plain.html'));
  const points = (d) => `${d < 0 ? '−' : d > 0 ? '+' : ''}${Math.abs(d)} points`;
  for (const r of lighthouse ?? []) {
    rows.push(
      row(
        `Lighthouse 12.2.3 mobile, ${r.name}: performance score (its CLS part from the bench's CLS) · total blocking time · LCP (median of ${LIGHTHOUSE_RUNS})`,
        `${r.score.toFixed(0)} · ${ms(r.tbt)} · ${ms(r.lcp)}`,
        '',
        r === none ? '' : points(Math.round(r.score) - Math.round(none.score)),
      ),
    );
  }

  if (news) {
    const [w, p] = [median(news.widget), median(news.plain)];
    rows.push(
      row(
        `news feed: 100 items, start → painted, ${cpu} (median of ${NEWS_ROUNDS})`,
        ms(w),
        ms(p),
        ratio(w, p),
      ),
    );
  }

  if (hub) {
    const { widget: w, plain: p } = hub;
    const hubs = `hub locator, ${HUBS.toLocaleString('en')} hubs`;
    const keys = w.keys4x.length;
    const both = (label, of, format = ms) =>
      row(`${hubs}: ${label}`, format(of(w)), format(of(p)), ratio(of(w), of(p)));
    rows.push(
      both(`navigation → list shown, ${cpu}`, (x) => x.load.shown),
      both(`longest task of that load, ${cpu}`, (x) => x.load.longest),
      both(`total blocking time of that load, ${cpu}`, (x) => x.load.tbt),
      both(
        `keystroke → next frame, median, ${cpu} (${keys} keys)`,
        (x) => median(x.keys4x),
        (v) => ms(v, 1),
      ),
      both(
        `keystroke → next frame, p95, ${cpu}`,
        (x) => p95(x.keys4x),
        (v) => ms(v, 1),
      ),
      both(
        `keystroke → next frame, median, no throttling (${keys} keys)`,
        (x) => median(x.keys1x),
        (v) => ms(v, 1),
      ),
      both(
        'keystroke → next frame, p95, no throttling',
        (x) => p95(x.keys1x),
        (v) => ms(v, 1),
      ),
      both('JS heap (page and workers) after forced GC, after typing', (x) => x.heap, mb),
      row(
        `hub locator, demo feed, ${SMALL_PHONE.width}×${SMALL_PHONE.height}, map off: the fifth hub's bottom below the locator's top`,
        `${Math.round(hub.five.bottom).toLocaleString('en')} px (${(hub.five.bottom / hub.five.screen).toFixed(2)} screens)`,
      ),
    );
  }
  return rows;
}

/** The line above the table: when, on what, under which emulations, how many loads, how long. */
function headerLine(version) {
  const seconds = Math.round((Date.now() - started) / 1000);
  const rate = (bytesPerSecond) => `${Math.round(bytesPerSecond).toLocaleString('en')} B/s`;
  const net = LIGHTHOUSE_MOBILE_NETWORK;
  return [
    `npm run bench, ${new Date().toISOString().slice(0, 10)}`,
    `${availableParallelism()} CPUs (nproc), ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`,
    `Chromium ${version.split('/')[1]} headless`,
    `${MOBILE_VIEWPORT.width}×${MOBILE_VIEWPORT.height} viewport at DPR ${MOBILE_VIEWPORT.deviceScaleFactor}, touch, mobile user agent, lang="es", article text below the widgets`,
    `${PHONE_CPU}× CPU = Chromium's CPU throttling`,
    `mobile network = Lighthouse's (${net.latency} ms latency, ${rate(net.downloadThroughput)} down, ${rate(net.uploadThroughput)} up)`,
    `slow 3G = DevTools' (${SLOW_3G.latency.toLocaleString('en')} ms latency, ${rate(SLOW_3G.downloadThroughput)} = ${(SLOW_3G.downloadThroughput * 8) / 1000} kbit/s down and up)`,
    'HTTP/2 from 127.0.0.1, each load in a fresh browser context (empty cache)',
    `medians of ${CLS_LOADS} loads per CLS page and of ${SLOW_3G_LOADS} slow-3G loads per variant`,
    `run time ${Math.floor(seconds / 60)} min ${seconds % 60} s after the build`,
  ].join(' · ');
}

// --- Main ---------------------------------------------------------------------------------------

async function main() {
  const only = process.env.BENCH_ONLY?.split(',');
  const run = (section) => !only || only.includes(section);
  const dist = await snapshot(`${ROOT}dist`);
  // The CLI split of 50,000 hubs (a few seconds) runs only when its section does.
  const server = await serveBench(ROOT, dist, {
    ...routes(),
    ...(run('split') ? splitRoutes({ log }) : {}),
  });
  const base = `https://127.0.0.1:${server.address().port}`;
  const browser = await launchBrowser(server);
  const results = {};
  try {
    const version = await browser.version();
    log(`${version}, ${availableParallelism()} CPUs; pages at ${base}`);
    if (run('sizes')) results.sizes = chunkSizes(dist);
    if (run('cls')) results.cls = await layoutShifts(browser, base);
    if (run('slow3g')) results.slow = await slow3g(browser, base, dist['mi-widgets.js'].toString());
    if (run('news')) {
      log('news feed, 100 items');
      results.news = await thousandItems(browser, base);
      log(
        `  widget ${results.news.widget.map((t) => t.toFixed(0)).join(' ')}; plain ${results.news.plain.map((t) => t.toFixed(0)).join(' ')}`,
      );
    }
    if (run('hubs')) results.hub = await hubs(browser, base);
    if (run('split')) results.split = await splitSection(browser, base, { log });
    if (run('lighthouse')) {
      if (!results.cls) throw new Error('the lighthouse section needs the cls section (its CLS)');
      results.lighthouse = await lighthouseSection(
        base,
        [
          { name: 'no widgets', path: lighthousePath('/plain.html'), cls: 0 },
          ...results.cls
            .filter((r) => r.reserve)
            .map(({ name, path, cls }) => ({ name, path: lighthousePath(path), cls })),
        ],
        { spki: server.spki, runs: LIGHTHOUSE_RUNS, log },
      );
    }

    console.log(`\n${headerLine(version)}\n`);
    console.log(markdownTable([...tableRows(results), ...splitRows(results.split)]));
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
