// Issue 12's promise to big publishers: "50,000 hubs split per country: a country page as fast
// as a 1,000-hub feed". A feed of 50,000 hubs in 50 countries (1,000 each) is split by the real
// CLI (`mi-feed split`, compiled to lib/cli by `tsc -p tsconfig.lib.json`), and partner pages
// load at 4× CPU on Lighthouse's mobile network, each load in a fresh context (empty cache):
//  - <mi-hub-locator country="GT"> on the split feed: the feed, then hubs/gt.geojson only;
//  - the same on a feed of 1,000 hubs inline: GT's 1,000, the very features the split page
//    shows, so both pages render the same cards and the only difference is the split;
//  - both again with the configurator's fast-start lines (src/embed/config.ts): the page's
//    HTML names the feed and, for the split feed, GT's file, so neither waits for the other;
//  - the same on the 50,000 hubs inline (the feed before the split): with the widget's default
//    10 s timeout (what a visitor sees), and with a 120 s one (what it would cost);
//  - <mi-news-feed> on the split feed: a news-only page fetches no hub file at all.
// For each: navigation → state="ready", the longest task and total blocking time up to
// SETTLE_MS after it, and the bytes and requests after the page itself (Resource Timing's
// transferSize: gzipped bodies and headers; the feed reader's worker script included). The
// pages' loads are interleaved (a round of each page, then the next round), so that the
// machine's noise falls on the split page and on the 1,000-hub page alike. The bench fails,
// rather than print a wrong figure, when a locator does not show GT's 1,000 hubs and only
// them, or a page fetches other hub files than it should.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIGHTHOUSE_MOBILE_NETWORK, PHONE_CPU, openPage } from './browser.js';
import { manyHubs } from './data.js';
import { fastStartHead, loaderTag, partnerPage, reserveStyle } from './pages.js';
import { kb, median, ms, ratio, row } from './report.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'lib/cli/main.js');
const HUBS = 50_000;
const COUNTRY = 'GT';
/** Loads per page (medians); the 50,000 inline hubs take long enough that one load tells. */
const LOADS = 3;
const NEWS_LOADS = 2;
const WHOLE_LOADS = 1;
const SETTLE_MS = 1000;
/**
 * The unsplit page's second version: a timeout long enough for 2.4 MB of gzipped hubs on this
 * network (the widgets give up after 10 s by default, and the visitor sees an error).
 */
const WHOLE_TIMEOUT_MS = 120_000;

/**
 * 50 countries (ISO 3166-1 alpha-2) with a city and its time zone: the Americas and the
 * countries migrants leave from or pass through elsewhere. The 50,000 hubs go to them in turn,
 * 1,000 each. (Coordinates stay manyHubs' own: no map, no "near me" on these pages.)
 */
const PLACES = [
  ['Ciudad de México', 'MX', 'America/Mexico_City'],
  ['Quetzaltenango', 'GT', 'America/Guatemala'],
  ['Belmopán', 'BZ', 'America/Belize'],
  ['San Salvador', 'SV', 'America/El_Salvador'],
  ['San Pedro Sula', 'HN', 'America/Tegucigalpa'],
  ['Managua', 'NI', 'America/Managua'],
  ['San José', 'CR', 'America/Costa_Rica'],
  ['Panamá', 'PA', 'America/Panama'],
  ['La Habana', 'CU', 'America/Havana'],
  ['Santo Domingo', 'DO', 'America/Santo_Domingo'],
  ['Puerto Príncipe', 'HT', 'America/Port-au-Prince'],
  ['Kingston', 'JM', 'America/Jamaica'],
  ['San Juan', 'PR', 'America/Puerto_Rico'],
  ['Puerto España', 'TT', 'America/Port_of_Spain'],
  ['Nasáu', 'BS', 'America/Nassau'],
  ['Bridgetown', 'BB', 'America/Barbados'],
  ['Bogotá', 'CO', 'America/Bogota'],
  ['Caracas', 'VE', 'America/Caracas'],
  ['Quito', 'EC', 'America/Guayaquil'],
  ['Lima', 'PE', 'America/Lima'],
  ['La Paz', 'BO', 'America/La_Paz'],
  ['Santiago', 'CL', 'America/Santiago'],
  ['Buenos Aires', 'AR', 'America/Argentina/Buenos_Aires'],
  ['Montevideo', 'UY', 'America/Montevideo'],
  ['Asunción', 'PY', 'America/Asuncion'],
  ['São Paulo', 'BR', 'America/Sao_Paulo'],
  ['Georgetown', 'GY', 'America/Guyana'],
  ['Paramaribo', 'SR', 'America/Paramaribo'],
  ['Houston', 'US', 'America/Chicago'],
  ['Toronto', 'CA', 'America/Toronto'],
  ['Madrid', 'ES', 'Europe/Madrid'],
  ['Lisboa', 'PT', 'Europe/Lisbon'],
  ['París', 'FR', 'Europe/Paris'],
  ['Roma', 'IT', 'Europe/Rome'],
  ['Berlín', 'DE', 'Europe/Berlin'],
  ['Londres', 'GB', 'Europe/London'],
  ['Rabat', 'MA', 'Africa/Casablanca'],
  ['Dakar', 'SN', 'Africa/Dakar'],
  ['Lagos', 'NG', 'Africa/Lagos'],
  ['Acra', 'GH', 'Africa/Accra'],
  ['Nairobi', 'KE', 'Africa/Nairobi'],
  ['Adís Abeba', 'ET', 'Africa/Addis_Ababa'],
  ['Johannesburgo', 'ZA', 'Africa/Johannesburg'],
  ['El Cairo', 'EG', 'Africa/Cairo'],
  ['Estambul', 'TR', 'Europe/Istanbul'],
  ['Bombay', 'IN', 'Asia/Kolkata'],
  ['Manila', 'PH', 'Asia/Manila'],
  ['Yakarta', 'ID', 'Asia/Jakarta'],
  ['Kabul', 'AF', 'Asia/Kabul'],
  ['Damasco', 'SY', 'Asia/Damascus'],
];

