import { expect, waitUntil } from '@open-wc/testing';
import {
  attributesOf,
  configFromParams,
  createWidget,
  defaultFallback,
  elementSnippet,
  embedUrl,
  fastStartLinks,
  iframeHeight,
  iframeSnippet,
  scriptSnippet,
  type ReleaseFiles,
  type WidgetConfig,
} from '../src/embed/config.js';
import { reserveCss, reservedHeight } from '../src/embed/reserve.js';
import { $, $$, fault, fixture, reached, resetFeeds } from './helpers.js';
import '../src/campaign-banner/mi-campaign-banner.js';

const FEED = new URL('/demo/feed.json', location.href).href;
const EMBED = new URL('/dist/embed.html', location.href).href;

const config = (partial: Partial<WidgetConfig>): WidgetConfig => ({
  widget: 'news-feed',
  src: FEED,
  lang: '',
  theme: 'light',
  options: {},
  ...partial,
});

/** A fresh page in an iframe, for the snippet a webmaster pastes. */
async function page(
  attrs: Record<string, string>,
  srcdoc?: string,
  { width = 800, height = 300 } = {},
): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  for (const [k, v] of Object.entries(attrs)) frame.setAttribute(k, v);
  if (srcdoc) frame.srcdoc = srcdoc;
  frame.width = String(width);
  frame.height = String(height);
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame;
}

const attributes = (el: Element) =>
  [...el.attributes].map((a) => [a.name, a.value]).filter(([n]) => n !== 'state');

