#!/usr/bin/env node
// npm run test:visual — visual regression of the static Storybook (storybook-static/, from
// `npm run build-storybook`): every story in light and dark, at a phone width and a desktop
// width, screenshotted in headless Chromium (the story's root element, its full height) and
// compared with the committed baselines in test/visual/baselines/ (scripts/visual-compare.js).
// A story is loaded once per theme, at the phone width, then widened to the desktop width: half
// the page loads (the Storybook bundle's start-up is most of a screenshot's cost).
// A difference fails and leaves expected/actual/diff images in test-results/visual/.
//
//   npm run test:visual                         compare every story
//   npm run test:visual -- --update             write missing and changed baselines, remove stale ones
//   npm run test:visual -- quiz hub-locator--list   only stories whose id contains one of these
//   npm run test:visual -- --jobs 1             pages one at a time (default 2)
//
// What makes a screenshot the same on every machine: one browser, the Chromium inside the
// @sparticuz/chromium npm package (its version pinned by package-lock.json; never the machine's
// own, whose version is whatever its distribution ships); one font for everything (Noto Sans, from
// @fontsource/noto-sans, with DejaVu Sans from @fontsource/dejavu-sans for the symbols it lacks;
// also standing in for the fonts named in styles: Arial, Helvetica, Helvetica Neue, Georgia),
// not the machine's fonts; the clock fixed at one instant in one time zone, reduced motion, no
// caret, and Chromium flags that turn off LCD anti-aliasing, font hinting and colour management.
// A story adjusts its check with `parameters.visual`: `{ threshold, maxDiffPixels }` (see
// DEFAULT_TOLERANCE), `mask: ['css selector', …]` (painted over, also inside the widgets'
// shadow roots), `themes: ['light']` / `widths: [360]` (a story that looks the same in both,
// e.g. one with its own colours or a fixed width), or `skip: true`. A story tagged `motion` is
// shot without reduced motion (it shows a control that only exists with motion, once stopped).
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkScreenshot } from './visual-compare.js';
import { openStorybook, readStories, storyUrl, waitForWidgets } from './story-browser.js';

const require = createRequire(import.meta.url);
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
export const BASELINES = here('../test/visual/baselines/');
export const ARTIFACTS = here('../test-results/visual/');
export const THEMES = ['light', 'dark'];
/** A phone and a desktop. */
export const WIDTHS = [360, 1024];
/** The stories' toolbar language (the preview's default). */
const LOCALE = 'es';
/** The page's clock: a Wednesday, 10:00 in Guatemala (hubs open), and its time zone. */
export const NOW = Date.parse('2026-12-09T16:00:00Z');
const TIME_ZONE = 'America/Guatemala';

/** Chromium flags for screenshots that do not depend on the machine. */
export const VISUAL_FLAGS = [
  '--font-render-hinting=none',
  '--disable-lcd-text',
  '--force-color-profile=srgb',
  '--hide-scrollbars',
  '--disable-font-subpixel-positioning',
  '--lang=en-US',
];

const FONT_DIR = join(dirname(require.resolve('@fontsource/noto-sans/400.css')), '/');
const FONT_STYLES = ['400', '400-italic', '600', '700', '700-italic'];
/** For what Noto Sans has no glyph for (✓ ✗ ▶ ▸ ▾ ❚): DejaVu Sans, whole, not the system's. */
const SYMBOLS_DIR = join(dirname(require.resolve('@fontsource/dejavu-sans/400.css')), '/');
const SYMBOL_STYLES = ['400', '700'];
/** Names in the widgets' and Leaflet's styles that Noto Sans stands in for. */
const FONT_ALIASES = ['Noto Sans', 'Arial', 'Helvetica', 'Helvetica Neue', 'Georgia'];

/** The @font-face rules (served from /__visual/fonts/) and the server routes for their files. */
export function fonts() {
  const routes = {};
  const served = (dir, style) =>
    readFileSync(join(dir, `${style}.css`), 'utf8').replace(
      /url\(\.\/files\/([^)]+\.woff2)\) format\('woff2'\)(, url\([^)]+\) format\('woff'\))?/g,
      (_, file) => {
        routes[`/__visual/fonts/${file}`] = {
          type: 'font/woff2',
          body: readFileSync(join(dir, 'files', file)),
        };
        return `url(/__visual/fonts/${file}) format('woff2')`;
      },
    );
  // Declared first, so that the Noto Sans faces after it win wherever they have the glyph.
  const faces = [
    ...SYMBOL_STYLES.map((style) =>
      served(SYMBOLS_DIR, style).replaceAll("'DejaVu Sans'", "'Noto Sans'"),
    ),
    ...FONT_STYLES.map((style) => served(FONT_DIR, style)),
  ].join('\n');
  const css = FONT_ALIASES.map((family) =>
    faces.replaceAll("font-family: 'Noto Sans'", `font-family: '${family}'`),
  ).join('\n');
  return { css, routes };
}

