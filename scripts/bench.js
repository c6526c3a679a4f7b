#!/usr/bin/env node
// npm run bench — what the widgets cost a partner's page, measured in headless Chromium on
// local files only (no network). Every figure that is a time stands beside a plain,
// hand-written DOM version doing the same work in the same run: the ratio is the figure that
// means something, since these machines are noisy.
//
// 1. gzipped bytes of each chunk of the CDN build;
// 2. a page with all four widgets: feed requests, time to the first widget, cumulative layout shift;
// 3. <mi-news-feed> rendering 1,000 items, beside plain DOM building the same 1,000 items;
// 4. <mi-hub-locator> with 10,000 hubs, typing a search one key at a time, beside plain DOM;
// and the JS heap after all that.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { chromeLaunchOptions } from './chrome.js';
import { serveStatic } from './static-server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HUBS = 10_000;
const QUERY = 'san pedro';
const ROUNDS = 7;

/** A deterministic feed of many hubs spread over the region. */
function manyHubs(count) {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const places = [
    'San Pedro Sula',
    'Petén',
    'Tapachula',
    'San José',
    'Santa Ana',
    'Quetzaltenango',
    'Tijuana',
    'Santo Domingo',
    'Cobán',
    'La Ceiba',
  ];
  const countries = ['HN', 'GT', 'MX', 'CR', 'SV', 'GT', 'MX', 'DO', 'GT', 'HN'];
  const services = ['information', 'legal', 'psychosocial', 'health', 'shelter', 'documentation'];
  return {
    type: 'FeatureCollection',
    features: Array.from({ length: count }, (_, i) => {
      const p = i % places.length;
      return {
        type: 'Feature',
        id: `hub-${i}`,
        geometry: { type: 'Point', coordinates: [-118 + random() * 50, 8 + random() * 25] },
        properties: {
          name: `Hub ${i} ${places[p]}`,
          organization: `Organization ${i % 97}`,
          locality: places[p],
          country: countries[p],
          services: services.filter(() => random() < 0.4),
          timezone: 'America/Guatemala',
          opening_hours: [
            { days: ['mo', 'tu', 'we', 'th', 'fr'], opens: '08:00', closes: '16:00' },
          ],
        },
      };
    }),
  };
}

const HUB_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="module" src="/dist/mi-widgets.js"></script></head>
<body><mi-hub-locator src="/bench/hubs.json"></mi-hub-locator>
<div id="plain"><input id="q"><p id="count"></p><ul id="list"></ul></div></body></html>`;

/** A partner page with all four widgets on one feed, the layout shift observed from the start. */
const ALL_PAGE = `<!doctype html><html lang="es"><head><meta charset="utf-8">
<meta name="mi-widgets:feed" content="/demo/feed.json">
<script src="/bench/observe.js"></script>
<script type="module" src="/dist/mi-widgets.js"></script></head>
<body><h1>Partner page</h1><mi-campaign-banner layout="bar" country="GT"></mi-campaign-banner>
<p>Text of the partner's page.</p><mi-news-feed></mi-news-feed><mi-quiz></mi-quiz>
<mi-hub-locator></mi-hub-locator><p>More of the partner's page.</p></body></html>`;

const OBSERVE = `window.__cls = 0; window.__firstReady = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
  .observe({ type: 'layout-shift', buffered: true });
new MutationObserver(() => { if (!window.__firstReady && document.querySelector('[state="ready"]')) window.__firstReady = performance.now(); })
  .observe(document, { subtree: true, attributes: true, attributeFilter: ['state'] });`;

const NEWS_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="module" src="/dist/mi-widgets.js"></script></head><body><div id="widget"></div><ul id="plain"></ul></body></html>`;

/** A JSON Feed of many news items. */
function manyItems(count) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Bench',
    language: 'en',
    items: Array.from({ length: count }, (_, i) => ({
      id: `item-${i}`,
      url: `https://example.org/news/${i}`,
      title: `News item ${i}: information hubs open in more municipalities`,
      summary: `Summary of item ${i}. Reliable information, guidance on procedures and referrals.`,
      content_text: `Full text of item ${i}.`,
      date_published: new Date(Date.UTC(2022, 0, 1) + i * 86_400_000).toISOString(),
    })),
  };
}

