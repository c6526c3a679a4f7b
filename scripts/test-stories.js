#!/usr/bin/env node
// npm run test:stories — every story of the static Storybook (storybook-static/, from
// `npm run build-storybook`) rendered in headless Chromium, offline, in light and dark theme:
// it must render its widget, log no console error and have no axe-core violation.
// Stories tagged `expect-console-errors` may log errors (the error states tell the webmaster
// in the console by design); stories tagged `loading` stay in `loading`.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromeLaunchOptions } from './chrome.js';
import { serveStatic } from './static-server.js';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../storybook-static/', import.meta.url));
const AXE = require.resolve('axe-core/axe.min.js');
const THEMES = ['light', 'dark'];

async function main() {
  const index = JSON.parse(await readFile(new URL('index.json', `file://${ROOT}`), 'utf8'));
  const stories = Object.values(index.entries).filter((e) => e.type === 'story');
  if (!stories.length) throw new Error('no stories in storybook-static/index.json');

  const server = await serveStatic(ROOT, { '/favicon.ico': { type: 'image/x-icon', body: '' } });
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await puppeteer.launch(await chromeLaunchOptions());
  const failures = [];
  let passed = 0;
  try {
    for (const story of stories) {
      for (const theme of THEMES) {
        const name = `${story.title} › ${story.name} (${theme})`;
        const problems = await checkStory(browser, base, story, theme);
        if (problems.length) failures.push({ name, problems });
        else passed++;
        console.log(
          `${problems.length ? '✗' : '✓'} ${name}${problems.length ? `\n    ${problems.join('\n    ')}` : ''}`,
        );
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`\nstories: ${passed} passed, ${failures.length} failed`);
  if (failures.length) process.exit(1);
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
    await page.goto(
      `${base}iframe.html?id=${story.id}&viewMode=story&globals=theme:${theme};locale:es`,
      {
        waitUntil: 'load',
      },
    );
    // Rendered, every widget past loading (or held there), and the story's play function done.
    await page.waitForFunction(
      (held) => {
        const root = document.querySelector('#storybook-root');
        const widgets = [
          ...(root?.querySelectorAll('mi-news-feed, mi-quiz, mi-hub-locator, mi-campaign-banner') ??
            []),
        ];
        if (!widgets.length) return false;
        return widgets.every((w) =>
          held
            ? w.getAttribute('state') === 'loading'
            : ['ready', 'empty', 'error'].includes(w.getAttribute('state')),
        );
      },
      { timeout: 10_000, polling: 50 },
      loading,
    );
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
