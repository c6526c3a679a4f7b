import { expect, waitUntil } from '@open-wc/testing';
import { $, $$, fixture, reached, resetFeeds } from './helpers.js';

/**
 * The built one-script-tag bundle, as a partner loads it (`npm test` builds it first).
 * @open-wc/testing has already put Lit from node_modules on this page: the bundle's own Lit
 * is another copy beside it.
 */
const BUNDLE = '/dist/mi-widgets.js';
const load = (url: string): Promise<unknown> => import(/* @vite-ignore */ url);
const chunkLoaded = (name: string) =>
  performance
    .getEntriesByType('resource')
    .some((e) => new URL(e.name).pathname.includes(`/chunks/${name}-`));

describe('dist/mi-widgets.js', () => {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.message);
  const originalError = console.error;
  before(() => {
    resetFeeds();
    window.addEventListener('error', onError);
    console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
  });
  after(() => {
    window.removeEventListener('error', onError);
    console.error = originalError;
  });

  it('loads a widget’s code only when its tag appears on the page', async () => {
    await load(BUNDLE);
    expect(customElements.get('mi-news-feed')).to.be.undefined;
    expect(chunkLoaded('mi-news-feed')).to.be.false;
    expect(chunkLoaded('lit')).to.be.false;

    const el = document.createElement('mi-news-feed');
    el.setAttribute('src', fixture('feed.json'));
    document.body.append(el); // inserted late, by the host's own script
    await customElements.whenDefined('mi-news-feed');
    await reached(() => el, 'ready');
    expect(chunkLoaded('mi-news-feed')).to.be.true;
    expect($$(el, '[part="item"]')).to.have.length(5);
    el.remove();
  });

  it('registers all four widgets, each loading its own chunk only when its tag appears', async () => {
    const chunks = ['mi-quiz', 'mi-hub-locator', 'mi-campaign-banner'];
    for (const tag of chunks) {
      expect(customElements.get(tag), tag).to.be.undefined;
      expect(chunkLoaded(tag), tag).to.be.false;
    }
    const src = fixture('../../demo/feed.json');
    for (const tag of chunks) {
      const el = document.createElement(tag);
      el.setAttribute('src', src);
      document.body.append(el);
      await customElements.whenDefined(tag);
      expect(chunkLoaded(tag), tag).to.be.true;
      await reached(() => el, 'ready', 'empty');
      el.remove();
    }
    expect(chunkLoaded('hub-map'), 'the map chunk without map').to.be.false;
  });

  /** A fresh page (an iframe) with the script tag as a partner writes it, and some markup. */
  function partnerPage(script: string, body: string): HTMLIFrameElement {
    const frame = document.createElement('iframe');
    const bundle = new URL(BUNDLE, location.href).href;
    frame.srcdoc = `<!doctype html><script type="module" src="${bundle}" ${script}></script>${body}`;
    document.body.append(frame);
    return frame;
  }
  const feedRequests = (frame: HTMLIFrameElement, src: string) =>
    frame.contentWindow!.performance.getEntriesByType('resource').filter((e) => e.name === src)
      .length;

  it('no waterfall: on seeing a tag it preloads the widget’s chunks and starts the feed — one request', async () => {
    const src = `${fixture('feed.json')}?preload-test`;
    const watch = `<script>
      window.feedCalls = [];
      const original = window.fetch;
      window.fetch = (url, init) => {
        feedCalls.push([String(url), !!customElements.get('mi-campaign-banner')]);
        return original(url, init);
      };
      window.workers = [];
      const OriginalWorker = window.Worker;
      window.Worker = class extends OriginalWorker {
        constructor(url, options) {
          super(url, options);
          workers.push([new URL(String(url)).pathname, !!customElements.get('mi-campaign-banner')]);
        }
      };
    </script>`;
    const frame = partnerPage(
      '',
      `${watch}<mi-campaign-banner lang="pt" src="${src}"></mi-campaign-banner>`,
    );
    const doc = () => frame.contentDocument!;
    const preloads = () =>
      [...doc().head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) =>
        new URL(l.href).pathname.replace(/-[\w-]{8}\.js$/, ''),
      );
    // Asked for at once, with the tag: its chunk, what that imports, the page's language, the feed.
    await waitUntil(() => preloads().includes('/dist/chunks/mi-campaign-banner'), 'no preload');
    for (const chunk of ['lit', 'shared', 'pt'])
      expect(preloads(), chunk).to.include(`/dist/chunks/${chunk}`);
    await reached(() => doc().querySelector('mi-campaign-banner'), 'ready', 'empty');
    expect(feedRequests(frame, src), 'the widget took over the loader’s request').to.equal(1);
    // Started with the tag, not after the code: while the widget was not even defined yet.
    const calls = (frame.contentWindow as unknown as { feedCalls: [string, boolean][] }).feedCalls;
    expect(calls.filter(([url]) => url === src)).to.deep.equal([[src, false]]);
    // The feed reader's worker too, once: the client took the loader's.
    const workers = (frame.contentWindow as unknown as { workers: [string, boolean][] }).workers;
    expect(workers).to.have.length(1);
    expect(workers[0][0]).to.match(/^\/dist\/assets\/parse-worker-[\w-]+\.js$/);
    expect(workers[0][1], 'started before the widget was defined').to.equal(false);
    frame.remove();
  });

  it('from a CDN, another origin than the page: the feed is still read in a worker, started from a blob: module', async () => {
    const cdn = new URL(`/__cors${BUNDLE}`, location.href);
    cdn.hostname = cdn.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const src = `${fixture('feed.json')}?cdn-test`;
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><script>
        window.workers = [];
        const OriginalWorker = window.Worker;
        window.Worker = class extends OriginalWorker {
          constructor(url, options) {
            workers.push(String(url));
            super(url, options);
          }
        };
      </script>
      <script type="module" src="${cdn.href}"></script>
      <mi-news-feed src="${src}"></mi-news-feed>`;
    document.body.append(frame);
    const win = () => frame.contentWindow as Window & { workers: string[] };
    await reached(() => win().document.querySelector('mi-news-feed'), 'ready');
    const loaded = win()
      .performance.getEntriesByType('resource')
      .map((e) => e.name);
    expect(loaded.some((url) => url.startsWith(`${cdn.origin}/__cors/dist/chunks/mi-news-feed-`)))
      .to.be.true;
    // One worker, from the page's own origin; the main-thread reader was never needed.
    expect(win().workers).to.have.length(1);
    expect(win().workers[0]).to.match(new RegExp(`^blob:${self.origin}/`));
    expect(loaded.filter((url) => /\/chunks\/parse-[\w-]+\.js$/.test(url))).to.deep.equal([]);
    frame.remove();
  });

  it('the feed of the page-level meta tag is started early too, and asked for once by four widgets', async () => {
    const src = `${new URL('/demo/feed.json', location.href).href}?meta-test`;
    const frame = partnerPage(
      '',
      `<meta name="mi-widgets:feed" content="${src}">
       <mi-news-feed></mi-news-feed><mi-quiz></mi-quiz><mi-hub-locator></mi-hub-locator><mi-campaign-banner></mi-campaign-banner>`,
    );
    const states = () =>
      [
        ...frame.contentDocument!.querySelectorAll(
          'mi-news-feed, mi-quiz, mi-hub-locator, mi-campaign-banner',
        ),
      ].map((el) => el.getAttribute('state'));
    await waitUntil(
      () => states().length === 4 && states().every((s) => s === 'ready'),
      `states: ${states()}`,
      {
        timeout: 8000,
      },
    );
    expect(feedRequests(frame, src)).to.equal(1);
    frame.remove();
  });

  it('data-no-preload on the script tag: no preloads, no early request, the widget still loads', async () => {
    const src = `${fixture('feed.json')}?no-preload-test`;
    const frame = partnerPage('data-no-preload', `<mi-news-feed src="${src}"></mi-news-feed>`);
    const doc = () => frame.contentDocument!;
    await reached(() => doc().querySelector('mi-news-feed'), 'ready');
    expect(doc().querySelectorAll('link[rel="modulepreload"]')).to.have.length(0);
    expect(feedRequests(frame, src)).to.equal(1);
    frame.remove();
  });

  it('raises no error when the script is loaded twice, beside another copy of Lit', async () => {
    await load(BUNDLE); // the same URL again
    await load(`/__copy2${BUNDLE}`); // a second copy, with its own Lit
    const { LitElement, html } = await import('lit');
    class HostOwn extends LitElement {
      override render() {
        return html`<p>the host's own Lit element</p>`;
      }
    }
    customElements.define('host-own-element', HostOwn);
    const own = document.createElement('host-own-element') as HostOwn;
    const el = document.createElement('mi-news-feed');
    el.setAttribute('src', fixture('feed.json'));
    el.setAttribute('lang', 'es');
    document.body.append(own, el);
    await own.updateComplete;
    await reached(() => el, 'ready');
    expect(own.shadowRoot!.textContent).to.contain("the host's own Lit element");
    const more = () => $(el, '[part="more-button"]')?.textContent?.trim();
    await waitUntil(() => more() === 'Más noticias', `the interface is not in Spanish: ${more()}`);
    await new Promise((r) => setTimeout(r, 200)); // let the second copy's loader act too
    expect(errors).to.deep.equal([]);
    own.remove();
    el.remove();
  });
});
