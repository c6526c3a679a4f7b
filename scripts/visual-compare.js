// The comparison behind npm run test:visual: a screenshot against its committed baseline,
// pixel by pixel (pixelmatch), with a tolerance for anti-aliasing; on a difference the
// expected, actual and diff images go to an artifacts folder for review. No browser here:
// tested on its own by test/node/visual-compare.test.js.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/**
 * How different a screenshot may be and still pass. `threshold` is pixelmatch's colour
 * distance (0–1) under which two pixels count as the same: 0.1 absorbs the sub-pixel
 * anti-aliasing of text on another machine, and a changed colour is far above it.
 * `maxDiffPixels` pixels may still differ (pixelmatch leaves out those it finds anti-aliased).
 * A story sets its own with `parameters: { visual: { threshold, maxDiffPixels } }`.
 */
export const DEFAULT_TOLERANCE = Object.freeze({ threshold: 0.1, maxDiffPixels: 100 });

/** A PNG file's bytes as written for a baseline: opaque RGB, deflate level 9 (small in git). */
export function encodePng(png) {
  return PNG.sync.write(png, {
    colorType: 2,
    inputColorType: 6,
    inputHasAlpha: true,
    deflateLevel: 9,
    deflateStrategy: 3,
  });
}

/** Decoded PNG ({ width, height, data: RGBA }). */
export const decodePng = (bytes) => PNG.sync.read(bytes);

/** Paint `rects` ({ x, y, width, height }, CSS pixels = image pixels) opaque magenta. */
export function maskRects(png, rects = []) {
  for (const r of rects) {
    const x0 = Math.max(0, Math.floor(r.x));
    const y0 = Math.max(0, Math.floor(r.y));
    const x1 = Math.min(png.width, Math.ceil(r.x + r.width));
    const y1 = Math.min(png.height, Math.ceil(r.y + r.height));
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++) png.data.set([255, 0, 255, 255], (y * png.width + x) * 4);
  }
  return png;
}

/** `png` on a white canvas of `width` × `height` (to diff two images of different sizes). */
function padded(png, width, height) {
  if (png.width === width && png.height === height) return png;
  const out = new PNG({ width, height });
  out.data.fill(255);
  PNG.bitblt(png, out, 0, 0, png.width, png.height, 0, 0);
  return out;
}

/**
 * Pixels that differ between two decoded images, and a diff image (differences red over a
 * faded copy of the expected one). Images of different sizes differ by at least the pixels
 * outside their common area.
 */
export function diffImages(expected, actual, { threshold = DEFAULT_TOLERANCE.threshold } = {}) {
  const width = Math.max(expected.width, actual.width);
  const height = Math.max(expected.height, actual.height);
  const diff = new PNG({ width, height });
  const count = pixelmatch(
    padded(expected, width, height).data,
    padded(actual, width, height).data,
    diff.data,
    width,
    height,
    { threshold, includeAA: false, alpha: 0.2 },
  );
  const sameSize = expected.width === actual.width && expected.height === actual.height;
  return { diffPixels: sameSize ? count : Math.max(count, 1), sameSize, diff };
}

/**
 * Check one screenshot against `<baselines>/<name>.png`.
 * - `update`: write the baseline when it is missing or the screenshot differs beyond the
 *   tolerance (within it, the committed file stays: no churn from anti-aliasing).
 * - otherwise: pass within the tolerance; else (or with no baseline) fail and write
 *   `<artifacts>/<name>.{expected,actual,diff}.png`.
 * Artifacts of an earlier run for this name are removed first.
 * Resolves to `{ status: 'pass' | 'fail' | 'new' | 'updated', diffPixels, message }`.
 */
export function checkScreenshot({
  name,
  screenshot,
  baselines,
  artifacts,
  update = false,
  tolerance = {},
  mask = [],
}) {
  const { threshold, maxDiffPixels } = { ...DEFAULT_TOLERANCE, ...tolerance };
  const actual = maskRects(decodePng(screenshot), mask);
  const baselineFile = join(baselines, `${name}.png`);
  const artifact = (kind) => join(artifacts, `${name}.${kind}.png`);
  for (const kind of ['expected', 'actual', 'diff']) rmSync(artifact(kind), { force: true });

  if (!existsSync(baselineFile)) {
    if (update) {
      mkdirSync(baselines, { recursive: true });
      writeFileSync(baselineFile, encodePng(actual));
      return { status: 'new', diffPixels: 0, message: `new baseline ${baselineFile}` };
    }
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(artifact('actual'), encodePng(actual));
    return {
      status: 'fail',
      diffPixels: actual.width * actual.height,
      message: `no baseline ${baselineFile} (npm run test:visual -- --update writes it)`,
    };
  }

  const expected = decodePng(readFileSync(baselineFile));
  const { diffPixels, sameSize, diff } = diffImages(expected, actual, { threshold });
  const size = sameSize
    ? ''
    : ` (size ${expected.width}×${expected.height} → ${actual.width}×${actual.height})`;
  if (sameSize && diffPixels <= maxDiffPixels)
    return { status: 'pass', diffPixels, message: `${diffPixels} px differ` };
  if (update) {
    writeFileSync(baselineFile, encodePng(actual));
    return { status: 'updated', diffPixels, message: `${diffPixels} px differed${size}` };
  }
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(artifact('expected'), encodePng(expected));
  writeFileSync(artifact('actual'), encodePng(actual));
  writeFileSync(artifact('diff'), encodePng(diff));
  return {
    status: 'fail',
    diffPixels,
    message: `${diffPixels} px differ (at most ${maxDiffPixels})${size}: ${artifact('diff')}`,
  };
}
