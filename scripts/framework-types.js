#!/usr/bin/env node
/**
 * Framework bindings and editor data, written from custom-elements.json (as the widget registry
 * is, through the same reader, `widgetsOf`): one source, every toolchain.
 *
 *   types/react-jsx.d.ts         React 19's JSX: `<mi-quiz draw={3} onmi-quiz-complete={…}>`
 *   types/preact-jsx.d.ts        Preact's JSX, the same way
 *   types/vue.d.ts               Vue's GlobalComponents: props and `@mi-quiz-complete` typed
 *   src/react/*.ts               React 18/19 components through @lit/react (`<MiQuiz onMiQuizComplete>`)
 *   vscode.html-custom-data.json VS Code's HTML completion (`html.customData`)
 *   web-types.json               JetBrains' HTML completion (package.json `web-types`)
 *
 * Attribute types are the manifest's (a union of strings, `number`, `boolean`, `string`); an
 * event's payload is the one the element declares in `GlobalEventHandlersEventMap`, which the
 * declarations import from lib/ (so a payload is written once, in the element's module). The
 * outputs are committed: CI (.ci/run) rebuilds them and fails when they differ. `npm run analyze`
 * runs this after the analyzer:
 *
 *   node scripts/framework-types.js [manifest]
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import { widgetsOf } from './widget-registry.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8'));

const NOTICE = `Written by scripts/framework-types.js from custom-elements.json (npm run analyze): do not edit.`;

/** `mi-quiz-complete` → `MiQuizComplete` */
const pascal = (name) => name.replace(/(^|-)(\w)/g, (_, _dash, c) => c.toUpperCase());

/** A string as a TypeScript or JSON literal. */
const literal = (text) => JSON.stringify(text);

/** One line of prose from a JSDoc text. */
const oneLine = (text = '') => text.replace(/\s+/g, ' ').trim();

/** A JSDoc comment, safe to put in generated source. */
const jsdoc = (text) => (text ? `/** ${oneLine(text).replace(/\*\//g, '*\\/')} */\n` : '');

/**
 * Everything the outputs need about each widget: the registry's attributes (what a page sets,
 * with types and defaults) and, from the element's declaration, its description, events, slots,
 * CSS parts and custom properties.
 */
export function elementsOf(manifest) {
  const declarations = new Map(
    manifest.modules.flatMap((mod) =>
      (mod.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName, d]),
    ),
  );
  return widgetsOf(manifest).map((widget) => {
    const d = declarations.get(widget.tag);
    const events = (d.events ?? []).map((e) => {
      if (!e.name?.startsWith('mi-'))
        throw new Error(`<${widget.tag}>: event ${e.name} — widget events are named mi-…`);
      return { name: e.name, description: oneLine(e.description) };
    });
    return {
      ...widget,
      summary: oneLine(d.summary),
      description: oneLine(d.description),
      events,
      slots: (d.slots ?? []).map((s) => ({ name: s.name, description: oneLine(s.description) })),
      cssParts: (d.cssParts ?? []).map((p) => ({
        name: p.name,
        description: oneLine(p.description),
      })),
      cssProperties: (d.cssProperties ?? []).map((p) => ({
        name: p.name,
        description: oneLine(p.description),
        ...(p.default === undefined ? {} : { default: p.default }),
      })),
    };
  });
}

/** An attribute's TypeScript type. */
const tsType = (a) => (a.values ? a.values.map(literal).join(' | ') : a.type);

/** An attribute's doc comment: its description and default. */
const attributeDoc = (a) =>
  jsdoc(
    `${a.description}${a.default === undefined || a.default === '' ? '' : ` Default: \`${a.default}\`.`}`,
  );

/** The payload type of an event, as its element declares it. */
const eventType = (name) => `GlobalEventHandlersEventMap[${literal(name)}]`;

const IMPORT_CLASSES = (elements, from) =>
  `import type { ${elements.map((e) => e.className).join(', ')} } from '${from}';`;

/** `heading-level` → `headingLevel` */
const camel = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());

/**
 * The attributes of one widget, as an interface body: `'heading-level'?: number;`, or with
 * `camelCase`, `headingLevel?: number;` (vue-tsc checks `heading-level="…"` against the prop
 * `headingLevel`, as Vue does for components).
 */
const attributeMembers = (e, { camelCase = false } = {}) =>
  e.attributes
    .map((a) => `${attributeDoc(a)}${literal(camelCase ? camel(a.name) : a.name)}?: ${tsType(a)};`)
    .join('\n');

/** An element's event props for a JSX that listens to `on` + the event's exact name. */
const jsxEventMembers = (e) =>
  e.events
    .map(
      (ev) =>
        `${jsdoc(ev.description)}${literal(`on${ev.name}`)}?: (event: ${eventType(ev.name)}) => void;`,
    )
    .join('\n');

/** `declare module '<module>'`'s `JSX.IntrinsicElements`: each tag with its props interface. */
const intrinsicElements = (module, elements, suffix) => `declare module '${module}' {
  namespace JSX {
    interface IntrinsicElements {
      ${elements.map((e) => `${literal(e.tag)}: ${e.className}${suffix};`).join('\n')}
    }
  }
}`;

/** The names of an element's attributes, as a union of literals (what the props redefine). */
const attributeNames = (e) => e.attributes.map((a) => literal(a.name)).join(' | ');

/**
 * React 19's JSX. React 19 sets a prop on a custom element as a property when the element has
 * one of that name (`draw={3}` → `el.draw = 3`), else as an attribute (`heading-level={2}`), and
 * listens for `on` + the event's exact name: `onmi-quiz-complete` → `mi-quiz-complete`.
 */
export function reactJsx(elements) {
  const props = elements.map(
    (e) => `/** \`<${e.tag}>\`: ${e.summary} */
