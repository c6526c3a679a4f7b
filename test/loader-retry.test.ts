import { expect, waitUntil } from '@open-wc/testing';
import type axe from 'axe-core';
import sinon from 'sinon';
import { fixture, reached, resetFeeds, text } from './helpers.js';

/**
 * The built loader on a flaky network: the test server's `/__flaky/…` (web-test-runner.config.js)
 * serves the bundle and fails the requests for one chunk, a number of times or until healed.
 * Each test has its own key, so no test sees another's failures.
 */
let keys = 0;
function flaky(chunk: string, failures: number | 'always') {
  keys += 1;
  const key = `${Date.now()}-${keys}`;
  return {
    dist: `/__flaky/${key}/${failures}/${chunk}/dist/`,
    /** From now on the chunk loads. */
    heal: () => fetch(`/__flaky/${key}/heal`),
  };
}

/** The loader's pauses between attempts (src/loader.ts), and time for requests on a busy host. */
const ALL_ATTEMPTS_MS = 1000 + 3000 + 3000;

const sandbox = sinon.createSandbox();

interface Page {
  doc: Document;
  /** The page's console.error, stubbed once the page has loaded (the loader's word comes later). */
  error: sinon.SinonStub;
}

/** A fresh page (an iframe) with the script tag, loaded from `dist`, and this markup. */
async function page(dist: string, body: string, head = ''): Promise<Page> {
  const frame = document.createElement('iframe');
  frame.width = '600';
  frame.height = '400';
  frame.srcdoc = `<!doctype html><html lang="es"><head>${head}
    <script type="module" src="${dist}mi-widgets.js"></script></head><body>${body}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  return { doc: win.document, error: sandbox.stub(win.console, 'error') };
}

/** The message the loader put in a widget element, if any. */
const fallbackOf = (el: Element) => el.querySelector<HTMLElement>('[data-mi-widgets-fallback]');
/** How many times the page asked for a chunk (failed requests count too). */
const requests = (doc: Document, chunk: string) =>
  doc
    .defaultView!.performance.getEntriesByType('resource')
    .filter((e) => new URL(e.name).pathname.includes(`/chunks/${chunk}-`)).length;

/**
 * What `expect(el).to.be.accessible()` checks, for an element of a frame: axe-core runs in the
 * frame's own realm (this page's copy refuses another realm's nodes).
 */
async function expectAccessible(el: Element): Promise<void> {
  const doc = el.ownerDocument;
  const win = doc.defaultView as Window & { axe?: typeof axe };
  if (!win.axe) {
    const script = doc.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve) => (script.onload = resolve));
    doc.head.append(script);
    await loaded;
  }
  const { violations } = await win.axe!.run(el);
  expect(
    violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.html).join(', ')})`),
  ).to.deep.equal([]);
}

