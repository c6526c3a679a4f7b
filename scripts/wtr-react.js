/**
 * React in the browser tests. React ships CommonJS only, which the test server cannot serve as
 * modules: this web-test-runner plugin answers `react`, `react-dom` and `react-dom/client` with
 * ES modules of the installed React, bundled once by esbuild (both packages in one bundle, so
 * they share one React) and re-exported by name. Everything else — the widgets, @lit/react,
 * src/react/ — is served from source as usual.
 */
import { execFileSync } from 'node:child_process';
import process from 'node:process';
import { build } from 'esbuild';

const PREFIX = '/__react/';
/** Module specifier → the name of its namespace in the bundle. */
const MODULES = { react: 'React', 'react-dom': 'ReactDOM', 'react-dom/client': 'ReactDOMClient' };

/** The bundle: React's production build (no dev-only console messages), each module whole. */
async function bundle() {
  const entry = Object.entries(MODULES)
    .map(([specifier, name]) => `export * as ${name} from '${specifier}';`)
    .join('\n');
  const result = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return result.outputFiles[0].text;
}

/**
 * The names a CommonJS module exports, as Node sees its production build: read in a process of
 * its own, since React's development build wraps the console, the test runner's included.
 */
function exportedNames(specifier) {
  const script = `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(specifier)}))))`;
  const out = execFileSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return JSON.parse(out).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
}

/** One module: its namespace's named exports, and itself as default. */
function facade(specifier) {
  const name = MODULES[specifier];
  const names = exportedNames(specifier);
  return `import { ${name} } from '${PREFIX}bundle.js';
const m = ${name}.default ?? ${name};
export default m;
export const { ${names.join(', ')} } = m;
`;
}

export function reactAsModules() {
  let code;
  return {
    name: 'mi-react-as-modules',
    resolveImport({ source }) {
      if (Object.hasOwn(MODULES, source)) return `${PREFIX}${source.replace('/', '__')}.js`;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return;
      const file = context.path.slice(PREFIX.length);
      if (file === 'bundle.js') return { body: (code ??= await bundle()), type: 'js' };
      const specifier = file.replace(/\.js$/, '').replace('__', '/');
      if (Object.hasOwn(MODULES, specifier)) return { body: facade(specifier), type: 'js' };
    },
  };
}
