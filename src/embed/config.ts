import { safeUrl } from '../feed/text.js';
import { uiLocaleFor } from '../i18n/locale.js';
import { reserveCss, reservedHeight } from './reserve.js';

/**
 * One description of "a widget with its settings", shared by the snippet configurator (its
 * preview and the snippets it prints) and the iframe mode (which reads it from the URL), so
 * that what a webmaster pastes renders what the preview showed. Framework-free.
 */

export type WidgetName = 'news-feed' | 'quiz' | 'hub-locator' | 'campaign-banner';

export interface OptionSpec {
  /** The element's attribute. */
  name: string;
  type: 'text' | 'number' | 'boolean' | 'choice';
  /** For `choice`: the values; the first is the default. */
  values?: readonly string[];
  /** The widget's own default (left out of snippets). */
  default?: string;
  /** A hint for the configurator's form. */
  label: string;
}

export const WIDGETS: Record<
  WidgetName,
  { tag: string; title: string; options: readonly OptionSpec[] }
> = {
  'news-feed': {
    tag: 'mi-news-feed',
    title: 'Migration news',
    options: [
      { name: 'layout', type: 'choice', values: ['list', 'cards'], label: 'Layout' },
      { name: 'limit', type: 'number', default: '5', label: 'Items per page' },
      { name: 'tag', type: 'text', label: 'Only items with this tag' },
    ],
  },
  quiz: {
    tag: 'mi-quiz',
    title: 'Myth or fact quiz',
    options: [
      { name: 'quiz', type: 'text', label: 'Quiz id (empty: the first in the visitor’s language)' },
      { name: 'shuffle', type: 'boolean', label: 'Shuffle the statements' },
    ],
  },
  'hub-locator': {
    tag: 'mi-hub-locator',
    title: 'Information hubs',
    options: [
      { name: 'country', type: 'text', label: 'Country (ISO code, e.g. GT)' },
      { name: 'service', type: 'text', label: 'Service (e.g. legal)' },
      { name: 'map', type: 'boolean', label: 'Show a map' },
    ],
  },
  'campaign-banner': {
    tag: 'mi-campaign-banner',
    title: 'Campaign',
    options: [
      { name: 'layout', type: 'choice', values: ['bar', 'card', 'hero'], label: 'Layout' },
      { name: 'country', type: 'text', label: 'Your country (ISO code, e.g. GT)' },
      { name: 'campaign', type: 'text', label: 'Pin a campaign (id)' },
      { name: 'rotate', type: 'boolean', label: 'Rotate between campaigns' },
      { name: 'dismissible', type: 'boolean', label: 'Visitors can dismiss it' },
    ],
  },
};

export const THEMES = ['light', 'dark', 'auto'] as const;

export interface WidgetConfig {
  widget: WidgetName;
  /** The feed URL (absolute http(s)). */
  src: string;
  /** '' follows the page (or, in an iframe, the visitor's browser). */
  lang: string;
  theme: string;
  /** Widget options by attribute name: strings, and booleans for switches. */
  options: Record<string, string | boolean>;
}

const isWidget = (name: string): name is WidgetName => Object.hasOwn(WIDGETS, name);