function serve(hubs, news) {
  return serveStatic(ROOT, {
    '/': { type: 'text/html', body: HUB_PAGE },
    '/all.html': { type: 'text/html', body: ALL_PAGE },
    '/news.html': { type: 'text/html', body: NEWS_PAGE },
    '/bench/observe.js': { type: 'text/javascript', body: OBSERVE },
    '/bench/hubs.json': { type: 'application/json', body: hubs },
    '/bench/news.json': { type: 'application/json', body: news },
    '/favicon.ico': { type: 'image/x-icon', body: '' },
  });
}

/** Gzipped size of each file of the CDN build. */
function chunkSizes() {
  const dist = join(ROOT, 'dist');
  const files = (dir) =>
    readdirSync(join(dist, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? files(join(dir, e.name))
        : e.name.endsWith('.js')
          ? [join(dir, e.name)]
          : [],
    );
  return files('')
    .map((file) => ({
      file,
      kb: gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024,
    }))
    .sort((a, b) => a.kb - b.kb);
}

/** The page with all four widgets. */
async function allFour(browser, base) {
  const page = await browser.newPage();
  await page.goto(`${base}all.html`);
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('[state]')].length === 4 &&
      [...document.querySelectorAll('[state]')].every((w) =>
        ['ready', 'empty'].includes(w.getAttribute('state')),
      ),
    { timeout: 20_000 },
  );
  await new Promise((r) => setTimeout(r, 500)); // late shifts count too
  const result = await page.evaluate(() => ({
    requests: performance
      .getEntriesByType('resource')
      .filter((e) => e.name.endsWith('/demo/feed.json')).length,
    firstReady: window.__firstReady,
    allReady: performance.now(),
    cls: window.__cls,
  }));
  await page.close();
  return result;
}