describe('snippets', () => {
  beforeEach(resetFeeds);
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('leave defaults and empty options out, and escape what they quote', () => {
    const c = config({
      lang: 'es',
      theme: 'dark',
      options: { layout: 'cards', limit: '5', tag: 'a"b<c' },
    });
    expect(attributesOf(c)).to.deep.equal([
      ['src', FEED],
      ['lang', 'es'],
      ['theme', 'dark'],
      ['layout', 'cards'],
      ['tag', 'a"b<c'],
    ]);
    expect(elementSnippet(c)).to.equal(
      `<mi-news-feed src="${FEED}" lang="es" theme="dark" layout="cards" tag="a&quot;b&lt;c"></mi-news-feed>`,
    );
    expect(
      elementSnippet(config({ widget: 'quiz', options: { shuffle: true, quiz: '' } })),
    ).to.equal(`<mi-quiz src="${FEED}" shuffle></mi-quiz>`);
  });

  it('carry a fallback link inside the element, escaped; none without an http(s) address or a text', () => {
    const link = {
      href: 'https://example.org/noticias?a=1&b="2"',
      text: ' Noticias <sobre> migración ',
    };
    expect(elementSnippet(config({ lang: 'es', fallback: link }))).to.equal(
      `<mi-news-feed src="${FEED}" lang="es"><a href="https://example.org/noticias?a=1&amp;b=%222%22">Noticias &lt;sobre&gt; migración</a></mi-news-feed>`,
    );
    for (const bad of [
      { href: 'javascript:alert(1)', text: 'x' },
      { href: '/relative', text: 'x' },
      { href: 'https://example.org/', text: '  ' },
    ])
      expect(elementSnippet(config({ fallback: bad }))).to.equal(
        `<mi-news-feed src="${FEED}"></mi-news-feed>`,
      );
    const snippet = scriptSnippet(config({ fallback: link }), 'https://cdn.example/mi-widgets.js');
    expect(snippet.split('\n').at(-1)).to.match(
      /^<mi-news-feed [^>]*><a href=.*<\/a><\/mi-news-feed>$/,
    );
  });

  it('suggest a fallback link: the feed’s home page, else its site’s; the text per widget and language', () => {
    const src = 'https://feeds.example.org/migration/feed.json';
    expect(defaultFallback({ widget: 'news-feed', src, lang: 'es' })).to.deep.equal({
      href: 'https://feeds.example.org/',
      text: 'Noticias sobre migración',
    });
    expect(
      defaultFallback(
        { widget: 'hub-locator', src, lang: '' },
        { homePage: 'https://ngo.example/ayuda', pageLang: 'pt-BR' },
      ),
    ).to.deep.equal({
      href: 'https://ngo.example/ayuda',
      text: 'Pontos de informação para pessoas migrantes',
    });
    expect(
      defaultFallback({ widget: 'quiz', src, lang: 'de' }, { homePage: 'javascript:x' }),
    ).to.deep.equal({
      href: 'https://feeds.example.org/',
      text: 'Myths and facts about migration',
    });
    expect(defaultFallback({ widget: 'quiz', src: 'not a url', lang: '' })).to.equal(undefined);
  });

  it('round-trip: the script snippet, pasted into a plain page, renders what the preview showed', async () => {
    const c = config({
      widget: 'campaign-banner',
      lang: 'es',
      options: { layout: 'card', country: 'GT', dismissible: true },
    });
    const preview = createWidget(c);
    document.body.append(preview);
    await reached(() => preview, 'ready');

    const snippet = scriptSnippet(c, new URL('/dist/mi-widgets.js', location.href).href);
    const frame = await page({}, `<!doctype html><html><body>${snippet}</body></html>`);
    const pasted = frame.contentDocument!.querySelector('mi-campaign-banner')!;
    await reached(() => pasted, 'ready');
    expect(attributes(pasted)).to.deep.equal(attributes(preview));
    const title = (el: Element) => $(el, '.slide.active [part="title"]')!.textContent!.trim();
    expect(title(pasted)).to.equal(title(preview));
    preview.remove();
  });

  /** The build's list of this release's files (dist/preloads.json), as the configurator reads it. */
  const releaseFiles = async (): Promise<ReleaseFiles> =>
    (await (await fetch('/dist/preloads.json')).json()) as ReleaseFiles;
  const SCRIPT = new URL('/dist/mi-widgets.js', location.href).href;
  /** Every request of a page, by URL: what made each, and whether the browser's cache answered. */
  const requests = (frame: HTMLIFrameElement) => {
    const byUrl = new Map<string, { initiator: string; cached: boolean }[]>();
    for (const e of frame.contentWindow!.performance.getEntriesByType(
      'resource',
    ) as PerformanceResourceTiming[])
      byUrl.set(e.name, [
        ...(byUrl.get(e.name) ?? []),
        { initiator: e.initiatorType, cached: e.transferSize === 0 }, // same origin: 0 bytes is the cache
      ]);
    return byUrl;
  };
  const initiators = (made: ReturnType<typeof requests>, url: string) =>
    made.get(url)?.map((r) => r.initiator);

  it('fast start: links naming the release’s chunks, the translation and the feed — each requested once', async () => {
    const files = await releaseFiles();
    const src = `${FEED}?fast-start`;
    const c = config({ src, options: { limit: '3' } });
    const links = fastStartLinks(c, SCRIPT, { files, pageLang: 'es-GT' });
    const chunks = [...files.widgets['mi-news-feed'], files.locales.es, files.reader].map(
      (path) => new URL(path, SCRIPT).href,
    );
    const reader = chunks.at(-1)!;
    expect(links).to.deep.equal([
      ...chunks.map((href) => `<link rel="modulepreload" href="${href}" />`),
      `<link rel="preload" as="fetch" href="${src}" crossorigin referrerpolicy="no-referrer" data-mi-widgets />`,
    ]);
    expect(
      chunks.some((href) => /\/chunks\/lit-[\w-]+\.js$/.test(href)),
      'Lit',
    ).to.be.true;

    const snippet = scriptSnippet(c, SCRIPT, { fastStart: { files, pageLang: 'es' } });
    // When the page starts the reader's worker, and what had arrived of the reader by then.
    const watch = `<script>
      window.started = [];
      window.Worker = class extends Worker {
        constructor(url, options) {
          const arrived = performance.getEntriesByName(${JSON.stringify(reader)});
          started.push(arrived.length ? arrived[0].responseEnd <= performance.now() : false);
          super(url, options);
        }
      };
    </script>`;
    const frame = await page(
      {},
      `<!doctype html><html lang="es"><head>${watch}${snippet.replace(/\n(?=<mi-)/, '</head><body>')}</body></html>`,
    );
    const el = frame.contentDocument!.querySelector('mi-news-feed')!;
    await reached(() => el, 'ready');
    expect($$(el, '[part="item"]')).to.have.length(3);
    const made = requests(frame);
    // The preloaded response went to the widget: no second request from the loader or the client.
    expect(initiators(made, src), 'the feed').to.deep.equal(['link']);
    // Chromium files modulepreloads as "other"; once each is what counts.
    for (const href of chunks.slice(0, -1)) expect(made.get(href), href).to.have.length(1);
    // The worker asks for its script again (a worker has no use for a preload): from the cache.
    expect(
      made
        .get(reader)
        ?.slice(1)
        .map((r) => r.cached),
      'the reader',
    ).to.deep.equal([true]);
    // The worker started once its preloaded script was here, so it took it from the cache.
    const started = (frame.contentWindow as unknown as { started: boolean[] }).started;
    expect(started, 'one worker, after the reader arrived').to.deep.equal([true]);
  });

  it('fast start for a split feed: the country’s hub file is preloaded, and still fetched once', async () => {
    const files = await releaseFiles();
    const split = new URL('/test/fixtures/split/feed.json', location.href).href;
    const gt = new URL('hubs/gt.geojson', split).href;
    const c = config({ widget: 'hub-locator', src: split, lang: 'es', options: { country: 'GT' } });
    const snippet = scriptSnippet(c, SCRIPT, { fastStart: { files, fetches: [gt] } });
    expect(snippet).to.contain(`<link rel="preload" as="fetch" href="${gt}" crossorigin`);
    const frame = await page({}, `<!doctype html><html><body>${snippet}</body></html>`);
    const el = frame.contentDocument!.querySelector('mi-hub-locator')!;
    await reached(() => el, 'ready');
    const made = requests(frame);
    expect(initiators(made, split), 'the feed').to.deep.equal(['link']);
    expect(initiators(made, gt), 'Guatemala’s hubs').to.deep.equal(['link']);
    expect(
      [...made.keys()].filter((url) => url.includes('/split/hubs/')),
      'no other country',
    ).to.deep.equal([gt]);
  });

  it('iframe mode: the URL carries the settings, and parsing it gives them back', () => {
    const c = config({
      widget: 'hub-locator',
      lang: 'fr',
      theme: 'auto',
      options: { country: 'GT', service: 'legal', map: true },
    });
    const url = new URL(embedUrl(c, EMBED));
    expect(url.pathname).to.equal('/dist/embed.html');
    expect(configFromParams(url.searchParams)).to.deep.equal(c);
    expect(iframeSnippet(c, EMBED, 'https://cdn.example/mi-embed-resize.js')).to.match(
      /^<iframe src="[^"]+" title="Information hubs" width="100%" height="930" loading="lazy" data-mi-embed><\/iframe>/,
    );
  });

  it('hold the widget’s box until the script has loaded: a <style>, or the stylesheet where inline styles are refused', () => {
    const c = config({ options: { layout: 'cards', limit: '3' } });
    const script = new URL('/dist/mi-widgets.js', location.href).href;
    const [style, scriptTag, element] = scriptSnippet(c, script).split(/\n(?=<(?:script|mi-))/);
    expect(style).to.equal(`<style>\n${reserveCss(c)}\n</style>`);
    expect(style).to.contain('mi-news-feed:not([state])[limit="3"]{--_mi-n:3}');
    expect(style).to.contain('mi-news-feed:not([state])[layout="cards"]{container-type');
    expect(scriptTag).to.equal(`<script type="module" src="${script}"></script>`);
    expect(element).to.equal(elementSnippet(c));
    expect(
      scriptSnippet(c, script, { stylesheetUrl: 'https://cdn.example/mi-widgets.css' }).split(
        '\n',
      )[0],
    ).to.equal('<link rel="stylesheet" href="https://cdn.example/mi-widgets.css" />');
    // Only numbers reach a selector: the snippet is pasted into a page.
    expect(reserveCss(config({ options: { limit: '3"]</style><script>' } }))).to.not.contain(
      'script',
    );
    // The banner's layout and rotation, and nothing a list of news does not need.
    const banner = reserveCss(
      config({ widget: 'campaign-banner', options: { layout: 'hero', rotate: true } }),
    );
    expect(banner).to.contain('[layout="hero"]').and.contain('[rotate]').and.not.contain('card');
    expect(reserveCss(config({}))).to.not.contain('cards');
  });

  it('createWidget holds the box of a widget whose code has not loaded yet', async () => {
    const frame = await page({}, '<!doctype html><body style="margin: 0"></body>', {
      width: 412,
    });
    const doc = frame.contentDocument!;
    for (const c of [
      config({}),
      config({ options: { layout: 'cards', limit: '2' } }),
      config({ widget: 'quiz' }),
      config({ widget: 'hub-locator' }),
      config({ widget: 'campaign-banner', options: { layout: 'card', rotate: true } }),
    ]) {
      const el = createWidget(c, doc);
      doc.body.append(el);
      expect(doc.defaultView!.customElements.get(el.localName)).to.be.undefined;
      expect(el.getBoundingClientRect().height, c.widget).to.be.closeTo(reservedHeight(c), 0.5);
      el.remove();
    }
  });

  it('holds the box of a widget whose code has loaded, until its first render a task later', async () => {
    await Promise.all([
      import('../src/news-feed/mi-news-feed.js'),
      import('../src/quiz/mi-quiz.js'),
      import('../src/hub-locator/mi-hub-locator.js'),
    ]);
    for (const c of [
      config({ src: fault('hang') }),
      config({ widget: 'quiz', src: fault('hang') }),
      config({ widget: 'hub-locator', src: fault('hang') }),
      config({ widget: 'campaign-banner', options: { layout: 'card' }, src: fault('hang') }),
    ]) {
      const el = createWidget(c, document);
      document.body.append(el);
      // Upgraded at once, drawn only in a later task: the reserve rules still hold its box.
      expect(customElements.get(el.localName), c.widget).to.exist;
      expect(el.shadowRoot, c.widget).to.exist;
      expect(el.hasAttribute('state'), c.widget).to.be.false;
      expect(el.getBoundingClientRect().height, c.widget).to.be.closeTo(reservedHeight(c), 0.5);
      await waitUntil(() => el.getAttribute('state') === 'loading', `${c.widget} never drew`);
      el.remove();
    }
  });

  it('iframe mode refuses unknown widgets, non-http feeds and bad options, saying why', () => {
    const parse = (q: string) => () => configFromParams(new URLSearchParams(q));
    expect(parse('widget=evil&src=https://a.example/f.json')).to.throw(/Unknown widget "evil"/);
    expect(parse('widget=quiz&src=javascript:alert(1)')).to.throw(/absolute http\(s\) URL/);
    expect(parse('widget=quiz&src=/relative.json')).to.throw(/absolute http\(s\) URL/);
    expect(parse('widget=news-feed&src=https://a.example/f.json&layout=grid')).to.throw(
      /Unknown layout/,
    );
    expect(parse('widget=news-feed&src=https://a.example/f.json&theme=neon')).to.throw(
      /Unknown theme/,
    );
    expect(parse('widget=news-feed&src=https://a.example/f.json&lang=<x>')).to.throw(
      /language tag/,
    );
    // A parameter the widget does not take is refused by name, not ignored.
    expect(parse('widget=hub-locator&src=https://a.example/f.json&foo=1&tiles=x')).to.throw(
      /Unknown parameter "foo"/,
    );
    expect(parse('widget=quiz&src=https://a.example/f.json&layout=cards')).to.throw(
      /Unknown parameter "layout"/,
    );
  });
});

