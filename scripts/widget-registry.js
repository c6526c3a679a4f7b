#!/usr/bin/env node
/**
 * The widget registry, src/generated/widgets.ts, written from custom-elements.json: each
 * widget's tag, title, class and modules, and every attribute with its type, values and default,
 * as the element's class and JSDoc declare them. The configurator, the iframe mode and the
 * stories read it; the loader, src/index.ts and package.json cannot, and a test holds them to it
 * (test/node/registry.test.js). `npm run analyze` runs this after the analyzer:
 *
 *   node scripts/widget-registry.js [manifest] [out-file]
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REGISTRY_FILE = resolve(root, 'src/generated/widgets.ts');

/** `src/news-feed/news-feed.ts` (or `/src/news-feed/news-feed.js`) → `news-feed/news-feed.js` */
const fromSrc = (path) => path.replace(/^\/?src\//, '').replace(/\.ts$/, '.js');

/** An attribute's default as the analyzer writes it (source text) → its value. */
function valueOf(text, where) {
  if (/^'.*'$/s.test(text)) return text.slice(1, -1).replace(/\\(.)/g, '$1');
  if (/^".*"$/s.test(text)) return JSON.parse(text);
  if (text === 'true' || text === 'false') return text === 'true';
  const number = Number(text.replace(/_/g, ''));
  if (text.trim() && Number.isFinite(number)) return number;
  throw new Error(`${where}: default ${text} is not a literal`);
}

/** An attribute's type text → `{ type, values? }`. */
function typeOf(text, where) {
  if (text === 'string' || text === 'number' || text === 'boolean') return { type: text };
  const values = text.split('|').map((part) => part.trim());
  if (values.every((v) => /^'[^'\\]*'$/.test(v) || /^"[^"\\]*"$/.test(v)))
    return { type: 'string', values: values.map((v) => v.slice(1, -1)) };
  throw new Error(
    `${where}: type "${text}" — the registry knows string, number, boolean and unions of strings`,
  );
}

/**
 * The widgets of a manifest: every custom element, named by its tag without `mi-`, by name
 * (the analyzer's order of modules varies from one file system to another). Throws on what the registry cannot describe (a missing title,
 * define module or type), naming the element and attribute.
 */
export function widgetsOf(manifest) {
  const definitions = manifest.modules.flatMap((mod) =>
    (mod.exports ?? [])
      .filter((e) => e.kind === 'custom-element-definition')
      .map((e) => ({ tag: e.name, module: mod.path })),
  );
  const widgets = manifest.modules.flatMap((mod) =>
    (mod.declarations ?? [])
      .filter((d) => d.customElement && d.tagName)
      .map((d) => {
        const tag = d.tagName;
        if (!tag.startsWith('mi-')) throw new Error(`<${tag}>: widget tags start with mi-`);
        if (!d.title) throw new Error(`<${tag}>: no @title in ${d.name}'s JSDoc`);
        const defines = definitions.filter((def) => def.tag === tag);
        if (defines.length !== 1)
          throw new Error(`<${tag}>: ${defines.length} modules define it; the registry needs one`);
        // What a page sets: not the attributes a widget only reflects (`state`, `@readonly`).
        const readonly = new Set((d.members ?? []).filter((m) => m.readonly).map((m) => m.name));
        const attributes = (d.attributes ?? [])
          .filter((a) => !readonly.has(a.fieldName))
          .map((a) => {
            const where = `<${tag}> ${a.name}`;
            if (!a.type) throw new Error(`${where}: no type (give the field one, or @attr {type})`);
            return {
              name: a.name,
              ...typeOf(a.type.text, where),
              ...(a.default === undefined ? {} : { default: valueOf(a.default, where) }),
              description: (a.description ?? '').replace(/\s+/g, ' ').trim(),
            };
          });
        return {
          name: tag.slice('mi-'.length),
          tag,
          title: d.title,
          className: d.name,
          module: fromSrc(mod.path),
          define: fromSrc(defines[0].module),
          attributes,
        };
      }),
  );
  if (!widgets.length) throw new Error('no custom elements in the manifest');
  return widgets.sort((a, b) => (a.name < b.name ? -1 : 1));
}

const HEADER = `// Written by scripts/widget-registry.js from custom-elements.json (npm run analyze): do not edit.
// Change a widget's class or its JSDoc, then run \`npm run analyze\`.

/** How an attribute is written: its type, the only values it takes (if so), its default. */
export interface AttributeSpec {
  readonly type: 'string' | 'number' | 'boolean';
  /** The only values this \`string\` attribute takes. */
  readonly values?: readonly string[];
  /** The element's own default; absent where it comes from the page (\`lang\`). */
  readonly default?: string | number | boolean;
}

/** One widget, as its element declares it. */
export interface WidgetSpec {
  readonly tag: string;
  /** A few words for whoever chooses a widget: the configurator's list, the iframe's title. */
  readonly title: string;
  /** The element's class: exported by \`module\` and by the package's entry (src/index.ts). */
  readonly className: string;
  /** The class's module, relative to src/ and lib/: no side effects. */
  readonly module: string;
  /** The module that defines the tag, relative to src/ and lib/ (a package export). */
  readonly define: string;
  /** Every attribute, the ones every widget inherits (\`lang\`, \`src\`, \`theme\`, \`timeout\`) last. */
  readonly attributes: { readonly [name: string]: AttributeSpec };
}
`;

/** The registry module's text, formatted as the repository formats TypeScript. */
export async function registrySource(manifest) {
  const widgets = widgetsOf(manifest);
  const specs = Object.fromEntries(
    widgets.map(({ name, attributes, ...widget }) => [
      name,
      {
        ...widget,
        attributes: Object.fromEntries(
          attributes.map(({ name: attribute, description: _, ...spec }) => [attribute, spec]),
        ),
      },
    ]),
  );
  const docs = Object.fromEntries(
    widgets.map((w) => [
      w.name,
      Object.fromEntries(w.attributes.map((a) => [a.name, a.description])),
    ]),
  );
  const source = `${HEADER}
export const WIDGETS = ${JSON.stringify(specs)} as const satisfies { readonly [name: string]: WidgetSpec };

/** A widget's name: its tag without \`mi-\` (the iframe URL's \`widget\`). */
export type WidgetName = keyof typeof WIDGETS;

/**
 * What each attribute does (its JSDoc), by widget and attribute: for forms and docs. Kept apart
 * from {@link WIDGETS} so that the iframe page's script, which reads only that, leaves it out.
 */
export const ATTRIBUTE_DOCS: {
  readonly [W in WidgetName]: { readonly [A in keyof (typeof WIDGETS)[W]['attributes']]: string };
} = ${JSON.stringify(docs)};
`;
  const options = await prettier.resolveConfig(REGISTRY_FILE);
  return prettier.format(source, { ...options, filepath: REGISTRY_FILE });
}

async function main() {
  const [manifestFile = resolve(root, 'custom-elements.json'), out = REGISTRY_FILE] =
    process.argv.slice(2);
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
  await writeFile(out, await registrySource(manifest));
  console.log(`widget-registry: wrote ${relative(process.cwd(), out) || out}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`widget-registry: ${error.message}`);
    process.exit(1);
  });
}
