/**
 * The design tokens (src/tokens/tokens.json) are the one source of the `--mi-*` defaults: the
 * widgets' CSS, the JSDoc `@cssprop` defaults (custom-elements.json), the README's table, the
 * Storybook docs and dist/tokens.json must all say what they say.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import { outputs, readTokens, tokenTable } from '../../scripts/tokens.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const rows = tokenTable();
const byProperty = new Map(rows.map((t) => [t.property, t]));
const squash = (s) => s.replace(/\s+/g, '');

/** Every .ts file under a folder, tests and generated files left out. */
const sources = (dir) =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return /^(test|generated)$/.test(e.name) ? [] : sources(path);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [path] : [];
  });

test('the tokens file is W3C design tokens: every token has a $value and a $type', () => {
  const tokens = readTokens();
  assert.deepEqual(tokens.$metadata.tokenSetOrder, ['base', 'light', 'dark']);
  for (const t of rows) {
    assert.ok(t.type, `${t.path} has a $type`);
    assert.ok(t.description, `${t.path} has a $description`);
    if (t.type === 'color' && !t.alias) assert.match(t.value, /^#[0-9a-f]{6}$/, t.path);
  }
  // The light and dark sets name the same tokens.
  const paths = (set) => tokenTable({ base: {}, light: set, dark: set }).map((t) => t.path);
  assert.deepEqual(paths(tokens.light), paths(tokens.dark));
});

test('the generated CSS, README table and Storybook docs are what the tokens give', async () => {
  for (const [path, text] of Object.entries(await outputs()))
    assert.equal(
      readFileSync(join(root, path), 'utf8'),
      text,
      `${path} is stale: run node scripts/tokens.js`,
    );
});

test('the generated CSS declares each colour, the radius and the spacing, in both themes', async () => {
  const files = await outputs();
  const css = files['src/generated/tokens.ts'] + files['src/generated/banner-tokens.ts'];
  for (const t of rows.filter((r) => r.type === 'color' && !r.alias)) {
    assert.ok(css.includes(`var(${t.property}, ${t.value})`), `${t.property} light`);
    if (t.dark.value !== t.value)
      assert.ok(css.includes(`var(${t.property}, ${t.dark.value})`), `${t.property} dark`);
  }
  assert.ok(css.includes('--_radius: var(--mi-radius, 8px);'));
  assert.ok(css.includes('--_space: var(--mi-space, 16px);'));
});

test('every hand-written var(--mi-…, default) of a token in the source is the token’s default', () => {
  let seen = 0;
  for (const file of sources('src')) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const [, name, fallback] of text.matchAll(
      /var\((--mi-[\w-]+)\s*,\s*((?:[^()]|\([^()]*\))+)\)/g,
    )) {
      const token = byProperty.get(name);
      if (!token) continue;
      seen++;
      assert.equal(squash(fallback), squash(token.css), `${file}: var(${name}, ${fallback})`);
    }
  }
  // The font, the focus ring and the spacing are read where they are used.
  assert.ok(seen >= 5, `only ${seen} hand-written defaults found`);
});

test('the widgets’ @cssprop defaults (custom-elements.json) are the tokens’', async () => {
  await cli({ argv: ['analyze', '--quiet'], cwd: root });
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const documented = new Set();
  for (const mod of manifest.modules)
    for (const declaration of mod.declarations ?? [])
      for (const prop of declaration.cssProperties ?? []) {
        const token = byProperty.get(prop.name);
        if (!token) continue;
        documented.add(prop.name);
        const where = `${declaration.name} ${prop.name}`;
        if (prop.default !== undefined) assert.equal(prop.default, token.css, where);
        else assert.ok(token.alias || token.path === 'font.size', `${where}: no default`);
        const dark = /dark theme: ([^)]+)\)/.exec(prop.description ?? '')?.[1];
        if (dark) assert.equal(dark, token.dark.css, `${where}: dark default`);
      }
  assert.deepEqual(
    [...byProperty.keys()].filter((p) => !documented.has(p)),
    [],
    'every token is a documented @cssprop',
  );
});

test('the CDN build ships the tokens file as it is (dist/tokens.json)', () => {
  assert.deepEqual(JSON.parse(readFileSync(join(root, 'dist/tokens.json'), 'utf8')), readTokens());
});
