import { expect, waitUntil } from '@open-wc/testing';
import { elementSnippet, type WidgetConfig, type WidgetName } from '../src/embed/config.js';
import { reserveCss, reserveStylesheet } from '../src/embed/reserve.js';
import { fault, fixture } from './helpers.js';

/**
 * What a visitor on a phone sees: the page paints before the script arrives, and nothing under
 * a widget may move when the widget then renders. Each widget's box before its code loads (the
 * snippet's reserve rules), while loading and once ready on the demo feed must be one height,
 * at 360 and 412 px wide; the hub locator, taller than a screen, may only grow below the height
 * it holds. Pages are iframes built from the snippets, with the loader from source.
 */

const LOADER = new URL('/src/loader.ts', location.href).href;
const TILES = '/test/fixtures/pixel.png?{z}/{x}/{y}';
const WIDTHS = [360, 412] as const;

interface Case {
  name: string;
  widget: WidgetName;
  options?: WidgetConfig['options'];
  /** Taller than a screen: it holds its height, then may grow below it. */
  tall?: boolean;
  /** A feed of test/fixtures/ instead of the demo feed. */
  feed?: string;
}

const DEMO = '../../demo/feed.json';

const CASES: Case[] = [
  { name: 'news feed, list', widget: 'news-feed' },
  { name: 'news feed, list, limit 3', widget: 'news-feed', options: { limit: '3' } },
  { name: 'news feed, list, limit 7', widget: 'news-feed', options: { limit: '7' } },
  { name: 'news feed, cards', widget: 'news-feed', options: { layout: 'cards' } },
  {
    name: 'news feed, cards, limit 3',
    widget: 'news-feed',
    options: { layout: 'cards', limit: '3' },
  },
  {
    name: 'news feed, a tag with fewer items than the limit',
    widget: 'news-feed',
    options: { tag: 'information-hubs', limit: '4' },
  },
  { name: 'banner, bar', widget: 'campaign-banner', options: { country: 'GT' } },
  { name: 'banner, card', widget: 'campaign-banner', options: { layout: 'card' } },
  { name: 'banner, hero', widget: 'campaign-banner', options: { layout: 'hero' } },
  {
    name: 'banner, card, rotating',
    widget: 'campaign-banner',
    options: { layout: 'card', country: 'GT', rotate: true, dismissible: true },
  },
  { name: 'quiz', widget: 'quiz' },
  { name: 'hub locator', widget: 'hub-locator', tall: true },
  { name: 'hub locator with map', widget: 'hub-locator', options: { map: true }, tall: true },
  // Images, HTML bodies (the sanitizer loads later) and texts too long for a phone.
  { name: 'news feed, list, images and HTML', widget: 'news-feed', feed: 'feed.json' },
  {
    name: 'news feed, cards, images and HTML',
    widget: 'news-feed',
    options: { layout: 'cards' },
    feed: 'feed.json',
  },
  { name: 'news feed, long texts', widget: 'news-feed', feed: 'long-texts.json' },
  {
    name: 'banner, card with an image',
    widget: 'campaign-banner',
    options: { layout: 'card', country: 'GT' },
    feed: 'campaigns.json',
  },
  {
    name: 'banner, hero with an image',
    widget: 'campaign-banner',
    options: { layout: 'hero', country: 'GT' },
    feed: 'campaigns.json',
  },
  { name: 'banner, bar, long texts', widget: 'campaign-banner', feed: 'long-texts.json' },
  {
    name: 'banner, card, long texts',
    widget: 'campaign-banner',
    options: { layout: 'card' },
    feed: 'long-texts.json',
  },
  { name: 'quiz, long texts', widget: 'quiz', feed: 'long-texts.json' },
];

const configOf = (c: Case, src: string): WidgetConfig => ({
  widget: c.widget,
  src,
  lang: '',
  theme: 'light',
  options: c.options ?? {},
});

/** The element a partner pastes, and the map's tiles served locally (no test touches the network). */
const elementOf = (config: WidgetConfig) =>
  config.widget === 'hub-locator'
    ? elementSnippet(config).replace('></mi-hub-locator>', ` tiles="${TILES}"></mi-hub-locator>`)
    : elementSnippet(config);

