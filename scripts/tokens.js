#!/usr/bin/env node
/**
 * The design tokens, src/tokens/tokens.json (W3C Design Tokens format, in Tokens Studio's
 * single-file layout: token sets `base`, `light` and `dark`, and `$themes` combining them), are
 * the one source of the widgets' `--mi-*` defaults. From them this writes:
 *
 * - src/generated/tokens.ts and src/generated/banner-tokens.ts: the CSS declarations
 *   `--_bg: var(--mi-color-background, #ffffff);` … of the light theme and, where they differ,
 *   of the dark one, which src/shared/styles.ts and the campaign banner's styles put in place;
 * - src/generated/token-values.ts: the colours' defaults as data (the theme builder's);
 * - the table in README.md's "Theming" section and in stories/Theming.mdx, between the marker
 *   comments `tokens:start` and `tokens:end`.
 *
 *   node scripts/tokens.js           write them
 *   node scripts/tokens.js --check   exit 1 when a written file is not what the tokens give
 *
 * test/node/tokens.test.js holds the rest of the source to the tokens: every hand-written
 * `var(--mi-…, default)`, the `@cssprop` defaults in the JSDoc (custom-elements.json).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const TOKENS_FILE = resolve(root, 'src/tokens/tokens.json');
/** The key of this project's data in a token's `$extensions`. */
export const EXTENSION = 'info.migration-widgets';

/** The tokens file, parsed. */
export const readTokens = () => JSON.parse(readFileSync(TOKENS_FILE, 'utf8'));

/**
 * The tokens of one set, flattened: `{ path, property, type, value, css, description, widget }`,
 * `property` the custom property (`--mi-` and the path joined with `-`), `css` the default as
 * the widgets' CSS writes it (an alias `{color.primary}` is `var(--_primary)`).
 */
export function flatten(group, path = [], inheritedType) {
  const type = group.$type ?? inheritedType;
  if ('$value' in group) {
    const ext = group.$extensions?.[EXTENSION] ?? {};
    const alias = /^\{(.+)\}$/.exec(String(group.$value));
    return [
      {
        path: path.join('.'),
        property: `--mi-${path.join('-')}`,
        type,
        value: group.$value,
        alias: alias?.[1],
        css: ext.css ?? (alias ? `var(${privateName(alias[1])})` : group.$value),
        description: group.$description ?? '',
        widget: ext.widget,
      },
    ];
  }
  return Object.entries(group)
    .filter(([key]) => !key.startsWith('$'))
    .flatMap(([key, child]) => flatten(child, [...path, key], type));
}

/** `color.background` → `--_bg`, `color.on-primary` → `--_on-primary`, `radius` → `--_radius`. */
function privateName(path) {
  const last = path.split('.').at(-1);
  return `--_${last === 'background' ? 'bg' : last}`;
}

/** Each token with its light and dark values: `base` tokens have one for both. */
export function tokenTable(tokens = readTokens()) {
  const dark = new Map(flatten(tokens.dark).map((t) => [t.path, t]));
  return [
    ...flatten(tokens.base).map((t) => ({ ...t, dark: undefined })),
    ...flatten(tokens.light).map((t) => ({ ...t, dark: dark.get(t.path) })),
  ];
}

/**
 * The tokens a widget's own CSS sets as private properties: the colours, the radius and the
 * spacing (the font and focus ring are read where they are used, with their default there).
 */
const declared = (t) => (t.type === 'color' ? !t.alias : /^(radius|space)$/.test(t.path));

/** `--_bg: var(--mi-color-background, #ffffff);` lines, for the tokens `which` picks. */
function declarations(rows, which, theme) {
  return rows
    .filter((t) => declared(t) && which(t))
    .filter((t) => theme === 'light' || (t.dark && t.dark.css !== t.css))
    .map(
      (t) =>
        `${privateName(t.path)}: var(${t.property}, ${theme === 'light' ? t.css : t.dark.css});`,
    )
    .join('\n');
}

const HEADER = `// Written by scripts/tokens.js from src/tokens/tokens.json: edit the tokens, then run
// \`node scripts/tokens.js\`.`;

