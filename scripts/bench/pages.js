// The pages the benchmark loads: a partner's article on a phone (viewport meta, lang="es",
// several screens of text below the widgets), with the widgets embedded as the README tells
// partners to — one script tag, and the feed in <meta name="mi-widgets:feed"> or `src`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fastStartLinks } from '../../lib/embed/config.js';

export const WIDGET_TAGS = ['mi-campaign-banner', 'mi-news-feed', 'mi-quiz', 'mi-hub-locator'];

/**
 * Inline at the top of <head>, before any other script: records, from navigation start,
 * - layout shifts not caused by input (value, time, and which elements moved: the top of their
 *   visible part before and after, in viewport px; `to` null when pushed out of view);
 * - long tasks (main-thread tasks over 50 ms) — registered before the bundle loads, so none is missed;
 * - long animation frames with the scripts that ran in them (to tell where blocking time comes from);
 * - each change of a widget's `state` attribute, and when each widget's tag was defined.
 * Everything lands in `window.__bench`.
 */
const OBSERVER = `(() => {
  const b = (window.__bench = { shifts: [], longTasks: [], frames: [], states: [], defined: {} });
  const observe = (type, each) => {
    try { new PerformanceObserver((list) => list.getEntries().forEach(each)).observe({ type, buffered: true }); }
    catch { b[type + 'Unsupported'] = true; }
  };
  const name = (node) => {
    const el = node && (node.nodeType === 1 ? node : node.parentElement);
    if (!el) return node ? node.nodeName : '(removed)';
    const host = el.getRootNode().host;
    return (host ? host.localName + ' › ' : '') + el.localName + (el.id ? '#' + el.id : '') +
      (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/)[0] : '');
  };
  observe('layout-shift', (e) => e.hadRecentInput || b.shifts.push({
    value: e.value, time: e.startTime,
    sources: (e.sources || []).map((s) => ({ node: name(s.node), from: Math.round(s.previousRect.y),
      to: s.currentRect.height ? Math.round(s.currentRect.y) : null })),
  }));
  observe('longtask', (e) => b.longTasks.push({ start: e.startTime, duration: e.duration }));
  observe('long-animation-frame', (e) => b.frames.push({ start: e.startTime, duration: e.duration,
    scripts: e.scripts.map((s) => ({ duration: s.duration, invoker: s.invoker.replace(location.origin, ''),
      source: (s.sourceURL || '').split('/').pop() + (s.sourceFunctionName ? ' ' + s.sourceFunctionName : '') })) }));
  new MutationObserver((records) => {
    for (const r of records)
      b.states.push({ tag: r.target.localName, state: r.target.getAttribute('state'), time: performance.now() });
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['state'] });
  for (const tag of ${JSON.stringify(WIDGET_TAGS)})
    customElements.whenDefined(tag).then(() => (b.defined[tag] = performance.now()));
})();`;

const STYLE = `body { margin: 0; font: 17px/1.6 system-ui, sans-serif; color: #222; }
header, main, footer { max-width: 40rem; margin: 0 auto; padding: 0 16px; }
header { padding-block: 12px; border-bottom: 1px solid #ddd; font-weight: 600; }
h1 { font-size: 1.6rem; line-height: 1.25; }
mi-news-feed, mi-quiz, mi-hub-locator, mi-campaign-banner, plain-hubs { margin-block: 1rem; }`;

