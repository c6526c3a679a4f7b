import { expect } from '@open-wc/testing';
import { parseFeed, type ParseOutcome } from '../../src/feed/parse.js';
import type { ParseResponse } from '../../src/feed/parse-worker.js';
import { knownSearchText, loadFeed } from '../../src/feed/client.js';
import { hubSearchText } from '../../src/feed/search.js';
import { resetFeeds } from '../helpers.js';

const BASE = 'https://feeds.example.org/mi/feed.json';

/** The corpus: every fixture feed, good and broken, and a few documents that are not feeds. */
const CORPUS = [
  '/demo/feed.json',
  '/test/fixtures/corpus/typos.json',
  '/test/fixtures/cli/feed-broken.json',
  '/test/fixtures/bad-items.json',
  '/test/fixtures/xss.json',
  '/test/fixtures/hubs.geojson',
  '/test/fixtures/malformed.json',
  '/test/fixtures/not-a-feed.json',
];

describe('the feed reader’s worker', () => {
  beforeEach(resetFeeds);

  it('reads every corpus document exactly as the main thread does', async () => {
    const worker = new Worker(new URL('../../src/feed/parse-worker.ts', import.meta.url), {
      type: 'module',
    });
    const inWorker = (id: number, bytes: ArrayBuffer) =>
      new Promise<ParseOutcome>((resolve) => {
        const listen = (event: MessageEvent<ParseResponse>) => {
          if (event.data.id !== id || !('outcome' in event.data)) return;
          worker.removeEventListener('message', listen);
          resolve(event.data.outcome);
        };
        worker.addEventListener('message', listen);
        worker.postMessage({ id, url: BASE, body: bytes });
      });
    try {
      for (const [id, path] of CORPUS.entries()) {
        const bytes = await (await fetch(path)).arrayBuffer();
        const direct = parseFeed(bytes, BASE);
        expect(await inWorker(id, bytes), path).to.deep.equal(direct);
      }
    } finally {
      worker.terminate();
    }
  });

  it('sends the hubs of a big feed a thousand at a time, each message unpacked in a task of its own', async () => {
    const demo = await (await fetch('/demo/feed.json')).json();
    const features = demo._migration_info.hubs.features;
    const text = JSON.stringify({
      ...demo,
      _migration_info: {
        hubs: {
          type: 'FeatureCollection',
          features: Array.from({ length: 2500 }, (_, i) => ({
            ...features[i % features.length],
            id: `h${i}`,
          })),
        },
      },
    });
    const worker = new Worker(new URL('../../src/feed/parse-worker.ts', import.meta.url), {
      type: 'module',
    });
    try {
      const messages: ParseResponse[] = [];
      await new Promise<void>((resolve) => {
        worker.addEventListener('message', (event: MessageEvent<ParseResponse>) => {
          messages.push(event.data);
          if (messages.length === 5) resolve();
        });
        worker.postMessage({ id: 7, url: BASE, body: text });
      });
      const [first, ...rest] = messages;
      if (!('outcome' in first) || !first.outcome.ok) throw new Error('no outcome first');
      expect(first.more).to.equal(4);
      expect(first.outcome.feed!.hubs).to.have.length(500);
      expect(
        rest.map((m) => ('hubs' in m ? [m.id, m.hubs.length, m.hubSearch.length] : m)),
      ).to.deep.equal([
        [7, 500, 500],
        [7, 500, 500],
        [7, 500, 500],
        [7, 500, 500],
      ]);
      const direct = parseFeed(text, BASE) as Extract<ParseOutcome, { ok: true }>;
      const hubs = [
        first.outcome.feed!.hubs,
        ...rest.map((m) => ('hubs' in m ? m.hubs : [])),
      ].flat();
      expect(hubs).to.deep.equal(direct.feed!.hubs);
      const texts = [
        first.outcome.hubSearch,
        ...rest.map((m) => ('hubs' in m ? m.hubSearch : [])),
      ].flat();
      expect(texts).to.deep.equal(direct.hubSearch);
      expect(texts[0]).to.equal(hubSearchText(direct.feed!.hubs[0]));
    } finally {
      worker.terminate();
    }
  });

  it('feeds, big and small, are read in the worker — the same feed as on the main thread', async () => {
    const demo = await (await fetch('/demo/feed.json')).json();
    const features = demo._migration_info.hubs.features;
    const many = Array.from({ length: 3000 }, (_, i) => ({
      ...features[i % features.length],
      id: `h${i}`,
    }));
    const big = JSON.stringify({
      ...demo,
      _migration_info: {
        ...demo._migration_info,
        hubs: { type: 'FeatureCollection', features: many },
      },
    });
    const small = JSON.stringify({ ...demo, items: demo.items.slice(0, 2), _migration_info: {} });

    const served = new Map([
      [new URL('/served/big.json', location.href).href, big],
      [new URL('/served/small.json', location.href).href, small],
    ]);
    const posted: number[] = [];
    const originalFetch = window.fetch;
    const originalPost = Worker.prototype.postMessage;
    window.fetch = async (input, init) => {
      const body = served.get(String(input));
      return body === undefined ? originalFetch(input, init) : new Response(body);
    };
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: never[]) {
      posted.push((message as { body: ArrayBuffer }).body.byteLength);
      return originalPost.call(this, message, ...rest);
    };
    try {
      for (const [url, text] of served) {
        const { feed, problems } = await loadFeed(url);
        const direct = parseFeed(text, url);
        expect(direct.ok).to.be.true;
        expect({ feed, problems }).to.deep.equal({
          feed: (direct as { feed: unknown }).feed,
          problems: (direct as { problems: unknown }).problems,
        });
        // The search text of every hub, computed in the worker, reassembled in order.
        expect(feed.hubs.map((hub) => knownSearchText(hub))).to.deep.equal(
          feed.hubs.map(hubSearchText),
        );
      }
      const script = performance
        .getEntriesByType('resource')
        .find((e) => e.name.includes('parse-worker')) as PerformanceResourceTiming | undefined;
      expect(script?.responseStatus, 'the worker’s script was served').to.equal(200);
      expect(posted, 'both went to the worker').to.deep.equal(
        [big, small].map((text) => new TextEncoder().encode(text).byteLength),
      );
    } finally {
      window.fetch = originalFetch;
      Worker.prototype.postMessage = originalPost;
    }
  });
});