export interface ${e.className}JsxProps
  extends Omit<React.HTMLAttributes<${e.className}>, ${attributeNames(e)}>,
    React.RefAttributes<${e.className}> {
  ${attributeMembers(e)}
  /** The \`class\` attribute (React 19 passes it to a custom element as it is; \`className\` works too). */
  class?: string;
  ${jsxEventMembers(e)}
}`,
  );
  return `// ${NOTICE}
// React 19's JSX for the widgets' tags. In a .tsx file: \`import type {} from '${pkg.name}/react-jsx';\`
// (or list '${pkg.name}/react-jsx' in tsconfig's compilerOptions.types).
${IMPORT_CLASSES(elements, '../lib/index.js')}
import type * as React from 'react';

${props.join('\n\n')}

${intrinsicElements('react', elements, 'JsxProps')}
`;
}

/**
 * Preact's JSX. Preact, like React 19, sets a prop as a property when the element has one, and
 * listens to `on` + the event's exact name when no lower-case DOM handler has it:
 * `onmi-quiz-complete` → `mi-quiz-complete`.
 */
export function preactJsx(elements) {
  const props = elements.map(
    (e) => `/** \`<${e.tag}>\`: ${e.summary} */
export interface ${e.className}PreactProps
  extends Omit<JSX.HTMLAttributes<${e.className}>, ${attributeNames(e)}> {
  ${attributeMembers(e)}
  ${jsxEventMembers(e)}
}`,
  );
  return `// ${NOTICE}
// Preact's JSX for the widgets' tags. In a .tsx file: \`import type {} from '${pkg.name}/preact-jsx';\`
${IMPORT_CLASSES(elements, '../lib/index.js')}
import type { JSX } from 'preact';

${props.join('\n\n')}

${intrinsicElements('preact', elements, 'PreactProps')}
`;
}

/**
 * Vue's GlobalComponents, as Vue's guide types custom elements that Vue did not build: a
 * constructor whose instance carries `$props` (what a template may set) and `$emit` (the events
 * `@mi-quiz-complete` may listen to, each with its payload).
 */
export function vueTypes(elements) {
  const props = elements.map(
    (e) => `/**
 * \`<${e.tag}>\`'s attributes, by their camelCase names (a template may write either). A number
 * is bound, \`:heading-level="2"\`: Vue sets \`draw="3"\` on the element as the string "3".
 */
export interface ${e.className}VueProps {
  ${attributeMembers(e, { camelCase: true })}
}

/** \`<${e.tag}>\`'s events, by name: \`@${e.events[0]?.name ?? 'mi-…'}="…"\`. */
export interface ${e.className}VueEvents {
  ${e.events.map((ev) => `${jsdoc(ev.description)}${literal(ev.name)}: ${eventType(ev.name)};`).join('\n')}
}`,
  );
  return `// ${NOTICE}
// Vue's template types for the widgets' tags (vue-tsc, Vue - Official). In any .ts file of the app:
// \`import type {} from '${pkg.name}/vue';\`. Vue must also treat mi-* tags as custom elements
// (compilerOptions.isCustomElement: see the README, "Vue").
${IMPORT_CLASSES(elements, '../lib/index.js')}
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';

/** A custom element as a Vue component type: its props and its events, for templates only. */
export type MiVueElement<Element extends HTMLElement, Props, Events extends Record<string, Event>> =
  new () => Element & {
    /** For template type checks only: set attributes in the template. */
    $props: Omit<HTMLAttributes, keyof Props> & Props & PublicProps;
    /** For template type checks only: listen with \`@event-name\`. */
    $emit: EmitFn<{ [K in keyof Events]: (event: Events[K]) => void }>;
  };

${props.join('\n\n')}

declare module 'vue' {
  interface GlobalComponents {
    ${elements.map((e) => `${literal(e.tag)}: MiVueElement<${e.className}, ${e.className}VueProps, ${e.className}VueEvents>;`).join('\n')}
  }
}
`;
}

/** The React components of one widget through @lit/react: `onMiQuizComplete` → `mi-quiz-complete`. */
export function reactWrapper(e) {
  return `// ${NOTICE}
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { ${e.className} as ${e.className}Element } from '../${e.define}';

