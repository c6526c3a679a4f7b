import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import {
  clearFeedMemory,
  FeedError,
  keepFeedCopy,
  loadFeed,
  readCachedFeed,
} from '../../src/feed/client.js';
import { CACHE_NAME, MAX_AGE_MS, MAX_COPY_BYTES, MAX_TOTAL_BYTES } from '../../src/feed/copies.js';
import { fault, fixture, resetFeeds, stubConsole, watchFetch } from '../helpers.js';

async function failure(promise: Promise<unknown>): Promise<FeedError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('expected the load to fail');
}

describe('feed client', () => {
  stubConsole('warn');
  beforeEach(resetFeeds);

  it('loads, validates and returns a feed', async () => {
    const url = fixture('feed.json');
    const result = await loadFeed(url);
    expect(result.url).to.equal(url);
    expect(result.fromCache).to.be.false;
    expect(result.feed.items).to.have.length(15);
    expect(result.feed.items[0].image).to.equal(
      new URL('/test/fixtures/pixel.png', location.href).href,
    );
  });

  it('makes one request for many readers of one URL, and none for later readers', async () => {
    const url = fixture('feed.json');
    await watchFetch(async ({ urls: calls }) => {
      const results = await Promise.all([
        loadFeed(url),
        loadFeed(url),
        loadFeed(url),
        loadFeed(url),
      ]);
      expect(new Set(results).size).to.equal(1);
      await loadFeed(url);
      expect(calls).to.deep.equal([url]);
      await loadFeed(url, { reload: true });
      expect(calls).to.have.length(2);
    });
  });

  it('gives up after the timeout with a timeout error', async () => {
    const error = await failure(loadFeed(fault('hang'), { timeout: 150 }));
    expect(error.kind).to.equal('timeout');
  });

  it('turns 404 and 500 into http errors with the status', async () => {
    const notFound = await failure(loadFeed(fault('status/404')));
    expect(notFound).to.include({ kind: 'http', status: 404 });
    const serverError = await failure(loadFeed(fault('status/500')));
    expect(serverError).to.include({ kind: 'http', status: 500 });
  });

  it('turns malformed JSON and an HTML maintenance page into parse errors', async () => {
    expect((await failure(loadFeed(fixture('malformed.json')))).kind).to.equal('parse');
    const html = await failure(loadFeed(fault('html')));
    expect(html.kind).to.equal('parse');
    expect(html.message).to.match(/HTML page/);
  });

  it('turns a document of the wrong shape into a schema error', async () => {
    const error = await failure(loadFeed(fixture('not-a-feed.json')));
    expect(error.kind).to.equal('schema');
  });

  it('turns a CORS refusal into a network error', async () => {
    const other = new URL(fixture('feed.json'));
    other.hostname = other.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const error = await failure(loadFeed(other.href));
    expect(error.kind).to.equal('network');
  });

  it('refuses a missing or non-http feed URL', async () => {
    expect((await failure(loadFeed(''))).kind).to.equal('config');
    expect((await failure(loadFeed('javascript:alert(1)'))).kind).to.equal('config');
  });

  it('aborts the shared request only when every reader has gone', async () => {
    const url = fault('hang');
    const first = new AbortController();
    const second = new AbortController();
    await watchFetch(async ({ signals }) => {
      const a = loadFeed(url, { signal: first.signal }).catch((e: unknown) => e);
      const b = loadFeed(url, { signal: second.signal }).catch((e: unknown) => e);
      expect(signals).to.have.length(1);
      first.abort();
      expect(((await a) as Error).name).to.equal('AbortError');
      expect(signals[0]?.aborted).to.be.false;
      second.abort();
      expect(((await b) as Error).name).to.equal('AbortError');
      expect(signals[0]?.aborted).to.be.true;
    });
  });
});

