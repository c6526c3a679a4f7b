import { expect, waitUntil } from '@open-wc/testing';
import { fixture, resetFeeds } from './helpers.js';

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
].join('; ');

async function hostilePage(
  body: string,
): Promise<{ doc: Document; violations: string[]; errors: string[] }> {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '1200px';
  frame.srcdoc = `<!doctype html><html lang="es"><head>
    <meta http-equiv="Content-Security-Policy" content="${CSP}">
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
    await waitUntil(() => el.getAttribute('state') === 'ready', 'the widget never became ready', {
      timeout: 4000,
    });
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
    expect(view.getComputedStyle(title).letterSpacing).to.equal('normal');
    expect(view.getComputedStyle(title).textAlign).to.equal('start');
    // The host's `button { display: none !important }` and list styles do not reach inside.
    expect(view.getComputedStyle(button).display).to.not.equal('none');
    expect(button.getBoundingClientRect().height).to.be.at.least(44);
    expect(view.getComputedStyle(list).listStyleType).to.equal('none');
    expect(root.querySelectorAll('[part="item"]')).to.have.length(5);
    expect(violations).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });
});
