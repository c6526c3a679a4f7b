/**
 * One registry of widgets. The analyzer runs here on the current source (as `npm run analyze`
 * does, writing nothing), and everything that lists the widgets is held to its manifest: the
 * registry written from it (src/generated/widgets.ts), which the configurator, the iframe mode
 * and the stories read; and what cannot read it — the loader (it imports nothing), src/index.ts,
 * package.json's exports and the README's attribute tables. The parts and custom properties
 * every widget shares are documented once, on MiElement, and still listed under each widget,
 * by the manifest and by Storybook's docs.
 *
 * Needs the CDN build and the compiled library: `npx vite build && npx tsc -p tsconfig.lib.json`.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import ts from 'typescript';
import { REGISTRY_FILE, registrySource, widgetsOf } from '../../scripts/widget-registry.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path) => readFileSync(join(root, path), 'utf8');

const SHARED_PARTS = ['base', 'loading', 'error', 'notice', 'retry-button', 'fallback'];
const SHARED_PROPERTIES = [
  '--mi-font-family',
  '--mi-font-size',
  '--mi-color-text',
  '--mi-color-muted',
  '--mi-color-background',
  '--mi-color-surface',
  '--mi-color-border',
  '--mi-color-primary',
  '--mi-color-on-primary',
  '--mi-color-error',
  '--mi-focus-ring',
  '--mi-radius',
  '--mi-space',
];

/** @type {any} */
let manifest;
const declarations = () => manifest.modules.flatMap((m) => m.declarations ?? []);
const declarationOf = (name) => declarations().find((d) => d.name === name);
/** The custom elements of the manifest, each with the path of its module. */
const elements = () =>
  manifest.modules.flatMap((m) =>
    (m.declarations ?? [])
      .filter((d) => d.customElement && d.tagName)
      .map((d) => ({ ...d, path: m.path })),
  );
/** An element's attribute, as the manifest has it. */
const attributeOf = (tag, name) =>
  elements()
    .find((e) => e.tagName === tag)
    .attributes.find((a) => a.name === name);

before(async () => {
  manifest = await cli({ argv: ['analyze', '--quiet'], cwd: root, noWrite: true });
});

/** A TypeScript or JavaScript module's syntax tree. */
const parse = (path) => ts.createSourceFile(path, read(path), ts.ScriptTarget.ES2022, true);

/** The statements of a module that import another (`import …`, `export … from`). */
const staticImports = (module) =>
  module.statements
    .filter((s) => (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) && s.moduleSpecifier)
    .map((s) => s.getText());

describe('the manifest', () => {
  test('documents the shared parts, custom properties and `lang` once, on MiElement', () => {
    const base = declarationOf('MiElement');
    assert.deepEqual(
      base.cssParts.map((p) => p.name),
      SHARED_PARTS,
    );
    assert.deepEqual(
      base.cssProperties.map((p) => p.name),
      SHARED_PROPERTIES,
    );
    assert.ok(base.attributes.some((a) => a.name === 'lang' && a.type?.text === 'string'));
    for (const element of elements()) {
      const header = read(element.path);
      const tag = element.tagName;
      for (const part of SHARED_PARTS)
        assert.doesNotMatch(header, new RegExp(`@csspart ${part} `), `${tag} repeats part ${part}`);
      for (const property of SHARED_PROPERTIES)
        assert.doesNotMatch(
          header,
          new RegExp(`@cssprop \\[?${property}[\\]=]`),
          `${tag} repeats ${property}`,
        );
      assert.doesNotMatch(header, /@attr {?[\w ]*}? ?lang /, `${tag} repeats lang`);
    }
  });

  test('lists them under every widget, inherited from MiElement', () => {
    assert.equal(elements().length, 4);
    for (const element of elements()) {
      const inherited = (items, names) =>
        names.map((name) => items.find((item) => item.name === name)?.inheritedFrom?.name);
      assert.deepEqual(
        inherited(element.cssParts, SHARED_PARTS),
        SHARED_PARTS.map(() => 'MiElement'),
        `${element.tagName}'s parts`,
      );
      assert.deepEqual(
        inherited(element.cssProperties, SHARED_PROPERTIES),
        SHARED_PROPERTIES.map(() => 'MiElement'),
        `${element.tagName}'s custom properties`,
      );
      assert.equal(attributeOf(element.tagName, 'lang')?.inheritedFrom?.name, 'MiElement');
    }
  });

  test('Storybook’s docs, which read it, list the shared parts and properties for every widget', async () => {
    globalThis.window ??= globalThis; // Storybook's preview code expects a browser's globals
    const { setCustomElementsManifest } = await import('@storybook/web-components');
    const { parameters } = await import('@storybook/web-components/entry-preview-argtypes');
    setCustomElementsManifest(manifest);
    for (const { tagName } of elements()) {
      const rows = Object.values(parameters.docs.extractArgTypes(tagName));
      const named = (category) =>
        rows.filter((r) => r.table?.category === category).map((r) => r.name);
      assert.deepEqual(
        SHARED_PARTS.filter((p) => !named('css shadow parts').includes(p)),
        [],
        `${tagName}'s parts`,
      );
      assert.deepEqual(
        SHARED_PROPERTIES.filter((p) => !named('css custom properties').includes(p)),
        [],
        `${tagName}'s custom properties`,
      );
      assert.ok(named('attributes').includes('lang'), `${tagName} lang`);
    }
  });

  test('types each attribute as a value, not a name: aliases expanded, constants resolved', () => {
    const text = (tag, name) => {
      const { type, default: value } = attributeOf(tag, name);
      return `${type?.text} = ${value}`;
    };
    assert.equal(text('mi-news-feed', 'layout'), "'list' | 'cards' = 'list'");
    assert.equal(text('mi-quiz', 'theme'), "'light' | 'dark' | 'auto' = 'light'");
    // `timeout = DEFAULT_TIMEOUT`, imported from the feed client.
    const timeout = /DEFAULT_TIMEOUT = ([\d_]+)/.exec(read('src/feed/client.ts'))[1];
    assert.equal(text('mi-campaign-banner', 'timeout'), `number = ${timeout.replace(/_/g, '')}`);
    // `tiles = OSM_TILES`, a constant of the module.
    assert.match(text('mi-hub-locator', 'tiles'), /^string = 'https:\/\/.*\{z\}.*'$/);
  });

  test('gives every widget the title of its class’s @title', () => {
    assert.deepEqual(
      Object.fromEntries(elements().map((e) => [e.tagName, e.title])),
      Object.fromEntries(
        elements().map((e) => [e.tagName, /^ \* @title (.+)$/m.exec(read(e.path))?.[1]]),
      ),
    );
    for (const element of elements()) assert.ok(element.title, element.tagName);
  });
});