/** The feed around the hubs: a JSON Feed 1.1 document in Spanish with a few news items. */
const feedOf = (hubs) => ({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Información para personas migrantes',
  home_page_url: 'https://example.org/',
  language: 'es',
  items: Array.from({ length: 6 }, (_, i) => ({
    id: `item-${i}`,
    url: `https://example.org/noticias/${i}`,
    title: `Noticia ${i}: abren centros de información en más municipios`,
    summary: `Resumen de la noticia ${i}. Información confiable, orientación y referencias.`,
    content_text: `Texto completo de la noticia ${i}.`,
    date_published: new Date(Date.UTC(2025, 10, 1) + i * 86_400_000).toISOString(),
  })),
  _migration_info: { hubs },
});

const SPLIT = '/bench/split/';
const SPLIT_FEED = `${SPLIT}feed.json`;
const WHOLE_FEED = `${SPLIT}whole.json`;
const SMALL_FEED = '/bench/small-1000.json';
const OWN_HUBS = `${SPLIT}hubs/${COUNTRY.toLowerCase()}.geojson`;

const locator = (src, extra = '') =>
  `<mi-hub-locator country="${COUNTRY}" src="${src}"${extra}></mi-hub-locator>`;

/**
 * The section's pages: what each holds, which hub files it may fetch, and the state it must
 * reach (`error` for the unsplit feed under the default timeout: see its row).
 */
const PAGES = [
  { key: 'split', path: '/split-country.html', widget: locator(SPLIT_FEED), hubFiles: [OWN_HUBS] },
  // The configurator's fast-start lines: the page's HTML names the feed and GT's file.
  {
    key: 'splitFast',
    path: '/split-country-fast.html',
    widget: locator(SPLIT_FEED),
    hubFiles: [OWN_HUBS],
    fastStart: { widget: 'hub-locator', src: SPLIT_FEED, fetches: [OWN_HUBS] },
  },
  {
    key: 'smallFast',
    path: '/split-small-fast.html',
    widget: locator(SMALL_FEED),
    fastStart: { widget: 'hub-locator', src: SMALL_FEED },
  },
  { key: 'small', path: '/split-small.html', widget: locator(SMALL_FEED) },
  {
    key: 'wholeDefault',
    path: '/split-whole-default.html',
    widget: locator(WHOLE_FEED),
    loads: WHOLE_LOADS,
    expect: 'error',
  },
  {
    key: 'whole',
    path: '/split-whole.html',
    widget: locator(WHOLE_FEED, ` timeout="${WHOLE_TIMEOUT_MS}"`),
    loads: WHOLE_LOADS,
  },
  {
    key: 'news',
    path: '/split-news.html',
    tag: 'mi-news-feed',
    widget: `<mi-news-feed src="${SPLIT_FEED}"></mi-news-feed>`,
    loads: NEWS_LOADS,
  },
].map((p) => ({ tag: 'mi-hub-locator', hubFiles: [], loads: LOADS, expect: 'ready', ...p }));

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** GT's hubs, as the generator made them (hub i is in PLACES[i % 50]): what the pages must show. */
const countryIds = new Set(
  Array.from({ length: HUBS }, (_, i) => i)
    .filter((i) => PLACES[i % PLACES.length][1] === COUNTRY)
    .map((i) => `hub-${i}`),
);

