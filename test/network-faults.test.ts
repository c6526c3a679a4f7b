// What a bad network does: each widget's timeout is its own, a body that drips in slower than
// the timeout ends in the timeout's message (and a console line), and a redirected feed's
// relative links resolve against where it really came from.
import { expect, fixture as render, html, waitUntil } from '@open-wc/testing';
import '../src/news-feed/mi-news-feed.js';
import type { MiNewsFeed } from '../src/news-feed/news-feed.js';
import { loadFeed } from '../src/feed/client.js';
import { $, fault, resetFeeds, settled, stubConsole } from './helpers.js';

describe('a bad network', () => {
  const logged = stubConsole('error');
  beforeEach(() => {
    resetFeeds();
    document.documentElement.lang = 'en';
  });

  it('times out only the widget that asked for a short timeout', async () => {
    const src = fault('slow/400/test/fixtures/feed.json');
    const box = await render(
      html`<div>
        <mi-news-feed timeout="50" src=${src}></mi-news-feed>
        <mi-news-feed src=${src}></mi-news-feed>
        <mi-news-feed timeout="3000" src=${src}></mi-news-feed>
        <mi-news-feed src=${src}></mi-news-feed>
      </div>`,
    );
    const [hasty, ...patient] = [...box.querySelectorAll('mi-news-feed')];
    await settled(hasty, 'error');
    expect($(hasty, '[role="alert"]')!.textContent).to.contain('took too long');
    for (const el of patient) await settled(el);
    expect(patient.map((el) => el.state)).to.deep.equal(['ready', 'ready', 'ready']);
  });

  it('keeps the request going for a patient reader after a hasty one timed out', async () => {
    const url = fault('slow/300/test/fixtures/feed.json');
    const hasty = loadFeed(url, { timeout: 30 }).catch((e: unknown) => e);
    const patient = loadFeed(url, { timeout: 5000 });
    expect(((await hasty) as { kind: string }).kind).to.equal('timeout');
    expect((await patient).feed.items.length).to.be.above(0);
  });

  it('gives the timeout’s message, and says so in the console, when the body drips in too slowly', async () => {
    const el = await settled(
      await render<MiNewsFeed>(
        html`<mi-news-feed
          timeout="600"
          src=${fault('drip/test/fixtures/feed.json')}
        ></mi-news-feed>`,
      ),
      'error',
    );
    expect($(el, '[role="alert"]')!.textContent).to.contain('The server took too long to answer.');
    await waitUntil(() => logged.error.called, 'nothing told the webmaster');
    expect(String(logged.error.lastCall.args[0])).to.match(/No answer from .*drip.* within 0\.6 s/);
  });

  it('resolves a redirected feed’s relative links against where it came from', async () => {
    const el = await settled(
      await render<MiNewsFeed>(
        html`<mi-news-feed src=${fault('redirect/test/fixtures/feed.json')}></mi-news-feed>`,
      ),
    );
    const image = $<HTMLImageElement>(el, '[part="image"]')!;
    const there = new URL(location.href);
    there.hostname = '127.0.0.1';
    expect(image.getAttribute('src')).to.equal(
      new URL('/__cors/test/fixtures/pixel.png', there).href,
    );
  });
});
