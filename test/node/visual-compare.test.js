// The comparison behind npm run test:visual (scripts/visual-compare.js), on real screenshots:
// a quiz from the CDN build (dist/, from the pretest build) rendered in headless Chromium the
// way the visual test renders stories (its flags, font and fixed clock). The same render
// twice passes; one with another --mi-color-primary fails and leaves expected, actual and diff
// images; --update rewrites the baseline, which then passes.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { openStorybook } from '../../scripts/story-browser.js';
import { fonts, preparePage, settle, VISUAL_FLAGS } from '../../scripts/test-visual.js';
import {
  checkScreenshot,
  DEFAULT_TOLERANCE,
  decodePng,
  diffImages,
} from '../../scripts/visual-compare.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'mi-visual-'));
const baselines = join(work, 'baselines');
const artifacts = join(work, 'artifacts');
let browser;
let css;

before(async () => {
  const font = fonts();
  css = font.css;
  const page = (primary) => ({
    type: 'text/html',
    body: `<!doctype html><html lang="en"><body>
      <div id="root"${primary ? ` style="--mi-color-primary: ${primary}"` : ''}>
        <mi-quiz src="/demo/feed.json"></mi-quiz>
      </div>
      <script type="module" src="/dist/mi-widgets.js"></script></body></html>`,
  });
  browser = await openStorybook({
    root: ROOT,
    args: VISUAL_FLAGS,
    routes: {
      ...font.routes,
      '/__visual/quiz.html': page(),
      '/__visual/quiz-red.html': page('#b00020'),
    },
  });
});

after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

/** A screenshot of the quiz (its start screen) on one of the pages above. */
async function shoot(path) {
  const page = await browser.browser.newPage();
  try {
    await preparePage(page, { width: 480, css });
    await page.goto(`${browser.base}${path}`, { waitUntil: 'load' });
    await page.waitForFunction(
      () => document.querySelector('mi-quiz')?.getAttribute('state') === 'ready',
      { timeout: 15_000 },
    );
    const { clip } = await page.evaluate(settle, [], '#root');
    return await page.screenshot({ clip });
  } finally {
    await page.close();
  }
}

const check = (screenshot, update = false) =>
  checkScreenshot({ name: 'quiz', screenshot, baselines, artifacts, update });
const artifact = (kind) => join(artifacts, `quiz.${kind}.png`);

test('a first --update writes the baseline; the same render again passes', async () => {
  assert.equal(check(await shoot('__visual/quiz.html')).status, 'fail', 'no baseline yet');
  assert.ok(existsSync(artifact('actual')));
  const first = check(await shoot('__visual/quiz.html'), true);
  assert.equal(first.status, 'new');
  assert.ok(existsSync(join(baselines, 'quiz.png')));
  const again = check(await shoot('__visual/quiz.html'));
  assert.equal(again.status, 'pass', again.message);
  assert.ok(again.diffPixels <= DEFAULT_TOLERANCE.maxDiffPixels);
  assert.ok(!existsSync(artifact('actual')), 'a pass leaves no artifacts');
});

test('another primary colour fails and leaves expected, actual and diff images', async () => {
  const red = await shoot('__visual/quiz-red.html');
  const result = check(red);
  assert.equal(result.status, 'fail');
  assert.ok(result.diffPixels > DEFAULT_TOLERANCE.maxDiffPixels, result.message);
  for (const kind of ['expected', 'actual', 'diff']) assert.ok(existsSync(artifact(kind)), kind);
  const expected = decodePng(readFileSync(artifact('expected')));
  const actual = decodePng(readFileSync(artifact('actual')));
  assert.equal(diffImages(expected, actual).diffPixels, result.diffPixels);
});

test('--update rewrites the changed baseline, which then passes', async () => {
  const red = await shoot('__visual/quiz-red.html');
  const before = readFileSync(join(baselines, 'quiz.png'));
  const updated = check(red, true);
  assert.equal(updated.status, 'updated');
  assert.notDeepEqual(readFileSync(join(baselines, 'quiz.png')), before);
  assert.equal(check(red).status, 'pass');
  assert.equal(check(await shoot('__visual/quiz.html')).status, 'fail', 'the old colour now fails');
});

test('images of different sizes differ; identical ones do not', () => {
  const image = (width, height) => {
    const png = new PNG({ width, height });
    png.data.fill(200);
    return png;
  };
  assert.deepEqual(
    [
      diffImages(image(10, 10), image(10, 10)).diffPixels,
      diffImages(image(10, 10), image(10, 12)).sameSize,
    ],
    [0, false],
  );
  assert.ok(diffImages(image(10, 10), image(10, 12)).diffPixels > 0);
});
