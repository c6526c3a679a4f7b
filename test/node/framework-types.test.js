/**
 * The framework bindings as partners compile them: React 19's JSX types, the @lit/react
 * components, Preact's JSX types, Vue's template types (vue-tsc) and an Angular component, each with the README's
 * example for it (the code block under `<!-- example: NAME -->`, written beside the fixtures
 * for the run), and fixtures that must NOT compile, each with the error it must give.
 *
 * The fixtures import the package by its name (`migration-info-widgets/react-jsx`), so the
 * `exports` map is tested too; the types import lib/: needs `npm run pretest`.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';

const root = fileURLToPath(new URL('../..', import.meta.url));
const types = join(root, 'test/types');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** The README's examples: name → { lang, code }. */
export function readmeExamples(markdown) {
  const examples = new Map();
  for (const [, name, lang, code] of markdown.matchAll(
    /<!-- example: ([\w-]+) -->\s*```(\w+)\n([\s\S]*?)\n```/g,
  )) {
    assert.ok(!examples.has(name), `two README examples are named ${name}`);
    examples.set(name, { lang, code: `${code}\n` });
  }
  return examples;
}

const examples = readmeExamples(readFileSync(join(root, 'README.md'), 'utf8'));

/** Where each README example is compiled, beside the fixtures of its kind. */
const WRITTEN = {
  react: 'react/readme-react.tsx',
  'react-components': 'react/readme-react-components.tsx',
  angular: 'angular/readme-angular.ts',
  vue: 'vue/readme-vue.vue',
};

/**
 * The lines under an `error: …` mark in a fixture (a JSX or HTML comment on a line of its own):
 * line number (1-based) → the message expected there.
 */
function marks(file) {
  const found = new Map();
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const mark = /^\s*(?:\{\/\*|<!--) error: (.+?)\s*(?:\*\/\}|-->)\s*$/.exec(line);
      if (mark) found.set(i + 2, mark[1]);
    });
  assert.ok(found.size, `${file}: no error marks`);
  return found;
}

/** Each marked line has an error with its message; no error elsewhere. `errors`: [{ line, message }] */
function assertMarked(file, errors) {
  const expected = marks(file);
  const where = relative(root, file);
  for (const [line, message] of expected)
    assert.ok(
      errors.some((e) => e.line === line && e.message.includes(message)),
      `${where}:${line} should fail with “${message}”; errors there: ${JSON.stringify(
        errors.filter((e) => e.line === line).map((e) => e.message),
      )}`,
    );
  const stray = errors.filter((e) => !expected.has(e.line));
  assert.deepEqual(stray, [], `${where}: errors on lines without a mark`);
}

/** The React and Angular fixtures (test/types/tsconfig.json); the Preact ones. */
let program, preact;

before(() => {
  for (const name of Object.keys(WRITTEN))
    assert.ok(examples.has(name), `the README has no <!-- example: ${name} --> code block`);
  for (const [name, path] of Object.entries(WRITTEN)) {
    mkdirSync(dirname(join(types, path)), { recursive: true }); // angular/ holds only these
    writeFileSync(join(types, path), examples.get(name).code);
  }
  program = programOf('tsconfig.json');
  preact = programOf('preact/tsconfig.json');
});

/** The program of a tsconfig.json under test/types. */
function programOf(path) {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(types, path),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(d.messageText) },
  );
  return ts.createProgram({ rootNames: config.fileNames, options: config.options });
}

after(() => {
  for (const path of Object.values(WRITTEN)) rmSync(join(types, path), { force: true });
});

/** A TypeScript file's errors, as `{ line, message }` (messages flattened, chains joined). */
function errorsOf(path, { from = program } = {}) {
  const file = from.getSourceFile(join(types, path));
  assert.ok(file, `${path} is not in test/types/tsconfig.json`);
  return [...from.getSyntacticDiagnostics(file), ...from.getSemanticDiagnostics(file)].map((d) => ({
    line: file.getLineAndCharacterOfPosition(d.start).line + 1,
    message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
  }));
}