interface Page {
  frame: HTMLIFrameElement;
  doc: Document;
  widgets: HTMLElement[];
  /** Add the one script tag: the widgets' code starts loading now. */
  loadScript(): void;
}

/** A partner's page in an iframe: the reserve rules in its head, text around the widgets. */
async function page(
  width: number,
  height: number,
  configs: WidgetConfig[],
  theme = '',
  head = `<style>${configs.map(reserveCss).join('\n')}</style>`,
): Promise<Page> {
  const frame = document.createElement('iframe');
  frame.width = String(width);
  frame.height = String(height);
  frame.srcdoc = `<!doctype html><html lang="es"><head><meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    ${head}
    <style>
      html { scrollbar-width: none; } /* a phone's scrollbars take no width */
      body { margin: 0; padding: 8px 16px; font: 16px/1.5 system-ui, sans-serif; }
    </style>
    <style>${theme}</style></head><body>
    <h1>Información sobre migración</h1>
    ${configs.map((c) => `<div class="slot">${elementOf(c)}</div>`).join('\n')}
    ${'<p>Texto del sitio debajo de los widgets, que no debe moverse cuando cargan.</p>'.repeat(12)}
    </body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument!;
  return {
    frame,
    doc,
    widgets: [...doc.querySelectorAll<HTMLElement>('.slot > *')],
    loadScript() {
      const script = doc.createElement('script');
      script.type = 'module';
      script.src = LOADER;
      doc.head.append(script);
    },
  };
}

const heightOf = (el: Element) => el.getBoundingClientRect().height;
const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = () => (n-- <= 0 ? resolve() : requestAnimationFrame(step));
    step();
  });
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const stateOf = (el: Element) => el.getAttribute('state');

afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

describe('the map loads when it is needed', () => {
  before(() => performance.setResourceTimingBufferSize(10_000));

  it('does not request the map’s code while the locator is off-screen, and does once it comes near', async function () {
    this.timeout(20_000);
    await import('../src/hub-locator/mi-hub-locator.js');
    const mapRequested = () =>
      performance.getEntriesByType('resource').some((e) => /\/hub-map[.-]/.test(e.name));
    expect(mapRequested(), 'requested before any locator').to.be.false;

    const spacer = document.createElement('div');
    spacer.style.height = `${window.innerHeight * 3}px`;
    const el = document.createElement('mi-hub-locator');
    el.setAttribute('map', '');
    el.setAttribute('tiles', TILES);
    el.setAttribute('src', fixture(DEMO));
    document.body.append(spacer, el);
    try {
      await waitUntil(() => stateOf(el) === 'ready', 'the locator never became ready', {
        timeout: 8000,
      });
      await settle(500);
      const root = el.shadowRoot!;
      expect(mapRequested(), 'the map’s code, with the locator two screens below').to.be.false;
      expect(root.querySelector('.leaflet-container')).to.be.null;
      const placeholder = root.querySelector<HTMLElement>('[part="map"]')!;
      const placeholderHeight = heightOf(placeholder);
      expect(placeholderHeight, 'the map’s place is held').to.be.greaterThan(300);

      // Half a screen below the fold: near enough to start loading.
      window.scrollTo(0, window.innerHeight * 1.5);
      await waitUntil(mapRequested, 'the map’s code was never requested', { timeout: 8000 });
      await waitUntil(() => root.querySelector('.leaflet-container'), 'no map', {
        timeout: 8000,
      });
      expect(heightOf(placeholder), 'the map fills its place').to.equal(placeholderHeight);
    } finally {
      window.scrollTo(0, 0);
      spacer.remove();
      el.remove();
    }
  });
});

/** Each widget's height before its code loads, while loading and when ready, on one page. */
describe('the hub locator on a 360 px phone', () => {
  for (const options of [{}, { map: true }] as Record<string, boolean>[]) {
    it(`shows five hubs within two screens and stays inside the screen${options.map ? ', with its map' : ''}: nothing in it is wider than the widget`, async function () {
      this.timeout(20_000);
      const config = configOf({ name: 'hubs', widget: 'hub-locator', options }, fixture(DEMO));
      const p = await page(360, 740, [config]);
      p.loadScript();
      const [el] = p.widgets;
      await waitUntil(() => stateOf(el) === 'ready', 'never ready', { timeout: 15_000 });
      const root = el.shadowRoot!;
      await frames();
      // The list comes first: the first five hubs end within two screens of the widget's top.
      const cards = [...root.querySelectorAll('[part="hub"]')];
      const fifth = cards[4].getBoundingClientRect().bottom - el.getBoundingClientRect().top;
      expect(fifth, 'the fifth hub’s bottom, below the widget’s top').to.be.at.most(2 * 740);
      if (options.map) {
        // The map waits behind its toggle, its code not loaded; one tap shows it above the list.
        expect(root.querySelector('.leaflet-container')).to.be.null;
        const area = root.querySelector<HTMLElement>('.map-area')!;
        expect(area.getBoundingClientRect().height).to.equal(0);
        root.querySelector<HTMLButtonElement>('[part="map-toggle"]')!.click();
        await waitUntil(() => root.querySelector('.leaflet-container'), 'no map', {
          timeout: 8000,
        });
        expect(area.getBoundingClientRect().bottom).to.be.at.most(
          cards[0].getBoundingClientRect().top,
        );
        await frames();
      }
      const box = el.getBoundingClientRect();
      // The map clips its own tiles; everything else must fit in the widget.
      const wider = [...root.querySelectorAll('*')]
        .filter((n) => !n.closest('.map') && n.getBoundingClientRect().right > box.right + 1)
        .map(
          (n) =>
            `${n.localName}.${n.getAttribute('class') ?? ''} ${Math.round(n.getBoundingClientRect().width)}`,
        );
      expect(wider).to.deep.equal([]);
      expect(p.doc.documentElement.scrollWidth, 'no sideways scrolling').to.be.at.most(360);
      p.frame.remove();
    });
  }
});

/** The page whose widgets got their feed, once every widget is ready. */
/** The partner's fallback content: a link inside each widget element (README, "Fallback content"). */
const FALLBACK = { href: 'https://example.org/noticias', text: 'Noticias sobre migración' };
const withFallback = (config: WidgetConfig): WidgetConfig => ({ ...config, fallback: FALLBACK });

async function checkHeights(width: number, theme = '', fallback = false): Promise<Page> {
  const configs = (src: (c: Case) => string) =>
    CASES.map((c) => configOf(c, src(c))).map((c) => (fallback ? withFallback(c) : c));
  // One page whose widgets get the demo feed, one whose feed never comes (loading).
  const ready = await page(
    width,
    800,
    configs((c) => fixture(c.feed ?? DEMO)),
    theme,
  );
  const hang = fault('hang'); // one request: the browser's few connections stay free
  const loading = await page(
    width,
    800,
    configs(() => hang),
    theme,
  );
  if (fallback)
    for (const w of loading.widgets)
      expect(w.querySelector('a')!.checkVisibility(), `${w.localName}: the link shows`).to.equal(
        true,
      );
  await frames();
  const reserved = ready.widgets.map(heightOf);
  expect(loading.widgets.map(heightOf)).to.deep.equal(reserved);
  for (const [i, c] of CASES.entries())
    expect(reserved[i], `${c.name}: a box before the script`).to.be.greaterThan(40);

  loading.loadScript();
  await waitUntil(
    () => loading.widgets.every((w) => stateOf(w) === 'loading'),
    'not every widget started loading',
    { timeout: 20_000 },
  );
  await frames();
  const whileLoading = loading.widgets.map(heightOf);

  ready.loadScript();
  const states = () =>
    ready.widgets.map(
      (w, i) =>
        `${CASES[i].name}: ${stateOf(w)} ${w.shadowRoot?.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ') ?? ''}`,
    );
  await waitUntil(() => ready.widgets.every((w) => stateOf(w) === 'ready'), '', {
    timeout: 20_000,
  }).catch(() => expect.fail(`not every widget became ready:\n${states().join('\n')}`));
  await settle(300); // the map's code, the sanitizer
  await frames();
  const whenReady = ready.widgets.map(heightOf);

  const report = CASES.map(
    (c, i) =>
      `${c.name}: reserved ${reserved[i].toFixed(1)}, loading ${whileLoading[i].toFixed(1)}, ready ${whenReady[i].toFixed(1)}`,
  ).join('\n');
  console.log(`at ${width} px${theme ? ` with ${theme}` : ''}:\n${report}`);
  for (const [i, c] of CASES.entries()) {
    expect(whileLoading[i], `${c.name} while loading\n${report}`).to.be.closeTo(reserved[i], 1);
    if (c.tall)
      expect(whenReady[i], `${c.name} grows only below its box\n${report}`).to.be.at.least(
        reserved[i] - 1,
      );
    else expect(whenReady[i], `${c.name} when ready\n${report}`).to.be.closeTo(reserved[i], 1);
  }
  return ready;
}

