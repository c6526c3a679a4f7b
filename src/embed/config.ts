import { safeUrl } from '../feed/text.js';
import { uiLocaleFor, type UiLocale } from '../i18n/locale.js';
import {
  WIDGETS,
  type AttributeSpec,
  type WidgetName,
  type WidgetSpec,
} from '../generated/widgets.js';
import { reserveCss, reservedHeight } from './reserve.js';

/**
 * One description of "a widget with its settings", shared by the snippet configurator (its
 * preview and the snippets it prints) and the iframe mode (which reads it from the URL), so
 * that what a webmaster pastes renders what the preview showed. Which widgets there are and
 * which attributes each takes (types, values, defaults) come from the widget registry,
 * src/generated/widgets.ts, written from the elements' manifest. Framework-free.
 */

/** The widgets and their attributes, as their elements declare them (src/generated/widgets.ts). */
export { WIDGETS, type AttributeSpec, type WidgetName };

/**
 * What the configurator and the iframe URL ask for of every widget apart from its options: the
 * feed (an absolute http(s) URL), the language (a language tag) and the theme.
 */
const SETTINGS: readonly string[] = ['src', 'lang', 'theme'];

/**
 * A widget's options: every attribute of its element but the {@link SETTINGS}, in the element's
 * order. An attribute added to a widget is an option here, in the configurator's form and in
 * the iframe URL, with no other change.
 */
export function optionsOf(widget: WidgetName): [name: string, spec: AttributeSpec][] {
  const attributes: WidgetSpec['attributes'] = WIDGETS[widget].attributes;
  return Object.entries(attributes).filter(([name]) => !SETTINGS.includes(name));
}

export interface WidgetConfig {
  widget: WidgetName;
  /** The feed URL (absolute http(s)). */
  src: string;
  /** '' follows the page (or, in an iframe, the visitor's browser). */
  lang: string;
  theme: string;
  /** Widget options by attribute name: strings, and booleans for switches. */
  options: Record<string, string | boolean>;
  /**
   * The script snippet's fallback content: a link inside the element, on screen before the
   * script has run, while the widget loads, and if it fails (README, "Fallback content").
   */
  fallback?: FallbackLink;
}

/** A link to the same information elsewhere, for the element's fallback content. */
export interface FallbackLink {
  /** An absolute http(s) URL. */
  href: string;
  text: string;
}

/** Each widget's fallback link text, in the interface's languages (lit-localize.json). */
const FALLBACK_TEXTS: Record<WidgetName, Record<UiLocale, string>> = {
  'news-feed': {
    en: 'News about migration',
    es: 'Noticias sobre migración',
    fr: 'Actualités sur la migration',
    pt: 'Notícias sobre migração',
  },
  quiz: {
    en: 'Myths and facts about migration',
    es: 'Mitos y realidades sobre la migración',
    fr: 'Mythes et réalités sur la migration',
    pt: 'Mitos e verdades sobre a migração',
  },
  'hub-locator': {
    en: 'Information hubs for migrants',
    es: 'Puntos de información para personas migrantes',
    fr: 'Points d’information pour les personnes migrantes',
    pt: 'Pontos de informação para pessoas migrantes',
  },
  'campaign-banner': {
    en: 'Information about migration',
    es: 'Información sobre migración',
    fr: 'Informations sur la migration',
    pt: 'Informações sobre migração',
  },
};

/**
 * The fallback link a snippet gets unless told otherwise: to the feed's `home_page_url` when it
 * is known (`homePage`), else to the home page of the feed's site; its text the widget's, in
 * the widget's language (`lang`, else `pageLang`, else English).
 */
export function defaultFallback(
  config: Pick<WidgetConfig, 'widget' | 'src' | 'lang'>,
  { homePage, pageLang = '' }: { homePage?: string; pageLang?: string } = {},
): FallbackLink | undefined {
  const site = safeUrl(config.src);
  const href = safeUrl(homePage) ?? (site && new URL('/', site).href);
  if (!href) return undefined;
  return { href, text: FALLBACK_TEXTS[config.widget][uiLocaleFor(config.lang || pageLang)] };
}

const isWidget = (name: string): name is WidgetName => Object.hasOwn(WIDGETS, name);

/** The default of an attribute, as its text (`''` where it has none). */
const defaultText = (spec: AttributeSpec | undefined) => String(spec?.default ?? '');

