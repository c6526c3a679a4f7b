// Loads that cannot race: whatever a page script does to a widget — reloads, `src` changes,
// moves out of the page and back — the widget ends in the state of its latest request, and a
// request every reader gave up on is never joined by a new one.
import { expect, fixture as render, html, waitUntil } from '@open-wc/testing';
import '../src/news-feed/mi-news-feed.js';
import type { MiNewsFeed } from '../src/news-feed/news-feed.js';
import { loadFeed } from '../src/feed/client.js';
import {
  $,
  $$,
  fault,
  resetFeeds,
  settled,
  STATE_TIMEOUT,
  stubConsole,
  watchFetch,
} from './helpers.js';

const titles = (el: MiNewsFeed) => $$(el, '[part="title"]').map((t) => t.textContent!.trim());
const microtasks = async (n: number) => {
  for (let i = 0; i < n; i++) await Promise.resolve();
};
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A feed file answered after `ms` milliseconds, under a URL of its own. */
const slow = (ms: number, name = 'feed.json') => fault(`slow/${ms}/test/fixtures/${name}`);

describe('loads that cannot race', () => {
  const logged = stubConsole('error');
  beforeEach(() => {
    resetFeeds();
    document.documentElement.lang = 'en';
  });

  /** The widget is ready with the feed's news, and nothing went wrong on the way. */
  async function expectNews(el: MiNewsFeed, first = 'English story 1'): Promise<void> {
    await settled(el);
    expect(titles(el)[0]).to.equal(first);
    expect(el.getAttribute('state')).to.equal('ready');
    expect(logged.error.called, String(logged.error.firstCall?.args[0])).to.equal(false);
  }

  describe('the feed client', () => {
    it('never joins a request every reader gave up on', async () => {
      const url = slow(300);
      const first = new AbortController();
      const abandoned = loadFeed(url, { signal: first.signal });
      first.abort();
      await abandoned.then(
        () => expect.fail('the abandoned load resolved'),
        (reason: unknown) => expect((reason as Error).name).to.equal('AbortError'),
      );
      const result = await loadFeed(url);
      expect(result.feed.items[0].title).to.equal('English story 1');
    });

    it('starts a new request for a reader who comes while the abandoned one is still on its way', async () => {
      const url = slow(300);
      await watchFetch(async (log) => {
        const first = new AbortController();
        const abandoned = loadFeed(url, { signal: first.signal }).catch(() => undefined);
        await later(50);
        first.abort();
        const result = await loadFeed(url);
        await abandoned;
        expect(result.feed.items).to.have.length.above(0);
        expect(log.urls.filter((u) => u === url)).to.have.length(2);
        expect(log.signals[0]!.aborted).to.equal(true);
      });
    });

    it('keeps a request going while one reader of two leaves', async () => {
      const url = slow(200);
      await watchFetch(async (log) => {
        const leaving = new AbortController();
        const gone = loadFeed(url, { signal: leaving.signal }).catch((e: unknown) => e);
        const staying = loadFeed(url);
        leaving.abort();
        expect(((await gone) as Error).name).to.equal('AbortError');
        expect((await staying).feed.items).to.have.length.above(0);
        expect(log.urls.filter((u) => u === url)).to.have.length(1);
      });
    });
  });

  describe('a widget', () => {
    it('ends ready after reload(); reload()', async () => {
      const el = await settled(
        await render<MiNewsFeed>(html`<mi-news-feed src=${slow(100)}></mi-news-feed>`),
      );
      void el.reload();
      void el.reload();
      await el.reload();
      await expectNews(el);
    });

    it('ends ready after reload() while its first load is pending', async () => {
      const el = await render<MiNewsFeed>(html`<mi-news-feed src=${slow(300)}></mi-news-feed>`);
      await later(50);
      expect(el.state).to.equal('loading');
      await el.reload();
      await expectNews(el);
    });

    it('ends ready after reload() twice while its first load is pending', async () => {
      const el = await render<MiNewsFeed>(html`<mi-news-feed src=${slow(300)}></mi-news-feed>`);
      void el.reload();
      await microtasks(2);
      await el.reload();
      await expectNews(el);
    });

    for (const [when, wait] of [
      ['in the same task', () => Promise.resolve()],
      ['one microtask later', () => microtasks(1)],
      ['two microtasks later', () => microtasks(2)],
      ['three microtasks later', () => microtasks(3)],
      ['in the next task', () => later(0)],
      ['100 ms later', () => later(100)],
    ] as const) {
      it(`ends ready when taken off the page while loading and put back ${when}`, async () => {
        const el = await render<MiNewsFeed>(html`<mi-news-feed src=${slow(300)}></mi-news-feed>`);
        const parent = el.parentElement!;
        await later(20);
        el.remove();
        await wait();
        parent.append(el);
        await expectNews(el);
      });
    }

    it('ends ready when taken off the page and put back twice, with a reload between', async () => {
      const el = await render<MiNewsFeed>(html`<mi-news-feed src=${slow(200)}></mi-news-feed>`);
      const parent = el.parentElement!;
      el.remove();
      await microtasks(2);
      parent.append(el);
      void el.reload();
      el.remove();
      await later(0);
      parent.append(el);
      await expectNews(el);
    });

    it('shows the latest src when src changes while loading, though the first answers last', async () => {
      const el = await render<MiNewsFeed>(
        html`<mi-news-feed src=${slow(600, 'long-texts.json')}></mi-news-feed>`,
      );
      await later(50);
      el.src = slow(50);
      await expectNews(el);
      await later(700); // the first feed's answer has come and gone
      await el.updateComplete;
      expect(titles(el)[0]).to.equal('English story 1');
    });

    it('ends in the error state of the latest src when it fails, though the one before loads', async () => {
      const el = await render<MiNewsFeed>(html`<mi-news-feed src=${slow(300)}></mi-news-feed>`);
      el.src = fault('status/503');
      await settled(el, 'error');
      await later(400);
      await el.updateComplete;
      expect(el.state).to.equal('error');
      expect($(el, '[role="alert"]')!.textContent).to.contain('503');
    });

    it('keeps its neighbour ready when it reloads twice on a shared feed', async () => {
      const src = slow(150);
      const box = await render(
        html`<div>
          <mi-news-feed src=${src}></mi-news-feed><mi-news-feed src=${src}></mi-news-feed>
        </div>`,
      );
      const [a, b] = [...box.querySelectorAll('mi-news-feed')];
      await Promise.all([settled(a), settled(b)]);
      void a.reload();
      await microtasks(1);
      void a.reload();
      b.remove();
      box.append(b);
      await waitUntil(() => a.state === 'ready' && b.state === 'ready', 'both ready again', {
        timeout: STATE_TIMEOUT,
      });
      await expectNews(a);
      await expectNews(b);
    });
  });
});
