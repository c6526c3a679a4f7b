import { expect, waitUntil } from '@open-wc/testing';
import { fixture, resetFeeds } from './helpers.js';

/**
 * The built one-script-tag bundle, as a partner loads it (`npm test` builds it first).
 * @open-wc/testing has already put Lit from node_modules on this page: the bundle's own Lit
 * is another copy beside it.
 */
const BUNDLE = '/dist/mi-widgets.js';
const load = (url: string): Promise<unknown> => import(/* @vite-ignore */ url);
const chunkLoaded = (name: string) =>
  performance
    .getEntriesByType('resource')
    .some((e) => new URL(e.name).pathname.includes(`/chunks/${name}-`));

describe('dist/mi-widgets.js', () => {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.message);
  const originalError = console.error;
  before(() => {
    resetFeeds();
    window.addEventListener('error', onError);
    console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
  });
  after(() => {
    window.removeEventListener('error', onError);
    console.error = originalError;
  });

  it('loads a widget’s code only when its tag appears on the page', async () => {
    await load(BUNDLE);
    expect(customElements.get('mi-news-feed')).to.be.undefined;
    expect(chunkLoaded('mi-news-feed')).to.be.false;
    expect(chunkLoaded('lit')).to.be.false;

    const el = document.createElement('mi-news-feed');
    el.setAttribute('src', fixture('feed.json'));
    document.body.append(el); // inserted late, by the host's own script
    await customElements.whenDefined('mi-news-feed');
    await waitUntil(() => el.getAttribute('state') === 'ready', 'the widget never became ready');
    expect(chunkLoaded('mi-news-feed')).to.be.true;
    expect(el.shadowRoot!.querySelectorAll('[part="item"]')).to.have.length(5);
    el.remove();
  });

  it('registers all four widgets, each loading its own chunk only when its tag appears', async () => {
    const chunks = ['mi-quiz', 'mi-hub-locator', 'mi-campaign-banner'];
    for (const tag of chunks) {
      expect(customElements.get(tag), tag).to.be.undefined;
      expect(chunkLoaded(tag), tag).to.be.false;
    }
    const src = fixture('../../demo/feed.json');
    for (const tag of chunks) {
      const el = document.createElement(tag);
      el.setAttribute('src', src);
      document.body.append(el);
      await customElements.whenDefined(tag);
      expect(chunkLoaded(tag), tag).to.be.true;
      await waitUntil(
        () => ['ready', 'empty'].includes(el.getAttribute('state') ?? ''),
        `${tag} never rendered`,
      );
      el.remove();
    }
    expect(chunkLoaded('hub-map'), 'the map chunk without map').to.be.false;
  });

  it('raises no error when the script is loaded twice, beside another copy of Lit', async () => {
    await load(BUNDLE); // the same URL again
    await load(`/__copy2${BUNDLE}`); // a second copy, with its own Lit
    const { LitElement, html } = await import('lit');
    class HostOwn extends LitElement {
      override render() {
        return html`<p>the host's own Lit element</p>`;
      }
    }
    customElements.define('host-own-element', HostOwn);
    const own = document.createElement('host-own-element') as HostOwn;
    const el = document.createElement('mi-news-feed');
    el.setAttribute('src', fixture('feed.json'));
    el.setAttribute('lang', 'es');
    document.body.append(own, el);
    await own.updateComplete;
    await waitUntil(() => el.getAttribute('state') === 'ready', 'the widget never became ready');
    expect(own.shadowRoot!.textContent).to.contain("the host's own Lit element");
    const more = () => el.shadowRoot!.querySelector('[part="more-button"]')?.textContent?.trim();
    await waitUntil(() => more() === 'Más noticias', `the interface is not in Spanish: ${more()}`);
    await new Promise((r) => setTimeout(r, 200)); // let the second copy's loader act too
    expect(errors).to.deep.equal([]);
    own.remove();
    el.remove();
  });
});
