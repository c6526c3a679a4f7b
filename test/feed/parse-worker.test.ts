import { expect } from '@open-wc/testing';
import { parseFeed, type ParseOutcome } from '../../src/feed/parse.js';
import type { WorkerRequest, WorkerResponse } from '../../src/feed/parse-worker.js';
import { loadFeed, queryHubs } from '../../src/feed/client.js';
import { HubStore, type HubQuery } from '../../src/hub-locator/hub-store.js';
import { resetFeeds } from '../helpers.js';

const BASE = 'https://feeds.example.org/mi/feed.json';

/** Every hub, in order, with their positions: what a query asks when it asks for everything. */
const EVERYTHING: HubQuery = {
  query: '',
  country: '',
  service: '',
  openNow: false,
  limit: Infinity,
  points: true,
  now: Date.parse('2026-11-30T15:30:00Z'),
};

/** Ask the worker, and wait for its answer to this request. */
function ask(worker: Worker, request: WorkerRequest & { id: number }): Promise<WorkerResponse> {
  return new Promise((resolve) => {
    const listen = (event: MessageEvent<WorkerResponse>) => {
      if (event.data.id !== request.id) return;
      worker.removeEventListener('message', listen);
      resolve(event.data);
    };
    worker.addEventListener('message', listen);
    worker.postMessage(request);
  });
}

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

  it('reads every corpus document exactly as the main thread does, and keeps its hubs', async () => {
    const worker = new Worker(new URL('../../src/feed/parse-worker.ts', import.meta.url), {
      type: 'module',
    });
    try {
      for (const [id, path] of CORPUS.entries()) {
        const bytes = await (await fetch(path)).arrayBuffer();
        const direct = parseFeed(bytes, BASE);
        const answer = await ask(worker, { kind: 'parse', id, url: BASE, body: bytes });
        if (!('outcome' in answer)) throw new Error('no outcome');
        const hubs = (direct.ok && direct.feed?.hubs) || [];
        // The feed comes without its hubs: they stay in the worker, under a number.
        expect(answer.hubs.count, path).to.equal(hubs.length);
        const expected: ParseOutcome =
          direct.ok && direct.feed
            ? { ...direct, feed: { ...direct.feed, hubs: [] }, hubSearch: [] }
            : direct;
        expect(answer.outcome, path).to.deep.equal(expected);
        if (!hubs.length) continue;
        const all = await ask(worker, {
          kind: 'query',
          id: 1000 + id,
          sets: [answer.hubs.set],
          query: EVERYTHING,
        });
        expect('answer' in all && all.answer?.hubs, path).to.deep.equal(hubs);
      }
    } finally {
      worker.terminate();
    }
  });

  it('answers a search with the page asked for, the number found and the positions, as on the page', async () => {
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
    const direct = parseFeed(text, BASE) as Extract<ParseOutcome, { ok: true }>;
    const page = new HubStore();
    const onPage = page.add(direct.feed!.hubs);
    const worker = new Worker(new URL('../../src/feed/parse-worker.ts', import.meta.url), {
      type: 'module',
    });
    try {
      const read = await ask(worker, { kind: 'parse', id: 1, url: BASE, body: text });
      if (!('outcome' in read)) throw new Error('no outcome');
      expect(read.hubs.count).to.equal(2500);
      const queries: HubQuery[] = [
        { ...EVERYTHING, limit: 20, points: false },
        { ...EVERYTHING, query: 'peten', limit: 20 },
        { ...EVERYTHING, country: 'gt', service: 'legal', limit: 40 },
        { ...EVERYTHING, openNow: true, limit: 5 },
        { ...EVERYTHING, near: { lat: 14.6, lon: -90.5 }, limit: 20 },
      ];
      for (const [i, query] of queries.entries()) {
        const answer = await ask(worker, {
          kind: 'query',
          id: 10 + i,
          sets: [read.hubs.set],
          query,
        });
        const expected = page.query([onPage], query)!;
        expect('answer' in answer && answer.answer, JSON.stringify(query)).to.deep.equal(expected);
        expect(expected.hubs.length).to.equal(Math.min(query.limit, expected.total));
      }
      // A set the page let go of is no longer there.
      worker.postMessage({ kind: 'drop', sets: [read.hubs.set] } satisfies WorkerRequest);
      const gone = await ask(worker, {
        kind: 'query',
        id: 99,
        sets: [read.hubs.set],
        query: EVERYTHING,
      });
      expect('answer' in gone && gone.answer).to.equal(undefined);
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
      const { kind, body } = message as { kind: string; body: ArrayBuffer };
      if (kind === 'parse') posted.push(body.byteLength);
      return originalPost.call(this, message, ...rest);
    };
    try {
      for (const [url, text] of served) {
        const { feed, problems, hubs } = await loadFeed(url);
        const direct = parseFeed(text, url) as Extract<ParseOutcome, { ok: true }>;
        expect(direct.ok).to.be.true;
        expect({ feed, problems }).to.deep.equal({
          feed: { ...direct.feed, hubs: [] },
          problems: direct.problems,
        });
        // The hubs stayed in the worker; asked for, they are the feed's.
        expect(hubs.count).to.equal(direct.feed!.hubs.length);
        expect(await hubs.all()).to.deep.equal(direct.feed!.hubs);
        expect((await queryHubs([hubs], { ...EVERYTHING, limit: 3 })).hubs).to.deep.equal(
          direct.feed!.hubs.slice(0, 3),
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
