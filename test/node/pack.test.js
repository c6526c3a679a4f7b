/**
 * What `npm publish` would ship: the file list of `npm pack --dry-run --json` (lifecycle scripts
 * off: nothing is rebuilt here), held to what the package is — the CDN build (dist/), the ESM
 * build with its types (lib/, the React components in lib/react/), the CLI (bin/), the manifest,
 * the frameworks' types (types/) and editors' data (web-types.json, vscode.html-custom-data.json),
 * and package.json, the README, the changelog and a licence — with nothing else and nothing missing: every path package.json names
 * (`main`, `types`, `exports`, `bin`, `unpkg`, `jsdelivr`), and every module those import.
 *
 * Source maps ship: dist/'s are named by the built files (`//# sourceMappingURL=`) and served
 * beside them by the CDNs, lib/'s by the compiled modules for a partner's bundler; each carries
 * its sources (`sourcesContent`), since src/ does not ship. Declaration maps do not: they would
 * point at src/.
 *
 * Needs the CDN build, the compiled library and the schema (`npm run pretest`). The manifest,
 * custom-elements.json, is written here from the current source, as `npm run analyze` writes it.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** What may ship: each packed file must match one. */
const ALLOWED = [
  /^dist\/.+\.(js|js\.map|css|html|json)$/,
  /^lib\/.+\.(js|js\.map|d\.ts)$/,
  /^bin\/[^/]+\.js$/,
  /^types\/[^/]+\.d\.ts$/,
  /^(custom-elements\.json|web-types\.json|vscode\.html-custom-data\.json)$/,
  /^(package\.json|README\.md|CHANGELOG\.md)$/,
  /^LICEN[CS]E(\.\w+)?$/,
];
/** What never ships, wherever it is. */
const FORBIDDEN = [
  /(^|\/)(test|tests|__tests__|fixtures|stories|demo|\.storybook)\//,
  /\.(test|spec|stories)\.[cm]?[jt]sx?(\.map)?$/,
  /(^|\/)\.DS_Store$/,
  /\.d\.ts\.map$/,
  /\.tsbuildinfo$/,
];
/** What must ship besides the paths package.json names. */
const REQUIRED = [
  'dist/mi-widgets.js',
  'dist/mi-widgets.css',
  'dist/embed.html',
  'dist/embed.js',
  'dist/mi-embed-resize.js',
  'dist/feed.schema.json',
  'dist/integrity.json',
  'dist/preloads.json',
  'dist/tokens.json',
  'lib/index.js',
  'lib/index.d.ts',
  'custom-elements.json',
  'lib/react/index.js',
  'lib/react/index.d.ts',
  'types/react-jsx.d.ts',
  'types/preact-jsx.d.ts',
  'types/vue.d.ts',
  'web-types.json',
  'vscode.html-custom-data.json',
  'bin/mi-feed.js',
  'lib/cli/main.js',
  'package.json',
  'README.md',
  'CHANGELOG.md',
];

/** `./lib/x.js` → `lib/x.js` */
const normal = (path) => posix.normalize(path).replace(/^\.\//, '');

/** Every string in an `exports` map (conditions and subpaths, however nested). */
const targets = (value) =>
  typeof value === 'string' ? [value] : Object.values(value ?? {}).flatMap(targets);

/** The relative modules a compiled module imports, statically or with `import('…')`. */
function relativeImports(file) {
  const code = readFileSync(join(root, file), 'utf8');
  const found = [];
  for (const [, spec] of code.matchAll(
    /(?:\bfrom\s*|\bimport\s*\(?\s*|\bnew URL\(\s*)['"](\.\.?\/[^'"]+)['"]/g,
  ))
    found.push(normal(posix.join(posix.dirname(file), spec)));
  return found;
}

let files;

before(async () => {
  await cli({ argv: ['analyze', '--quiet'], cwd: root });
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [packed] = JSON.parse(out);
  files = new Set(packed.files.map((f) => f.path));
});

test('the package ships nothing but the builds, the CLI, the manifest and the docs', () => {
  const stray = [...files].filter(
    (f) => !ALLOWED.some((re) => re.test(f)) || FORBIDDEN.some((re) => re.test(f)),
  );
  assert.deepEqual(stray, [], 'files that should not be in the package');
});

test('the package ships the loader, the schema, the hashes, the library, the manifest and the CLI', () => {
  assert.deepEqual(
    REQUIRED.filter((f) => !files.has(f)),
    [],
  );
  assert.ok(
    [...files].some((f) => /^dist\/chunks\/mi-news-feed-[\w-]+\.js$/.test(f)),
    'the widgets’ chunks',
  );
});

test('every path package.json names is in the package', () => {
  const named = [
    pkg.main,
    pkg.module,
    pkg.types,
    pkg.unpkg,
    pkg.jsdelivr,
    pkg.customElements,
    ...targets(pkg.exports),
    ...Object.values(pkg.bin ?? {}),
  ].map((path) => {
    assert.equal(typeof path, 'string', `package.json names a path that is not a string`);
    return normal(path);
  });
  assert.deepEqual(
    named.filter((f) => !files.has(f)),
    [],
  );
});

test('unpkg and jsdelivr serve the loader', () => {
  assert.equal(normal(pkg.unpkg ?? ''), 'dist/mi-widgets.js');
  assert.equal(normal(pkg.jsdelivr ?? ''), 'dist/mi-widgets.js');
});

test('every module in the package finds the modules it imports in the package (the CLI’s too)', () => {
  const missing = [];
  for (const file of files)
    if (/^(lib|bin|dist)\/.+\.js$/.test(file))
      for (const imported of relativeImports(file))
        if (!files.has(imported)) missing.push(`${file} → ${imported}`);
  assert.deepEqual(missing, []);
  // The shim loads the CLI by URL (`new URL('../lib/cli/main.js', import.meta.url)`).
  assert.ok(relativeImports('bin/mi-feed.js').includes('lib/cli/main.js'));
});

test('every source map ships beside its file and carries its sources', () => {
  for (const map of [...files].filter((f) => f.endsWith('.map'))) {
    assert.ok(files.has(map.slice(0, -'.map'.length)), `${map} without its file`);
    const { sources, sourcesContent } = JSON.parse(readFileSync(join(root, map), 'utf8'));
    assert.ok(
      sourcesContent?.length === sources.length && sourcesContent.every((s) => s != null),
      `${map} names sources it does not carry (src/ does not ship)`,
    );
  }
  assert.ok(files.has('dist/mi-widgets.js.map') && files.has('lib/index.js.map'));
});
