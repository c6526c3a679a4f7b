// What the scripts that drive the static Storybook (storybook-static/, from
// `npm run build-storybook`) in headless Chromium share: npm run test:stories (console errors,
// axe) and npm run test:visual (screenshots against baselines). Offline: a local server, the
// machine's Chromium (scripts/chrome.js), nothing downloaded.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromeLaunchOptions, pinnedChromeLaunchOptions } from './chrome.js';
import { serveStatic } from './static-server.js';

export const STORYBOOK_ROOT = fileURLToPath(new URL('../storybook-static/', import.meta.url));

/** The widgets' tags: a story renders at least one of them. */
export const WIDGET_TAGS = ['mi-news-feed', 'mi-quiz', 'mi-hub-locator', 'mi-campaign-banner'];

/** The entries (stories and docs pages) of the static build's index.json, in its order. */
export async function readEntries(root = STORYBOOK_ROOT) {
  const index = JSON.parse(await readFile(new URL('index.json', `file://${root}`), 'utf8'));
  return Object.values(index.entries);
}

/** Every story (not docs page) of the static build, in the index's order. */
export async function readStories(root = STORYBOOK_ROOT) {
  const stories = (await readEntries(root)).filter((e) => e.type === 'story');
  if (!stories.length) throw new Error(`no stories in ${root}index.json`);
  return stories;
}

/**
 * Serve the static Storybook (plus `routes`, see serveStatic) and launch one headless Chromium
 * with `args` added to the usual flags; `pinned`, the npm package's (see chrome.js). Resolves
 * to `{ base, browser, close }`.
 */
export async function openStorybook({
  root = STORYBOOK_ROOT,
  routes = {},
  args = [],
  pinned = false,
} = {}) {
  const server = await serveStatic(
    root,
    { '/favicon.ico': { type: 'image/x-icon', body: '' }, ...routes },
    { cache: true },
  );
  const base = `http://127.0.0.1:${server.address().port}/`;
  const options = await (pinned ? pinnedChromeLaunchOptions() : chromeLaunchOptions());
  const browser = await puppeteer.launch({ ...options, args: [...options.args, ...args] });
  return {
    base,
    browser,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}

/** The preview iframe's URL for a story (or, with `viewMode: 'docs'`, a docs page) and globals. */
export function storyUrl(base, id, { theme = 'light', locale = 'es', viewMode = 'story' } = {}) {
  return `${base}iframe.html?id=${id}&viewMode=${viewMode}&globals=theme:${theme};locale:${locale}`;
}

/**
 * Wait until the story has rendered its widgets, each past `loading` (or, `held`, in it), and
 * the story's play function is done.
 */
export async function waitForWidgets(page, { held = false, timeout = 10_000 } = {}) {
  await page.waitForFunction(
    (held, tags) => {
      const root = document.querySelector('#storybook-root');
      const widgets = [...(root?.querySelectorAll(tags.join(', ')) ?? [])];
      if (!widgets.length) return false;
      const settled = widgets.every((w) =>
        held
          ? w.getAttribute('state') === 'loading'
          : ['ready', 'empty', 'error'].includes(w.getAttribute('state')),
      );
      const phase = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
      return settled && (phase === undefined || phase === 'finished');
    },
    { timeout, polling: 50 },
    held,
    WIDGET_TAGS,
  );
}