for (const width of WIDTHS) {
  describe(`at ${width} px wide`, () => {
    it('each widget is as tall before its code loads, while loading and when ready', async function () {
      this.timeout(60_000);
      await checkHeights(width);
    });

    it('dist/mi-widgets.css reserves what the snippets do, for the defaults and common values', async function () {
      this.timeout(20_000);
      const css = await (await fetch('/dist/mi-widgets.css')).text();
      expect(css, 'dist/ is stale: run `npx vite build`').to.equal(reserveStylesheet());
      const configs = CASES.map((c) => configOf(c, fixture(DEMO)));
      const inline = await page(width, 800, configs);
      const linked = await page(
        width,
        800,
        configs,
        '',
        '<link rel="stylesheet" href="/dist/mi-widgets.css" />',
      );
      await frames();
      expect(linked.widgets.map(heightOf)).to.deep.equal(inline.widgets.map(heightOf));
    });
  });
}

describe('with the partner’s fallback link inside each widget', () => {
  it('each widget is as tall before its code loads, while loading and when ready', async function () {
    this.timeout(60_000);
    await checkHeights(360, '', true);
  });

  it('all four, 412×823: no layout shift', async function () {
    this.timeout(30_000);
    const configs = CLS_PAGES.at(-1)!.cases.map((c) => withFallback(configOf(c, fixture(DEMO))));
    const cls = await shiftOf(await page(412, 823, configs));
    console.log(`CLS all four with fallback links, 412×823: ${cls.toFixed(4)}`);
    expect(cls).to.be.at.most(0.01);
  });
});

