import { expect, fixture as render, html, waitUntil } from '@open-wc/testing';
import { mountThemeBuilder } from '../demo/theme-builder.js';
import { contrast } from '../src/tokens/contrast.js';
import { defaultTheme, themeCss } from '../src/tokens/theme.js';
import type { MiElement } from '../src/shared/mi-element.js';
import { fixture, resetFeeds, settled } from './helpers.js';

let cases = 0;
/** The demo feed (news, a quiz, campaigns and hubs), at a URL of the calling test's own. */
const demoFeed = () => new URL(`/demo/feed.json?case=${Date.now()}-${++cases}`, location.href).href;
import '../src/quiz/mi-quiz.js';
import '../src/news-feed/mi-news-feed.js';

const rgb = (hex: string) =>
  `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

/** Types `value` into a field, as a person does (an input event). */
const type = (input: HTMLInputElement, value: string) => {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('the theme CSS block', () => {
  beforeEach(resetFeeds);

  it('gives the chosen colours inside the widgets’ shadow roots, light and dark', async () => {
    const theme = defaultTheme();
    Object.assign(theme.light, { primary: '#7a2e0e', 'on-primary': '#fffaf0', text: '#222222' });
    Object.assign(theme.dark, { primary: '#f0a487', 'on-primary': '#1a1a1a', text: '#eeeeee' });
    const style = document.createElement('style');
    style.textContent = themeCss(theme);
    document.head.append(style);
    try {
      const src = demoFeed();
      const el = await render(
        html`<div>
          <mi-quiz src=${src}></mi-quiz>
          <mi-quiz src=${src} theme="dark"></mi-quiz>
          <mi-news-feed src=${fixture('feed.json')} theme="dark" limit="1"></mi-news-feed>
        </div>`,
      );
      const [light, dark] = [...el.querySelectorAll<MiElement<unknown>>('mi-quiz')];
      const news = el.querySelector<MiElement<unknown>>('mi-news-feed')!;
      for (const w of [light, dark, news]) await settled(w);
      const start = (w: Element) => getComputedStyle(w.shadowRoot!.querySelector('button')!);
      expect(start(light).backgroundColor).to.equal(rgb('#7a2e0e'));
      expect(start(light).color).to.equal(rgb('#fffaf0'));
      expect(start(dark).backgroundColor).to.equal(rgb('#f0a487'));
      expect(start(dark).color).to.equal(rgb('#1a1a1a'));
      expect(getComputedStyle(light.shadowRoot!.querySelector('.base')!).color).to.equal(
        rgb('#222222'),
      );
      const link = news.shadowRoot!.querySelector('a')!;
      expect(getComputedStyle(link).color).to.equal(rgb('#f0a487'));
    } finally {
      style.remove();
    }
  });
});

describe('the theme builder', () => {
  beforeEach(resetFeeds);

  async function builder() {
    const host = await render<HTMLDivElement>(html`<div></div>`);
    const changes: string[] = [];
    const api = mountThemeBuilder(host, {
      feed: demoFeed(),
      onChange: (css) => changes.push(css),
    });
    return { host, api, changes };
  }

  /** The row of a pair in a theme's contrast table. */
  const row = (host: Element, mode: 'light' | 'dark', label: string) => {
    const set = [...host.querySelectorAll('fieldset')].find((f) =>
      f.querySelector('legend')!.textContent!.toLowerCase().startsWith(mode),
    )!;
    return [...set.querySelectorAll('tbody tr')].find((tr) =>
      tr.querySelector('th')!.textContent!.trim().startsWith(label),
    )!;
  };

  it('flags a brand colour below AA, and one click on the suggestion makes it pass', async () => {
    const { host, api, changes } = await builder();
    expect(api.css).to.equal('');
    expect(host.querySelectorAll('.mi-tb-fail')).to.have.length(0);

    type(host.querySelector<HTMLInputElement>('#mi-tb-light-primary')!, '#ffcc00');
    const failing = row(host, 'light', 'Primary (links) on background');
    expect(failing.className).to.equal('mi-tb-fail');
    expect(failing.textContent).to.contain('Fails AA');
    expect(failing.textContent).to.contain('✗');
    expect(api.css).to.contain('--mi-color-primary: #ffcc00;');
    // The dark theme's primary follows the brand colour, a shade that reads on dark.
    const darkPrimary = api.theme.dark.primary;
    expect(contrast(darkPrimary, api.theme.dark.background)).to.be.at.least(4.5);
    expect(api.css).to.contain(`--mi-color-primary: ${darkPrimary};`);

    failing.querySelector('button')!.click();
    const fixed = api.theme.light.primary;
    expect(fixed).not.to.equal('#ffcc00');
    expect(contrast(fixed, '#ffffff')).to.be.at.least(4.5);
    const passing = row(host, 'light', 'Primary (links) on background');
    expect(passing.className).to.equal('mi-tb-ok');
    expect(passing.textContent).to.contain('Passes AA');
    expect(host.querySelector<HTMLTextAreaElement>('#mi-tb-css')!.value).to.contain(
      `--mi-color-primary: ${fixed};`,
    );
    expect(changes.at(-1)).to.equal(api.css);
    expect(host.querySelector<HTMLInputElement>('#mi-tb-light-primary')!.value).to.equal(fixed);
  });

  it('applies its CSS to its own preview, light and dark side by side', async () => {
    const { host } = await builder();
    type(host.querySelector<HTMLInputElement>('#mi-tb-light-primary')!, '#7a2e0e');
    const quizzes = [...host.querySelectorAll<MiElement<unknown>>('mi-quiz')];
    expect(quizzes.map((q) => q.getAttribute('theme'))).to.deep.equal(['light', 'dark']);
    for (const q of quizzes) await settled(q);
    const bg = (q: Element) =>
      getComputedStyle(q.shadowRoot!.querySelector('button')!).backgroundColor;
    expect(bg(quizzes[0])).to.equal(rgb('#7a2e0e'));
    await waitUntil(() => bg(quizzes[1]) !== rgb(defaultTheme().dark.primary));
  });

  it('says when a typed colour is not one, and keeps the last good one', async () => {
    const { host, api } = await builder();
    const input = host.querySelector<HTMLInputElement>('#mi-tb-light-text')!;
    type(input, '#12');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const error = host.querySelector(`#${input.getAttribute('aria-describedby')}`)!;
    expect(error.textContent).to.contain('#rrggbb');
    expect(api.theme.light.text).to.equal(defaultTheme().light.text);
    type(input, '#123');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(api.theme.light.text).to.equal('#112233');
  });

  it('sets the dark primary by hand, and derives it again on request', async () => {
    const { host, api } = await builder();
    type(host.querySelector<HTMLInputElement>('#mi-tb-light-primary')!, '#7a2e0e');
    const derived = api.theme.dark.primary;
    type(host.querySelector<HTMLInputElement>('#mi-tb-dark-primary')!, '#ffffff');
    expect(api.theme.dark.primary).to.equal('#ffffff');
    type(host.querySelector<HTMLInputElement>('#mi-tb-light-primary')!, '#7a2e0f');
    expect(api.theme.dark.primary).to.equal('#ffffff');
    [...host.querySelectorAll('button')].find((b) => /Derive it/.test(b.textContent!))!.click();
    expect(api.theme.dark.primary).not.to.equal('#ffffff');
    expect(contrast(api.theme.dark.primary, api.theme.dark.surface)).to.be.at.least(4.5);
    expect(derived).to.be.a('string');
  });

  // The preview shows each widget twice, light and dark: each is labelled by its theme, but the
  // hub locator's search form has one name in both.
  const ignoredRules = ['landmark-unique'];

  it('is accessible, preview included', async () => {
    const { host } = await builder();
    for (const w of host.querySelectorAll<MiElement<unknown>>(
      'mi-quiz, mi-news-feed, mi-campaign-banner, mi-hub-locator',
    ))
      await settled(w);
    await expect(host).to.be.accessible({ ignoredRules });
  });

  it('is accessible with a failing pair flagged (the preview shows the failure as it is)', async () => {
    const { host } = await builder();
    type(host.querySelector<HTMLInputElement>('#mi-tb-light-primary')!, '#ffcc00');
    type(host.querySelector<HTMLInputElement>('#mi-tb-dark-text')!, '#333');
    expect(host.querySelectorAll('.mi-tb-fail').length).to.be.at.least(3);
    await expect(host.querySelector('.mi-tb-controls')).to.be.accessible();
  });
});

