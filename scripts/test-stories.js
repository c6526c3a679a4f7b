#!/usr/bin/env node
// npm run test:stories — every story of the static Storybook (storybook-static/, from
// `npm run build-storybook`) rendered in headless Chromium, offline, in light and dark theme:
// it must render its widget, log no console error and have no axe-core violation.
// Stories tagged `expect-console-errors` may log errors (the error states tell the webmaster
// in the console by design); stories tagged `loading` stay in `loading`.
// Then each widget's Docs page (all its stories inline) follows the Language and Theme
// toolbars: opened in French and dark, switched to Portuguese and light. And in the manager, a
// story of every title has the viewport menu and the Phone button (.storybook/manager.ts),
// which shows the story 360 px wide in one click and the full width again in a second.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  openStorybook,
  readEntries,
  readStories,
  storyUrl,
  waitForWidgets,
} from './story-browser.js';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const THEMES = ['light', 'dark'];

async function main() {
  const stories = await readStories();
  const { base, browser, close } = await openStorybook();
  const failures = [];
  let passed = 0;
  try {
    for (const story of stories) {
      for (const theme of THEMES) {
        const name = `${story.title} › ${story.name} (${theme})`;
        const problems = await checkStory(browser, base, story, theme);
        if (problems.length) failures.push({ name, problems });
        else passed++;
        report(name, problems);
      }
    }
    const docs = (await readEntries()).filter(
      (e) => e.type === 'docs' && e.tags?.includes('autodocs'),
    );
    if (!docs.length) failures.push({ name: 'Docs pages', problems: ['no autodocs page'] });
    for (const entry of docs) {
      const name = `${entry.title} › Docs (toolbar fr/dark, then pt/light)`;
      const problems = await checkDocs(browser, base, entry);
      if (problems.length) failures.push({ name, problems });
      else passed++;
      report(name, problems);
    }
    // The manager: the Phone button and the viewport menu on a story of every title.
    const titles = [...new Map(stories.map((s) => [s.title, s])).values()];
    for (const story of titles) {
      const name = `${story.title} › ${story.name}: Phone button (manager)`;
      const problems = await checkPhoneButton(browser, base, story);
      if (problems.length) failures.push({ name, problems });
      else passed++;
      report(name, problems);
    }
  } finally {
    await close();
  }
  console.log(`\nstories: ${passed} passed, ${failures.length} failed`);
  if (failures.length) process.exit(1);
}

function report(name, problems) {
  console.log(
    `${problems.length ? '✗' : '✓'} ${name}${problems.length ? `\n    ${problems.join('\n    ')}` : ''}`,
  );
}

/** A translation of locales/<locale>.xlf by its id. */
function translation(locale, id) {
  const xlf = readFileSync(new URL(`../locales/${locale}.xlf`, import.meta.url), 'utf8');
  const unit = xlf.match(
    new RegExp(`<trans-unit id="${id.replace(/\./g, '\\.')}">([\\s\\S]*?)</trans-unit>`),
  );
  const target = unit?.[1].match(/<target>([^<]*)<\/target>/)?.[1];
  if (!target) throw new Error(`no ${locale} translation for ${id}`);
  return target;
}

/**
 * A Docs page opened in Storybook (the manager) in one language and theme, then switched with the
 * toolbar, as a designer does: a click on Language › Português, then Theme › Light. Every story
 * on the page follows. Checked on its ErrorWithRetry story — its Retry button says the
 * translation — and on every widget's `theme`. (Calling the preview's onUpdateGlobals directly
 * is not the same: a Docs page the manager has not loaded takes its globals back on re-render.)
 */