/** <mi-news-feed> with 1,000 items on screen, and plain DOM building the same. */
async function thousandItems(browser, base, rounds) {
  const page = await browser.newPage();
  await page.goto(`${base}news.html`);
  const result = await page.evaluate(async (rounds) => {
    await import('/dist/mi-widgets.js');
    const widget = [];
    const plain = [];
    for (let round = 0; round < rounds; round++) {
      const url = `/bench/news.json?round=${round}`;
      let t = performance.now();
      const el = document.createElement('mi-news-feed');
      el.setAttribute('limit', '1000');
      el.setAttribute('src', url);
      document.getElementById('widget').replaceChildren(el);
      await customElements.whenDefined('mi-news-feed');
      while (el.getAttribute('state') !== 'ready') await new Promise((r) => setTimeout(r, 0));
      await el.updateComplete;
      if (el.shadowRoot.querySelectorAll('[part="item"]').length !== 1000)
        throw new Error('not 1,000 items');
      el.getBoundingClientRect(); // layout, as for the plain version
      widget.push(performance.now() - t);

      // Plain DOM: fetch, parse, and build the same 1,000 items (title link, date, summary).
      t = performance.now();
      const feed = await (await fetch(`${url}&plain`)).json();
      const format = new Intl.DateTimeFormat('en', { dateStyle: 'long' });
      const list = document.getElementById('plain');
      list.replaceChildren(
        ...feed.items.map((item) => {
          const li = document.createElement('li');
          const h = document.createElement('h3');
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
      list.getBoundingClientRect(); // layout, as the widget's time includes it
      plain.push(performance.now() - t);
    }
    return { widget, plain };
  }, rounds);
  await page.close();
  return result;
}

/** One line of the table: a measure, its value, and for timings the plain-DOM baseline and ratio. */
const row = (measure, value, baseline = '', ratio = '') => ({ measure, value, baseline, ratio });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const server = await serve(JSON.stringify(manyHubs(HUBS)), JSON.stringify(manyItems(1000)));
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await puppeteer.launch(await chromeLaunchOptions());
  try {
    const sizes = chunkSizes();
    const all = await allFour(browser, base);
    const news = await thousandItems(browser, base, 5);
    const hubs = await hubSearch(browser, base);
    const w = median(hubs.widget);
    const p = median(hubs.plain);
    const nw = median(news.widget);
    const np = median(news.plain);
    const rows = [
      ...sizes.map(({ file, kb }) => row(`gzip: ${file}`, `${kb.toFixed(2)} KB`)),
      row('all four widgets: feed requests', String(all.requests)),
      row('all four widgets: first widget rendered', `${all.firstReady.toFixed(0)} ms`),
      row('all four widgets: all rendered', `${all.allReady.toFixed(0)} ms`),
      row('all four widgets: cumulative layout shift', all.cls.toFixed(3)),
      row(
        'news feed: 1,000 items on screen (median of 5)',
        `${nw.toFixed(0)} ms`,
        `${np.toFixed(0)} ms plain DOM`,
        `${(nw / np).toFixed(1)}×`,
      ),
      row(
        `hub locator: ${HUBS.toLocaleString('en')} hubs, a keystroke (median)`,
        `${w.toFixed(2)} ms`,
        `${p.toFixed(2)} ms plain DOM`,
        `${(w / p).toFixed(1)}×`,
      ),
      row('hub locator: slowest keystroke', `${Math.max(...hubs.widget).toFixed(1)} ms`),
      row('hub locator: page start → list of 10,000 shown', `${hubs.firstRender.toFixed(0)} ms`),
      row('JS heap used, hub page after typing', `${hubs.heapMb.toFixed(1)} MB`),
    ];
    console.log(
      '\nnpm run bench — headless Chromium, local files; a ratio compares with plain DOM in the same run\n',
    );
    console.table(rows);
  } finally {
    await browser.close();
    server.close();
  }
}

/** <mi-hub-locator> with many hubs, typing a search. */
async function hubSearch(browser, base) {
  const page = await browser.newPage();
  try {
    await page.goto(base);
    // Since navigation start: the loader, the widget's chunks, the feed, validation, first render.
    const firstRender = await page.evaluate(async () => {
      const el = document.querySelector('mi-hub-locator');
      while (el.getAttribute('state') !== 'ready') await new Promise((r) => setTimeout(r, 5));
      return performance.now();
    });

    const result = await page.evaluate(
      async ({ query, rounds }) => {
        const el = document.querySelector('mi-hub-locator');
        const input = el.shadowRoot.querySelector('input[type="search"]');
        const fold = (t) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

        // The plain version: the same data, filtered and the first 20 shown with createElement.
        const response = await fetch('/bench/hubs.json');
        const hubs = (await response.json()).features.map((f) => ({
          name: f.properties.name,
          text: fold(
            [f.properties.name, f.properties.organization, f.properties.locality].join(' '),
          ),
        }));
        const plainInput = document.getElementById('q');
        const list = document.getElementById('list');
        const count = document.getElementById('count');
        const plainSearch = (value) => {
          const words = fold(value).split(/\s+/).filter(Boolean);
          const found = hubs.filter((h) => words.every((w) => h.text.includes(w)));
          count.textContent = `Hubs found: ${found.length}`;
          list.replaceChildren(
            ...found.slice(0, 20).map((h) => {
              const li = document.createElement('li');
              li.textContent = h.name;
              return li;
            }),
          );
        };

        const widget = [];
        const plain = [];
        for (let round = 0; round < rounds; round++) {
          for (let i = 1; i <= query.length; i++) {
            const value = query.slice(0, i);
            let t = performance.now();
            input.value = value;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            await el.updateComplete;
            widget.push(performance.now() - t);

            t = performance.now();
            plainInput.value = value;
            plainSearch(value);
            plain.push(performance.now() - t);
          }
          input.value = '';
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await el.updateComplete;
        }
        input.value = query;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await el.updateComplete;
        const found = el.shadowRoot.querySelector('[part="count"]').textContent.trim();
        return { widget, plain, found, plainFound: count.textContent };
      },
      { query: QUERY, rounds: ROUNDS },
    );
    if (result.found !== result.plainFound)
      throw new Error(`the two versions disagree: ${result.found} / ${result.plainFound}`);

    const heap = await page.metrics();
    return { ...result, firstRender, heapMb: heap.JSHeapUsedSize / 2 ** 20 };
  } finally {
    await page.close();
  }
}

await main();