describe('the widget registry (src/generated/widgets.ts)', () => {
  test('has the four widgets, each with a title, its tag defined in a module of its own', () => {
    const widgets = widgetsOf(manifest);
    assert.deepEqual(widgets.map((w) => w.tag).sort(), [
      'mi-campaign-banner',
      'mi-hub-locator',
      'mi-news-feed',
      'mi-quiz',
    ]);
    for (const w of widgets) {
      assert.ok(w.title, w.tag);
      assert.equal(`mi-${w.name}`, w.tag);
      assert.notEqual(w.define, w.module, `${w.tag}: the class module defines no tag`);
    }
  });

  test('is written from the current source: run `npm run analyze` after changing a widget', async () => {
    assert.equal(
      readFileSync(REGISTRY_FILE, 'utf8'),
      await registrySource(manifest),
      'src/generated/widgets.ts is stale: run npm run analyze',
    );
  });
});

describe('what cannot read the registry agrees with it', () => {
  /** @type {ReturnType<typeof widgetsOf>} */
  let widgets;
  before(() => {
    widgets = widgetsOf(manifest);
  });

  test('the loader imports nothing, and loads each widget’s class module, then its define module', () => {
    const loader = parse('src/loader.ts');
    assert.deepEqual(
      staticImports(loader),
      [],
      'a static import becomes a chunk loaded before anything starts',
    );
    /** Every literal `import('…')` in the loader, by the key of the table entry it is in. */
    const table = {};
    let outside = 0;
    const visit = (node, key) => {
      if (ts.isPropertyAssignment(node) && ts.isStringLiteral(node.name)) key = node.name.text;
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [specifier] = node.arguments;
        assert.ok(ts.isStringLiteral(specifier), `a literal import(): ${node.getText()}`);
        if (key) (table[key] ??= []).push(specifier.text);
        else outside++;
      }
      ts.forEachChild(node, (child) => visit(child, key));
    };
    visit(loader);
    assert.equal(outside, 0, 'every import() is a widget’s');
    assert.deepEqual(
      table,
      Object.fromEntries(widgets.map((w) => [w.tag, [`./${w.module}`, `./${w.define}`]])),
    );
  });

  test('the built loader has no static import, and a chunk for each widget', () => {
    assert.deepEqual(staticImports(parse('dist/mi-widgets.js')), []);
    const preloads = JSON.parse(read('dist/preloads.json'));
    assert.deepEqual(Object.keys(preloads.widgets).sort(), widgets.map((w) => w.tag).sort());
  });

  test('src/index.ts exports each widget’s class from its class module, and no other element', () => {
    const exported = parse('src/index.ts').statements.flatMap((s) =>
      ts.isExportDeclaration(s) && s.exportClause && ts.isNamedExports(s.exportClause)
        ? s.exportClause.elements.map((e) => ({
            name: e.name.text,
            from: s.moduleSpecifier.text.replace(/^\.\//, ''),
          }))
        : [],
    );
    const elements = new Set(
      declarations()
        .filter((d) => d.customElement && d.tagName)
        .map((d) => d.name),
    );
    assert.deepEqual(
      exported.filter((e) => elements.has(e.name)).sort((a, b) => a.name.localeCompare(b.name)),
      widgets
        .map((w) => ({ name: w.className, from: w.module }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
  });

  test('package.json exports each define module, typed, with side effects, and no other', () => {
    const pkg = JSON.parse(read('package.json'));
    /** `sideEffects` globs (`**`, `*`) as one test. */
    const effects = pkg.sideEffects.map(
      (glob) =>
        new RegExp(
          `^${glob
            .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
            .replace(/\*\*\//g, '(?:.*/)?')
            .replace(/\*/g, '[^/]*')}$`,
        ),
    );
    const hasEffects = (path) => effects.some((re) => re.test(path));
    for (const w of widgets) {
      const types = w.define.replace(/\.js$/, '.d.ts');
      assert.deepEqual(pkg.exports[`./${w.define}`], {
        types: `./lib/${types}`,
        default: `./lib/${w.define}`,
      });
      for (const file of [w.define, types])
        assert.ok(existsSync(join(root, 'lib', file)), `lib/${file}`);
      assert.ok(
        hasEffects(`./lib/${w.define}`),
        `${w.define}: in sideEffects, or bundlers drop it`,
      );
      // Only shipped paths: the build keeps the source define modules itself (vite.config.ts).
      assert.ok(!hasEffects(`./src/${w.define.replace(/\.js$/, '.ts')}`), `src of ${w.define}`);
      const chunk = readdirSync(join(root, 'dist/chunks')).find(
        (f) => f.startsWith(`${w.tag}-`) && f.endsWith('.js'),
      );
      assert.ok(chunk, `dist/chunks/${w.tag}-….js`);
      assert.match(
        read(`dist/chunks/${chunk}`),
        /customElements/,
        `the built ${w.tag} chunk still defines the tag`,
      );
      assert.ok(!hasEffects(`./lib/${w.module}`), `${w.module} has no side effects`);
    }
    // The React components (`./react/mi-quiz.js`, scripts/framework-types.js) define their tag
    // through the define module: one per widget, and no other.
    const isReact = (k) => k.startsWith('./react/');
    const defines = Object.keys(pkg.exports).filter(
      (k) => /^\.\/[\w-]+\/mi-[\w-]+\.js$/.test(k) && !isReact(k),
    );
    assert.deepEqual(defines.sort(), widgets.map((w) => `./${w.define}`).sort());
    assert.deepEqual(
      Object.keys(pkg.exports).filter(isReact).sort(),
      widgets.map((w) => `./react/${w.tag}.js`).sort(),
    );
  });

  test('every widget’s stories are built from the registry, for its own tag', () => {
    for (const w of widgets) {
      const stories = read(`stories/${w.name}.stories.ts`);
      assert.match(stories, new RegExp(`component: '${w.tag}'`), w.tag);
      assert.match(stories, new RegExp(`widgetStories\\('${w.name}'`), w.tag);
      assert.match(
        stories,
        new RegExp(`import '\\.\\./src/${w.define.replace(/\.js$/, '')}\\.js'`),
      );
    }
  });

  test('the README documents every attribute: the shared ones once, each widget’s own in its section', () => {
    const readme = read('README.md');
    /** The attributes of the first table under a heading. */
    const table = (heading) => {
      const section = readme.slice(readme.indexOf(`\n${heading}\n`));
      const lines = section.split('\n');
      const start = lines.findIndex((l) => l.startsWith('| Attribute'));
      const rows = [];
      for (const line of lines.slice(start + 2)) {
        if (!line.startsWith('|')) break;
        const match = /^\| `([\w-]+)` +\|/.exec(line);
        if (match) rows.push(match[1]);
      }
      return rows.sort();
    };
    const base = declarationOf('MiElement');
    assert.deepEqual(
      table('## Common attributes (every widget)'),
      base.attributes.map((a) => a.name).sort(),
    );
    for (const w of widgets) {
      const own = declarationOf(w.className)
        .attributes.filter((a) => !a.inheritedFrom)
        .map((a) => a.name)
        .sort();
      assert.deepEqual(table(`## \`<${w.tag}>\``), own, w.tag);
    }
  });
});
