import { expect, waitUntil } from '@open-wc/testing';
import {
  attributesOf,
  configFromParams,
  createWidget,
  elementSnippet,
  embedUrl,
  iframeHeight,
  iframeSnippet,
  scriptSnippet,
  type WidgetConfig,
} from '../src/embed/config.js';
import { reserveCss, reservedHeight } from '../src/embed/reserve.js';
import { resetFeeds } from './helpers.js';
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

  it('round-trip: the script snippet, pasted into a plain page, renders what the preview showed', async () => {
    const c = config({
      widget: 'campaign-banner',
      lang: 'es',
      options: { layout: 'card', country: 'GT', dismissible: true },
    });
    const preview = createWidget(c);
    document.body.append(preview);
    await waitUntil(() => preview.getAttribute('state') === 'ready', 'the preview never rendered');

    const snippet = scriptSnippet(c, new URL('/dist/mi-widgets.js', location.href).href);
    const frame = await page({}, `<!doctype html><html><body>${snippet}</body></html>`);
    const pasted = frame.contentDocument!.querySelector('mi-campaign-banner')!;
    await waitUntil(
      () => pasted.getAttribute('state') === 'ready',
      'the pasted snippet never rendered',
    );
    expect(attributes(pasted)).to.deep.equal(attributes(preview));
    const title = (el: Element) =>
      el.shadowRoot!.querySelector('.slide.active [part="title"]')!.textContent!.trim();
    expect(title(pasted)).to.equal(title(preview));
    preview.remove();
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
    expect(style).to.contain('mi-news-feed:not(:defined)[limit="3"]{--_mi-n:3}');
    expect(style).to.contain('mi-news-feed:not(:defined)[layout="cards"]{container-type');
    expect(scriptTag).to.equal(`<script type="module" src="${script}"></script>`);
    expect(element).to.equal(elementSnippet(c));
    expect(scriptSnippet(c, script, 'https://cdn.example/mi-widgets.css').split('\n')[0]).to.equal(
      '<link rel="stylesheet" href="https://cdn.example/mi-widgets.css" />',
    );
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
      await waitUntil(() => el()?.getAttribute('state') === 'ready', 'never rendered', {
        timeout: 4000,
      });
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
      await waitUntil(
        () => el()?.getAttribute('state') === 'ready',
        `<mi-${widget}> never rendered`,
        { timeout: 4000 },
      );
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
    await waitUntil(
      () => frame.contentDocument!.querySelector('mi-news-feed')?.getAttribute('state') === 'ready',
    );
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

  it('says what is wrong with a bad URL instead of a blank frame', async () => {
    const frame = await page({ src: `${EMBED}?widget=evil&src=https://a.example/f.json` });
    await waitUntil(() => frame.contentDocument!.querySelector('[role="alert"]'));
    expect(frame.contentDocument!.querySelector('[role="alert"]')!.textContent).to.match(
      /Unknown widget "evil"/,
    );
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
});
