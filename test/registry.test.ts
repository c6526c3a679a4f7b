import { expect, waitUntil } from '@open-wc/testing';
import {
  attributesOf,
  configFromParams,
  elementSnippet,
  embedUrl,
  optionsOf,
  type WidgetConfig,
} from '../src/embed/config.js';
import { WIDGETS, type AttributeSpec, type WidgetName } from '../src/generated/widgets.js';
import { $, reached } from './helpers.js';

// The configurator and the iframe mode read the widget registry (src/generated/widgets.ts, which
// test/node/registry.test.js holds to the manifest): every attribute of every widget, and no
// other, reaches the form, the snippets and the iframe URL.

const FEED = new URL('/demo/feed.json', location.href).href;
const EMBED = new URL('/dist/embed.html', location.href).href;
const NAMES = Object.keys(WIDGETS) as WidgetName[];
const attributesOfWidget = (widget: WidgetName): Readonly<Record<string, AttributeSpec>> =>
  WIDGETS[widget].attributes;

/** A valid value for an attribute that is not its default. */
function otherValue(spec: AttributeSpec): string | boolean {
  if (spec.type === 'boolean') return true;
  if (spec.values) return spec.values.find((v) => v !== spec.default)!;
  if (spec.type === 'number') return String(Number(spec.default ?? 0) + 1);
  return `${String(spec.default ?? '')}x`;
}

/** Every option of the widget set to a value other than its default. */
const everything = (widget: WidgetName): WidgetConfig => ({
  widget,
  src: FEED,
  lang: 'fr',
  theme: otherValue(attributesOfWidget(widget).theme!) as string,
  options: Object.fromEntries(optionsOf(widget).map(([name, spec]) => [name, otherValue(spec)])),
});

async function page(src: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.src = src;
  frame.width = '800';
  frame.height = '600';
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame;
}

describe('widget registry: snippets and the iframe URL', () => {
  it('every attribute of every widget is an option, except the feed, language and theme', () => {
    for (const widget of NAMES) {
      const options = optionsOf(widget).map(([name]) => name);
      expect([...options, 'src', 'lang', 'theme'].sort(), widget).to.deep.equal(
        Object.keys(attributesOfWidget(widget)).sort(),
      );
    }
  });

  for (const widget of NAMES) {
    it(`the snippet and the iframe URL of <mi-${widget}> carry every attribute it has, and give each back`, () => {
      const config = everything(widget);
      const written = attributesOf(config).map(([name]) => name);
      expect(written.sort()).to.deep.equal(Object.keys(attributesOfWidget(widget)).sort());
      for (const name of written) expect(elementSnippet(config)).to.contain(` ${name}`);
      expect(configFromParams(new URL(embedUrl(config, EMBED)).searchParams)).to.deep.equal(config);
    });
  }

  it('leaves every default out', () => {
    for (const widget of NAMES) {
      const config: WidgetConfig = {
        widget,
        src: FEED,
        lang: '',
        theme: String(attributesOfWidget(widget).theme!.default),
        options: Object.fromEntries(
          optionsOf(widget).map(([name, spec]) => [
            name,
            spec.type === 'boolean' ? spec.default === true : String(spec.default ?? ''),
          ]),
        ),
      };
      expect(attributesOf(config), widget).to.deep.equal([['src', FEED]]);
    }
  });

  it('the iframe mode refuses a parameter its widget does not have, saying which it takes', () => {
    const parse = (query: string) => () =>
      configFromParams(new URLSearchParams(`src=${encodeURIComponent(FEED)}&${query}`));
    // The news feed's layout is no quiz attribute.
    expect(parse('widget=quiz&layout=cards')).to.throw(
      `Unknown parameter "layout". quiz takes: ${Object.keys(WIDGETS.quiz.attributes).join(', ')}.`,
    );
    expect(parse('widget=news-feed&limt=3')).to.throw(/Unknown parameter "limt"/);
    expect(parse('widget=news-feed&timeout=soon')).to.throw(/timeout must be a number/);
    expect(parse('widget=news-feed&heading-level=4&timeout=20000')().options).to.deep.equal({
      'heading-level': '4',
      timeout: '20000',
    });
    expect(
      parse('widget=campaign-banner&layout=hero&rotate=1&dismissible=0')().options,
    ).to.deep.equal({
      layout: 'hero',
      rotate: true,
      dismissible: false,
    });
  });
});

