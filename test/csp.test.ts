import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, $$, fixture, reached, resetFeeds } from './helpers.js';

/**
 * A partner page at its most hostile: a strict Content-Security-Policy (no inline script or
 * style at all) and global CSS with `!important` everywhere and `html { font-size: 62.5% }`.
 * The page embeds the built bundle with its one script tag, in an iframe of its own.
 */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
].join('; ');

/** The same, plus Trusted Types: only the library's own two named policies are allowed. */
const CSP_TRUSTED_TYPES = `${CSP}; require-trusted-types-for 'script'; trusted-types mi-widgets mi-widgets-dompurify mi-widgets-worker`;

async function hostilePage(
  body: string,
  { csp = CSP, html = '<html lang="es">' } = {},
): Promise<{ doc: Document; violations: string[]; errors: string[] }> {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '1200px';
  frame.srcdoc = `<!doctype html>${html}<head>
    <meta http-equiv="Content-Security-Policy" content="${csp}">
    <script src="/test/fixtures/csp-probe.js"></script>
    <link rel="stylesheet" href="/test/fixtures/hostile.css">
    <script type="module" src="/dist/mi-widgets.js"></script>
    </head><body>${body}</body></html>`;
  const ready = new Promise<void>((resolve) =>
    frame.addEventListener('load', () => resolve(), { once: true }),
  );
  document.body.append(frame);
  await ready;
  const win = frame.contentWindow as Window & { __violations: string[]; __errors: string[] };
  return { doc: win.document, violations: win.__violations, errors: win.__errors };
}