test('React 19: the JSX fixture and the README example compile with the package’s JSX types', () => {
  for (const path of ['react/jsx.tsx', WRITTEN.react]) assert.deepEqual(errorsOf(path), [], path);
});

test('React 19: a wrong attribute type, value, name or event payload does not compile', () => {
  assertMarked(join(types, 'react/bad.tsx'), errorsOf('react/bad.tsx'));
});

test('React components (@lit/react): the README example compiles; wrong props fail as marked', () => {
  assert.deepEqual(errorsOf(WRITTEN['react-components']), []);
  assertMarked(join(types, 'react/bad-components.tsx'), errorsOf('react/bad-components.tsx'));
});

test('the generated declarations themselves compile (skipLibCheck off)', () => {
  for (const file of ['types/react-jsx.d.ts', 'lib/react/index.d.ts']) {
    const source = program.getSourceFile(join(root, file));
    assert.ok(source, `${file} is not part of the fixtures' program`);
    assert.deepEqual(
      program
        .getSemanticDiagnostics(source)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' ')),
      [],
      file,
    );
  }
});

test('Preact: the JSX fixture compiles; wrong attributes and events fail as marked', () => {
  assert.deepEqual(errorsOf('preact/jsx.tsx', { from: preact }), []);
  assertMarked(join(types, 'preact/bad.tsx'), errorsOf('preact/bad.tsx', { from: preact }));
  const declarations = preact.getSourceFile(join(root, 'types/preact-jsx.d.ts'));
  assert.deepEqual(preact.getSemanticDiagnostics(declarations), []);
});

test('Angular: the README component compiles with CUSTOM_ELEMENTS_SCHEMA', () => {
  assert.deepEqual(errorsOf(WRITTEN.angular), []);
  assert.match(examples.get('angular').code, /schemas:\s*\[CUSTOM_ELEMENTS_SCHEMA\]/);
});

test('Angular: the README template sets only attributes, properties and events the widget has', () => {
  const webTypes = JSON.parse(readFileSync(join(root, 'web-types.json'), 'utf8'));
  const elements = new Map(webTypes.contributions.html.elements.map((e) => [e.name, e]));
  const template = /template:\s*`([\s\S]*?)`/.exec(examples.get('angular').code)?.[1];
  assert.ok(template, 'the Angular example has an inline template');
  const tags = [...template.matchAll(/<(mi-[\w-]+)([^>]*)>/g)];
  assert.ok(tags.length, 'the template uses a widget');
  const kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  for (const [, tag, attributes] of tags) {
    const element = elements.get(tag);
    assert.ok(element, `<${tag}> is not a widget`);
    const attributeNames = new Set(element.attributes.map((a) => a.name));
    const eventNames = new Set(element.events.map((e) => e.name));
    for (const [, binding] of attributes.matchAll(/([\w.()[\]-]+)=/g)) {
      const event = /^\(([\w-]+)\)$/.exec(binding);
      const attribute = /^\[attr\.([\w-]+)\]$/.exec(binding);
      const property = /^\[(\w+)\]$/.exec(binding);
      if (event) assert.ok(eventNames.has(event[1]), `<${tag}> fires no ${event[1]}`);
      else if (attribute) assert.ok(attributeNames.has(attribute[1]), `<${tag} ${attribute[1]}>?`);
      else if (property)
        assert.ok(attributeNames.has(kebab(property[1])), `<${tag}>.${property[1]}?`);
      else assert.ok(attributeNames.has(binding), `<${tag}> has no attribute ${binding}`);
    }
  }
});

