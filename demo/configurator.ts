// The snippet configurator: a form over the widgets' settings, a live preview, and the
// snippets to copy. Preview and snippets come from one description (src/embed/config.ts).
import {
  WIDGETS,
  createWidget,
  defaultFallback,
  optionsOf,
  fastStartLinks,
  iframeSnippet,
  scriptSnippet,
  type FastStart,
  type Integrity,
  type ReleaseFiles,
  type WidgetConfig,
  type WidgetName,
} from '../src/embed/config.js';
import { FeedError, loadFeed } from '../src/feed/client.js';
import type { Problem } from '../src/feed/problems.js';
import type { Feed } from '../src/feed/schema.js';
import { partsFor } from '../src/hub-locator/parts.js';
import { describeProblem, summarizeProblems } from '../src/feed/report.js';
import { ATTRIBUTE_DOCS } from '../src/generated/widgets.js';
import { mountThemeBuilder } from './theme-builder.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('form');
const widgetSelect = $<HTMLSelectElement>('widget');
const options = $<HTMLFieldSetElement>('options');
const preview = $<HTMLDivElement>('preview');

/** Where a partner gets the files: this server's own, built by `npm run build` into dist/. */
const base = new URL('/', location.href);
const SCRIPT_URL = new URL('mi-widgets.js', base).href;
const EMBED_PAGE = new URL('embed.html', base).href;
const RESIZE_URL = new URL('mi-embed-resize.js', base).href;

for (const [name, spec] of Object.entries(WIDGETS))
  widgetSelect.add(new Option(`${spec.title} (<${spec.tag}>)`, name));
// The news feed first: what most partners embed (the registry lists the widgets by name).
widgetSelect.value = 'news-feed';
$<HTMLInputElement>('src').value = new URL('feed.json', location.href).href;
$<HTMLInputElement>('files-base').value = base.href;
// The page's language, for the fast start: the widget's languages, without "follow the page".
for (const option of $<HTMLSelectElement>('lang').options)
  if (option.value) $<HTMLSelectElement>('page-lang').add(new Option(option.text, option.value));

/** An attribute's description, its `code` spans as code. */
function described(text: string): Node[] {
  return text
    .split('`')
    .map((part, i) =>
      i % 2 ? Object.assign(document.createElement('code'), { textContent: part }) : new Text(part),
    );
}

