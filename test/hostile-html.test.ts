// Feed HTML from a compromised feed can never leave the widget's box: no dialog or popover in the
// top layer, no fixed position, no style, no form, no embed — and what is fine stays.
import { expect, fixture as render, html } from '@open-wc/testing';
import '../src/news-feed/mi-news-feed.js';
import '../src/campaign-banner/mi-campaign-banner.js';
import type { MiNewsFeed } from '../src/news-feed/news-feed.js';
import { sanitizeHtml, withoutInlineStyles } from '../src/shared/sanitize.js';
import { $$, fixture, resetFeeds, settled, stubConsole, text } from './helpers.js';

const FORBIDDEN = [
  'dialog',
  'style',
  'form',
  'input',
  'textarea',
  'select',
  'button',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'details',
  '[popover]',
  '[style]',
  '[class]',
  '[id]',
  '[target]',
  '[data-z]',
  '[formaction]',
];

/** The sanitized HTML as markup, for reading in a failure. */
const markup = (fragment: DocumentFragment) => {
  const box = document.createElement('div');
  box.append(fragment.cloneNode(true));
  return box.innerHTML;
};

describe('feed HTML stays in the widget’s box', () => {
  stubConsole('warn'); // the reader names what it dropped from the hostile feed
  beforeEach(() => {
    resetFeeds();
    document.documentElement.lang = 'en';
  });

  it('drops whatever could leave the box, reach the top layer, style or submit', () => {
    const base = new URL('/feeds/feed.json', location.href).href;
    for (const payload of [
      '<dialog open><p>Locked</p></dialog>',
      '<div popover="manual">Pop</div>',
      '<p style="position:fixed;inset:0">Fixed</p>',
      '<style>*{display:none}</style>',
      '<form action="https://evil.example"><input name="pin"><button>Send</button></form>',
      '<iframe src="https://evil.example"></iframe>',
      '<details open><summary>S</summary>x</details>',
      '<a href="https://x.example" target="_top" class="c" id="i" data-x="1">l</a>',
    ]) {
      const out = sanitizeHtml(payload, base);
      for (const selector of FORBIDDEN)
        expect(out.querySelector(selector), `${payload} → ${markup(out)}`).to.equal(null);
    }
  });

  it('takes inline styles out before anything parses the markup (a strict CSP reports parsing)', () => {
    const cases: [string, string][] = [
      ['<p style="a">x</p>', '<p >x</p>'],
      ['<P STYLE=color:red>x', '<P >x'],
      ["<p/style='a'>x", '<p/>x'],
      ['<p\nstyle\n=\n"x">y', '<p\n>y'],
      ['<svg><style>a{}</style></svg>after', '<svg></svg>after'],
      ['<style>unterminated', ''],
      ['<img src=x style="a"/>', '<img src=x />'],
      // What is not an inline style stays as it was.
      ['<a title="my style=x" href=y>l</a>', '<a title="my style=x" href=y>l</a>'],
      ['<p title="<style>">keep</p>', '<p title="<style>">keep</p>'],
      ['<!-- <style> -->text', '<!-- <style> -->text'],
      ['<p data-style="x">y</p>', '<p data-style="x">y</p>'],
      ['a < b style=1 and <b>c</b>', 'a < b style=1 and <b>c</b>'],
    ];
    for (const [input, output] of cases) expect(withoutInlineStyles(input), input).to.equal(output);
  });

  it('keeps text, structure, links and images, links absolute and safe', () => {
    const out = sanitizeHtml(
      '<h2>H</h2><p><strong>S</strong> <a href="/rel" title="t">link</a></p><ul><li>1</li></ul><table><tr><td colspan="2">c</td></tr></table><img src="/i.png" alt="A" width="10" height="10">',
      new URL('/feeds/feed.json', location.href).href,
    );
    expect(out.querySelector('h2')!.textContent).to.equal('H');
    const link = out.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal(new URL('/rel', location.href).href);
    expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(link.getAttribute('title')).to.equal('t');
    expect(out.querySelector('td')!.getAttribute('colspan')).to.equal('2');
    const image = out.querySelector('img')!;
    expect([image.getAttribute('alt'), image.getAttribute('width')]).to.deep.equal(['A', '10']);
  });

  it('renders a hostile feed with nothing outside the widget and nothing in the top layer', async () => {
    const el = await settled(
      await render<MiNewsFeed>(
        html`<mi-news-feed src=${fixture('hostile-html.json')}></mi-news-feed>`,
      ),
    );
    const root = el.shadowRoot!;
    // The sanitizer loads on first need: wait for the four bodies.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await el.updateComplete;
    const summaries = $$(el, '[part="summary"]');
    expect(summaries).to.have.length(4);
    for (const selector of FORBIDDEN)
      expect(root.querySelector(`[part="summary"] ${selector}`), selector).to.equal(null);
    expect(document.querySelector(':modal, :popover-open')).to.equal(null);
    expect(root.querySelector(':modal, :popover-open')).to.equal(null);
    const box = el.getBoundingClientRect();
    for (const node of root.querySelectorAll<HTMLElement>('[part="summary"] *')) {
      const r = node.getBoundingClientRect();
      if (!r.width && !r.height) continue;
      expect(r.left, node.outerHTML).to.be.at.least(box.left - 0.5);
      expect(r.right, node.outerHTML).to.be.at.most(box.right + 0.5);
      expect(getComputedStyle(node).position, node.outerHTML).to.equal('static');
    }
    const bodies = summaries.map((s) => text(s));
    expect(bodies[0]).to.contain('Before').and.contain('After');
    expect(bodies[1]).to.contain('Kept text');
    expect(bodies[2]).to.contain('Text after forms');
  });

  it('sends no referrer with any image it shows: news, campaign and HTML body images', async () => {
    const box = await render(
      html`<div>
        <mi-news-feed src=${fixture('feed.json')}></mi-news-feed>
        <mi-news-feed src=${fixture('hostile-html.json')}></mi-news-feed>
        <mi-campaign-banner
          layout="card"
          country="GT"
          lang="es"
          src=${fixture('campaigns.json')}
        ></mi-campaign-banner>
      </div>`,
    );
    const widgets = [...box.children] as MiNewsFeed[];
    await Promise.all(widgets.map((w) => settled(w)));
    await new Promise((resolve) => setTimeout(resolve, 300)); // the sanitizer's first load
    await Promise.all(widgets.map((w) => w.updateComplete));
    const images = widgets.flatMap((w) => $$<HTMLImageElement>(w, 'img'));
    const where = images.map((i) => i.closest('[part]')?.getAttribute('part'));
    expect(where).to.include.members(['image', 'summary']);
    expect(images.length).to.be.at.least(3);
    for (const image of images)
      expect(image.referrerPolicy, image.outerHTML).to.equal('no-referrer');
  });
});