// The frames' elements are compared by identity (`===`), never given to chai: it would describe an
// element of another realm property by property, without end, when a test fails.
describe('the loader on a flaky network', () => {
  beforeEach(resetFeeds);
  afterEach(() => {
    sandbox.restore();
    document.querySelectorAll('iframe').forEach((f) => f.remove());
  });

  it('this browser keeps no failed module fetch: importing again asks again (whatwg/html#10327)', async () => {
    // What a plain retry of `import()` relies on, for a widget's chunk and for a chunk it imports.
    const preloads = (await (await fetch('/dist/preloads.json')).json()) as {
      widgets: Record<string, string[]>;
    };
    const chunk = preloads.widgets['mi-news-feed'].find((f) => f.includes('/news-feed-'))!;
    const frame = document.createElement('iframe');
    frame.srcdoc = '<!doctype html><script>window.load = (url) => import(url);</script>';
    const loaded = new Promise((resolve) =>
      frame.addEventListener('load', resolve, { once: true }),
    );
    document.body.append(frame);
    await loaded;
    const load = (frame.contentWindow as unknown as { load: (url: string) => Promise<unknown> })
      .load;
    const outcome = (url: string) =>
      load(url).then(
        () => 'loaded',
        () => 'failed',
      );
    for (const failing of ['news-feed', 'lit']) {
      const url = new URL(chunk, new URL(flaky(failing, 1).dist, location.href)).href;
      expect(await outcome(url), `${failing}: first`).to.equal('failed');
      expect(await outcome(url), `${failing}: again`).to.equal('loaded');
    }
  });

  it('a widget chunk that fails once: loaded at the next attempt, no message, nothing in the console', async () => {
    const { dist } = flaky('news-feed', 1);
    const { doc, error } = await page(
      dist,
      `<mi-news-feed src="${fixture('feed.json')}"></mi-news-feed>`,
    );
    const el = doc.querySelector('mi-news-feed')!;
    await reached(() => el, 'ready');
    expect(requests(doc, 'news-feed'), 'asked again').to.be.at.least(2);
    expect(fallbackOf(el) === null, 'no message').to.equal(true);
    expect(error.called).to.equal(false);
  });

  it('a chunk that never loads: each element of the tag says so in its language, with Retry; one console error', async function () {
    this.timeout(ALL_ATTEMPTS_MS + 4000);
    const { dist } = flaky('news-feed', 'always');
    const src = fixture('feed.json');
    const { doc, error } = await page(
      dist,
      `<div id="es"><mi-news-feed src="${src}"></mi-news-feed><mi-news-feed src="${src}"></mi-news-feed></div>
       <div id="en" lang="en-GB"><mi-news-feed src="${src}"></mi-news-feed></div>`,
    );
    const elements = [...doc.querySelectorAll('mi-news-feed')];
    await waitUntil(() => elements.every(fallbackOf), 'no message', { timeout: ALL_ATTEMPTS_MS });
    expect(requests(doc, 'news-feed'), 'three attempts').to.be.at.least(3);
    expect(doc.defaultView!.customElements.get('mi-news-feed')).to.equal(undefined);
    const said = elements.map((el) => [
      text(fallbackOf(el)!.querySelector('[role="alert"]')),
      text(fallbackOf(el)!.querySelector('button')),
    ]);
    expect(said).to.deep.equal([
      ['No se pudo cargar la información.', 'Reintentar'],
      ['No se pudo cargar la información.', 'Reintentar'],
      ['The information could not be loaded.', 'Retry'],
    ]);
    await expectAccessible(doc.getElementById('es')!);
    await expectAccessible(doc.getElementById('en')!);
    expect(error.callCount).to.equal(1);
    expect(String(error.firstCall.args[0])).to.equal(
      '[mi-widgets] Could not load <mi-news-feed> (3 attempts).',
    );
    expect(String(error.firstCall.args[1])).to.contain('news-feed-');

    // One added later, while the tag has failed: the message at once, no new attempts.
    const attempts = requests(doc, 'news-feed');
    const late = doc.createElement('mi-news-feed');
    late.setAttribute('lang', 'fr');
    doc.body.append(late);
    await waitUntil(() => fallbackOf(late), 'no message on the late element');
    expect(text(fallbackOf(late)!.querySelector('[role="alert"]'))).to.equal(
      'Les informations n’ont pas pu être chargées.',
    );
    expect(requests(doc, 'news-feed')).to.equal(attempts);
    expect(error.callCount).to.equal(1);

    // A language that is one of Object's own keys is no language the loader knows.
    const odd = doc.createElement('mi-news-feed');
    odd.setAttribute('lang', 'constructor');
    doc.body.append(odd);
    await waitUntil(() => fallbackOf(odd), 'no message on the element with lang="constructor"');
    expect(text(fallbackOf(odd)!.querySelector('button'))).to.be.oneOf([
      'Retry',
      'Reintentar',
      'Réessayer',
      'Tentar novamente',
    ]);
  });

  it('Retry: tries again (saying so), keeps the focus on Retry while it fails, then loads the widget', async function () {
    this.timeout(2 * ALL_ATTEMPTS_MS + 4000);
    const { dist, heal } = flaky('news-feed', 'always');
    const src = fixture('feed.json');
    const { doc, error } = await page(
      dist,
      `<mi-news-feed src="${src}"></mi-news-feed><mi-news-feed src="${src}"></mi-news-feed>`,
    );
    const [el, other] = [...doc.querySelectorAll<HTMLElement>('mi-news-feed')];
    await waitUntil(() => fallbackOf(el), 'no message', { timeout: ALL_ATTEMPTS_MS });
    const retry = () => fallbackOf(el)!.querySelector('button')!;
    const alert = () => text(fallbackOf(el)!.querySelector('[role="alert"]'));

    // Still failing: "Loading…" meanwhile, Retry disabled yet focused, then the message again.
    retry().focus();
    retry().click();
    expect(alert()).to.equal('Cargando…');
    expect(retry().getAttribute('aria-disabled')).to.equal('true');
    expect(text(fallbackOf(other)!.querySelector('[role="alert"]'))).to.equal('Cargando…');
    retry().click(); // ignored while it loads
    await waitUntil(() => alert() === 'No se pudo cargar la información.', 'no message again', {
      timeout: ALL_ATTEMPTS_MS,
    });
    expect(retry().getAttribute('aria-disabled')).to.equal('false');
    expect(doc.activeElement === retry(), 'the focus stays on Retry').to.equal(true);
    expect(error.callCount).to.equal(2);

    // The server is back: Retry loads the widget, the messages go, the focus goes to the widget.
    await heal();
    retry().click();
    await reached(() => el, 'ready');
    await reached(() => other, 'ready');
    expect(
      [el, other].map((e) => fallbackOf(e) === null),
      'no message left',
    ).to.deep.equal([true, true]);
    expect(doc.activeElement === el, 'the focus on the widget').to.equal(true);
    el.blur();
    expect(el.hasAttribute('tabindex'), 'focusable only while it had the focus').to.equal(false);
    expect(error.callCount).to.equal(2);
  });

  it('the message is at the top of the box the page’s reserve stylesheet holds, which keeps its height', async function () {
    this.timeout(ALL_ATTEMPTS_MS + 4000);
    const { dist } = flaky('hub-locator', 'always');
    const { doc } = await page(
      dist,
      `<mi-hub-locator src="${fixture('../../demo/feed.json')}"></mi-hub-locator>`,
      '<link rel="stylesheet" href="/dist/mi-widgets.css">',
    );
    const el = doc.querySelector('mi-hub-locator')!;
    const held = el.getBoundingClientRect().height;
    expect(held, 'the reserve stylesheet applies').to.be.greaterThan(800);
    await waitUntil(() => fallbackOf(el), 'no message', { timeout: ALL_ATTEMPTS_MS });
    const box = el.getBoundingClientRect();
    const message = fallbackOf(el)!.querySelector('[role="alert"]')!.getBoundingClientRect();
    const button = fallbackOf(el)!.querySelector('button')!.getBoundingClientRect();
    expect(message.height).to.be.greaterThan(0);
    expect(button.height).to.be.greaterThan(0);
    expect(message.top - box.top, 'at the top of the box').to.be.lessThan(50);
    expect(button.bottom, 'in the frame’s view').to.be.lessThan(400);
    expect(box.height, 'nothing moved').to.equal(held);
  });
});