const PARAGRAPHS = [
  'La municipalidad abrió esta semana un nuevo centro de información para personas migrantes, retornadas y sus familias. El centro ofrece orientación sobre trámites, documentos de identidad y acceso a servicios de salud y educación, con personal que habla español, inglés y varios idiomas mayas.',
  'Quienes visiten el centro pueden recibir información sobre sus derechos, sobre los riesgos de la migración irregular y sobre las vías regulares que existen hoy. La atención es gratuita y confidencial, y no es necesario presentar documentos para ser atendido la primera vez.',
  'El horario de atención es de lunes a viernes, de ocho de la mañana a cuatro de la tarde. Los sábados por la mañana hay una jornada especial dedicada a las familias con niñas y niños, con actividades de apoyo psicosocial y una sala de espera adaptada.',
  'Las organizaciones que colaboran con el centro recuerdan que nadie debe pagar por información oficial. Si alguien le pide dinero a cambio de un trámite o de una promesa de viaje, no lo entregue y comuníquese con el centro o con las autoridades locales.',
  'Además de la atención presencial, el centro mantiene una línea telefónica y un número de WhatsApp para consultas rápidas. Las respuestas se dan en un plazo de dos días hábiles y, cuando la consulta lo requiere, se agenda una cita con una asesora legal.',
  'Durante los próximos meses se abrirán centros similares en otros municipios del departamento. La lista actualizada de direcciones, horarios y servicios se publica en esta página y en las redes sociales de la municipalidad.',
  'Las personas retornadas pueden solicitar en el centro una constancia de su llegada, información sobre programas de empleo y capacitación, y orientación para inscribir a sus hijas e hijos en la escuela aunque les falte algún documento.',
  'El personal del centro recibió formación en primeros auxilios psicológicos y en la identificación de posibles víctimas de trata de personas. Cuando es necesario, refiere los casos a las instituciones especializadas y acompaña a la persona durante el proceso.',
];
const HEADINGS = [
  'Qué ofrece el centro',
  'Horarios y contacto',
  'Próximas aperturas',
  'Apoyo a personas retornadas',
];

/** Several screens of a partner's article (about six at the mobile viewport). */
const ARTICLE = HEADINGS.map(
  (heading, i) =>
    `<h2>${heading}</h2>\n` +
    [0, 1, 2, 3, 4].map((j) => `<p>${PARAGRAPHS[(i * 3 + j) % PARAGRAPHS.length]}</p>`).join('\n'),
).join('\n');

/**
 * A partner's article page with `widgets` below its lead paragraph and `head` in its <head>;
 * `observed: false` leaves out the bench's recorder (window.__bench), for Lighthouse, which
 * measures on its own: a partner's page has no such script.
 */
export function partnerPage({ head = '', widgets = '', observed = true }) {
  return `<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
${observed ? `<script>${OBSERVER}</script>` : ''}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Nuevo centro de información — Municipalidad de Ejemplo</title>
<style>${STYLE}</style>
${head}
</head>
<body>
<header>Municipalidad de Ejemplo · Noticias</header>
<main>
<h1>Abre un nuevo centro de información para personas migrantes</h1>
<p>Publicado el 28 de noviembre. Información útil y confiable, cerca de usted.</p>
${widgets}
${ARTICLE}
</main>
<footer><p>Municipalidad de Ejemplo · Todos los derechos reservados</p></footer>
</body>
</html>`;
}

/** The README's snippet: the loader's script tag (with extra attributes for a variant). */
export const loaderTag = (attributes = '') =>
  `<script type="module" src="/dist/mi-widgets.js"${attributes}></script>`;

/** The README's snippet's reserve rules (what dist/mi-widgets.css holds), inline. */
export const reserveStyle = (css) => `<style>${css}</style>`;

/** The page-level feed, as the README's snippet sets it. */
export const feedMeta = (url) => `<meta name="mi-widgets:feed" content="${url}">`;

/** The bench's pages are on its own server: the fast-start lines are written for it as paths. */
const HERE = 'http://bench.invalid';

/**
 * The configurator's fast-start lines (src/embed/config.ts, compiled to lib/ — `npm run bench`
 * compiles it) for one widget on a bench page: `src` and `fetches` as paths on the bench's
 * server, the release's files from the built dist/preloads.json.
 */
export function fastStartHead({ widget, src, pageLang = 'es', fetches = [] }) {
  const files = JSON.parse(
    readFileSync(fileURLToPath(new URL('../../dist/preloads.json', import.meta.url)), 'utf8'),
  );
  const config = { widget, src: HERE + src, lang: '', theme: 'light', options: {} };
  return fastStartLinks(config, `${HERE}/dist/mi-widgets.js`, {
    files,
    pageLang,
    fetches: fetches.map((path) => HERE + path),
  })
    .join('\n')
    .replaceAll(HERE, '');
}