test('Vue: the fixture and the README example type-check with vue-tsc; wrong ones fail as marked', async () => {
  const vueTsc = join(root, 'node_modules/.bin/vue-tsc');
  const run = await promisify(execFile)(
    vueTsc,
    ['--noEmit', '--pretty', 'false', '-p', join(types, 'vue/tsconfig.json')],
    { cwd: root, encoding: 'utf8' },
  ).then(
    () => ({ code: 0, stdout: '' }),
    (error) => ({ code: error.code, stdout: `${error.stdout}${error.stderr}` }),
  );
  assert.notEqual(run.code, 0, 'vue-tsc passed Bad.vue');
  const errors = [...run.stdout.matchAll(/^(.+?\.vue)\((\d+),\d+\): error TS\d+: (.+)$/gm)].map(
    ([, file, line, message]) => ({ file: join(root, file), line: Number(line), message }),
  );
  assert.ok(errors.length, `vue-tsc failed without a template error:\n${run.stdout}`);
  const bad = join(types, 'vue/Bad.vue');
  assert.deepEqual(
    errors.filter((e) => e.file !== bad),
    [],
    'errors outside Bad.vue (Widgets.vue and the README example must pass)',
  );
  assertMarked(bad, errors);
});

test('WordPress: functions.php loads the same script as the HTML snippets, the package’s CDN path', () => {
  const url = (name) => {
    const found = examples.get(name)?.code.match(/https:\/\/cdn\.jsdelivr\.net\/npm\/[^'"\s]+/g);
    assert.ok(found?.length, `the ${name} example loads no script from the CDN`);
    return found;
  };
  const scripts = ['html', 'wordpress', 'wordpress-php'].flatMap(url);
  const minor = pkg.version.split('.').slice(0, 2).join('.');
  for (const script of scripts)
    assert.equal(
      script,
      `https://cdn.jsdelivr.net/npm/${pkg.name}@${minor}/${pkg.jsdelivr.replace(/^\.\//, '')}`,
    );
  assert.match(examples.get('wordpress-php').code, /wp_enqueue_script_module\(/);
  assert.doesNotMatch(
    readFileSync(join(root, 'README.md'), 'utf8')
      .split('## Frameworks')[1]
      .split('## Common attributes')[0],
    /YOUR-CDN/,
  );
});

test('the editors’ data name the same tags, attributes and events', () => {
  const webTypes = JSON.parse(readFileSync(join(root, 'web-types.json'), 'utf8'));
  const vscode = JSON.parse(readFileSync(join(root, 'vscode.html-custom-data.json'), 'utf8'));
  assert.equal(pkg['web-types'], './web-types.json');
  const jetbrains = webTypes.contributions.html.elements.map((e) => [
    e.name,
    e.attributes.map((a) => a.name),
  ]);
  assert.deepEqual(
    vscode.tags.map((t) => [t.name, t.attributes.map((a) => a.name)]),
    jetbrains,
  );
  assert.deepEqual(
    jetbrains.map(([tag]) => tag),
    ['mi-campaign-banner', 'mi-hub-locator', 'mi-news-feed', 'mi-quiz'],
  );
  const directions = vscode.tags
    .find((t) => t.name === 'mi-hub-locator')
    .attributes.find((a) => a.name === 'directions');
  assert.deepEqual(
    directions.values.map((v) => v.name),
    ['auto', 'app', 'google', 'osm'],
  );
});

test('the CDN bundle leaves React and @lit/react out (they are for the react subpath only)', () => {
  const integrity = JSON.parse(readFileSync(join(root, 'dist/integrity.json'), 'utf8'));
  const scripts = Object.keys(integrity).filter((file) => file.endsWith('.js'));
  assert.ok(scripts.includes('mi-widgets.js'), 'dist/integrity.json lists the loader');
  for (const file of scripts) {
    const code = readFileSync(join(root, 'dist', file), 'utf8');
    // @lit/react sets `suppressHydrationWarning`; React names its elements `Symbol.for("react.…")`.
    assert.doesNotMatch(code, /suppressHydrationWarning|Symbol\.for\(["'`]react\./, file);
  }
});