describe('with a partner’s own font size and spacing (as the NGO demo sets them)', () => {
  it('each widget is as tall before its code loads, while loading and when ready', async function () {
    this.timeout(60_000);
    await checkHeights(412, '.slot > * { --mi-font-size: 17px; --mi-space: 18px; }');
  });
});

/** A visitor whose browser's default font is 24 px (`medium`), on a page that keeps it. */
const LARGE_TEXT = 'html { font-size: 150%; } body { font-size: 100%; }';
/** WCAG 1.4.12's text spacing, as the usual bookmarklet applies it: to every element of the page. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`;
/** Beyond WCAG's minimum: a taller line height still, and the large font. */
const TALL_LINES = `${LARGE_TEXT} ${TEXT_SPACING.replace('line-height: 1.5', 'line-height: 2')}`;

const hasText = (el: Element) =>
  [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
const clips = (el: Element) => {
  const { overflowX, overflowY } = getComputedStyle(el);
  return overflowX !== 'visible' || overflowY !== 'visible';
};
const isClamp = (el: Element) => {
  const style = getComputedStyle(el);
  // `display: -webkit-box` computes to `flow-root` in recent Chromium; a grid is not clamped.
  return (
    style.webkitLineClamp !== 'none' &&
    /^(-webkit-box|flow-root|block|inline-block)$/.test(style.display)
  );
};
const nameOf = (el: Element) =>
  `${el.localName}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''}.${el.getAttribute('class') ?? ''}`;

/**
 * The text a widget cuts: an element whose text overflows the box that clips it (a title cut
 * through its letters, a summary with lines hidden under the card's edge), or runs out of its
 * item's box. A clamp at a whole line, with its ellipsis, is not a cut; nor is a line cut short
 * by an ellipsis.
 */
function cutText(widget: HTMLElement): string[] {
  const cut: string[] = [];
  const root = widget.shadowRoot!;
  for (const el of root.querySelectorAll('*')) {
    if (!hasText(el) || el.closest('.visually-hidden, [aria-hidden="true"], .loading')) continue;
    // The banner's pause label steps aside, whole, for its icon where there is no room for it
    // (a second line its box hides): the words stay the button's name and tooltip.
    if (el.matches('.fit > .label')) continue;
    // Not laid out: a hub card far below the screen (`content-visibility: auto`).
    if (!el.checkVisibility({ contentVisibilityAuto: true })) continue;
    // Text in a clamped block (a bar's title and message, inline) shows as much as its block.
    let shown: Element = el;
    for (let a: Element | null = el; a; a = a.parentElement)
      if (isClamp(a)) {
        shown = a;
        break;
      }
    const box = shown.getBoundingClientRect();
    if (!box.height) continue;
    const text = `${nameOf(el)} “${el.textContent!.trim().slice(0, 30)}”`;
    if (isClamp(shown)) {
      const lines = shown.clientHeight / parseFloat(getComputedStyle(shown).lineHeight);
      if (Math.abs(lines - Math.round(lines)) > 0.05)
        cut.push(`${text}: clamped at ${lines.toFixed(2)} lines`);
    } else if (clips(el) && el.scrollHeight > el.clientHeight + 1)
      cut.push(`${text}: ${el.scrollHeight} px of text in a ${el.clientHeight} px box`);
    for (let a = shown.parentElement; a; a = a.parentElement) {
      if (!clips(a) && !a.matches('[part="item"], [part="campaign"], [part="hub"]')) continue;
      const outer = a.getBoundingClientRect();
      if (box.bottom > outer.bottom + 1 || box.top < outer.top - 1)
        cut.push(`${text}: ${Math.round(box.bottom - outer.bottom)} px below ${nameOf(a)}`);
    }
  }
  return cut;
}

const baseFontSize = (widget: HTMLElement) =>
  getComputedStyle(widget.shadowRoot!.querySelector('.base')!).fontSize;

/** Every widget of the page: no text cut, on the first screen, and on the quiz's first statement. */
async function checkNoTextCut(p: Page): Promise<void> {
  const report: string[] = [];
  for (const [i, w] of p.widgets.entries()) {
    w.scrollIntoView(); // the hub cards near the screen are laid out
    await frames();
    report.push(...cutText(w).map((t) => `${CASES[i].name}: ${t}`));
  }
  const quizzes = p.widgets.filter((w) => w.localName === 'mi-quiz');
  for (const quiz of quizzes)
    quiz.shadowRoot!.querySelector<HTMLButtonElement>('[part="start-button"]')!.click();
  await waitUntil(() => quizzes.every((q) => q.shadowRoot!.querySelector('[part="statement"]')));
  await frames();
  for (const quiz of quizzes) report.push(...cutText(quiz).map((t) => `quiz, a statement: ${t}`));
  expect(report.join('\n')).to.equal('');
}

describe('text that follows the visitor', () => {
  it('a 24 px default font: every widget grows with it, as tall before its code loads as when ready', async function () {
    this.timeout(60_000);
    const p = await checkHeights(360, LARGE_TEXT);
    expect(p.widgets.map(baseFontSize)).to.deep.equal(p.widgets.map(() => '24px'));
    await checkNoTextCut(p);
  });

  it('WCAG 1.4.12 text spacing on the page: nothing moves and no text is cut', async function () {
    this.timeout(60_000);
    const p = await checkHeights(360, TEXT_SPACING);
    const spacing = getComputedStyle(p.widgets[0].shadowRoot!.querySelector('.summary')!);
    expect(spacing.letterSpacing, 'the spacing reaches inside').to.equal('1.92px');
    await checkNoTextCut(p);
  });

  it('a taller line height (2) and the 24 px font: nothing moves and no text is cut', async function () {
    this.timeout(60_000);
    const p = await checkHeights(412, TALL_LINES);
    const summary = p.widgets[0].shadowRoot!.querySelector('.summary')!;
    expect(getComputedStyle(summary).lineHeight, 'the page’s line height reaches inside').to.equal(
      '48px',
    );
    await checkNoTextCut(p);
  });

  it('a page with `html { font-size: 62.5% }` does not get 10 px widgets', async function () {
    this.timeout(60_000);
    const p = await checkHeights(360, 'html { font-size: 62.5%; } body { font-size: 100%; }');
    expect(p.widgets.map(baseFontSize)).to.deep.equal(p.widgets.map(() => '16px'));
  });

  it('all four with large text and text spacing, 360×800: layout shift at most 0.01', async function () {
    this.timeout(30_000);
    const p = await page(
      360,
      800,
      CLS_PAGES.at(-1)!.cases.map((c) => configOf(c, fixture(DEMO))),
      TALL_LINES,
    );
    const cls = await shiftOf(p);
    console.log(`CLS all four, large text and spacing, 360×800: ${cls.toFixed(4)}`);
    expect(cls).to.be.at.most(0.01);
  });
});

/** The sum of the page's layout shifts, as Lighthouse counts them (none right after input). */
function layoutShift(win: Window): () => number {
  let total = 0;
  const Observer = (win as Window & typeof globalThis).PerformanceObserver;
  new Observer((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
    })[])
      if (!entry.hadRecentInput) total += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  return () => total;
}