describe('on a hostile host page', () => {
  beforeEach(resetFeeds);

  it('renders the news feed under a strict CSP and aggressive global CSS, with no violation or error', async () => {
    const { doc, violations, errors } = await hostilePage(
      `<mi-news-feed src="${fixture('feed.json')}"></mi-news-feed>`,
    );
    const el = doc.querySelector('mi-news-feed')!;
    await reached(() => el, 'ready');
    const root = el.shadowRoot!;
    await waitUntil(
      () => root.querySelector('[part="more-button"]')?.textContent?.trim() === 'Más noticias',
    );

    const view = doc.defaultView!;
    const title = root.querySelector<HTMLElement>('[part="title"]')!;
    const button = root.querySelector<HTMLElement>('[part="more-button"]')!;
    const list = root.querySelector<HTMLElement>('[part="list"]')!;
    // Sized in px inside, not rem: the host's 62.5% root font size changes nothing.
    expect(view.getComputedStyle(title).fontSize).to.equal('18px');
    expect(view.getComputedStyle(title).lineHeight).to.not.equal('0.8');
    expect(view.getComputedStyle(title).textTransform).to.equal('none');
    // Letter spacing is the page's, on purpose: a visitor's text-spacing override is set the
    // same way (WCAG 1.4.12); the body's 0.5em of its 10px. The boxes hold (test/geometry.test.ts).
    expect(view.getComputedStyle(title).letterSpacing).to.equal('5px');
    expect(view.getComputedStyle(title).textAlign).to.equal('start');
    // The host's `button { display: none !important }` and list styles do not reach inside.
    expect(view.getComputedStyle(button).display).to.not.equal('none');
    expect(button.getBoundingClientRect().height).to.be.at.least(44);
    expect(view.getComputedStyle(list).listStyleType).to.equal('none');
    expect(root.querySelectorAll('[part="item"]')).to.have.length(5);
    expect(violations).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });

  it('renders all four widgets under Trusted Types, allowing only the library’s own policies', async () => {
    const feed = fixture('feed.json'); // with an HTML item body: the sanitizer runs too
    const demo = fixture('../../demo/feed.json');
    const { doc, violations, errors } = await hostilePage(
      `<mi-campaign-banner layout="card" dismissible src="${demo}"></mi-campaign-banner>
       <mi-news-feed lang="en" src="${feed}"></mi-news-feed>
       <mi-quiz src="${demo}"></mi-quiz>
       <mi-hub-locator country="GT" src="${demo}"></mi-hub-locator>`,
      { csp: CSP_TRUSTED_TYPES },
    );
    const widgets = [
      ...doc.querySelectorAll('mi-campaign-banner, mi-news-feed, mi-quiz, mi-hub-locator'),
    ];
    await waitUntil(
      () => widgets.every((w) => w.getAttribute('state') === 'ready'),
      'not every widget became ready',
      {
        timeout: 5000,
      },
    );
    const news = doc.querySelector('mi-news-feed')!.shadowRoot!;
    await waitUntil(
      () => news.querySelector('[part="summary"] strong'),
      'the sanitized HTML body never rendered',
    );
    const quiz = doc.querySelector('mi-quiz')!;
    $<HTMLButtonElement>(quiz, '[part="start-button"]')!.click();
    await waitUntil(() => $(quiz, '[part="statement"]'), 'the quiz did not start');
    expect(violations).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });

  it('feed HTML with style attributes, <style>, a dialog and forms: no violation, nothing outside the box', async () => {
    const { doc, violations, errors } = await hostilePage(
      `<mi-news-feed limit="10" src="${fixture('hostile-html.json')}"></mi-news-feed>`,
      { csp: CSP_TRUSTED_TYPES },
    );
    const el = doc.querySelector('mi-news-feed')!;
    await reached(() => el, 'ready');
    await waitUntil(
      () => $$(el, '[part="summary"]').some((s) => s.textContent?.includes('Kept text')),
      'the sanitized bodies never rendered',
    );
    // Give a style attribute or a <style> that got through the time to be reported.
    await new Promise((r) => setTimeout(r, 300));
    expect(violations).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
    expect($$(el, '[part="summary"] :is([style], style, dialog, [popover], form, input)')).to.be
      .empty;
    const box = el.getBoundingClientRect();
    for (const node of $$(el, '[part="summary"] *')) {
      const r = node.getBoundingClientRect();
      if (!r.width && !r.height) continue;
      expect(r.left, node.outerHTML).to.be.at.least(box.left - 1);
      expect(r.right, node.outerHTML).to.be.at.most(box.right + 1);
      expect(r.top, node.outerHTML).to.be.at.least(box.top - 1);
      expect(r.bottom, node.outerHTML).to.be.at.most(box.bottom + 1);
    }
  });

  it('reads the feed on the main thread where the page’s CSP refuses the reader’s worker', async () => {
    const { doc, violations, errors } = await hostilePage(
      `<mi-news-feed src="${fixture('feed.json')}"></mi-news-feed>
       <mi-hub-locator src="${fixture('../../demo/feed.json')}"></mi-hub-locator>`,
      { csp: `${CSP}; worker-src 'none'` },
    );
    const widgets = [...doc.querySelectorAll('mi-news-feed, mi-hub-locator')];
    await waitUntil(
      () => widgets.every((w) => w.getAttribute('state') === 'ready'),
      'the widgets never became ready without their worker',
      { timeout: 5000 },
    );
    expect(violations.length, 'the worker was refused').to.be.greaterThan(0);
    expect(
      violations.every((v) => v.includes('worker-src')),
      violations.join('\n'),
    ).to.be.true;
    expect(errors).to.deep.equal([]);
  });

  it('plays a recording of the demo feed where media-src allows its host, and only then', async () => {
    const page = (csp: string) =>
      hostilePage(`<mi-quiz src="${fixture('../../demo/feed.json')}"></mi-quiz>`, { csp });
    for (const [csp, outcome] of [
      [CSP, 'Pausar'],
      [CSP.replace("media-src 'self'", "media-src 'none'"), 'No se pudo reproducir'],
    ]) {
      const { doc, violations, errors } = await page(csp);
      const quiz = doc.querySelector('mi-quiz')!;
      await reached(() => quiz, 'ready');
      $<HTMLButtonElement>(quiz, '[part="start-button"]')!.click();
      await waitUntil(() => $(quiz, '[part="listen-button"]'), 'no Listen button');
      const button = $<HTMLButtonElement>(quiz, '[part="listen-button"]')!;
      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => button.textContent!.includes(outcome), `never said ${outcome}`);
      expect(errors).to.deep.equal([]);
      if (outcome === 'Pausar') {
        expect(violations).to.deep.equal([]);
        await sendKeys({ press: 'Enter' }); // pause it
      } else {
        expect(violations.length, 'the recording was refused').to.be.greaterThan(0);
        expect(
          violations.every((v) => v.startsWith('media-src')),
          violations.join('\n'),
        ).to.be.true;
      }
      doc.defaultView!.frameElement!.remove();
    }
  });

  it('follows a right-to-left page', async () => {
    const { doc, errors } = await hostilePage(
      `<mi-news-feed src="${fixture('feed.json')}"></mi-news-feed>`,
      {
        html: '<html lang="ar" dir="rtl">',
      },
    );
    const el = doc.querySelector('mi-news-feed')!;
    await reached(() => el, 'ready');
    const view = doc.defaultView!;
    const base = $(el, '[part="base"]')!;
    const title = $(el, '[part="title"]')!;
    expect(view.getComputedStyle(base).direction).to.equal('rtl');
    // text-align: start — on the right in RTL
    expect(Math.round(title.getBoundingClientRect().right)).to.be.closeTo(
      Math.round(base.getBoundingClientRect().right) - 16,
      2,
    );
    expect(errors).to.deep.equal([]);
  });

  it('keeps the hub list working when Trusted Types stop the map from loading', async () => {
    const { doc } = await hostilePage(
      `<mi-hub-locator map tiles="/test/fixtures/pixel.png?{z}/{x}/{y}" src="${fixture('../../demo/feed.json')}"></mi-hub-locator>`,
      { csp: CSP_TRUSTED_TYPES },
    );
    const el = doc.querySelector('mi-hub-locator')!;
    await reached(() => el, 'ready');
    await new Promise((r) => setTimeout(r, 500));
    expect($(el, '.leaflet-container')).to.be.null;
    expect($$(el, '[part="hub"]').length).to.be.greaterThan(3);
  });
});