/** A new page made ready for screenshots, before it loads anything. */
export async function preparePage(page, { width, css, motion = false }) {
  await page.setViewport({ width, height: 800, deviceScaleFactor: 1 });
  await page.emulateTimezone(TIME_ZONE);
  await page.emulateMediaFeatures([
    { name: 'prefers-reduced-motion', value: motion ? 'no-preference' : 'reduce' },
  ]);
  await page.evaluateOnNewDocument(prepare, NOW, css);
}

/** Runs in the page before its scripts: the fixed clock, the font, no caret. */
function prepare(now, css) {
  const RealDate = Date;
  const start = performance.now();
  const current = () => now + Math.floor(performance.now() - start);
  class FixedDate extends RealDate {
    constructor(...args) {
      super(...(args.length ? args : [current()]));
    }
    static now() {
      return current();
    }
  }
  globalThis.Date = FixedDate;
  const style = document.createElement('style');
  style.textContent = `${css}
    html, body { font-family: 'Noto Sans', sans-serif !important; caret-color: transparent; }`;
  document.addEventListener('DOMContentLoaded', () => document.head.append(style));
}

function parseCli(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      update: { type: 'boolean', default: false },
      jobs: { type: 'string', default: '2' },
    },
  });
  return { update: values.update, jobs: Math.max(1, Number(values.jobs) || 1), only: positionals };
}

async function main() {
  const started = Date.now();
  const { update, jobs, only } = parseCli(process.argv.slice(2));
  const stories = (await readStories()).filter(
    (s) => !only.length || only.some((part) => s.id.includes(part)),
  );
  if (!stories.length) throw new Error(`no story matches ${only.join(', ')}`);
  const { css, routes } = fonts();
  const storybook = await openStorybook({ routes, args: VISUAL_FLAGS, pinned: true });
  const queue = stories.flatMap((story) => THEMES.map((theme) => ({ story, theme })));
  const results = [];
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      for (const result of await shoot(storybook, job, { css, update })) {
        results.push(result);
        const mark = { pass: '✓', new: '+', updated: '↻', skipped: '-', fail: '✗' };
        const detail = result.status === 'pass' ? '' : `: ${result.message}`;
        console.log(`${mark[result.status]} ${result.name}${detail}`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: jobs }, worker));
  } finally {
    await storybook.close();
  }
  if (update && !only.length)
    removeStale(new Set(results.filter((r) => r.status !== 'skipped').map((r) => r.name)));

  const count = (status) => results.filter((r) => r.status === status).length;
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(
    `\nvisual: ${count('pass')} passed, ${count('fail')} failed, ${count('new')} new, ` +
      `${count('updated')} updated, ${count('skipped')} skipped (${seconds} s)`,
  );
  if (count('fail')) {
    console.log(
      `Expected, actual and diff images: ${ARTIFACTS}\n` +
        'An intended change? npm run test:visual -- --update, then review and commit the baselines.',
    );
    process.exit(1);
  }
}

/** Baselines of stories, themes or widths that are no longer there. */
function removeStale(names) {
  if (!existsSync(BASELINES)) return;
  for (const file of readdirSync(BASELINES)) {
    if (file.endsWith('.png') && !names.has(file.slice(0, -4))) {
      rmSync(join(BASELINES, file));
      console.log(`- removed stale baseline ${file}`);
    }
  }
}

/**
 * One story in one theme: loaded once at the first width, screenshotted, then the page is
 * resized to each further width (the widgets follow their container, as on a resized window)
 * and screenshotted again; each compared (or updated). Resolves to one result per width.
 */