/**
 * The section's feeds and pages, in memory: the 50,000-hub feed split by `mi-feed split` (the
 * feed at /bench/split/feed.json, its files at /bench/split/hubs/xx.geojson), the same feed
 * unsplit, a 1,000-hub feed, and the section's pages. Runs the CLI: a few seconds.
 */
export function splitRoutes({ log = () => {} } = {}) {
  if (!existsSync(CLI))
    throw new Error(
      `bench split: the compiled CLI ${relative(ROOT, CLI)} is missing: run \`npx tsc -p tsconfig.lib.json\` (npm run bench does)`,
    );
  const started = Date.now();
  const whole = JSON.stringify(feedOf(manyHubs(HUBS, { places: PLACES })));
  const dir = mkdtempSync(join(tmpdir(), 'mi-split-'));
  const routes = {};
  try {
    const input = join(dir, 'in', 'feed.json');
    const out = join(dir, 'out');
    mkdirSync(join(dir, 'in'));
    writeFileSync(input, whole);
    let said;
    try {
      said = execFileSync(
        process.execPath,
        [join(ROOT, 'bin/mi-feed.js'), 'split', input, '--out', out],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
    } catch (error) {
      throw new Error(
        `bench split: mi-feed split failed (exit ${error.status}): ${String(error.stderr || error.message).trim()}`,
      );
    }
    log(
      `split: ${HUBS.toLocaleString('en')} hubs split by mi-feed in ${((Date.now() - started) / 1000).toFixed(1)} s:\n` +
        said
          .trim()
          .split('\n')
          .filter(
            (line) => !/^ {2}hubs\//.test(line) || line.includes(OWN_HUBS.slice(SPLIT.length)),
          )
          .map((line) => `    ${line}`)
          .join('\n'),
    );
    for (const file of filesUnder(out)) {
      // Served as application/json, not application/geo+json as the CLI's help advises: the
      // bench server gzips only text/*, application/json and SVG, and a CDN would gzip these.
      routes[`${SPLIT}${file.split('\\').join('/')}`] = {
        type: 'application/json',
        body: readFileSync(join(out, file)),
      };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const own = routes[OWN_HUBS];
  if (!routes[SPLIT_FEED] || !own)
    throw new Error(`bench split: mi-feed split wrote no ${SPLIT_FEED} or ${OWN_HUBS}`);
  // The small feed: GT's hubs exactly as the split wrote them, inline — after checking that
  // the split put GT's hubs, and only them, in GT's file.
  const countryHubs = JSON.parse(own.body.toString());
  const ids = countryHubs.features.map((f) => f.id);
  if (ids.length !== countryIds.size || !ids.every((id) => countryIds.has(id)))
    throw new Error(
      `bench split: ${OWN_HUBS} holds ${ids.length} hubs, not ${COUNTRY}'s ${countryIds.size}`,
    );

  const page = (body) => ({ type: 'text/html; charset=utf-8', body });
  const reserve = reserveStyle(readFileSync(join(ROOT, 'dist/mi-widgets.css'), 'utf8'));
  return {
    ...routes,
    [WHOLE_FEED]: { type: 'application/json', body: whole },
    [SMALL_FEED]: { type: 'application/json', body: JSON.stringify(feedOf(countryHubs)) },
    ...Object.fromEntries(
      PAGES.map((p) => [
        p.path,
        page(
          partnerPage({
            head: [reserve, ...(p.fastStart ? [fastStartHead(p.fastStart)] : []), loaderTag()].join(
              '\n',
            ),
            widgets: p.widget,
          }),
        ),
      ]),
    ),
  };
}

// --- One load --------------------------------------------------------------------------------

/** In the page: what the widget shows (the hub locator's count and cards), and the requests. */
function pageReport(tag) {
  const root = document.querySelector(tag)?.shadowRoot;
  const count = root?.querySelector('[part="count"]')?.textContent ?? '';
  return {
    bench: window.__bench,
    resources: performance.getEntriesByType('resource').map((e) => ({
      name: e.name.replace(location.origin, ''),
      start: e.startTime,
      end: e.responseEnd,
      bytes: e.transferSize,
    })),
    found: Number(count.replace(/\D/g, '')) || 0,
    cards: [...(root?.querySelectorAll('[data-hub]') ?? [])].map((el) => el.dataset.hub),
  };
}

/** A load's longest frames and what ran in them, for the progress log. */
function describeFrames(bench, until) {
  return [...bench.frames]
    .filter((f) => f.start <= until)
    .sort((a, b) => b.duration - a.duration)
    .slice(0, 3)
    .map((f) => {
      const scripts = [...f.scripts]
        .sort((a, b) => b.duration - a.duration)
        .slice(0, 3)
        .map((s) => `${s.invoker} [${s.source}] ${s.duration.toFixed(0)} ms`)
        .join('; ');
      return `    long frame ${f.duration.toFixed(0)} ms at ${f.start.toFixed(0)} ms: ${scripts || '(no script)'}`;
    });
}

/**
 * One load of a page at 4× CPU on the mobile network, in a fresh context (empty cache):
 * navigation → ready, the long tasks until SETTLE_MS after, the requests; checked.
 */
async function load(browser, base, p, { log }) {
  const { page, close } = await openPage(browser, {
    cpu: PHONE_CPU,
    network: LIGHTHOUSE_MOBILE_NETWORK,
  });
  try {
    await page.goto(base + p.path, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.waitForFunction(
      (tag) =>
        ['ready', 'empty', 'error'].includes(document.querySelector(tag)?.getAttribute('state')),
      { polling: 100, timeout: 120_000 },
      p.tag,
    );
    const state = await page.$eval(p.tag, (el) => el.getAttribute('state'));
    if (state !== p.expect)
      throw new Error(`bench split: ${p.path}: <${p.tag}> is ${state}, expected ${p.expect}`);
    if (p.expect === 'ready') await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const { bench, resources, found, cards } = await page.evaluate(pageReport, p.tag);

    const settled = bench.states.find((s) => s.tag === p.tag && s.state === p.expect).time;
    if (p.expect !== 'ready') {
      log(`split, ${p.key}: ${p.expect} at ${settled.toFixed(0)} ms, as expected`);
      return { [p.expect]: settled };
    }
    const ready = settled;
    const tasks = bench.longTasks.filter((t) => t.start <= ready + SETTLE_MS);
    const requests = resources.filter((r) => r.name !== '/favicon.ico');
    const hubFiles = requests.filter((r) => r.name.startsWith(`${SPLIT}hubs/`));
    const feed = requests.find((r) => r.name === SPLIT_FEED);
    const figures = {
      ready,
      longest: Math.max(0, ...tasks.map((t) => t.duration)),
      tbt: tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
      bytes: requests.reduce((sum, r) => sum + r.bytes, 0),
      requests: requests.length,
      hubFiles: hubFiles.map((r) => r.name),
      // The split page's chain: the feed arrives, then its country's file is asked for.
      feedDone: feed?.end ?? NaN,
      hubsStart: hubFiles[0]?.start ?? NaN,
      hubsDone: hubFiles[0]?.end ?? NaN,
    };
    log(
      `split, ${p.key}: ready at ${ready.toFixed(0)} ms, longest task ${figures.longest.toFixed(0)} ms, ` +
        `TBT ${figures.tbt.toFixed(0)} ms, ${kb(figures.bytes)} in ${figures.requests} requests` +
        (p.tag === 'mi-hub-locator' ? `, ${found} hubs found` : '') +
        '\n' +
        [
          ...requests.map(
            (r) =>
              `    ${r.start.toFixed(0).padStart(6)} → ${r.end.toFixed(0).padStart(6)} ms  ${String(r.bytes).padStart(8)} B  ${r.name}`,
          ),
          ...tasks.map(
            (t) => `    long task ${t.duration.toFixed(0)} ms at ${t.start.toFixed(0)} ms`,
          ),
          ...describeFrames(bench, ready + SETTLE_MS),
        ].join('\n'),
    );

    // Fail rather than report the figure of a page that did not do what it is said to.
    if (figures.hubFiles.join() !== p.hubFiles.join())
      throw new Error(
        `bench split: ${p.path} fetched hub files [${figures.hubFiles.join(', ')}], expected [${p.hubFiles.join(', ')}]`,
      );
    if (p.tag === 'mi-hub-locator') {
      const stray = cards.filter((id) => !countryIds.has(id));
      if (found !== countryIds.size || !cards.length || stray.length)
        throw new Error(
          `bench split: ${p.path} shows ${found} hubs found and ${cards.length} cards ` +
            `(${stray.length} not in ${COUNTRY}: ${stray.slice(0, 3).join(', ')}); expected ${countryIds.size} ${COUNTRY} hubs`,
        );
    }
    return figures;
  } finally {
    await close();
  }
}

/**
 * Every page of the section, in rounds (one load of each page that still has loads to do, then
 * the next round); each figure's median over a page's loads. Needs the routes of
 * {@link splitRoutes} on the server at `base`.
 */
export async function splitSection(browser, base, { log }) {
  const started = Date.now();
  const loads = Object.fromEntries(PAGES.map((p) => [p.key, []]));
  for (let round = 0; round < Math.max(...PAGES.map((p) => p.loads)); round++)
    for (const p of PAGES)
      if (round < p.loads) loads[p.key].push(await load(browser, base, p, { log }));
  const results = {};
  for (const p of PAGES) {
    const of = loads[p.key];
    results[p.key] = {
      loads: of.length,
      ...Object.fromEntries(
        Object.keys(of[0]).map((key) => [
          key,
          key === 'hubFiles' ? of[0].hubFiles : median(of.map((l) => l[key])),
        ]),
      ),
    };
  }
  results.seconds = (Date.now() - started) / 1000;
  log(`split: section run in ${results.seconds.toFixed(0)} s`);
  return results;
}

// --- The table --------------------------------------------------------------------------------

/**
 * The section's rows: each hub locator page — the split feed's country page, the 1,000-hub
 * feed, the 50,000 hubs unsplit — then the news-only page. In the split and unsplit rows the
 * Ratio column is to the 1,000-hub feed's figure (the target: 1.0×), not to plain DOM; the
 * "Plain DOM" column stays empty.
 */
export function splitRows(results) {
  if (!results) return [];
  const { split, small, splitFast, smallFast, wholeDefault, whole, news } = results;
  const hubs = HUBS.toLocaleString('en');
  const cond = `${PHONE_CPU}× CPU, mobile network, empty cache`;
  const n = (r) => (r.loads > 1 ? `median of ${r.loads} loads` : '1 load');
  const settle = `to ready + ${SETTLE_MS / 1000} s`;
  const splitLabel = `${hubs} hubs split per country, hub locator country="${COUNTRY}"`;
  const wholeLabel = `${hubs} hubs unsplit, hub locator country="${COUNTRY}"`;
  const smallLabel = `1,000-hub feed (${COUNTRY}'s 1,000 hubs inline), hub locator country="${COUNTRY}"`;
  const pages = [
    [split, `${splitLabel} (ratio: ÷ 1,000-hub feed)`, small],
    [small, smallLabel],
    [
      splitFast,
      `${splitLabel}, fast-start snippet (ratio: ÷ 1,000-hub feed, fast start)`,
      smallFast,
    ],
    [smallFast, `${smallLabel}, fast-start snippet`],
    [whole, `${wholeLabel} timeout="${WHOLE_TIMEOUT_MS}" (ratio: ÷ 1,000-hub feed)`, small],
  ];
  const rows = [];
  for (const [r, label, to] of pages) {
    const vs = (key) => (to ? ratio(r[key], to[key]) : '');
    rows.push(
      row(`${label}: navigation → state="ready", ${cond} (${n(r)})`, ms(r.ready), '', vs('ready')),
      row(`${label}: longest task, ${settle}`, ms(r.longest), '', vs('longest')),
      row(`${label}: total blocking time, ${settle}`, ms(r.tbt), '', vs('tbt')),
      row(
        `${label}: bytes transferred · requests, page excluded`,
        `${kb(r.bytes)} · ${r.requests}`,
        '',
        vs('bytes'),
      ),
    );
    if (r === split || r === splitFast)
      rows.push(
        row(
          `${label.replace(/ \(ratio.*/, '')}: feed.json done → hubs/gt.geojson requested → done`,
          `${ms(r.feedDone)} → ${ms(r.hubsStart)} → ${ms(r.hubsDone)}`,
        ),
      );
  }
  rows.splice(
    rows.findIndex((r) => r.measure.startsWith(wholeLabel)),
    0,
    row(
      `${wholeLabel}, default timeout (10 s): navigation → state="error", ${cond} (${n(wholeDefault)})`,
      ms(wholeDefault.error),
    ),
  );
  const newsLabel = `${hubs} hubs split per country, news feed only`;
  rows.push(
    row(`${newsLabel}: navigation → state="ready", ${cond} (${n(news)})`, ms(news.ready)),
    row(
      `${newsLabel}: bytes transferred · requests, page excluded · hub files fetched`,
      `${kb(news.bytes)} · ${news.requests} · ${news.hubFiles.length || 'none'}`,
    ),
  );
  return rows;
}