/** src/generated/tokens.ts: every widget's (base) tokens. */
export function baseModule(rows = tokenTable()) {
  return `${HEADER}
import { css } from 'lit';

/** The light theme's defaults (and the radius and spacing), as the widgets' private properties. */
export const lightTokens = css\`
${declarations(rows, (t) => !t.widget, 'light')}
\`;

/** The dark theme's, where they differ from the light theme's. */
export const darkTokens = css\`
${declarations(rows, (t) => !t.widget, 'dark')}
\`;
`;
}

/** src/generated/banner-tokens.ts: the campaign banner's own. */
export function bannerModule(rows = tokenTable()) {
  const mine = (t) => t.widget === 'mi-campaign-banner';
  return `${HEADER}
import { css } from 'lit';

/** The campaign banner's severity colours in the light theme. */
export const bannerLightTokens = css\`
${declarations(rows, mine, 'light')}
\`;

/** The dark theme's, where they differ. */
export const bannerDarkTokens = css\`
${declarations(rows, mine, 'dark')}
\`;
`;
}

/** src/generated/token-values.ts: the colours' defaults as data, for the theme builder. */
export function valuesModule(rows = tokenTable()) {
  const colors = rows.filter((t) => t.type === 'color' && !t.alias);
  const theme = (pick) =>
    Object.fromEntries(colors.map((t) => [t.path.replace(/^color\./, ''), pick(t)]));
  return `${HEADER}

/** Each colour token's default (\`--mi-color-<name>\`), in each theme. */
export const COLOR_DEFAULTS = ${JSON.stringify({ light: theme((t) => t.value), dark: theme((t) => t.dark.value) })} as const;

export type ColorName = keyof (typeof COLOR_DEFAULTS)['light'];
`;
}

/** A default as the docs show it. */
function shown(token) {
  if (!token) return '';
  if (token.alias) return token.alias.split('.').at(-1);
  return `\`${token.css}\``;
}

/** The Markdown table of the tokens (README.md, stories/Theming.mdx). */
export function markdownTable(rows = tokenTable()) {
  const lines = [
    '| Property | Light default | Dark default | What it is |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      (t) =>
        `| \`${t.property}\` | ${shown(t)} | ${t.dark ? shown(t.dark) : 'same'} | ${t.description.replace(/\|/g, '\\|')} |`,
    ),
  ];
  return lines.join('\n');
}

/** `text` with what is between the markers replaced by `block`. */
function between(text, start, end, block, file) {
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`${file}: no ${start} … ${end} markers`);
  return `${text.slice(0, i + start.length)}\n\n${block}\n\n${text.slice(j)}`;
}

/** Every file the tokens give: path → contents, formatted as the repository's Prettier does. */
export async function outputs() {
  const rows = tokenTable();
  const table = markdownTable(rows);
  const files = {
    'src/generated/tokens.ts': baseModule(rows),
    'src/generated/banner-tokens.ts': bannerModule(rows),
    'src/generated/token-values.ts': valuesModule(rows),
  };
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  files['README.md'] = between(
    readme,
    '<!-- tokens:start (written by scripts/tokens.js from src/tokens/tokens.json) -->',
    '<!-- tokens:end -->',
    table,
    'README.md',
  );
  const mdx = readFileSync(resolve(root, 'stories/Theming.mdx'), 'utf8');
  files['stories/Theming.mdx'] = between(
    mdx,
    '{/* tokens:start (written by scripts/tokens.js from src/tokens/tokens.json) */}',
    '{/* tokens:end */}',
    table,
    'stories/Theming.mdx',
  );
  for (const [path, text] of Object.entries(files)) {
    const filepath = resolve(root, path);
    // src/generated is left out of Prettier's check, but formatted all the same.
    const options = (await prettier.resolveConfig(filepath)) ?? {};
    files[path] = await prettier.format(text, {
      ...options,
      filepath,
      embeddedLanguageFormatting: 'off',
    });
  }
  return files;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const stale = [];
  for (const [path, text] of Object.entries(await outputs())) {
    const file = resolve(root, path);
    let now = '';
    try {
      now = readFileSync(file, 'utf8');
    } catch {
      // not written yet
    }
    if (now === text) continue;
    stale.push(relative(root, file));
    if (!check) writeFileSync(file, text);
  }
  if (check && stale.length) {
    console.error(
      `tokens: ${stale.join(', ')} not as src/tokens/tokens.json gives: run node scripts/tokens.js and commit`,
    );
    process.exit(1);
  }
  if (!check && stale.length) console.log(`tokens: wrote ${stale.join(', ')}`);
}
