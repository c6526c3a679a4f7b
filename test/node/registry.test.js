/**
 * The widgets' manifest (custom-elements.json), as the analyzer makes it from the current source
 * (as `npm run analyze` does, writing nothing). The parts and custom properties every widget
 * shares are documented once, on MiElement, and still listed under each widget, by the manifest
 * and by Storybook's docs.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path) => readFileSync(join(root, path), 'utf8');

const SHARED_PARTS = ['base', 'loading', 'error', 'notice', 'retry-button'];
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