describe('telling the webmaster', () => {
  beforeEach(async () => {
    resetFeeds();
    // Let the reports of earlier tests' feeds (their words load lazily) be written first.
    await import('../../src/feed/report.js');
    await new Promise((r) => setTimeout(r));
  });
  const logged = stubConsole('groupCollapsed', 'warn', 'info', 'groupEnd', 'error');

  it('one collapsed console group per feed: how many problems, each one, and the command that lists them', async () => {
    const { groupCollapsed: group, warn, info, groupEnd: end } = logged;
    const url = new URL('/test/fixtures/corpus/typos.json', location.href).href;
    // Four widgets' worth of readers of one URL: one request, one group.
    await Promise.all([loadFeed(url), loadFeed(url), loadFeed(url), loadFeed(url)]);
    await loadFeed(url);
    await waitUntil(() => end.called, 'the console group never closed'); // its words load lazily
    expect(group.callCount).to.equal(1);
    expect(group.firstCall.args[0]).to.equal(
      `[mi-widgets] ${url}: 25 problems: 10 fields dropped, 6 values normalized, 2 news items dropped, 2 statements dropped, 1 quiz dropped, 2 hubs dropped, 2 campaigns dropped`,
    );
    expect(warn.callCount).to.equal(25);
    expect(String(warn.args[1][0])).to.equal(
      'items[1].image: expected an http(s) URL, found "ftp://files.example.org/a.png" → field dropped',
    );
    expect(info.firstCall.args[0]).to.contain(`npx mi-feed validate ${url}`);
    expect(end.callCount).to.equal(1);
    expect(end.calledAfter(info)).to.be.true;
  });

  it('nothing at all for a feed without problems', async () => {
    const { groupCollapsed: group, warn } = logged;
    await loadFeed(new URL('/demo/feed.json', location.href).href);
    expect(group.called).to.be.false;
    expect(warn.called).to.be.false;
  });

  it('an unusable document: the group says so, and the error carries the reason', async () => {
    const group = logged.groupCollapsed;
    const error = await failure(loadFeed(fixture('not-a-feed.json')));
    await waitUntil(() => group.called);
    expect(error.kind).to.equal('schema');
    expect(error.problems.map((p) => p.outcome)).to.deep.equal(['document unusable']);
    expect(group.firstCall.args[0]).to.match(/1 problem: the document is unusable$/);
  });
});

describe('the offline copy (Cache API)', () => {
  beforeEach(resetFeeds);
  afterEach(() => sinon.restore());
  const kept = async (url: string) => (await caches.open(CACHE_NAME)).match(url);

  it('keeps the last good answer, read once per URL per page however many widgets ask', async () => {
    const url = fixture('feed.json');
    expect(await readCachedFeed(url)).to.be.undefined;
    const before = Date.now();
    await loadFeed(url);
    await waitUntil(async () => !!(await kept(url)), 'no copy kept');
    clearFeedMemory(); // a later visit
    const read = sinon.spy(Worker.prototype, 'postMessage'); // copies are read in the worker too
    const copies = await Promise.all([1, 2, 3, 4].map(() => readCachedFeed(url)));
    expect(new Set(copies).size).to.equal(1);
    expect(read.callCount).to.equal(1);
    const [copy] = copies;
    expect(copy?.fromCache).to.be.true;
    expect(copy?.feed.items).to.have.length(15);
    expect(copy?.fetchedAt).to.be.at.least(before);
  });

  it('never in the partner’s localStorage, and a copy an earlier version left there is removed', async () => {
    const url = fixture('feed.json');
    localStorage.setItem(`mi-widgets:feed:${url}`, `1\n{}`);
    await loadFeed(url);
    await waitUntil(async () => !!(await kept(url)), 'no copy kept');
    await readCachedFeed(url);
    expect(Object.keys(localStorage).filter((k) => k.startsWith('mi-widgets:feed:'))).to.deep.equal(
      [],
    );
  });

  it('bounded: no copy of a feed over the limit, the oldest copies go past the total', async () => {
    const feed = (n: number) =>
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        items: [],
        pad: 'x'.repeat(n),
      });
    expect(await keepFeedCopy(fixture('huge.json'), feed(MAX_COPY_BYTES), Date.now())).to.be.false;
    const size = Math.floor(MAX_COPY_BYTES * 0.9);
    const urls = Array.from({ length: Math.ceil(MAX_TOTAL_BYTES / size) + 1 }, () =>
      fixture('big.json'),
    );
    for (const [i, url] of urls.entries())
      expect(await keepFeedCopy(url, feed(size), Date.now() - (urls.length - i) * 1000)).to.be.true;
    const left = await Promise.all(urls.map(async (url) => !!(await kept(url))));
    expect(left[0], 'the oldest went').to.be.false;
    expect(left.at(-1), 'the newest stayed').to.be.true;
    const total = (
      await Promise.all(
        (await (await caches.open(CACHE_NAME)).keys()).map(
          async (r) => Number((await kept(r.url))?.headers.get('x-mi-bytes')) || 0,
        ),
      )
    ).reduce((a, b) => a + b, 0);
    expect(total).to.be.at.most(MAX_TOTAL_BYTES);
    await caches.delete(CACHE_NAME);
  });

  it('a copy too old, or damaged, is not shown, and removed', async () => {
    const old = fixture('feed.json');
    const text = await (await fetch(old)).text();
    await keepFeedCopy(old, text, Date.now() - MAX_AGE_MS - 1000);
    expect(await readCachedFeed(old)).to.be.undefined;
    expect(await kept(old)).to.be.undefined;

    const damaged = fixture('feed.json');
    await keepFeedCopy(damaged, `garbage\n${text}`, Date.now());
    expect(await readCachedFeed(damaged)).to.be.undefined;
    await waitUntil(async () => !(await kept(damaged)), 'the damaged copy stayed');
  });
});