describe('iframe mode (dist/embed.html)', () => {
  before(async () => {
    await import(/* @vite-ignore */ new URL('/dist/mi-embed-resize.js', location.href).href);
  });
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  for (const c of [
    config({}),
    config({ options: { layout: 'cards', limit: '3' } }),
    config({ widget: 'quiz' }),
    config({ widget: 'campaign-banner', options: { layout: 'card' } }),
  ]) {
    it(`on a phone, the snippet’s height is the ${c.widget}’s: the resize script moves nothing`, async () => {
      const frame = await page({ src: embedUrl(c, EMBED), 'data-mi-embed': '' }, undefined, {
        width: 412,
        height: iframeHeight(c),
      });
      const el = () => frame.contentDocument!.querySelector(`mi-${c.widget}`);
      const heights = new Set<string>();
      const watch = new MutationObserver(() => heights.add(frame.height));
      watch.observe(frame, { attributes: true, attributeFilter: ['height'] });
      await reached(el, 'ready');
      await new Promise((r) => setTimeout(r, 300));
      watch.disconnect();
      expect(heights.size, 'the resize script answered').to.be.greaterThan(0);
      expect([...heights].filter((h) => h !== String(iframeHeight(c)))).to.deep.equal([]);
    });
  }

  for (const widget of ['news-feed', 'quiz', 'hub-locator', 'campaign-banner'] as const) {
    it(`renders <mi-${widget}> alone and fits the iframe to it`, async () => {
      const frame = await page({
        src: embedUrl(config({ widget, lang: 'es' }), EMBED),
        'data-mi-embed': '',
      });
      const el = () => frame.contentDocument!.querySelector(`mi-${widget}`);
      await reached(el, 'ready');
      expect(frame.contentDocument!.documentElement.lang).to.equal('es');
      const content = () =>
        Math.ceil(frame.contentDocument!.documentElement.getBoundingClientRect().height);
      await waitUntil(
        () => frame.height === String(content()),
        `iframe height ${frame.height}, content ${content()}`,
      );
    });
  }

  it('believes a resize message only from the iframe’s own window and origin', async () => {
    const frame = await page({ src: embedUrl(config({}), EMBED), 'data-mi-embed': '' });
    const content = () =>
      Math.ceil(frame.contentDocument!.documentElement.getBoundingClientRect().height);
    await reached(() => frame.contentDocument!.querySelector('mi-news-feed'), 'ready');
    await waitUntil(() => frame.height === String(content()), 'never fitted');
    const height = frame.height;
    window.postMessage({ type: 'mi-widgets:resize', height: 12 }, '*'); // not from the iframe
    frame.contentWindow!.postMessage('ignored', '*');
    await new Promise((r) => setTimeout(r, 100));
    expect(frame.height).to.equal(height);

    // The iframe's page navigates itself to another origin: its messages are not believed.
    const otherOrigin = new URL(embedUrl(config({ widget: 'quiz' }), EMBED));
    otherOrigin.hostname = otherOrigin.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const moved = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    frame.contentWindow!.location.href = otherOrigin.href;
    await moved;
    await new Promise((r) => setTimeout(r, 500));
    expect(frame.height).to.equal(height);
  });

  it('opens every link in a new tab: news titles, links in feed HTML, calls to action', async () => {
    const news = await page({
      src: embedUrl(config({ src: fixture('feed.json'), lang: 'en' }), EMBED),
      'data-mi-embed': '',
    });
    const feed = () => news.contentDocument!.querySelector('mi-news-feed');
    await reached(feed, 'ready');
    await waitUntil(() => $(feed()!, '[part="summary"] a'), 'the HTML body never rendered');
    const banner = await page({
      src: embedUrl(config({ widget: 'campaign-banner', lang: 'es' }), EMBED),
      'data-mi-embed': '',
    });
    const campaign = () => banner.contentDocument!.querySelector('mi-campaign-banner');
    await reached(campaign, 'ready');
    const links = [
      $(feed()!, '[part="link"]'),
      $(feed()!, '[part="summary"] a'),
      $(campaign()!, '[part="cta"]'),
    ];
    for (const link of links) {
      expect(link, 'a link of each kind').to.exist;
      expect(link!.getAttribute('target'), link!.outerHTML).to.equal('_blank');
      expect(link!.getAttribute('rel')?.split(' '), link!.outerHTML).to.include('noopener');
    }
    // Followed, the link leaves the frame where it is.
    const where = news.contentWindow!.location.href;
    const opened = new Promise<Event>((resolve) =>
      $(feed()!, '[part="link"]')!.addEventListener('click', resolve, { once: true }),
    );
    $(feed()!, '[part="link"]')!.addEventListener('click', (e) => e.preventDefault());
    $(feed()!, '[part="link"]')!.click();
    await opened;
    expect(news.contentWindow!.location.href).to.equal(where);

    // On a partner's own page, links open where the visitor is.
    const own = document.createElement('mi-campaign-banner');
    own.setAttribute('src', FEED);
    document.body.append(own);
    try {
      await reached(() => own, 'ready');
      expect($(own, '[part="cta"]')!.hasAttribute('target')).to.be.false;
    } finally {
      own.remove();
    }
  });

  it('says what is wrong with a bad URL instead of a blank frame', async () => {
    const frame = await page({ src: `${EMBED}?widget=evil&src=https://a.example/f.json` });
    await waitUntil(() => frame.contentDocument!.querySelector('[role="alert"]'));
    expect(frame.contentDocument!.querySelector('[role="alert"]')!.textContent).to.match(
      /Unknown widget "evil"/,
    );
    const unknown = await page({
      src: `${EMBED}?widget=hub-locator&src=${encodeURIComponent(FEED)}&foo=1`,
    });
    await waitUntil(() => unknown.contentDocument!.querySelector('[role="alert"]'));
    expect(unknown.contentDocument!.querySelector('[role="alert"]')!.textContent).to.match(
      /Unknown parameter "foo"/,
    );
    expect(unknown.contentDocument!.querySelector('mi-hub-locator')).to.be.null;
  });
});

