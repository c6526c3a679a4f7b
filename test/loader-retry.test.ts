import { expect } from '@open-wc/testing';

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

describe('the loader on a flaky network', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

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
});
