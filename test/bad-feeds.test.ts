import { expect, fixture as render, html, waitUntil } from '@open-wc/testing';
import '../src/news-feed/mi-news-feed.js';
import '../src/quiz/mi-quiz.js';
import '../src/hub-locator/mi-hub-locator.js';
import '../src/campaign-banner/mi-campaign-banner.js';
import { $, $$, resetFeeds, settled, stubConsole, text } from './helpers.js';
import type { MiElement } from '../src/shared/mi-element.js';

/**
 * The bad-feed corpus: every kind of broken document, each with its documented outcome — a bad
 * field dropped and its entry kept, an entry dropped when what makes it useful is missing (each
 * named in the widget's `problems`), or the whole widget in `state="error"` — and never an
 * uncaught exception or a script from the feed running.
 */
const V = 'https://jsonfeed.org/version/1.1';
const XSS = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>"><svg onload="window.__xss=1">`;
const BAD_URLS = [
  'javascript:window.__xss=1',
  'data:text/html,<script>window.__xss=1</script>',
  'vbscript:msgbox(1)',
];

let served = new Map<string, string>();
let counter = 0;
const originalFetch = window.fetch;

/** Serve a document (text) at a fresh local URL, through the real fetch path of the client. */
function serve(body: unknown): string {
  const url = new URL(`/corpus/${++counter}.json`, location.href).href;
  served.set(url, typeof body === 'string' ? body : JSON.stringify(body));
  return url;
}

const good = (id: string) => ({
  id,
  title: `Good ${id}`,
  content_text: 'ok',
  date_published: '2022-05-01T10:00:00Z',
});
const feed = (items: unknown[], extra: object = {}) => ({
  version: V,
  title: 'Corpus',
  items,
  ...extra,
});
const point = (id: string, properties: object, coordinates: unknown = [-90.5, 14.6]) => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates },
  properties: { name: `Hub ${id}`, country: 'GT', ...properties },
});

type Widget = MiElement<unknown>;
const titles = (el: Element) => $$(el, '[part="title"]').map((t) => t.textContent!.trim());

