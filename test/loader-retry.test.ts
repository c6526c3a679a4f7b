import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { fixture, reached, resetFeeds } from './helpers.js';

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

/** How many times the page asked for a chunk (failed requests count too). */
const requests = (doc: Document, chunk: string) =>
  doc
    .defaultView!.performance.getEntriesByType('resource')
    .filter((e) => new URL(e.name).pathname.includes(`/chunks/${chunk}-`)).length;

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

  it('a widget chunk that fails once: loaded at the next attempt, nothing in the console', async () => {
    const { dist } = flaky('news-feed', 1);
    const { doc, error } = await page(
      dist,
      `<mi-news-feed src="${fixture('feed.json')}"></mi-news-feed>`,
    );
    const el = doc.querySelector('mi-news-feed')!;
    await reached(() => el, 'ready');
    expect(requests(doc, 'news-feed'), 'asked again').to.be.at.least(2);
    expect(error.called).to.equal(false);
  });
});
