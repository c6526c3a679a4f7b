#!/usr/bin/env node
// npm run bench — what the widgets cost a partner's page, measured in headless Chromium on
// local files only (no network). Every figure that is a time stands beside a plain,
// hand-written DOM version doing the same work in the same run: the ratio is the figure that
// means something, since these machines are noisy.
//
// Now: <mi-hub-locator> with 10,000 hubs, typing a search one key at a time.
import { fileURLToPath } from 'node:url';
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

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="module" src="/dist/mi-widgets.js"></script></head>
<body><mi-hub-locator src="/bench/hubs.json"></mi-hub-locator>
<div id="plain"><input id="q"><p id="count"></p><ul id="list"></ul></div></body></html>`;

function serve(feed) {
  return serveStatic(ROOT, {
    '/': { type: 'text/html', body: PAGE },
    '/bench/hubs.json': { type: 'application/json', body: feed },
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const feed = JSON.stringify(manyHubs(HUBS));
  const server = await serve(feed);
  const browser = await puppeteer.launch(await chromeLaunchOptions());
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);

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
    const w = median(result.widget);
    const p = median(result.plain);
    console.log(
      `\n<mi-hub-locator>, ${HUBS.toLocaleString('en')} hubs, typing "${QUERY}" (${ROUNDS} rounds, median per keystroke)\n`,
    );
    console.table([
      { measure: 'widget: filter + render, per keystroke', ms: w.toFixed(2) },
      { measure: 'plain DOM: filter + render, per keystroke', ms: p.toFixed(2) },
      { measure: 'ratio widget / plain', ms: `${(w / p).toFixed(2)}×` },
      { measure: 'widget: slowest keystroke', ms: Math.max(...result.widget).toFixed(2) },
      {
        measure: 'widget: page start → list shown (load, validate, render)',
        ms: firstRender.toFixed(0),
      },
      { measure: 'JS heap used (MB)', ms: (heap.JSHeapUsedSize / 2 ** 20).toFixed(1) },
    ]);
    console.log(`(${result.found} after the last key in both versions)`);
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