/**
 * \`<${e.tag}>\` as a React component (React 18 or 19): ${e.summary} Props are the element's
 * properties, by their camelCase names (\`headingLevel={2}\`); events are props:
 * ${e.events.map((ev) => `\`on${pascal(ev.name)}\``).join(', ')}.
 * Importing this module registers the tag.
 */
export const ${e.className} = createComponent({
  react: React,
  tagName: ${literal(e.tag)},
  elementClass: ${e.className}Element,
  displayName: ${literal(e.className)},
  events: {
    ${e.events.map((ev) => `${jsdoc(ev.description)}on${pascal(ev.name)}: ${literal(ev.name)} as EventName<${eventType(ev.name)}>,`).join('\n')}
  },
});
`;
}

/** The React entry point: every widget's component. */
export function reactIndex(elements) {
  return `// ${NOTICE}
/**
 * The widgets as React components (React 18 or 19), through @lit/react: \`import { MiQuiz } from
 * '${pkg.name}/react'\`. Each also has a module of its own (\`${pkg.name}/react/mi-quiz.js\`)
 * that registers only its tag.
 */
${elements.map((e) => `export { ${e.className} } from './${e.tag}.js';`).join('\n')}
`;
}

/** VS Code's HTML custom data (https://github.com/microsoft/vscode-custom-data). */
export function vscodeData(elements) {
  return {
    version: 1.1,
    tags: elements.map((e) => ({
      name: e.tag,
      description: `${e.summary}\n\n${e.description}${
        e.events.length ? `\n\nEvents: ${e.events.map((ev) => `\`${ev.name}\``).join(', ')}.` : ''
      }`,
      attributes: e.attributes.map((a) => ({
        name: a.name,
        description: `${a.description}${a.default === undefined || a.default === '' ? '' : ` Default: \`${a.default}\`.`}`,
        ...(a.values
          ? { values: a.values.map((name) => ({ name })) }
          : a.type === 'boolean'
            ? { valueSet: 'v' }
            : {}),
      })),
      references: [
        {
          name: 'README',
          url: `https://www.npmjs.com/package/${pkg.name}#${e.tag}`,
        },
      ],
    })),
  };
}

/** JetBrains' web-types (http://json.schemastore.org/web-types). */
export function webTypes(elements) {
  return {
    $schema: 'http://json.schemastore.org/web-types',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    'js-types-syntax': 'typescript',
    contributions: {
      html: {
        elements: elements.map((e) => ({
          name: e.tag,
          description: `${e.summary}\n\n${e.description}`,
          'doc-url': `https://www.npmjs.com/package/${pkg.name}#${e.tag}`,
          attributes: e.attributes.map((a) => ({
            name: a.name,
            description: a.description,
            ...(a.default === undefined ? {} : { default: String(a.default) }),
            value:
              a.type === 'boolean'
                ? { type: 'boolean', required: false }
                : { type: a.values ? a.values.map(literal).join(' | ') : a.type },
          })),
          events: e.events.map((ev) => ({ name: ev.name, description: ev.description })),
          slots: e.slots,
          js: {
            events: e.events.map((ev) => ({ name: ev.name, description: ev.description })),
          },
          css: {
            parts: e.cssParts,
            properties: e.cssProperties.map(({ name, description }) => ({ name, description })),
          },
        })),
      },
    },
  };
}

/** Every output: path (from the root) → text, formatted as the repository formats it. */
export async function outputs(manifest) {
  const elements = elementsOf(manifest);
  const files = {
    'types/react-jsx.d.ts': reactJsx(elements),
    'types/preact-jsx.d.ts': preactJsx(elements),
    'types/vue.d.ts': vueTypes(elements),
    'src/react/index.ts': reactIndex(elements),
    ...Object.fromEntries(elements.map((e) => [`src/react/${e.tag}.ts`, reactWrapper(e)])),
    'vscode.html-custom-data.json': `${JSON.stringify(vscodeData(elements))}\n`,
    'web-types.json': `${JSON.stringify(webTypes(elements))}\n`,
  };
  const formatted = {};
  for (const [path, text] of Object.entries(files)) {
    const filepath = resolve(root, path);
    const options = await prettier.resolveConfig(filepath);
    formatted[path] = await prettier.format(text, { ...options, filepath });
  }
  return formatted;
}

async function main() {
  const [manifestFile = resolve(root, 'custom-elements.json')] = process.argv.slice(2);
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
  for (const [path, text] of Object.entries(await outputs(manifest))) {
    const file = resolve(root, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  console.log(
    `framework-types: wrote types/, src/react/, ${relative(root, resolve(root, 'web-types.json'))} and vscode.html-custom-data.json`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`framework-types: ${error.message}`);
    process.exit(1);
  });
}