async function shoot({ base, browser }, { story, theme }, { css, update }) {
  const names = WIDTHS.map((width) => `${story.id}-${theme}-${width}`);
  const page = await browser.newPage();
  try {
    // A story of a control that only exists with motion (a paused rotation) is tagged so.
    await preparePage(page, { width: WIDTHS[0], css, motion: story.tags?.includes('motion') });
    await page.goto(storyUrl(base, story.id, { theme, locale: LOCALE }), { waitUntil: 'load' });
    await waitForWidgets(page, { held: story.tags?.includes('loading'), timeout: 30_000 });
    const visual = await page.evaluate(
      () => window.__STORYBOOK_PREVIEW__?.currentRender?.story?.parameters?.visual ?? {},
    );
    const tolerance = { threshold: visual.threshold, maxDiffPixels: visual.maxDiffPixels };
    for (const key of Object.keys(tolerance))
      if (tolerance[key] === undefined) delete tolerance[key];
    await page.waitForNetworkIdle({ idleTime: 100, timeout: 5_000 }).catch(() => undefined);
    const results = [];
    for (const [i, width] of WIDTHS.entries()) {
      const name = names[i];
      const wanted =
        !visual.skip &&
        (visual.themes ?? THEMES).includes(theme) &&
        (visual.widths ?? WIDTHS).includes(width);
      if (!wanted) {
        results.push({ name, status: 'skipped', message: 'not in parameters.visual' });
        continue;
      }
      await page.setViewport({ width, height: 800, deviceScaleFactor: 1 });
      await page.waitForNetworkIdle({ idleTime: 100, timeout: 5_000 }).catch(() => undefined);
      await page.evaluate(settle, []);
      // A viewport as tall as the page, so that what is below is painted too: cards skipped
      // off screen (content-visibility: auto) take their real height once on it, which can
      // make the page taller again, so until the height holds.
      for (let viewport = 800, i = 0; i < 8; i++) {
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        if (height <= viewport) break;
        viewport = height;
        await page.setViewport({ width, height, deviceScaleFactor: 1 });
        await page.evaluate(settle, []);
      }
      const { clip, mask } = await page.evaluate(settle, visual.mask ?? []);
      // The viewport holds the clip: no capture beyond it (a resize that skips cards again).
      const screenshot = await page.screenshot({ clip, captureBeyondViewport: false });
      results.push({
        name,
        ...checkScreenshot({
          name,
          screenshot,
          baselines: BASELINES,
          artifacts: ARTIFACTS,
          update,
          tolerance,
          mask,
        }),
      });
    }
    return results;
  } catch (error) {
    return names.map((name) => ({
      name,
      status: 'fail',
      message: `did not render: ${error.message}`,
    }));
  } finally {
    await page.close();
  }
}

/**
 * In the page: fonts loaded, images decoded, widgets updated, two frames drawn. Resolves to
 * the story root's box (at least 1 px tall: a widget may take no space) and the boxes of the
 * `mask` selectors, relative to it.
 */
export async function settle(maskSelectors = [], rootSelector = '#storybook-root') {
  const everywhere = (selector, root = document) => [
    ...root.querySelectorAll(selector),
    ...[...root.querySelectorAll('*')]
      .filter((e) => e.shadowRoot)
      .flatMap((e) => everywhere(selector, e.shadowRoot)),
  ];
  await document.fonts.ready;
  // Map tiles: every one Leaflet asked for loaded, then its fade-in over (Leaflet's is 0.2 s).
  const tiles = () => everywhere('img.leaflet-tile');
  for (
    let i = 0;
    i < 100 && !tiles().every((t) => t.classList.contains('leaflet-tile-loaded'));
    i++
  )
    await new Promise((r) => setTimeout(r, 50));
  if (tiles().length) await new Promise((r) => setTimeout(r, 400));
  await Promise.all(everywhere('img').map((img) => img.decode().catch(() => undefined)));
  await Promise.all(
    everywhere('mi-news-feed, mi-quiz, mi-hub-locator, mi-campaign-banner').map(
      (w) => w.updateComplete,
    ),
  );
  await document.fonts.ready;
  for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
  const root = document.querySelector(rootSelector).getBoundingClientRect();
  const clip = {
    x: root.x + scrollX,
    y: root.y + scrollY,
    width: Math.max(1, Math.ceil(root.width)),
    height: Math.max(1, Math.ceil(root.height)),
  };
  const mask = maskSelectors.flatMap((selector) =>
    everywhere(selector).map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x - root.x, y: r.y - root.y, width: r.width, height: r.height };
    }),
  );
  return { clip, mask };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