async function checkDocs(browser, base, entry) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  const errorStory = `#story--${entry.id.replace(/--docs$/, '--error-with-retry')}-inner`;
  /** Whether the preview shows every widget in `theme` and the error story's Retry in `locale`. */
  const shows = (locale, theme) => {
    const preview = page.frames().find((f) => f.url().includes('/iframe.html'));
    return (
      preview
        ?.evaluate(
          (selector, retry, theme) => {
            const widget = document.querySelector(`${selector} [state="error"]`);
            const buttons = [...(widget?.shadowRoot?.querySelectorAll('button') ?? [])];
            // (a story that makes its element by hand, without a theme, aside)
            const all = [...document.querySelectorAll('[state][theme]')].filter(
              (w) => w.shadowRoot,
            );
            return (
              buttons.some((b) => b.textContent.trim() === retry) &&
              all.length > 1 &&
              all.every((w) => w.getAttribute('theme') === theme)
            );
          },
          errorStory,
          translation(locale, 'common.retry'),
          theme,
        )
        .catch(() => false) ?? Promise.resolve(false) // (a frame navigating away)
    );
  };
  const look = async (locale, theme) => {
    for (const end = Date.now() + 30_000; Date.now() < end;)
      if (await shows(locale, theme)) return;
      else await new Promise((resolve) => setTimeout(resolve, 200));
    throw new Error(`not ${locale}/${theme}`);
  };
  /** The toolbar menu whose button's title starts with `tool`, then its item `item`. */
  const choose = async (tool, item) => {
    const button = await page.waitForSelector(
      `button[aria-label^="${tool}"], button[title^="${tool}"]`,
      { timeout: 20_000 },
    );
    await button.click();
    const option = await page.waitForSelector(`::-p-text(${item})`, { timeout: 5_000 });
    await option.click();
  };
  try {
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${base}index.html?path=/docs/${entry.id}&globals=locale:fr;theme:dark`, {
      waitUntil: 'load',
    });
    await look('fr', 'dark').catch(() =>
      problems.push(`opened with fr/dark: its stories are not in French and dark (${errorStory})`),
    );
    await choose('Interface language', 'Português');
    await choose('Widget theme', 'Light');
    await look('pt', 'light').catch(() =>
      problems.push('switched to pt/light with the toolbar: its stories did not follow'),
    );
  } catch (error) {
    problems.push(`did not render: ${error.message}`);
  } finally {
    await page.close();
  }
  return problems;
}

async function checkPhoneButton(browser, base, story) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  const previewWidth = (width) =>
    page.waitForFunction(
      (width) =>
        Math.round(
          document.querySelector('#storybook-preview-iframe')?.getBoundingClientRect().width,
        ) === width,
      { timeout: 10_000 },
      width,
    );
  try {
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${base}index.html?path=/story/${story.id}`, { waitUntil: 'load' });
    const phone = await page.waitForSelector('button[aria-label="Phone (360 × 740)"]', {
      timeout: 20_000,
    });
    if (!(await page.$('[aria-label="Viewport size"]'))) problems.push('no viewport menu');
    const full = await page.evaluate(() =>
      Math.round(document.querySelector('#storybook-preview-iframe').getBoundingClientRect().width),
    );
    await phone.click();
    await previewWidth(360).catch(() => problems.push('one click: the preview is not 360 px wide'));
    await phone.click();
    await previewWidth(full).catch(() => problems.push('a second click: not back to full width'));
  } catch (error) {
    problems.push(`no Phone button: ${error.message}`);
  } finally {
    await page.close();
  }
  return problems;
}

async function checkStory(browser, base, story, theme) {
  const page = await browser.newPage();
  const problems = [];
  const mayLogErrors = story.tags?.includes('expect-console-errors');
  const loading = story.tags?.includes('loading');
  page.on('console', (m) => {
    if (m.type() === 'error' && !mayLogErrors)
      problems.push(`console error: ${m.text()} ${m.location()?.url ?? ''}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  try {
    await page.goto(storyUrl(base, story.id, { theme }), { waitUntil: 'load' });
    // Rendered, every widget past loading (or held there), and the story's play function done.
    await waitForWidgets(page, { held: loading });
    await new Promise((r) => setTimeout(r, 300));
    await page.addScriptTag({ path: AXE });
    const duplicates = story.tags?.includes('duplicate-landmarks');
    const violations = await page.evaluate(async (duplicates) => {
      const result = await window.axe.run(document.querySelector('#storybook-root'), {
        resultTypes: ['violations'],
        rules: {
          region: { enabled: false }, // a story shows a widget alone, outside a page's landmarks
          // A story tagged so shows a widget twice on purpose (the theme builder: light and dark).
          ...(duplicates ? { 'landmark-unique': { enabled: false } } : {}),
        },
      });
      return result.violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      );
    }, duplicates);
    problems.push(...violations.map((v) => `axe ${v}`));
  } catch (error) {
    problems.push(`did not render: ${error.message}`);
  } finally {
    await page.close();
  }
  return problems;
}

await main();