/** A field for each of the widget's options: every attribute its element has (the registry). */
function renderOptions(widget: WidgetName): void {
  options.querySelectorAll('.field, .check').forEach((n) => n.remove());
  const docs: Readonly<Record<string, string>> = ATTRIBUTE_DOCS[widget];
  for (const [name, spec] of optionsOf(widget)) {
    const id = `opt-${name}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    const attribute = document.createElement('code');
    attribute.textContent = name;
    label.append(attribute, ' — ', ...described(docs[name] ?? ''));
    let input: HTMLInputElement | HTMLSelectElement;
    if (spec.values) {
      input = document.createElement('select');
      for (const value of spec.values)
        input.add(new Option(value, value, false, value === spec.default));
    } else {
      input = document.createElement('input');
      input.type =
        spec.type === 'boolean' ? 'checkbox' : spec.type === 'number' ? 'number' : 'text';
      if (spec.type === 'boolean') input.checked = spec.default === true;
      else if (spec.default !== undefined) input.value = String(spec.default);
      if (spec.type === 'number') input.min = '0';
    }
    input.id = id;
    input.name = name;
    const wrap = document.createElement('div');
    if (spec.type === 'boolean') {
      wrap.className = 'check';
      wrap.append(input, label);
    } else {
      wrap.className = 'field';
      wrap.append(label, input);
    }
    options.append(wrap);
  }
}

/** The configuration the form describes. */
export function currentConfig(): WidgetConfig {
  const widget = widgetSelect.value as WidgetName;
  const data = new FormData(form);
  const values: WidgetConfig['options'] = {};
  for (const [name, spec] of optionsOf(widget))
    values[name] = spec.type === 'boolean' ? data.get(name) === 'on' : String(data.get(name) ?? '');
  return {
    widget,
    src: String(data.get('src') ?? ''),
    lang: String(data.get('lang') ?? ''),
    theme: String(data.get('theme') ?? 'light'),
    options: values,
  };
}

let checked = '';
let checking: AbortController | undefined;
/** The chosen feed as the widgets read it, once checked. */
let checkedFeed: Feed | undefined;

/**
 * The feed-health line: what the widgets' reader makes of the chosen feed (the same request the
 * preview uses), with the problems one click away.
 */
async function checkFeed(src: string): Promise<void> {
  if (src === checked) return;
  checked = src;
  checking?.abort();
  const controller = (checking = new AbortController());
  const line = $<HTMLParagraphElement>('feed-health');
  const details = $<HTMLDetailsElement>('feed-problems');
  let problems: readonly Problem[] = [];
  line.textContent = 'Checking the feed…';
  checkedFeed = undefined;
  try {
    let feed: Feed;
    ({ feed, problems } = await loadFeed(src, { signal: controller.signal }));
    checkedFeed = feed;
    updateSnippets(); // a split feed's hub file goes into the fast-start lines
    line.textContent = problems.length
      ? `Feed health: ${summarizeProblems(problems)}.`
      : 'Feed health: no problems — the widgets show every entry.';
  } catch (error) {
    if (controller.signal.aborted) return;
    problems = error instanceof FeedError ? error.problems : [];
    line.textContent = `Feed health: the widgets cannot use this feed. ${error instanceof Error ? error.message : String(error)}`;
  }
  details.hidden = problems.length === 0;
  details.querySelector('ul')!.replaceChildren(
    ...problems.map((problem) => {
      const item = document.createElement('li');
      item.textContent = describeProblem(problem);
      return item;
    }),
  );
  $('feed-command').textContent = `npx mi-feed validate ${src}`;
}

/** A release's lists (its dist/preloads.json and dist/integrity.json), by where they are. */
const lists = new Map<string, Promise<unknown>>();

function releaseList<T>(url: URL): Promise<T | undefined> {
  let list = lists.get(url.href);
  if (!list) {
    list = fetch(url)
      .then((r) => (r.ok ? r.json() : undefined))
      .catch(() => undefined);
    lists.set(url.href, list);
  }
  return list as Promise<T | undefined>;
}

/** A CDN URL that names a range (`…@0.1/`) rather than one release (`…@0.1.0/`). */
const VERSION_RANGE = /@\d+(\.\d+)?\//;

/** The release's hashes when asked for, or why there are none (said in the status line). */
async function integrityFor(filesBase: URL): Promise<Integrity | string | undefined> {
  if (!$<HTMLInputElement>('integrity').checked) return undefined;
  if (VERSION_RANGE.test(filesBase.pathname))
    return 'Integrity needs one exact release (…@0.1.0/dist/): a range such as @0.1 gets new bytes with each patch release, and the browser would refuse them.';
  const hashes = await releaseList<Integrity>(new URL('integrity.json', filesBase));
  return (
    hashes ??
    `No hashes at ${new URL('integrity.json', filesBase).href}: integrity needs a built release (npm run build writes dist/integrity.json).`
  );
}

/** The script URL and, when asked for and the release lists its files, fast start and hashes. */
async function scriptOptions(
  config: WidgetConfig,
): Promise<{ scriptUrl: string; fastStart?: FastStart; integrity?: Integrity }> {
  const status = $<HTMLParagraphElement>('fast-start-status');
  let filesBase: URL;
  try {
    filesBase = new URL($<HTMLInputElement>('files-base').value || base.href);
  } catch {
    status.textContent = 'Enter the address of a release’s dist/ folder.';
    return { scriptUrl: SCRIPT_URL };
  }
  const scriptUrl = new URL('mi-widgets.js', filesBase).href;
  const hashes = await integrityFor(filesBase);
  const integrity = typeof hashes === 'object' ? hashes : undefined;
  const said =
    typeof hashes === 'string'
      ? ` ${hashes}`
      : integrity
        ? ' Pinned to this release’s hashes.'
        : '';
  if (!$<HTMLInputElement>('fast-start').checked) {
    status.textContent = said.trim();
    return { scriptUrl, integrity };
  }
  const files = await releaseList<ReleaseFiles>(new URL('preloads.json', filesBase));
  if (!files) {
    status.textContent = `No list of files at ${new URL('preloads.json', filesBase).href}: fast start needs a built release (npm run build writes dist/preloads.json).${said}`;
    return { scriptUrl, integrity };
  }
  const country = String(config.options.country ?? '');
  const fetches =
    config.widget === 'hub-locator' && checkedFeed?.hubParts.length
      ? partsFor(checkedFeed.hubParts, country).map((part) => part.url)
      : [];
  const fastStart = { files, pageLang: $<HTMLSelectElement>('page-lang').value, fetches };
  const lines = fastStartLinks(config, scriptUrl, fastStart).length;
  status.textContent = `Fast start: ${lines} lines above the script tag${fetches.length ? `, ${fetches.length} of them for the hubs’ file${fetches.length > 1 ? 's' : ''} of this feed` : ''}.${said}`;
  return { scriptUrl, fastStart, integrity };
}

/** Each feed's `home_page_url`, by feed URL: the fallback link's suggestion. */
const homePages = new Map<string, Promise<string | undefined>>();

function homePageOf(src: string): Promise<string | undefined> {
  let page = homePages.get(src);
  if (!/^https?:/.test(src)) return Promise.resolve(undefined);
  if (!page) {
    page = fetch(src)
      .then((r) => r.json() as Promise<{ home_page_url?: unknown }>)
      .then((feed) => (typeof feed.home_page_url === 'string' ? feed.home_page_url : undefined))
      .catch(() => undefined);
    homePages.set(src, page);
  }
  return page;
}

/** The fallback link: the form's fields, else the suggestions shown in them. */
async function withFallback(config: WidgetConfig): Promise<WidgetConfig> {
  const href = $<HTMLInputElement>('fallback-href');
  const text = $<HTMLInputElement>('fallback-text');
  const suggested = defaultFallback(config, {
    homePage: await homePageOf(config.src),
    pageLang: $<HTMLSelectElement>('page-lang').value,
  });
  href.placeholder = suggested?.href ?? '';
  text.placeholder = suggested?.text ?? '';
  const fallback = { href: href.value || href.placeholder, text: text.value || text.placeholder };
  return { ...config, fallback };
}

let snippetsFor = 0;

/** The snippets for the form's configuration (the latest wins when several are on their way). */
function updateSnippets(): void {
  const mine = ++snippetsFor;
  const config = currentConfig();
  void withFallback(config).then(async (withLink) => {
    const { scriptUrl, fastStart, integrity } = await scriptOptions(withLink);
    if (mine !== snippetsFor) return;
    $<HTMLTextAreaElement>('script-snippet').value = withTheme(
      scriptSnippet(withLink, scriptUrl, { fastStart, integrity }),
    );
  });
  $<HTMLTextAreaElement>('iframe-snippet').value = iframeSnippet(config, EMBED_PAGE, RESIZE_URL);
}

function update(): void {
  const config = currentConfig();
  preview.replaceChildren(createWidget(config));
  void checkFeed(config.src);
  updateSnippets();
}

widgetSelect.addEventListener('change', () => renderOptions(widgetSelect.value as WidgetName));
form.addEventListener('input', update);
form.addEventListener('change', update);
form.addEventListener('submit', (e) => e.preventDefault());
for (const id of [
  'fast-start',
  'integrity',
  'files-base',
  'page-lang',
  'fallback-href',
  'fallback-text',
])
  $(id).addEventListener('change', updateSnippets);
for (const id of ['fallback-href', 'fallback-text'])
  $(id).addEventListener('input', updateSnippets);
document.querySelectorAll<HTMLButtonElement>('[data-copy]').forEach((button) =>
  button.addEventListener('click', async () => {
    const text = $<HTMLTextAreaElement>(button.dataset.copy!).value;
    try {
      await navigator.clipboard.writeText(text);
      $('copied').textContent = 'Copied. Paste it into your page.';
    } catch {
      $<HTMLTextAreaElement>(button.dataset.copy!).select();
      $('copied').textContent = 'Select the text and copy it with Ctrl+C (Cmd+C on a Mac).';
    }
  }),
);

/* ------------------------------------------------------------------------------------------ *
 * Theme: the theme builder (demo/theme-builder.ts). Its CSS block styles this page's preview  *
 * and goes into the script snippet, in a <style> after the script tag.                        *
 * ------------------------------------------------------------------------------------------ */

/** The theme's CSS block for the page; empty while the widgets keep their own colours. */
let themeBlock = '';
const themeStyle = document.head.appendChild(document.createElement('style'));

/** A script snippet with the theme's `<style>` after it. */
function withTheme(snippet: string): string {
  if (!themeBlock) return snippet;
  const indented = themeBlock.replace(/^(?=.)/gm, '  ');
  return `${snippet}\n<style>\n${indented}\n</style>`;
}

mountThemeBuilder($('theme-builder'), {
  feed: new URL('feed.json', location.href).href,
  onChange(css) {
    if (css === themeBlock) return;
    themeBlock = themeStyle.textContent = css;
    updateSnippets();
  },
});

renderOptions(widgetSelect.value as WidgetName);
update();