const CLS_PAGES: { name: string; cases: Case[] }[] = [
  { name: 'the news feed alone', cases: [CASES[0]] },
  { name: 'the news feed (cards) alone', cases: [CASES[3]] },
  { name: 'the bar alone', cases: [CASES[6]] },
  { name: 'the card alone', cases: [CASES[7]] },
  { name: 'the hero alone', cases: [CASES[8]] },
  { name: 'the quiz alone', cases: [CASES[10]] },
  { name: 'the hub locator (map) alone', cases: [CASES[12]] },
  { name: 'all four', cases: [CASES[6], CASES[0], CASES[10], CASES[12]] },
];

/** Load the page's script after first paint; the layout shift until every widget is ready. */
async function shiftOf(p: Page): Promise<number> {
  await frames(3); // the page has painted, without the script
  const cls = layoutShift(p.frame.contentWindow!);
  p.loadScript();
  await waitUntil(
    () => p.widgets.every((w) => stateOf(w) === 'ready'),
    'not every widget became ready',
    { timeout: 20_000 },
  );
  await settle(500);
  await frames(3);
  return cls();
}

describe('layout shift on a phone, from first paint until every widget is ready', () => {
  for (const [width, height] of [
    [412, 823],
    [360, 800],
  ] as const) {
    for (const { name, cases } of CLS_PAGES) {
      it(`${name}, ${width}×${height}: at most 0.01`, async function () {
        this.timeout(30_000);
        const p = await page(
          width,
          height,
          cases.map((c) => configOf(c, fixture(DEMO))),
        );
        const cls = await shiftOf(p);
        console.log(`CLS ${name}, ${width}×${height}: ${cls.toFixed(4)}`);
        expect(cls).to.be.at.most(0.01);
      });
    }
  }

  it('sees the shift it guards against: all four without the reserve rules move the page', async function () {
    this.timeout(30_000);
    const configs = CLS_PAGES.at(-1)!.cases.map((c) => configOf(c, fixture(DEMO)));
    const cls = await shiftOf(await page(412, 823, configs, '', ''));
    console.log(`CLS all four without the reserve rules, 412×823: ${cls.toFixed(4)}`);
    expect(cls).to.be.greaterThan(0.1);
  });
});