describe('the bad-feed corpus', () => {
  const logged = stubConsole('warn', 'error');
  const uncaught: string[] = [];
  const onError = (e: ErrorEvent) => uncaught.push(e.message);

  beforeEach(() => {
    resetFeeds();
    served = new Map();
    uncaught.length = 0;
    delete (window as { __xss?: number }).__xss;
    window.addEventListener('error', onError);
    window.fetch = (input, init) => {
      const body = served.get(String(input));
      return body === undefined
        ? originalFetch(input, init)
        : Promise.resolve(new Response(body, { headers: { 'content-type': 'application/json' } }));
    };
  });
  afterEach(() => {
    window.fetch = originalFetch;
    window.removeEventListener('error', onError);
    expect(uncaught, 'uncaught exceptions').to.deep.equal([]);
    expect((window as { __xss?: number }).__xss, 'a script from the feed ran').to.be.undefined;
  });

  describe('documents unusable as a whole → state="error" with a message and Retry', () => {
    const cases: [string, string | object][] = [
      ['malformed JSON', '{"version": "https://jsonfeed.org/version/1.1", "items": ['],
      ['an empty body', ''],
      ['a JSON array', '[]'],
      ['a string', '"feed"'],
      ['null', 'null'],
      ['another version scheme', { version: 'rss 2.0', title: 'x', items: [] }],
      ['no items', { version: V, title: 'x' }],
      ['items not a list', { version: V, title: 'x', items: { a: 1 } }],
      ['a FeatureCollection without features', { type: 'FeatureCollection' }],
    ];
    for (const [name, body] of cases) {
      it(name, async () => {
        const el = await render<Widget>(html`<mi-news-feed src=${serve(body)}></mi-news-feed>`);
        await settled(el, 'error');
        expect($(el, '[role="alert"]')!.textContent).to.contain(
          'The information could not be loaded.',
        );
        expect($(el, '[part="retry-button"]')).to.exist;
        await waitUntil(() => logged.error.called, 'the webmaster is not told in the console');
      });
    }
  });

  it('no version, no title: read anyway, and said', async () => {
    const el = await settled(
      await render<Widget>(
        html`<mi-news-feed src=${serve({ items: [good('a')], title: 7 })}></mi-news-feed>`,
      ),
      'ready',
    );
    expect(titles(el)).to.deep.equal(['Good a']);
    expect(el.problems.map((p) => [p.path, p.outcome, p.section])).to.deep.equal([
      ['version', 'value normalized', 'document'],
      ['title', 'field dropped', 'document'],
    ]);
  });

  it('wrong types in every item field: the field dropped, the item kept (but one without an id)', async () => {
    const wrong: Record<string, unknown> = {
      id: { no: 1 },
      url: 7,
      external_url: ['x'],
      title: 5,
      content_html: { html: 1 },
      content_text: true,
      summary: [],
      image: {},
      banner_image: 1,
      date_published: 20220501,
      date_modified: 'yesterday',
      authors: 'me',
      tags: 'one',
      language: 5,
      _migration_info: 'x',
    };
    const items = Object.entries(wrong).map(([field, value]) => ({
      ...good(`bad-${field}`),
      [field]: value,
    }));
    const el = await settled(
      await render<Widget>(
        html`<mi-news-feed limit="50" src=${serve(feed([good('ok'), ...items]))}></mi-news-feed>`,
      ),
    );
    // Every item but the one without a usable id (the one without a title shows its text untitled).
    expect($$(el, '[part="item"]')).to.have.length(Object.keys(wrong).length);
    expect(titles(el)).to.have.length(Object.keys(wrong).length - 1);
    expect(titles(el)).to.not.include('Good bad-id');
    expect(el.problems.map((p) => [p.path, p.outcome])).to.deep.equal(
      Object.keys(wrong).map((field, i) => [
        `items[${i + 1}].${field}`,
        field === 'id' ? 'entry dropped' : 'field dropped',
      ]),
    );
  });

  it('no id, no text, a repeated id: those items dropped; impossible dates dropped, their items shown', async () => {
    const items = [
      good('a'),
      { title: 'no id', content_text: 'x' },
      { id: 'no-content', title: 'No content' },
      { id: 'no-text', image: 'https://example.org/i.png' },
      good('a'),
      { ...good('bad-date'), date_published: '2022-13-45T10:00:00Z' },
      { ...good('bad-offset'), date_published: '2022-05-01 10:00' },
      good('b'),
    ];
    const el = await settled(
      await render<Widget>(html`<mi-news-feed src=${serve(feed(items))}></mi-news-feed>`),
    );
    expect([...titles(el)].sort()).to.deep.equal([
      'Good a',
      'Good b',
      'Good bad-date',
      'Good bad-offset',
      'No content',
    ]);
    expect(el.problems.map((p) => [p.path, p.outcome])).to.deep.equal([
      ['items[1].id', 'entry dropped'],
      ['items[3]', 'entry dropped'],
      ['items[4].id', 'entry dropped'],
      ['items[5].date_published', 'field dropped'],
      ['items[6].date_published', 'field dropped'],
    ]);
    expect(el.problems[2].expected).to.equal('an id not already used by items[0]');
  });

  it('unknown fields everywhere are ignored, and deep nesting in them does not hurt', async () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 5000; i++) deep = { deeper: deep };
    const el = await settled(
      await render<Widget>(
        html`<mi-news-feed
          src=${serve(feed([{ ...good('a'), _custom: deep, whatever: [1, 2, 3] }], { _other_extension: deep, home_page_url: 'https://example.org/' }))}
        ></mi-news-feed>`,
      ),
    );
    expect(titles(el)).to.deep.equal(['Good a']);
    expect(el.problems).to.deep.equal([]);
  });

  it('absurdly deep JSON is a document error, not a crash', async () => {
    const el = await render<Widget>(
      html`<mi-news-feed src=${serve('['.repeat(200_000) + ']'.repeat(200_000))}></mi-news-feed>`,
    );
    await settled(el, 'error');
  });

  it('100 KB of text is shown cut to a readable excerpt', async () => {
    const text = 'palabra '.repeat(12_800); // 100 KB
    const el = await settled(
      await render<Widget>(
        html`<mi-news-feed
          src=${serve(feed([{ ...good('long'), title: text, summary: text }]))}
        ></mi-news-feed>`,
      ),
    );
    const summary = $(el, '[part="summary"]')!.textContent!.trim();
    expect(summary.length).to.be.at.most(401);
    expect(summary.endsWith('…')).to.be.true;
  });

  it('a 5 MB feed loads and shows its first page (no offline copy that large)', async () => {
    const items = Array.from({ length: 9000 }, (_, i) => ({
      ...good(`i${i}`),
      summary: 'x'.repeat(500),
    }));
    const body = JSON.stringify(feed(items));
    expect(body.length).to.be.greaterThan(5_000_000);
    const src = serve(body);
    const el = await settled(
      await render<Widget>(html`<mi-news-feed src=${src}></mi-news-feed>`),
      'ready',
    );
    expect(titles(el)).to.have.length(5);
    await new Promise((r) => setTimeout(r, 50));
    expect(await (await caches.open('mi-widgets-feeds-v1')).match(src)).to.be.undefined;
  });

  it('invalid coordinates: those hubs skipped, GeoJSON order enforced', async () => {
    const hubs = {
      type: 'FeatureCollection',
      features: [
        point('ok', {}),
        point('lat-out', {}, [-90, 95]),
        point('lon-out', {}, [-190, 14]),
        point('string', {}, ['-90', '14']),
        point('short', {}, [-90]),
        point('nan', {}, [null, 14]),
        { type: 'Feature', id: 'no-geometry', properties: { name: 'x', country: 'GT' } },
      ],
    };
    const el = await settled(
      await render<Widget>(html`<mi-hub-locator src=${serve(hubs)}></mi-hub-locator>`),
    );
    // Coordinates written as text are read as numbers, and said; the others go.
    const shown = $$<HTMLElement>(el, '[part="hub"]');
    expect(shown.map((h) => h.dataset.hub)).to.deep.equal(['ok', 'string']);
    expect(el.problems.map((p) => [p.entry.replace(/ \(.*/, ''), p.outcome])).to.deep.equal([
      ['features[1]', 'entry dropped'],
      ['features[2]', 'entry dropped'],
      ['features[3]', 'value normalized'],
      ['features[4]', 'entry dropped'],
      ['features[5]', 'entry dropped'],
      ['features[6]', 'entry dropped'],
    ]);
  });

  it('script and event-handler payloads in every text field stay text; bad URLs never reach href or src', async () => {
    const text = (s: string) => ({ en: `${XSS} ${s}` });
    const doc = feed([], {
      _migration_info: {
        quizzes: [
          {
            id: 'q',
            title: text('title'),
            intro: text('intro'),
            questions: [
              {
                id: '1',
                statement: text('statement'),
                answer: 'myth',
                explanation: text('explanation'),
                source: { title: text('source'), url: 'https://example.org/s' },
              },
              ...BAD_URLS.map((url, i) => ({
                id: `bad${i}`,
                statement: 's',
                answer: 'fact',
                explanation: 'e',
                source: { title: 't', url },
              })),
            ],
          },
        ],
        hubs: {
          type: 'FeatureCollection',
          features: [
            point('h', {
              name: text('name'),
              organization: text('org'),
              address: text('address'),
              locality: text('locality'),
              notes: text('notes'),
              services: [XSS],
              languages: ['es'],
              url: 'https://example.org/h',
            }),
            ...BAD_URLS.map((url, i) => point(`bad${i}`, { url })),
            point('bad-phone', { phone: 'javascript:alert(1)' }),
          ],
        },
        campaigns: [
          {
            id: 'c',
            title: text('title'),
            message: text('message'),
            cta: { label: text('cta'), url: 'https://example.org/c' },
            image: { url: 'https://example.org/i.png', alt: text('alt') },
          },
          ...BAD_URLS.map((url, i) => ({ id: `bad${i}`, title: 't', cta: { label: 'l', url } })),
          ...BAD_URLS.map((url, i) => ({ id: `badimg${i}`, title: 't', image: { url, alt: 'a' } })),
        ],
      },
    });
    const src = serve(doc);
    const box = await render(
      html`<div>
        <mi-quiz src=${src}></mi-quiz><mi-hub-locator src=${src}></mi-hub-locator>
        <mi-campaign-banner layout="card" src=${src}></mi-campaign-banner>
      </div>`,
    );
    const widgets = [
      ...box.querySelectorAll<Widget>('mi-quiz, mi-hub-locator, mi-campaign-banner'),
    ];
    for (const w of widgets) await settled(w);
    const quiz = widgets[0];
    $<HTMLButtonElement>(quiz, '[part="start-button"]')!.click();
    await quiz.updateComplete;
    $<HTMLButtonElement>(quiz, '[part="answer-button"]')!.click();
    await quiz.updateComplete;
    await new Promise((r) => setTimeout(r, 100));

    for (const w of widgets) {
      const root = w.shadowRoot!;
      expect(root.querySelector('script, svg, iframe'), w.localName).to.be.null;
      for (const node of root.querySelectorAll('*')) {
        for (const attr of node.attributes)
          expect(attr.name, `${w.localName} ${node.localName}[${attr.name}]`).not.to.match(/^on/);
        for (const name of ['href', 'src']) {
          const value = node.getAttribute(name);
          if (value !== null)
            expect(new URL(value).protocol, `${w.localName} ${value}`).to.match(/^(https?|tel):$/);
        }
      }
      expect(root.textContent).to.contain('<script>window.__xss=1</script>');
    }
    // Each javascript:, data: or vbscript: URL (and the bad phone) was left out, its entry kept.
    const problems = widgets.flatMap((w) => w.problems);
    expect(problems).to.have.length(BAD_URLS.length * 4 + 1);
    expect(problems.every((p) => p.outcome === 'field dropped')).to.be.true;
    expect($$(widgets[1], '[part="hub"]')).to.have.length(BAD_URLS.length + 2);
  });
  it('the red team’s feed: HTML that would leave the box, ids that are Object’s own names', async () => {
    const ids = ['constructor', 'toString', '__proto__', 'hasOwnProperty'];
    const doc = feed(
      [
        {
          id: 'overlay',
          title: 'Overlay',
          content_html:
            '<p>Before</p><dialog open><p>Your account is locked.</p></dialog><div popover="manual">Pop</div><p style="position:fixed;inset:0">Fixed</p><style>:host{display:none}</style><form><input name="pin"><button>Send</button></form><p>After</p>',
        },
        ...ids.map((id) => ({ ...good(id), title: `Item ${id}` })),
      ],
      {
        _migration_info: {
          quizzes: [
            {
              id: 'constructor',
              title: 'Ids',
              questions: ids.map((id) => ({
                id,
                statement: `Statement ${id}`,
                answer: 'myth',
                explanation: 'e',
              })),
            },
          ],
          hubs: {
            type: 'FeatureCollection',
            features: ids.map((id) => point(id, { services: [id], languages: [id] })),
          },
          campaigns: ids.map((id) => ({ id, title: `Campaign ${id}`, message: 'm' })),
        },
      },
    );
    const src = serve(doc);
    const box = await render(
      html`<div>
        <mi-news-feed limit="10" src=${src}></mi-news-feed><mi-quiz src=${src}></mi-quiz>
        <mi-hub-locator src=${src}></mi-hub-locator>
        <mi-campaign-banner rotate interval="8s" src=${src}></mi-campaign-banner>
      </div>`,
    );
    const [news, quiz, hubs, banner] = [
      ...box.querySelectorAll<Widget>('mi-news-feed, mi-quiz, mi-hub-locator, mi-campaign-banner'),
    ];
    for (const w of [news, quiz, hubs, banner]) await settled(w);
    await waitUntil(() => $(news, '[part="summary"] p'), 'the HTML body never rendered');
    expect(titles(news)).to.include.members(ids.map((id) => `Item ${id}`));
    const overlays = [news, quiz, hubs, banner].flatMap((w) => $$(w, ':modal, :popover-open'));
    expect(overlays.length, 'nothing in the top layer').to.equal(0);
    const left = $$(
      news,
      '[part="summary"] :is(dialog, [popover], form, input, button, style, [style])',
    );
    expect(left.map((n) => n.localName)).to.deep.equal([]);
    expect(text($(news, '[part="summary"]'))).to.contain('After');
    expect(
      $$(hubs, '[part="hub"] [part="hub-name"]').map((n) => n.textContent!.trim()),
    ).to.have.members(ids.map((id) => `Hub ${id}`));
    // Every statement can be answered: none shows as answered already.
    $<HTMLButtonElement>(quiz, '[part="start-button"]')!.click();
    for (const id of ids) {
      await quiz.updateComplete;
      expect($(quiz, '[part="statement"]')!.textContent).to.contain('Statement');
      expect($$(quiz, '[part="answer-button"]'), id).to.have.length(2);
      $<HTMLButtonElement>(quiz, '[part="answer-button"]')!.click();
      await quiz.updateComplete;
      $<HTMLButtonElement>(quiz, '[part="next-button"]')!.click();
    }
    // interval="8s" is no number: the default pace (8 s), not a campaign every few milliseconds.
    const first = $(banner, '.slide.active [part="title"]')!.textContent;
    await new Promise((r) => setTimeout(r, 500));
    expect($(banner, '.slide.active [part="title"]')!.textContent).to.equal(first);
    expect(logged.warn.args.flat().join(' ')).to.contain('interval');
  });
});