describe('widget registry: the iframe page and the configurator', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('the iframe page gives the widget every attribute of its URL, and refuses any other', async () => {
    const config: WidgetConfig = {
      widget: 'hub-locator',
      src: FEED,
      lang: 'es',
      theme: 'dark',
      options: { 'heading-level': '4', timeout: '20000', 'tiles-attribution': 'Tiles: nobody' },
    };
    const frame = await page(embedUrl(config, EMBED));
    const el = () => frame.contentDocument!.querySelector('mi-hub-locator');
    await reached(el, 'ready');
    const hub = el() as HTMLElement & { headingLevel: number; timeout: number; theme: string };
    expect([hub.headingLevel, hub.timeout, hub.theme]).to.deep.equal([4, 20000, 'dark']);
    const name = $(hub, '[part="hub-name"]')!.closest('[role="heading"]');
    expect(name!.getAttribute('aria-level')).to.equal('4');

    const refused = await page(`${EMBED}?widget=quiz&src=${encodeURIComponent(FEED)}&limit=3`);
    const alert = refused.contentDocument!.querySelector('[role="alert"]');
    expect(alert?.textContent).to.match(/Unknown parameter "limit"\. quiz takes: /);
    expect(refused.contentDocument!.querySelector('mi-quiz')).to.equal(null);
  });

  it('the configurator has a field for every option of every widget, and its snippets carry them', async function () {
    this.timeout(30_000); // the page compiles its modules on first load
    const frame = await page('/demo/configurator.html');
    const doc = frame.contentDocument!;
    const byId = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T;
    const select = byId<HTMLSelectElement>('widget');
    await waitUntil(() => byId<HTMLTextAreaElement>('iframe-snippet').value.includes('<iframe'));

    expect([...select.options].map((o) => o.value)).to.deep.equal(NAMES);
    expect([...byId<HTMLSelectElement>('theme').options].map((o) => o.value)).to.deep.equal([
      ...WIDGETS['news-feed'].attributes.theme.values,
    ]);
    for (const widget of NAMES) {
      select.value = widget;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      const fields = [...byId('options').querySelectorAll<HTMLInputElement>('input, select')];
      expect(
        fields.map((f) => f.name),
        widget,
      ).to.deep.equal(optionsOf(widget).map(([name]) => name));
      for (const field of fields)
        expect(field.labels![0].querySelector('code')!.textContent).to.equal(field.name);

      // Every field changed from its default: each attribute is in both snippets.
      for (const [name, spec] of optionsOf(widget)) {
        const field = byId<HTMLInputElement>(`opt-${name}`);
        const value = otherValue(spec);
        if (typeof value === 'boolean') field.checked = value;
        else field.value = value;
        field.dispatchEvent(new Event('change', { bubbles: true }));
      }
      const expected = everything(widget);
      const element = elementSnippet({ ...expected, lang: '', theme: 'light' });
      // The snippet's element, without the fallback link inside it (test/embed.test.ts checks that).
      const scripted = () =>
        byId<HTMLTextAreaElement>('script-snippet').value.replace(
          /<a href="[^"]*">[^<]*<\/a>(?=<\/mi-[a-z-]+>$)/,
          '',
        );
      await waitUntil(() => scripted().endsWith(element), `${widget}: ${scripted()}`);
      const iframe = byId<HTMLTextAreaElement>('iframe-snippet').value;
      const url = new URL(/src="([^"]+)"/.exec(iframe)![1].replace(/&amp;/g, '&'));
      expect(configFromParams(url.searchParams).options, widget).to.deep.equal(expected.options);
    }
  });
});