/** The attributes a widget gets, in a stable order, defaults and empty values left out. */
export function attributesOf(config: WidgetConfig): [string, string][] {
  const attrs: [string, string][] = [['src', config.src]];
  if (config.lang) attrs.push(['lang', config.lang]);
  const attributes: WidgetSpec['attributes'] = WIDGETS[config.widget].attributes;
  if (config.theme && config.theme !== defaultText(attributes.theme))
    attrs.push(['theme', config.theme]);
  for (const [name, spec] of optionsOf(config.widget)) {
    const value = config.options[name];
    if (spec.type === 'boolean') {
      if (value === true) attrs.push([name, '']);
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (text && text !== defaultText(spec)) attrs.push([name, text]);
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

/** The fallback link's markup, if it has an http(s) address and a text. */
function fallbackSnippet(fallback: FallbackLink | undefined): string {
  const href = safeUrl(fallback?.href);
  const text = fallback?.text.trim();
  return href && text ? `<a href="${escapeAttribute(href)}">${escapeAttribute(text)}</a>` : '';
}

/**
 * `<mi-news-feed src="…" layout="cards"></mi-news-feed>`, with the fallback link inside:
 * `<mi-news-feed src="…"><a href="…">Noticias sobre migración</a></mi-news-feed>`.
 */
export function elementSnippet(config: WidgetConfig): string {
  const tag = WIDGETS[config.widget].tag;
  const attrs = attributesOf(config)
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');
  return `<${tag}${attrs}>${fallbackSnippet(config.fallback)}</${tag}>`;
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
 * `dist/integrity.json` of the release the script URL names: each file's `sha384-…` hash by its
 * path in `dist/`. With it, the snippet's script tag, stylesheet link and fast-start
 * module preloads carry `integrity` and `crossorigin="anonymous"`: the browser runs those files
 * only if they are that release's exact bytes.
 */
export type Integrity = Readonly<Record<string, string>>;

/** ` integrity="…" crossorigin="anonymous"` for a file of the release, when its hash is known. */
function integrityOf(url: string, scriptUrl: string, integrity: Integrity | undefined): string {
  const dist = new URL('./', scriptUrl).href;
  const hash = url.startsWith(dist) ? integrity?.[url.slice(dist.length)] : undefined;
  return hash ? ` integrity="${escapeAttribute(hash)}" crossorigin="anonymous"` : '';
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
export function fastStartLinks(
  config: WidgetConfig,
  scriptUrl: string,
  fast: FastStart,
  integrity?: Integrity,
): string[] {
  const tag = WIDGETS[config.widget].tag;
  const lang = config.lang || fast.pageLang;
  const translation = lang ? fast.files.locales[uiLocaleFor(lang)] : undefined;
  const modules = [...(fast.files.widgets[tag] ?? []), ...(translation ? [translation] : [])];
  const fetches = [...new Set([config.src, ...(fast.fetches ?? [])])].filter((url) => safeUrl(url));
  const preload = (path: string) => {
    const url = new URL(path, scriptUrl).href;
    return `<link rel="modulepreload" href="${escapeAttribute(url)}"${integrityOf(url, scriptUrl, integrity)} />`;
  };
  return [
    ...modules.map(preload),
    // The feed reader's worker: no preload serves a worker, but the browser's cache does.
    preload(fast.files.reader),
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
 * the one script, then the element; with `integrity`, the release's files it names are pinned
 * to their hashes ({@link Integrity}).
 */
export function scriptSnippet(
  config: WidgetConfig,
  scriptUrl: string,
  {
    stylesheetUrl,
    fastStart,
    integrity,
  }: { stylesheetUrl?: string; fastStart?: FastStart; integrity?: Integrity } = {},
): string {
  const reserve = stylesheetUrl
    ? `<link rel="stylesheet" href="${escapeAttribute(stylesheetUrl)}"${integrityOf(stylesheetUrl, scriptUrl, integrity)} />`
    : `<style>\n${reserveCss(config)}\n</style>`;
  return [
    reserve,
    ...(fastStart ? fastStartLinks(config, scriptUrl, fastStart, integrity) : []),
    `<script type="module" src="${escapeAttribute(scriptUrl)}"${integrityOf(scriptUrl, scriptUrl, integrity)}></script>`,
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

/** A parameter's value as the attribute takes it; throws an Error saying what is wrong. */
function parameter(name: string, spec: AttributeSpec, value: string): string | boolean {
  if (spec.type === 'boolean') return value !== '0' && value !== 'false';
  if (spec.values && !spec.values.includes(value))
    throw new Error(`Unknown ${name} "${value}". Use one of: ${spec.values.join(', ')}.`);
  if (spec.type === 'number' && !/^\d{1,6}$/.test(value))
    throw new Error(`${name} must be a number (a whole one, up to 6 digits).`);
  return value;
}

/**
 * Read a widget's settings from an iframe URL's query: `widget`, then the attributes of that
 * widget's element (a switch is `=1`), and nothing else. Only known widgets, their attributes'
 * values and http(s) feeds pass. Throws an Error whose message says what is wrong.
 */
export function configFromParams(params: URLSearchParams): WidgetConfig {
  const widget = (params.get('widget') ?? '').replace(/^mi-/, '');
  if (!isWidget(widget))
    throw new Error(`Unknown widget "${widget}". Use one of: ${Object.keys(WIDGETS).join(', ')}.`);
  const attributes: WidgetSpec['attributes'] = WIDGETS[widget].attributes;
  for (const name of params.keys())
    if (name !== 'widget' && !Object.hasOwn(attributes, name))
      throw new Error(
        `Unknown parameter "${name}". ${widget} takes: ${Object.keys(attributes).join(', ')}.`,
      );
  const src = params.get('src') ?? '';
  if (!safeUrl(src))
    throw new Error('The src parameter must be the absolute http(s) URL of a feed.');
  const lang = params.get('lang') ?? '';
  if (lang && !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(lang))
    throw new Error(`"${lang}" is not a language tag.`);
  const themeParam = params.get('theme');
  // (a `theme` parameter passed the check above: the element has the attribute)
  const theme =
    themeParam === null
      ? defaultText(attributes.theme)
      : String(parameter('theme', attributes.theme!, themeParam));
  const options: Record<string, string | boolean> = {};
  for (const [name, spec] of optionsOf(widget)) {
    const value = params.get(name);
    if (value !== null) options[name] = parameter(name, spec, value);
  }
  return { widget, src, lang, theme, options };
}