/** The attributes a widget gets, in a stable order, defaults and empty values left out. */
export function attributesOf(config: WidgetConfig): [string, string][] {
  const attrs: [string, string][] = [['src', config.src]];
  if (config.lang) attrs.push(['lang', config.lang]);
  if (config.theme && config.theme !== 'light') attrs.push(['theme', config.theme]);
  for (const option of WIDGETS[config.widget].options) {
    const value = config.options[option.name];
    if (option.type === 'boolean') {
      if (value === true) attrs.push([option.name, '']);
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    const fallback = option.default ?? option.values?.[0] ?? '';
    if (text && text !== fallback) attrs.push([option.name, text]);
  }
  return attrs;
}

/**
 * Create the widget's element with its attributes (the configurator's preview, the iframe),
 * and hold its box on the document until its code has loaded (see reserve.ts).
 */
export function createWidget(config: WidgetConfig, doc: Document = document): HTMLElement {
  const el = doc.createElement(WIDGETS[config.widget].tag);
  for (const [name, value] of attributesOf(config)) el.setAttribute(name, value);
  holdSpace(config, doc);
  return el;
}

const held = new WeakMap<Document, { sheet: CSSStyleSheet; rules: Set<string> }>();

/** Adopt the widget's reserve rules into the document: a constructed stylesheet, CSP-safe. */
function holdSpace(config: WidgetConfig, doc: Document): void {
  const view = doc.defaultView;
  if (!view || !('adoptedStyleSheets' in doc)) return;
  let entry = held.get(doc);
  if (!entry) {
    entry = { sheet: new view.CSSStyleSheet(), rules: new Set() };
    held.set(doc, entry);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, entry.sheet];
  }
  const css = reserveCss(config);
  if (entry.rules.has(css)) return;
  entry.rules.add(css);
  entry.sheet.replaceSync([...entry.rules].join('\n'));
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `<mi-news-feed src="…" layout="cards"></mi-news-feed>` */
export function elementSnippet(config: WidgetConfig): string {
  const tag = WIDGETS[config.widget].tag;
  const attrs = attributesOf(config)
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');
  return `<${tag}${attrs}></${tag}>`;
}

/** What the build writes to `dist/preloads.json`, paths relative to the loader (vite.config.ts). */
export interface ReleaseFiles {
  /** Each widget's chunk and every chunk it imports, by tag. */
  widgets: Record<string, readonly string[]>;
  /** The interface translations, by locale (English is built in). */
  locales: Record<string, string>;
  /** The feed reader's worker. */
  reader: string;
}

/** What a fast-start snippet names besides the widget's own code. */
export interface FastStart {
  /** `dist/preloads.json` of the release the script URL names. */
  files: ReleaseFiles;
  /** The page's language (its `<html lang>`), when the widget has none of its own. */
  pageLang?: string;
  /** Other feed files the widget asks for at once: a split feed's hub file for its country. */
  fetches?: readonly string[];
}

/**
 * Fast start: `<link>` lines for the page's `<head>` that name everything the widget asks for
 * first — its code (this release's chunk files), its interface translation and its feed — so
 * the browser requests them as the HTML arrives rather than once the loader has (on slow 3G,
 * one 2 s round trip less). The loader takes the preloaded feed over (`data-mi-widgets`,
 * src/loader.ts): still one request per URL. Chunk names change with each release, so these
 * lines belong with a script URL that names the release; with another release they only
 * cost a request each, and the loader still finds what it needs.
 */
export function fastStartLinks(config: WidgetConfig, scriptUrl: string, fast: FastStart): string[] {
  const tag = WIDGETS[config.widget].tag;
  const lang = config.lang || fast.pageLang;
  const translation = lang ? fast.files.locales[uiLocaleFor(lang)] : undefined;
  const modules = [...(fast.files.widgets[tag] ?? []), ...(translation ? [translation] : [])];
  const fetches = [...new Set([config.src, ...(fast.fetches ?? [])])].filter((url) => safeUrl(url));
  const file = (path: string) => escapeAttribute(new URL(path, scriptUrl).href);
  return [
    ...modules.map((path) => `<link rel="modulepreload" href="${file(path)}" />`),
    // The feed reader's worker: no preload serves a worker, but the browser's cache does.
    `<link rel="modulepreload" href="${file(fast.files.reader)}" />`,
    ...fetches.map(
      (url) =>
        `<link rel="preload" as="fetch" href="${escapeAttribute(url)}" crossorigin referrerpolicy="no-referrer" data-mi-widgets />`,
    ),
  ];
}

/**
 * The script-tag snippet: what holds the widget's box until the script has loaded (a `<style>`
 * with its rules; or, given `stylesheetUrl`, a link to `mi-widgets.css`, for pages whose
 * Content-Security-Policy forbids inline styles), with `fastStart` the {@link fastStartLinks},
 * the one script, then the element.
 */
export function scriptSnippet(
  config: WidgetConfig,
  scriptUrl: string,
  { stylesheetUrl, fastStart }: { stylesheetUrl?: string; fastStart?: FastStart } = {},
): string {
  const reserve = stylesheetUrl
    ? `<link rel="stylesheet" href="${escapeAttribute(stylesheetUrl)}" />`
    : `<style>\n${reserveCss(config)}\n</style>`;
  return [
    reserve,
    ...(fastStart ? fastStartLinks(config, scriptUrl, fastStart) : []),
    `<script type="module" src="${escapeAttribute(scriptUrl)}"></script>`,
    elementSnippet(config),
  ].join('\n');
}

/** The URL of the widget alone in the iframe page (`embed.html`). */
export function embedUrl(config: WidgetConfig, embedPage: string): string {
  const url = new URL(embedPage);
  url.searchParams.set('widget', config.widget);
  for (const [name, value] of attributesOf(config))
    url.searchParams.set(name, value === '' ? '1' : value);
  return url.href;
}

/** What the iframe page (`embed.css`: `main { padding: 1px 0 }`) adds around the widget. */
const EMBED_PAGE_EXTRA_PX = 2;

/** The iframe's height: the widget's reserved box on a phone, so the resize script moves nothing. */
export function iframeHeight(config: WidgetConfig): number {
  return Math.ceil(reservedHeight(config)) + EMBED_PAGE_EXTRA_PX;
}

/** The iframe snippet, with the optional resize script for CMSs that allow one script. */
export function iframeSnippet(
  config: WidgetConfig,
  embedPage: string,
  resizeScriptUrl: string,
): string {
  const title = WIDGETS[config.widget].title;
  return [
    `<iframe src="${escapeAttribute(embedUrl(config, embedPage))}" title="${title}" width="100%" height="${iframeHeight(config)}" loading="lazy" data-mi-embed></iframe>`,
    `<!-- Optional: fits the iframe's height to its content -->`,
    `<script type="module" src="${escapeAttribute(resizeScriptUrl)}"></script>`,
  ].join('\n');
}

/**
 * Read a widget's settings from an iframe URL's query. Only known widgets, known options and
 * http(s) feeds pass. Throws an Error whose message says what is wrong.
 */
export function configFromParams(params: URLSearchParams): WidgetConfig {
  const widget = (params.get('widget') ?? '').replace(/^mi-/, '');
  if (!isWidget(widget))
    throw new Error(`Unknown widget "${widget}". Use one of: ${Object.keys(WIDGETS).join(', ')}.`);
  const src = params.get('src') ?? '';
  if (!safeUrl(src))
    throw new Error('The src parameter must be the absolute http(s) URL of a feed.');
  const lang = params.get('lang') ?? '';
  if (lang && !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(lang))
    throw new Error(`"${lang}" is not a language tag.`);
  const theme = params.get('theme') ?? 'light';
  if (!(THEMES as readonly string[]).includes(theme)) throw new Error(`Unknown theme "${theme}".`);
  const options: Record<string, string | boolean> = {};
  for (const option of WIDGETS[widget].options) {
    const value = params.get(option.name);
    if (value === null) continue;
    if (option.type === 'boolean') options[option.name] = value !== '0' && value !== 'false';
    else if (option.type === 'choice' && !option.values!.includes(value))
      throw new Error(`Unknown ${option.name} "${value}".`);
    else if (option.type === 'number' && !/^\d{1,4}$/.test(value))
      throw new Error(`${option.name} must be a number.`);
    else options[option.name] = value;
  }
  return { widget, src, lang, theme, options };
}