describe('snippet configurator (demo/configurator.html)', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('shows a feed-health line for the chosen feed, with every problem one click away', async function () {
    this.timeout(30_000); // the page compiles its modules on first load
    const frame = await page({ src: '/demo/configurator.html' });
    const doc = frame.contentDocument!;
    const health = () => doc.getElementById('feed-health')!.textContent!;
    await waitUntil(() => health().includes('no problems'), `health: ${health()}`, {
      timeout: 8000,
    });
    const details = doc.getElementById('feed-problems') as HTMLDetailsElement;
    expect(details.hidden).to.be.true;
    // The news feed is the first choice, whatever order the registry lists the widgets in.
    expect((doc.getElementById('widget') as HTMLSelectElement).value).to.equal('news-feed');

    const src = doc.getElementById('src') as HTMLInputElement;
    src.value = new URL('/test/fixtures/corpus/typos.json', location.href).href;
    src.dispatchEvent(new Event('input', { bubbles: true }));
    await waitUntil(() => /25 problems/.test(health()), `health: ${health()}`, { timeout: 8000 });
    expect(health()).to.equal(
      'Feed health: 25 problems: 10 fields dropped, 6 values normalized, 2 news items dropped, 2 statements dropped, 1 quiz dropped, 2 hubs dropped, 2 campaigns dropped.',
    );
    expect(details.hidden).to.be.false;
    const items = [...details.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).to.have.length(25);
    expect(items[1]).to.equal(
      'items[1].image: expected an http(s) URL, found "ftp://files.example.org/a.png" → field dropped',
    );
    expect(doc.getElementById('feed-command')!.textContent).to.equal(
      `npx mi-feed validate ${src.value}`,
    );

    src.value = new URL('/test/fixtures/not-a-feed.json', location.href).href;
    src.dispatchEvent(new Event('input', { bubbles: true }));
    await waitUntil(() => /cannot use/.test(health()), `health: ${health()}`, { timeout: 8000 });
    expect(details.querySelectorAll('li')).to.have.length(1);
  });

  it('fast start: names the release’s files and, for a split feed, the country’s hub file', async function () {
    this.timeout(30_000);
    const frame = await page({ src: '/demo/configurator.html' });
    const doc = frame.contentDocument!;
    const byId = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T;
    const status = () => byId('fast-start-status').textContent!;
    const snippet = () => byId<HTMLTextAreaElement>('script-snippet').value;
    const change = (el: HTMLElement, type = 'change') =>
      el.dispatchEvent(new Event(type, { bubbles: true }));
    await waitUntil(() => snippet().includes('<script'), 'no snippet');

    // Where no release lists its files (npm start serves the source): said, and no lines.
    byId<HTMLInputElement>('fast-start').click();
    await waitUntil(() => /No list of files/.test(status()), `status: ${status()}`);
    expect(snippet()).to.not.contain('modulepreload');

    // A built release: its files, the hub locator's split feed and Guatemala's file.
    const release = new URL('/dist/', location.href).href;
    const files = byId<HTMLInputElement>('files-base');
    files.value = release;
    change(files);
    byId<HTMLSelectElement>('widget').value = 'hub-locator';
    change(byId('widget'));
    const split = new URL('/test/fixtures/split/feed.json', location.href).href;
    const src = byId<HTMLInputElement>('src');
    src.value = split;
    change(src, 'input');
    const country = byId<HTMLInputElement>('opt-country');
    country.value = 'GT';
    change(country, 'input');
    const gt = new URL('hubs/gt.geojson', split).href;
    await waitUntil(() => snippet().includes(gt), `snippet: ${snippet()}`, { timeout: 8000 });
    const preloads = (await (await fetch('/dist/preloads.json')).json()) as ReleaseFiles;
    const lines = snippet().split('\n');
    for (const path of [...preloads.widgets['mi-hub-locator'], preloads.locales.es])
      expect(lines).to.include(
        `<link rel="modulepreload" href="${new URL(path, release).href}" />`,
      );
    expect(lines).to.include(
      `<link rel="preload" as="fetch" href="${split}" crossorigin referrerpolicy="no-referrer" data-mi-widgets />`,
    );
    expect(snippet()).to.not.contain('mx.geojson');
    expect(lines).to.include(`<script type="module" src="${release}mi-widgets.js"></script>`);
    expect(status()).to.match(/lines above the script tag, 1 of them for the hubs’ file/);
  });

  it('integrity: pins the script and the fast-start files of one exact release to their hashes', async function () {
    this.timeout(30_000);
    const frame = await page({ src: '/demo/configurator.html' });
    const doc = frame.contentDocument!;
    const byId = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T;
    const status = () => byId('fast-start-status').textContent!;
    const snippet = () => byId<HTMLTextAreaElement>('script-snippet').value;
    const files = byId<HTMLInputElement>('files-base');
    const setBase = (url: string) => {
      files.value = url;
      files.dispatchEvent(new Event('change', { bubbles: true }));
    };
    await waitUntil(() => snippet().includes('<script'), 'no snippet');

    // Where no release is built: said, and no hash.
    byId<HTMLInputElement>('integrity').click();
    await waitUntil(() => /No hashes at/.test(status()), `status: ${status()}`);
    expect(snippet()).to.not.contain('integrity=');

    // A range's bytes change: refused, with the reason.
    setBase('https://cdn.jsdelivr.net/npm/migration-info-widgets@0.1/dist/');
    await waitUntil(() => /one exact release/.test(status()), `status: ${status()}`);
    expect(snippet()).to.not.contain('integrity=');

    // A built release: the script and every fast-start module carry their file's hash.
    const release = new URL('/dist/', location.href).href;
    const hashes = (await (await fetch('/dist/integrity.json')).json()) as Record<string, string>;
    setBase(release);
    await waitUntil(() => snippet().includes('integrity='), `snippet: ${snippet()}`);
    expect(snippet().split('\n')).to.include(
      `<script type="module" src="${release}mi-widgets.js" integrity="${hashes['mi-widgets.js']}" crossorigin="anonymous"></script>`,
    );
    expect(status()).to.contain('Pinned to this release’s hashes.');
    byId<HTMLInputElement>('fast-start').click();
    await waitUntil(() => snippet().includes('modulepreload'), `snippet: ${snippet()}`);
    const preloads = snippet()
      .split('\n')
      .filter((line) => line.includes('modulepreload'));
    expect(preloads.length).to.be.greaterThan(2);
    for (const line of preloads) {
      const path = /href="([^"]+)"/.exec(line)![1].slice(release.length);
      expect(line).to.contain(` integrity="${hashes[path]}" crossorigin="anonymous"`);
    }
  });

  it('a pinned snippet runs only the release’s exact bytes', async function () {
    this.timeout(30_000);
    const hashes = (await (await fetch('/dist/integrity.json')).json()) as Record<string, string>;
    // The release's exact bytes, as a CDN serves them (the test server rewrites modules).
    const script = new URL('/__release/dist/mi-widgets.js', location.href).href;
    const feed = new URL('/test/fixtures/feed.json', location.href).href;
    const snippet = scriptSnippet(config({ src: feed }), script, { integrity: hashes });
    expect(snippet).to.contain(`integrity="${hashes['mi-widgets.js']}"`);
    // Both pages at once: by the time the pinned widget is ready, the other would be too.
    const [pinned, tampered] = await Promise.all([
      page({}, snippet),
      // The same snippet with another file's hash: the browser refuses the script.
      page({}, snippet.replace(hashes['mi-widgets.js'], hashes['embed.js'])),
    ]);
    const widget = () => pinned.contentDocument!.querySelector('mi-news-feed')!;
    await waitUntil(() => widget().getAttribute('state') === 'ready', 'pinned widget not ready', {
      timeout: 10_000,
    });
    const preloads = (frame: HTMLIFrameElement) =>
      frame.contentDocument!.querySelectorAll('link[rel="modulepreload"]').length;
    expect(preloads(pinned), 'the loader ran: it asked for the widget').to.be.greaterThan(0);
    expect(preloads(tampered), 'the refused loader asked for nothing').to.equal(0);
    const refused = tampered.contentDocument!.querySelector('mi-news-feed')!;
    expect(tampered.contentWindow!.customElements.get('mi-news-feed')).to.be.undefined;
    expect(refused.hasAttribute('state')).to.be.false;
  });

  it('the script snippet carries a fallback link: suggested, or as the webmaster writes it', async function () {
    this.timeout(30_000);
    const frame = await page({ src: '/demo/configurator.html' });
    const doc = frame.contentDocument!;
    const byId = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T;
    const snippet = () => byId<HTMLTextAreaElement>('script-snippet').value;
    const element = () => snippet().split('\n').at(-1)!;
    await waitUntil(() => snippet().includes('<script'), 'no snippet');
    // The demo feed has no home_page_url: its site's home page, in the page's language.
    const site = new URL('/', location.href).href;
    const lang = byId<HTMLSelectElement>('page-lang').value;
    const text = { en: 'News about migration', es: 'Noticias sobre migración' }[lang];
    expect(element()).to.match(
      new RegExp(`^<mi-news-feed src="[^"]+"><a href="${site}">${text}</a></mi-news-feed>$`),
    );
    expect(byId<HTMLInputElement>('fallback-href').placeholder).to.equal(site);
    const href = byId<HTMLInputElement>('fallback-href');
    href.value = 'https://ngo.example/noticias';
    href.dispatchEvent(new Event('input', { bubbles: true }));
    const label = byId<HTMLInputElement>('fallback-text');
    label.value = 'Nuestras noticias';
    label.dispatchEvent(new Event('input', { bubbles: true }));
    await waitUntil(() => element().includes('Nuestras'), `snippet: ${snippet()}`);
    expect(element()).to.match(
      /><a href="https:\/\/ngo\.example\/noticias">Nuestras noticias<\/a><\/mi-news-feed>$/,
    );
    // The preview shows the widget only: no fallback link in the page's form, once.
    expect(byId('preview').querySelectorAll('a')).to.have.length(0);
  });
});
