import { expect, fixture as render, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../src/news-feed/mi-news-feed.js';
import '../src/quiz/mi-quiz.js';
import '../src/hub-locator/mi-hub-locator.js';
import '../src/campaign-banner/mi-campaign-banner.js';
import { MiNewsFeed } from '../src/news-feed/news-feed.js';
import { keepFeedCopy } from '../src/feed/client.js';
import type { MiElement } from '../src/shared/mi-element.js';
import { $, $$, fault, fixture, resetFeeds, settled } from './helpers.js';

/**
 * The page's fallback content — what a partner puts inside a widget's element, a link to the
 * same information on their site — is on screen before the script runs, while the widget loads
 * and when it failed with no kept copy; hidden while the widget shows its own; never twice.
 */

const LINK = '<a href="https://example.org/noticias">Noticias sobre migración</a>';
const DEMO = '../../demo/feed.json';

/** Each widget, with a feed it is ready on. */
const WIDGETS = [
  { tag: 'mi-news-feed', feed: 'feed.json', attrs: '' },
  { tag: 'mi-quiz', feed: DEMO, attrs: '' },
  { tag: 'mi-hub-locator', feed: DEMO, attrs: '' },
  { tag: 'mi-campaign-banner', feed: DEMO, attrs: 'country="GT"' },
] as const;

/** Rendered: it has a box, and nothing hides it. */
const visible = (el: Element) => el.getClientRects().length > 0 && el.checkVisibility();
/** The slots of the widget's shadow root that show the element's children. */
const filledSlots = (el: Element) =>
  $$<HTMLSlotElement>(el, 'slot').filter((s) => s.assignedNodes().length > 0);
/** How many times the fallback is on screen: the link as slotted, and any copy of its text. */
function shownTimes(el: Element): number {
  const link = el.querySelector('a')!;
  const inShadow = (el.shadowRoot?.textContent ?? '').split('Noticias sobre migración').length - 1;
  return (visible(link) ? 1 : 0) + inShadow;
}

async function widget(tag: string, src: string, attrs = ''): Promise<MiElement<unknown>> {
  return render<MiElement<unknown>>(`<${tag} ${attrs} src="${src}">${LINK}</${tag}>`);
}

describe('fallback content', () => {
  beforeEach(resetFeeds);

  it('is on screen before the element is defined, and stays from the upgrade to the first render', async () => {
    const tag = 'mi-news-feed-defined-late';
    const el = await render<MiElement<unknown>>(
      `<${tag} timeout="3000" src="${fault('hang')}">${LINK}</${tag}>`,
    );
    const link = el.querySelector('a')!;
    expect(visible(link), 'before the upgrade').to.equal(true);
    customElements.define(tag, class extends MiNewsFeed {});
    // Upgraded at once; its first render comes a task later (src/shared/mi-element.ts).
    expect(el.shadowRoot, 'upgraded').to.exist;
    expect(el.hasAttribute('state'), 'not rendered yet').to.equal(false);
    expect(visible(link), 'between the upgrade and the first render').to.equal(true);
    expect(filledSlots(el)).to.have.length(1);
    await waitUntil(() => el.getAttribute('state') === 'loading');
    await el.updateComplete;
    expect(visible(link), 'while loading').to.equal(true);
    expect(filledSlots(el)).to.have.length(1);
  });

  for (const { tag, feed, attrs } of WIDGETS) {
    describe(`<${tag}>`, () => {
      it('shows it while loading, at the top of the placeholder and outside its live region; accessible', async () => {
        const el = await widget(tag, fault('hang'), `timeout="3000" ${attrs}`);
        await el.updateComplete;
        expect(el.state).to.equal('loading');
        const link = el.querySelector('a')!;
        expect(visible(link)).to.equal(true);
        expect(shownTimes(el)).to.equal(1);
        const [slot] = filledSlots(el);
        expect(slot.closest('[role="status"]'), 'not in the live region').to.equal(null);
        expect(slot.closest('[part="fallback"]')).to.exist;
        const top =
          link.getBoundingClientRect().top - $(el, '[part="loading"]')!.getBoundingClientRect().top;
        expect(top, 'at the top of the placeholder').to.be.within(0, 40);
        // The link is usable: focusable, and the topmost element where it is.
        const r = link.getBoundingClientRect();
        expect(document.elementFromPoint(r.left + 2, r.top + r.height / 2)).to.equal(link);
        await expect(el).to.be.accessible();
      });

      it('the loading box is as tall with it as without it', async () => {
        const hang = fault('hang');
        const withLink = await widget(tag, hang, `timeout="3000" ${attrs}`);
        const without = await render<MiElement<unknown>>(
          `<${tag} timeout="3000" ${attrs} src="${hang}"></${tag}>`,
        );
        await Promise.all([withLink.updateComplete, without.updateComplete]);
        expect(withLink.getBoundingClientRect().height).to.equal(
          without.getBoundingClientRect().height,
        );
      });

      it('hides it once the widget is ready; accessible', async () => {
        const el = await settled(await widget(tag, fixture(feed), attrs));
        expect(visible(el.querySelector('a')!)).to.equal(false);
        expect(filledSlots(el)).to.have.length(0);
        expect(shownTimes(el)).to.equal(0);
        await expect(el).to.be.accessible();
      });

      it('shows it again, once, under the error and its Retry, when no copy was kept; accessible', async () => {
        const error = sinon.stub(console, 'error');
        try {
          const el = await settled(await widget(tag, fault('status/500'), attrs), 'error');
          const link = el.querySelector('a')!;
          expect(visible(link)).to.equal(true);
          expect(shownTimes(el)).to.equal(1);
          const retry = $(el, '[part="error"] [part="retry-button"]')!.getBoundingClientRect();
          expect(link.getBoundingClientRect().top, 'under Retry').to.be.at.least(retry.bottom);
          await expect(el).to.be.accessible();
        } finally {
          error.restore();
        }
      });

      it('does not show it when the network fails but a kept copy is on screen', async () => {
        const url = fixture(feed);
        await keepFeedCopy(url, await (await fetch(url)).text(), Date.now() - 86_400_000);
        const original = window.fetch;
        window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
        const error = sinon.stub(console, 'error');
        try {
          const el = await widget(tag, url, attrs);
          await waitUntil(() => el.shadowRoot && $(el, '[part="notice"]'), 'no offline note', {
            timeout: 4000,
          });
          await el.updateComplete;
          expect(el.state).to.equal('ready');
          expect(visible(el.querySelector('a')!)).to.equal(false);
          expect(filledSlots(el)).to.have.length(0);
        } finally {
          window.fetch = original;
          error.restore();
        }
      });
    });
  }

  it('takes the widget’s link colour in the dark theme, and passes there while loading and after an error', async () => {
    const loading = await widget('mi-news-feed', fault('hang'), 'timeout="3000" theme="dark"');
    await loading.updateComplete;
    expect(getComputedStyle(loading.querySelector('a')!).color).to.equal('rgb(140, 196, 255)');
    await expect(loading).to.be.accessible();
    const error = sinon.stub(console, 'error');
    try {
      const failed = await settled(
        await widget('mi-quiz', fault('status/500'), 'theme="dark"'),
        'error',
      );
      await expect(failed).to.be.accessible();
    } finally {
      error.restore();
    }
  });

  it('a banner the visitor closed does not show it', async () => {
    const el = await settled(
      await widget('mi-campaign-banner', fixture(DEMO), 'country="GT" dismissible'),
    );
    $(el, '[part="dismiss-button"]')!.click();
    await waitUntil(() => el.state === 'empty');
    await el.updateComplete;
    expect(visible(el.querySelector('a')!)).to.equal(false);
    expect(el.getBoundingClientRect().height).to.equal(0);
  });
});

// --- The page's side: no script, or a browser the widgets do not support -------------------

interface Page {
  doc: Document;
  win: Window & typeof globalThis;
}

/** A partner's page (an iframe) with dist/mi-widgets.css, this script tag and these widgets. */
async function partnerPage(script: string, body: string, before = ''): Promise<Page> {
  const frame = document.createElement('iframe');
  frame.width = '412';
  frame.height = '800';
  frame.srcdoc = `<!doctype html><html lang="es"><head>
    <link rel="stylesheet" href="/dist/mi-widgets.css">${before}
    <script type="module" src="${script}"></script></head><body>${body}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  return { doc: win.document, win };
}

/** Each widget twice: with the fallback link, and without (to compare the box). */
const twins = (src: string) =>
  WIDGETS.map(
    ({ tag, attrs }) =>
      `<${tag} ${attrs} src="${src}">${LINK}</${tag}><${tag} ${attrs} src="${src}"></${tag}>`,
  ).join('\n');

const frames = (win: Window, n = 2) =>
  new Promise<void>((resolve) => {
    const step = () => (n-- <= 0 ? resolve() : win.requestAnimationFrame(step));
    step();
  });

describe('fallback content on the partner’s page', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('a page whose script is blocked shows the link at the top of each reserved box, which keeps its height', async () => {
    // The page's Content-Security-Policy refuses the script (an ad blocker or a firewall would too).
    const { doc, win } = await partnerPage(
      '/dist/mi-widgets.js',
      twins(fixture(DEMO)),
      `<meta http-equiv="Content-Security-Policy" content="script-src 'none'">`,
    );
    await frames(win);
    for (const { tag } of WIDGETS) {
      const [withLink, without] = [...doc.querySelectorAll(tag)];
      const link = withLink.querySelector('a')!;
      expect(link.getClientRects().length, `${tag}: the link is on screen`).to.be.greaterThan(0);
      expect(link.checkVisibility(), `${tag}: the link is visible`).to.equal(true);
      const box = withLink.getBoundingClientRect();
      expect(link.getBoundingClientRect().top - box.top, `${tag}: at the top`).to.be.below(2);
      expect(box.height, `${tag}: reserved`).to.be.greaterThan(40);
      expect(box.height, `${tag}: as tall as without the link`).to.equal(
        without.getBoundingClientRect().height,
      );
    }
  });

  const missing: [string, string][] = [
    ['custom elements', 'Object.defineProperty(window, "customElements", { value: undefined });'],
    ['container queries', 'CSS.supports = () => false;'],
    ['inert', 'delete HTMLElement.prototype.inert;'],
  ];
  for (const [what, remove] of missing) {
    it(`a browser without ${what}: nothing loads, the link stays and the box lets go`, async () => {
      const { doc, win } = await partnerPage(
        '/dist/mi-widgets.js',
        twins(fixture(DEMO)),
        `<script>${remove}</script>`,
      );
      const all = [...doc.querySelectorAll<HTMLElement>(WIDGETS.map((w) => w.tag).join(','))];
      await waitUntil(
        () => all.every((el) => el.getAttribute('state') === 'unsupported'),
        'not marked',
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      await frames(win);
      const chunks = win.performance
        .getEntriesByType('resource')
        .filter((e) => /\/chunks\/|\.json/.test(e.name));
      expect(
        chunks.map((e) => e.name),
        'no code or feed asked for',
      ).to.deep.equal([]);
      for (const { tag } of WIDGETS) {
        const [withLink, without] = [...doc.querySelectorAll(tag)];
        expect(withLink.shadowRoot, `${tag}: not upgraded`).to.equal(null);
        const link = withLink.querySelector('a')!;
        expect(link.checkVisibility(), `${tag}: the link is visible`).to.equal(true);
        expect(withLink.getBoundingClientRect().height, `${tag}: no empty box`).to.be.below(40);
        // Without content: an empty inline element, a line's height at most.
        expect(without.getBoundingClientRect().height, `${tag}: no box`).to.be.below(40);
      }
    });
  }

  it('a late element of an unsupported browser is marked too', async () => {
    const { doc } = await partnerPage(
      '/dist/mi-widgets.js',
      '',
      '<script>delete HTMLElement.prototype.inert;</script>',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const el = doc.createElement('mi-quiz');
    el.innerHTML = LINK;
    doc.body.append(el);
    await waitUntil(() => el.getAttribute('state') === 'unsupported', 'not marked');
    // Asked by the page's own script (for a tag in a shadow root): refused, nothing loaded.
    const loader = (await (doc.defaultView as Window & { eval(code: string): unknown }).eval(
      `import('/dist/mi-widgets.js')`,
    )) as { loadWidgets(...tags: string[]): Promise<unknown> };
    const outcome = await loader.loadWidgets('mi-quiz').then(
      () => 'loaded',
      (error: Error) => error.message,
    );
    expect(outcome).to.equal('[mi-widgets] No widget <mi-quiz>.');
    expect(doc.defaultView!.customElements.get('mi-quiz')).to.equal(undefined);
  });
});
