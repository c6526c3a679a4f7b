/**
 * The supported browsers (README, "Supported browsers"): Baseline 2023 — Chrome, Edge and
 * Android WebView 105, Firefox 112, Safari and iOS 16.4 — which all parse ES2022. Every script
 * the CDN build writes (the loader, its chunks, the feed reader's worker, the iframe mode's
 * scripts) is parsed here as ES2022 (acorn, which refuses syntax of a later year: a regexp's
 * `v` flag, duplicate named groups, `using`…), and searched for the runtime APIs those browsers
 * do not all have: each found must be one this file lists as guarded, with its guard.
 *
 * Needs the CDN build: `npx vite build`.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'acorn';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
/** The newest syntax the supported browsers all parse (vite.config.ts, `build.target`). */
const ECMA_VERSION = 2022;

const files = (dir = dist) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? files(join(dir, e.name))
      : [relative(dist, join(dir, e.name)).split(sep).join('/')],
  );
const scripts = files().filter((f) => f.endsWith('.js'));
const read = (file) => readFileSync(join(dist, file), 'utf8');

/**
 * Runtime APIs newer than the supported browsers (and CSS they do not all know), by the text
 * that uses them. `guarded`: where the built code has it, and how it does without.
 */
const NEWER = [
  [
    'Array.prototype.toSorted/toReversed/toSpliced (Firefox 115)',
    /\.(toSorted|toReversed|toSpliced)\(/,
  ],
  ['Object.groupBy / Map.groupBy (2024)', /\b(Object|Map)\.groupBy\b/],
  ['Promise.withResolvers (2024)', /\bPromise\.withResolvers\b/],
  ['Array.fromAsync (2024)', /\bArray\.fromAsync\b/],
  [
    'Set methods (2024)',
    /\.(union|intersection|symmetricDifference|isSubsetOf|isSupersetOf|isDisjointFrom)\(/,
  ],
  ['AbortSignal.any (Safari 17.4)', /\bAbortSignal\.any\b/],
  ['String.prototype.isWellFormed/toWellFormed (Firefox 119)', /\.(isWellFormed|toWellFormed)\(/],
  ['Intl.Segmenter (Firefox 125)', /\bSegmenter\b/],
  ['Intl.DurationFormat (2025)', /\bDurationFormat\b/],
  ['URL.canParse / URL.parse (Safari 17)', /\bURL\.(canParse|parse)\b/],
  ['Iterator helpers (2025)', /\bIterator\.from\b/],
  ['requestIdleCallback (not in Safari)', /\brequestIdleCallback\b/],
  ['scheduler.postTask / yield (not in Safari)', /\bscheduler\.(postTask|yield)\b/],
  ['View Transitions (2025)', /\bstartViewTransition\b/],
  ['popover methods (Safari 17, Firefox 125)', /\b(showPopover|hidePopover|togglePopover)\b/],
  ['Element.checkVisibility (Safari 17.4)', /\bcheckVisibility\b/],
  ['Web Share (not in Firefox desktop)', /\bnavigator\.share\b/],
  ['speech synthesis (not everywhere)', /\bspeechSynthesis\b/],
  ['CSS :has() (Firefox 121)', /:has\(/],
  ['CSS color-mix() (Firefox 113)', /\bcolor-mix\(/],
  ['CSS light-dark() (2024)', /\blight-dark\(/],
  ['CSS @starting-style (2024)', /@starting-style\b/],
  ['CSS @property (Firefox 128)', /@property\s/],
  ['CSS round() (Chrome 125, Firefox 118)', /\bround\(up,/],
];

/** The uses found in built files, each with its guard. */
const GUARDED = {
  'Web Share (not in Firefox desktop)': {
    files: /^chunks\/(quiz|hub-locator)-/,
    guard:
      '`typeof navigator.share === "function"`, else copy the link (src/quiz, src/hub-locator)',
  },
  'speech synthesis (not everywhere)': {
    files: /^chunks\/listen-/,
    guard:
      '`typeof speechSynthesis === "undefined"`: no Listen button without a recording (src/shared/listen.ts)',
  },
  'CSS round() (Chrome 125, Firefox 118)': {
    files: /^(embed\.js|mi-widgets\.css)$/,
    guard:
      'inside `@supports (width:round(1px,1px))`: the cards reserve one column (src/embed/reserve.ts)',
  },
};

test('the build wrote scripts to check', () => {
  assert.ok(scripts.includes('mi-widgets.js'), 'dist/ is missing: run `npx vite build`');
  assert.ok(
    scripts.some((f) => f.startsWith('assets/parse-worker-')),
    'the worker is checked too',
  );
  assert.ok(scripts.length > 20);
});

test(`every built script parses as ES${ECMA_VERSION}`, () => {
  const refused = [];
  for (const file of scripts) {
    try {
      parse(read(file), { ecmaVersion: ECMA_VERSION, sourceType: 'module' });
    } catch (error) {
      refused.push(`${file}: ${error.message}`);
    }
  }
  assert.deepEqual(refused, []);
});

test('the parse refuses syntax newer than the target (the check itself works)', () => {
  const newer = ['const r = /[\\p{L}--\\p{N}]/v;', 'const x = /(?<a>1)|(?<a>2)/;', 'using x = y;'];
  for (const code of newer)
    assert.throws(() => parse(code, { ecmaVersion: ECMA_VERSION, sourceType: 'module' }), code);
  parse('class A { static #x = 1; static { A.#x; } }', {
    ecmaVersion: ECMA_VERSION,
    sourceType: 'module',
  });
});

test('runtime APIs and CSS newer than the supported browsers: only where guarded', () => {
  const unguarded = [];
  const found = new Set();
  for (const file of [...scripts, ...files().filter((f) => f.endsWith('.css'))]) {
    const text = read(file);
    for (const [name, pattern] of NEWER) {
      if (!pattern.test(text)) continue;
      found.add(name);
      if (!GUARDED[name]?.files.test(file)) unguarded.push(`${file}: ${name}`);
    }
  }
  assert.deepEqual(unguarded, []);
  // The list of guards stays true: each is still found where it says.
  assert.deepEqual([...found].sort(), Object.keys(GUARDED).sort());
});

test('CSS round() in the reserve stylesheet is only inside its @supports', () => {
  for (const line of read('mi-widgets.css').split('\n'))
    if (line.includes('round(up,')) assert.match(line, /^@supports \(width:round\(1px,1px\)\)\{/);
});