describe('the theme builder in the snippet configurator (demo/configurator.html)', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('puts the theme’s CSS into the script snippet and onto the preview', async function () {
    this.timeout(30_000); // the page compiles its modules on first load
    const frame = document.createElement('iframe');
    frame.src = '/demo/configurator.html';
    frame.width = '1000';
    frame.height = '600';
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    document.body.append(frame);
    await loaded;
    const doc = frame.contentDocument!;
    const snippet = () => (doc.getElementById('script-snippet') as HTMLTextAreaElement).value;
    await waitUntil(() => snippet().includes('<script'), 'no snippet', { timeout: 8000 });
    expect(snippet()).not.to.contain('--mi-color');

    await waitUntil(() => doc.getElementById('mi-tb-light-primary'), 'no theme builder');
    type(doc.getElementById('mi-tb-light-primary') as HTMLInputElement, '#7a2e0e');
    await waitUntil(() => snippet().includes('--mi-color'), `snippet: ${snippet()}`);
    expect(snippet()).to.contain('  mi-quiz {');
    expect(snippet()).to.contain('    --mi-color-primary: #7a2e0e;');
    expect(snippet()).to.contain(`mi-news-feed[theme='dark']`);
    // After the widget's tag, a <style> of its own.
    expect(snippet()).to.match(
      /<\/mi-news-feed>\n<style>\n {2}mi-campaign-banner,\n[^<]+<\/style>$/,
    );

    const preview = doc.querySelector('#preview mi-news-feed') as MiElement<unknown>;
    await settled(preview);
    const base = preview.shadowRoot!.querySelector('.base')!;
    const probe = doc.createElement('a');
    base.append(probe); // an element styled as the widget's links
    expect(frame.contentWindow!.getComputedStyle(probe).color).to.equal(rgb('#7a2e0e'));
  });
});
