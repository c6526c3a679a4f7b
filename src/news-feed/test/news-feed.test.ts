import { expect, fixture as render, html, oneEvent, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import sinon from 'sinon';
import { emulateMedia } from '@web/test-runner-commands';
import '../mi-news-feed.js';
import type { MiNewsFeed } from '../news-feed.js';
import { keepFeedCopy } from '../../feed/client.js';
import {
  $,
  $$,
  fault,
  fixture,
  resetFeeds,
  settled,
  stubConsole,
  watchFetch,
} from '../../../test/helpers.js';

/** The language an element's text is in: its nearest `lang`. */
const langOf = (node: Element) => node.closest('[lang]')!.getAttribute('lang');
const titles = (el: MiNewsFeed) => $$(el, '[part="title"]').map((t) => t.textContent!.trim());

describe('<mi-news-feed>', () => {
  const logged = stubConsole('warn', 'error');
  beforeEach(() => {
    resetFeeds();
    document.documentElement.lang = 'en';
  });
  afterEach(() => {
    document.documentElement.lang = 'en';
    document.head.querySelector('meta[name="mi-widgets:feed"]')?.remove();
  });

  describe('showing news', () => {
    it('shows the first five stories, each with a title, a date and a summary', async () => {
      const el = await settled(
        await render<MiNewsFeed>(html`<mi-news-feed src=${fixture('feed.json')}></mi-news-feed>`),
      );
      expect(el.getAttribute('state')).to.equal('ready');
      expect(titles(el)).to.deep.equal([
        'English story 1',
        'English story 2',
        'English story 3',
        'English story 4',
        'English story 5',
      ]);
      const first = $(el, '[part="item"]')!;
      expect(first.querySelector('time')!.getAttribute('datetime')).to.equal(
        '2022-01-12T12:00:00Z',
      );
      expect(first.querySelector('time')!.textContent).to.equal('January 12, 2022');
      expect(first.querySelector('[part="summary"]')!.textContent!.trim()).to.equal(
        'Summary of English story 1.',
      );
      expect(langOf(first.querySelector('[part="summary"]')!)).to.equal('en');
      await expect(el).to.be.accessible();
    });

    it('links a title to its http(s) URL and tells the page when a visitor follows it', async () => {
      const el = await settled(
        await render<MiNewsFeed>(html`<mi-news-feed src=${fixture('feed.json')}></mi-news-feed>`),
      );
      const link = $(el, '[part="link"]') as HTMLAnchorElement;
      expect(link.href).to.equal('https://example.org/news/1');
      expect($$(el, '[part="link"]')).to.have.length(1); // the others have no url: plain titles
      link.addEventListener('click', (e) => e.preventDefault());
      setTimeout(() => link.click());
      const event = await oneEvent(el, 'mi-news-open');
      expect(event.detail).to.deep.equal({ itemId: 'en-1', url: 'https://example.org/news/1' });
      expect(event.bubbles && event.composed).to.be.true;
    });

    it('reserves the image box and loads the image lazily', async () => {
      const el = await settled(
        await render<MiNewsFeed>(html`<mi-news-feed src=${fixture('feed.json')}></mi-news-feed>`),
      );
      const img = $(el, '[part="image"]') as HTMLImageElement;
      expect(img.loading).to.equal('lazy');
      expect(img.getAttribute('width')).to.equal('640');
      expect(img.getAttribute('height')).to.equal('360');
      expect(img.alt).to.equal('');
      expect(img.src).to.equal(new URL('/test/fixtures/pixel.png', location.href).href);
      const box = img.parentElement!.getBoundingClientRect();
      expect(box.height).to.be.closeTo((box.width * 9) / 16, 1);
    });

    it('renders an item’s HTML body through the sanitizer', async () => {
      const el = await settled(
        await render<MiNewsFeed>(html`<mi-news-feed src=${fixture('feed.json')}></mi-news-feed>`),
      );
      await waitUntil(
        () => $$(el, '[part="summary"]')[1]?.querySelector('strong'),
        'HTML body never rendered',
      );
      const body = $$(el, '[part="summary"]')[1];
      expect(body.querySelector('strong')!.textContent).to.equal('HTML');
      expect((body.querySelector('a') as HTMLAnchorElement).href).to.equal(
        new URL('/test/fixtures/story-2.html', location.href).href,
      );
    });

    it('honours limit', async () => {
      const el = await settled(
        await render<MiNewsFeed>(
          html`<mi-news-feed limit="2" src=${fixture('feed.json')}></mi-news-feed>`,
        ),
      );
      expect($$(el, '[part="item"]')).to.have.length(2);
    });

    it('shows only items with the tag', async () => {
      const el = await settled(
        await render<MiNewsFeed>(
          html`<mi-news-feed tag="training" limit="20" src=${fixture('feed.json')}></mi-news-feed>`,
        ),
      );
      expect(titles(el)).to.deep.equal([
        'English story 2',
        'English story 4',
        'English story 6',
        'English story 8',
        'English story 10',
        'English story 12',
      ]);
    });

    it('lays items out as a list or as a grid of cards', async () => {
      const el = await settled(
        await render<MiNewsFeed>(
          html`<mi-news-feed src=${fixture('feed.json')} style="width: 900px"></mi-news-feed>`,
        ),
      );
      const top = () =>
        $$(el, '[part="item"]').map((i) => Math.round(i.getBoundingClientRect().top));
      expect(new Set(top()).size).to.equal(5);
      el.layout = 'cards';
      await el.updateComplete;
      expect(el.getAttribute('layout')).to.equal('cards');
      expect(top()[0]).to.equal(top()[1]); // side by side
      await expect(el).to.be.accessible();
    });

    it('uses the heading level the page asks for', async () => {
      const el = await settled(
        await render<MiNewsFeed>(
          html`<mi-news-feed heading-level="4" src=${fixture('feed.json')}></mi-news-feed>`,
        ),
      );
      expect($(el, '[part="title"]')!.getAttribute('role')).to.equal('heading');
      expect($(el, '[part="title"]')!.getAttribute('aria-level')).to.equal('4');
    });
  });

  describe('paging', () => {
    it('shows the next page on "More news", announces it, moves focus to the first new story and hides the button at the end', async () => {
      const el = await settled(
        await render<MiNewsFeed>(html`<mi-news-feed src=${fixture('feed.json')}></mi-news-feed>`),
      );
      const more = () => $(el, '[part="more-button"]');
      expect(more()!.textContent!.trim()).to.equal('More news');

      setTimeout(() => more()!.click());
      const event = await oneEvent(el, 'mi-news-more');
      expect(event.detail).to.deep.equal({ shown: 10, total: 12 });
      await el.updateComplete;
      expect($$(el, '[part="item"]')).to.have.length(10);
      expect($(el, '[role="status"]')!.textContent!.trim()).to.equal(
        'Showing 10 of 12 news items.',
      );
      expect(el.shadowRoot!.activeElement).to.equal($$(el, '[part="item"]')[5]);
      await expect(el).to.be.accessible();

      more()!.click();
      await el.updateComplete;
      expect($$(el, '[part="item"]')).to.have.length(12);
      expect(more()).to.be.null;
      expect($(el, '[role="status"]')!.textContent!.trim()).to.equal(
        'Showing 12 of 12 news items.',
      );
    });

    it('fires no event when a script changes its properties', async () => {
      const el = await settled(
        await render<MiNewsFeed>(html`<mi-news-feed src=${fixture('feed.json')}></mi-news-feed>`),
      );
      const spy = sinon.spy();
      el.addEventListener('mi-news-more', spy);
      el.limit = 10;
      el.tag = 'hubs';
      await el.updateComplete;
      expect(spy.called).to.be.false;
    });
  });

  describe('an item without a link', () => {
    /** The read-more fixture on a 320 px phone: a story without a link, one with, a short one. */
    async function narrow(lang?: string): Promise<MiNewsFeed> {
      const el = await render<MiNewsFeed>(
        html`<mi-news-feed
          lang=${ifDefined(lang)}
          src=${fixture('read-more.json')}
        ></mi-news-feed>`,
      );
      el.style.width = '320px';
      await settled(el);
      await waitUntil(() => $(el, '[part="read-more-button"]'), 'no Read more');
      return el;
    }
    const heightOf = (node: Element) => node.getBoundingClientRect().height;

    it('opens a cut summary in place with Read more, and closes it with Show less', async () => {
      const el = await narrow();
      const [lone, linked, short] = $$(el, '[part="item"]');
      const toggles = (item: Element) => Boolean(item.querySelector('[part="read-more-button"]'));
      expect(
        [lone, linked, short].map(toggles),
        'only where the story has no link and is cut',
      ).to.deep.equal([true, false, false]);
      const button = lone.querySelector<HTMLButtonElement>('[part="read-more-button"]')!;
      const summary = lone.querySelector<HTMLElement>('[part="summary"]')!;
      expect(button.textContent!.trim()).to.equal('Read more');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(button.getAttribute('aria-controls')).to.equal(summary.id);
      expect(summary.scrollHeight, 'cut').to.be.greaterThan(summary.clientHeight + 1);
      // In the box the feed reserved: as tall as every other item.
      const closed = heightOf(lone);
      expect(closed).to.be.closeTo(heightOf(linked), 0.5);
      expect(closed).to.be.closeTo(heightOf(short), 0.5);
      await expect(el).to.be.accessible();

      button.focus();
      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(button.textContent!.trim()).to.equal('Show less');
      expect(summary.scrollHeight, 'whole').to.be.at.most(summary.clientHeight + 1);
      expect(summary.textContent!.trim()).to.match(/help families who stay behind\.$/);
      expect(heightOf(lone)).to.be.greaterThan(closed + 100);
      expect(el.shadowRoot!.activeElement === button, 'focus stays on the button').to.be.true;
      await expect(el).to.be.accessible();

      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(heightOf(lone)).to.be.closeTo(closed, 0.5);
    });

    it('says Leer más in Spanish', async () => {
      const el = await narrow('es');
      const button = $(el, '[part="read-more-button"]')!;
      expect(button.textContent!.trim()).to.equal('Leer más');
      button.click();
      await el.updateComplete;
      expect(button.textContent!.trim()).to.equal('Mostrar menos');
    });

    it('measures again when the width changes: a summary that fits loses its Read more', async () => {
      const el = await narrow();
      const medium = () => $$(el, '[part="item"]')[3].querySelector('[part="read-more-button"]');
      await waitUntil(medium, 'the summary of four lines at 320 px is not cut');
      el.style.width = '1200px';
      await waitUntil(() => !medium(), 'the summary of one line at 1200 px still has Read more');
      // The long story is still cut there: shortened to an excerpt whatever the width.
      expect($$(el, '[part="item"]')[0].querySelector('[part="read-more-button"]')).to.exist;
    });
  });

  describe('language', () => {
    it('shows the stories in the page’s language first, then the rest rather than nothing', async () => {
      document.documentElement.lang = 'es-MX';
      const el = await settled(
        await render<MiNewsFeed>(
          html`<mi-news-feed limit="5" src=${fixture('feed.json')}></mi-news-feed>`,
        ),
      );
      expect(titles(el)).to.deep.equal([
        'Noticia en español 1',
        'Noticia en español 2',
        'Noticia en español 3',
        'English story 4',
        'English story 5',
      ]);
      expect($(el, 'time')!.textContent).to.equal('12 de enero de 2022');
      expect($(el, '[part="more-button"]')!.textContent!.trim()).to.equal('Más noticias');
      expect($(el, '[part="base"]')!.getAttribute('aria-label')).to.equal(
        'Noticias sobre migración',
      );
      expect(langOf($(el, '[part="title"]')!)).to.equal('es');
      expect(langOf($(el, '[part="summary"]')!)).to.equal('es');
    });

    it('follows a change of <html lang>: interface, dates and stories', async () => {
      const el = await settled(
        await render<MiNewsFeed>(html`<mi-news-feed src=${fixture('feed.json')}></mi-news-feed>`),
      );
      expect($(el, '[part="more-button"]')!.textContent!.trim()).to.equal('More news');
      document.documentElement.lang = 'fr';
      await waitUntil(
        () => $(el, '[part="more-button"]')?.textContent!.trim() === 'Plus d’actualités',
      );
      expect($(el, 'time')!.textContent).to.equal('12 janvier 2022');
      expect(titles(el)[0]).to.equal('English story 1'); // no French stories: English rather than nothing
      document.documentElement.lang = 'pt-BR';
      await waitUntil(() => $(el, '[part="more-button"]')?.textContent!.trim() === 'Mais notícias');
      expect($(el, 'time')!.textContent).to.equal('12 de janeiro de 2022');
      document.documentElement.lang = 'es';
      await waitUntil(() => titles(el)[0] === 'Noticia en español 1');
    });

    it('speaks its own lang attribute whatever the page’s language', async () => {
      document.documentElement.lang = 'es';
      const el = await settled(
        await render<MiNewsFeed>(
          html`<mi-news-feed lang="en" src=${fixture('feed.json')}></mi-news-feed>`,
        ),
      );
      expect(titles(el)[0]).to.equal('English story 1');
      expect($(el, '[part="more-button"]')!.textContent!.trim()).to.equal('More news');
      el.setAttribute('lang', 'es');
      await waitUntil(() => titles(el)[0] === 'Noticia en español 1');
    });

    it('shows two widgets in two languages side by side', async () => {
      const src = fixture('feed.json');
      const box = await render(
        html`<div>
          <mi-news-feed lang="es" src=${src}></mi-news-feed
          ><mi-news-feed lang="pt" src=${src}></mi-news-feed>
        </div>`,
      );
      const [es, pt] = [...box.querySelectorAll('mi-news-feed')];
      await settled(es);
      await settled(pt);
      await waitUntil(() => $(pt, '[part="more-button"]')?.textContent!.trim() === 'Mais notícias');
      expect($(es, '[part="more-button"]')!.textContent!.trim()).to.equal('Más noticias');
    });

    it('formats dates in K’iche’ pages as Guatemalan Spanish, not en-US', async () => {
      const el = await settled(
        await render<MiNewsFeed>(
          html`<mi-news-feed lang="quc" src=${fixture('feed.json')}></mi-news-feed>`,
        ),
      );
      expect($(el, 'time')!.textContent).to.equal('12 de enero de 2022');
      expect(titles(el)[0]).to.equal('Noticia en español 1');
    });
  });

  describe('states', () => {
    it('is loading, and accessible, until the feed arrives', async () => {
      const el = await render<MiNewsFeed>(
        html`<mi-news-feed src=${fault('hang')} timeout="3000"></mi-news-feed>`,
      );
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('loading');
      expect($(el, '[part="loading"]')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('says so kindly when there is no news', async () => {
      const el = await settled(
        await render<MiNewsFeed>(html`<mi-news-feed src=${fixture('empty.json')}></mi-news-feed>`),
        'empty',
      );
      expect($(el, '[part="empty"]')!.textContent!.trim()).to.equal(
        'There is no news to show right now.',
      );
      await expect(el).to.be.accessible();
    });

    it('keeps the box of its first page while loading, with fewer items, when empty and on error', async () => {
      const height = (el: MiNewsFeed) => el.getBoundingClientRect().height;
      for (const layout of ['list', 'cards'] as const) {
        const loading = await render<MiNewsFeed>(
          html`<mi-news-feed
            layout=${layout}
            limit="8"
            timeout="3000"
            src=${fault('hang')}
          ></mi-news-feed>`,
        );
        await loading.updateComplete;
        expect(loading.getAttribute('state')).to.equal('loading');
        const ready = await settled(
          await render<MiNewsFeed>(
            html`<mi-news-feed
              layout=${layout}
              limit="8"
              src=${fixture('feed.json')}
            ></mi-news-feed>`,
          ),
        );
        const fewer = await settled(
          await render<MiNewsFeed>(
            html`<mi-news-feed
              layout=${layout}
              limit="8"
              tag="training"
              src=${fixture('feed.json')}
            ></mi-news-feed>`,
          ),
        );
        expect($$(fewer, '[part="item"]')).to.have.length(6);
        const empty = await settled(
          await render<MiNewsFeed>(
            html`<mi-news-feed
              layout=${layout}
              limit="8"
              tag="nothing"
              src=${fixture('feed.json')}
            ></mi-news-feed>`,
          ),
          'empty',
        );
        const failed = await settled(
          await render<MiNewsFeed>(
            html`<mi-news-feed
              layout=${layout}
              limit="8"
              src=${fault('status/500')}
            ></mi-news-feed>`,
          ),
          'error',
        );
        for (const el of [ready, fewer, empty, failed])
          expect(height(el), `${layout}, ${el.state}`).to.be.closeTo(height(loading), 0.5);
        await expect(fewer).to.be.accessible();
        await expect(empty).to.be.accessible();
      }
    });

    it('gives every item the same height, whatever the length of its texts', async () => {
      const el = await settled(
        await render<MiNewsFeed>(
          html`<mi-news-feed
            limit="2"
            style="width: 320px"
            src=${fixture('long-texts.json')}
          ></mi-news-feed>`,
        ),
      );
      const items = $$(el, '[part="item"]');
      const short = await settled(
        await render<MiNewsFeed>(html`<mi-news-feed src=${fixture('feed.json')}></mi-news-feed>`),
      );
      const heights = [...items, $(short, '[part="item"]')!].map(
        (i) => i.getBoundingClientRect().height,
      );
      expect(new Set(heights).size, String(heights)).to.equal(1);
      const title = items[0].querySelector<HTMLElement>('.clamp')!;
      expect(title.scrollHeight, 'the long title is cut').to.be.greaterThan(title.clientHeight);
    });

    it('is empty when no item has the tag', async () => {
      const el = await settled(
        await render<MiNewsFeed>(
          html`<mi-news-feed tag="nothing" src=${fixture('feed.json')}></mi-news-feed>`,
        ),
        'empty',
      );
      expect($(el, '[part="empty"]')).to.exist;
    });

    // Only the timeout case waits on a short timeout: a real answer is not raced against it.
    for (const [name, src, detail, timeout] of [
      [
        'a missing feed (404)',
        () => fault('status/404'),
        'The server answered with an error (404). Try again later.',
        undefined,
      ],
      [
        'a server error (500)',
        () => fault('status/500'),
        'The server answered with an error (500). Try again later.',
        undefined,
      ],
      [
        'malformed JSON',
        () => fixture('malformed.json'),
        'The information received is damaged or in an unexpected format.',
        undefined,
      ],
      [
        'a document that is not a feed',
        () => fixture('not-a-feed.json'),
        'The information received is damaged or in an unexpected format.',
        undefined,
      ],
      [
        'a timeout',
        () => fault('hang'),
        'The server took too long to answer. Try again in a moment.',
        200,
      ],
    ] as const) {
      it(`shows an alert and Retry for ${name}`, async () => {
        const el = await settled(
          await render<MiNewsFeed>(
            html`<mi-news-feed timeout=${ifDefined(timeout)} src=${src()}></mi-news-feed>`,
          ),
          'error',
        );
        const alert = $(el, '[role="alert"]')!;
        expect(alert.textContent).to.contain('The information could not be loaded.');
        expect(alert.textContent).to.contain(detail);
        expect($(el, '[part="retry-button"]')!.textContent!.trim()).to.equal('Retry');
        await waitUntil(() => logged.error.called, 'no console error tells the webmaster');
        await expect(el).to.be.accessible();
      });
    }

    it('explains the error in the visitor’s language', async () => {
      const el = await settled(
        await render<MiNewsFeed>(
          html`<mi-news-feed lang="es" src=${fault('status/404')}></mi-news-feed>`,
        ),
        'error',
      );
      expect($(el, '[role="alert"]')!.textContent).to.contain('No se pudo cargar la información.');
      expect($(el, '[part="retry-button"]')!.textContent!.trim()).to.equal('Reintentar');
    });

    it('recovers with Retry and keeps keyboard focus inside', async () => {
      const url = fixture('feed.json');
      const original = window.fetch;
      window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
      const el = await settled(
        await render<MiNewsFeed>(html`<mi-news-feed src=${url}></mi-news-feed>`),
        'error',
      );
      window.fetch = original;
      $(el, '[part="retry-button"]')!.click();
      await settled(el);
      expect($$(el, '[part="item"]')).to.have.length(5);
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="base"]'));
    });

    it('says what is missing when no feed is configured', async () => {
      const el = await settled(
        await render<MiNewsFeed>(html`<mi-news-feed></mi-news-feed>`),
        'error',
      );
      expect($(el, '[role="alert"]')!.textContent).to.contain(
        'This widget has no information source configured.',
      );
    });

    it('reads the page-level default feed from <meta name="mi-widgets:feed">', async () => {
      const meta = document.createElement('meta');
      meta.name = 'mi-widgets:feed';
      meta.content = fixture('feed.json');
      document.head.append(meta);
      const el = await settled(await render<MiNewsFeed>(html`<mi-news-feed></mi-news-feed>`));
      expect($$(el, '[part="item"]')).to.have.length(5);
    });

    it('shows the copy kept from an earlier visit, with its date, when the network fails', async () => {
      const url = fixture('feed.json');
      const first = await settled(
        await render<MiNewsFeed>(html`<mi-news-feed src=${url}></mi-news-feed>`),
      );
      first.remove();
      resetFeeds.call(null); // a new page: nothing in memory…
      const day = Date.now() - 24 * 60 * 60 * 1000; // kept yesterday
      await keepFeedCopy(url, await (await fetch(url)).text(), day);
      const original = window.fetch;
      window.fetch = () => Promise.reject(new TypeError('Failed to fetch')); // …and offline
      try {
        const el = await render<MiNewsFeed>(html`<mi-news-feed src=${url}></mi-news-feed>`);
        await waitUntil(() => $(el, '[part="notice"]'), 'no offline note');
        expect(el.state).to.equal('ready');
        expect($$(el, '[part="item"]')).to.have.length(5);
        const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(day);
        expect($(el, '[part="notice"]')!.textContent).to.contain(
          `Could not update. Showing the copy from ${date}`,
        );
        await expect(el).to.be.accessible();
      } finally {
        window.fetch = original;
      }
    });

    it('shows a kept copy at once and replaces it with the fresh one', async () => {
      const url = fixture('feed.json');
      const old = {
        version: 'https://jsonfeed.org/version/1.1',
        title: 'old',
        items: [{ id: 'old', title: 'Old story', content_text: 'x' }],
      };
      await keepFeedCopy(url, JSON.stringify(old), Date.now() - 60_000);
      // The network is slow today: the kept copy shows while the fresh one is on its way.
      const original = window.fetch;
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      window.fetch = async (...args) => (await held, original(...args));
      try {
        const el = await render<MiNewsFeed>(html`<mi-news-feed src=${url}></mi-news-feed>`);
        await waitUntil(() => titles(el)[0] === 'Old story', 'the kept copy never showed');
        expect(el.state).to.equal('ready');
        release();
        await waitUntil(() => titles(el)[0] === 'English story 1', 'never refreshed');
        expect($(el, '[part="notice"]')).to.be.null;
      } finally {
        window.fetch = original;
      }
    });

    it('follows the system colour scheme with theme="auto"', async () => {
      const el = await settled(
        await render<MiNewsFeed>(
          html`<mi-news-feed theme="auto" src=${fixture('feed.json')}></mi-news-feed>`,
        ),
      );
      const background = () => getComputedStyle($(el, '[part="base"]')!).backgroundColor;
      try {
        await emulateMedia({ colorScheme: 'dark' });
        expect(background()).to.equal('rgb(22, 24, 29)');
        await expect(el).to.be.accessible();
        await emulateMedia({ colorScheme: 'light' });
        expect(background()).to.equal('rgb(255, 255, 255)');
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    });

    it('does not animate the loading placeholder when the visitor prefers reduced motion', async () => {
      const el = await render<MiNewsFeed>(
        html`<mi-news-feed src=${fault('hang')} timeout="3000"></mi-news-feed>`,
      );
      await el.updateComplete;
      const animation = () => getComputedStyle($(el, '.skeleton')!).animationName;
      try {
        await emulateMedia({ reducedMotion: 'reduce' });
        expect(animation()).to.equal('none');
        await emulateMedia({ reducedMotion: 'no-preference' });
        expect(animation()).to.equal('mi-pulse');
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });

    it('reflects theme, and passes in the dark theme', async () => {
      const el = await settled(
        await render<MiNewsFeed>(
          html`<mi-news-feed theme="dark" src=${fixture('feed.json')}></mi-news-feed>`,
        ),
      );
      expect(getComputedStyle($(el, '[part="base"]')!).backgroundColor).to.equal('rgb(22, 24, 29)');
      await expect(el).to.be.accessible();
    });
  });

  describe('the network', () => {
    it('makes one request for four widgets reading one feed', async () => {
      const url = fixture('feed.json');
      await watchFetch(async ({ urls: calls }) => {
        const box = await render(
          html`<div>
            <mi-news-feed src=${url}></mi-news-feed
            ><mi-news-feed src=${url} layout="cards"></mi-news-feed>
            <mi-news-feed src=${url} tag="hubs"></mi-news-feed
            ><mi-news-feed src=${url} lang="es"></mi-news-feed>
          </div>`,
        );
        for (const el of box.querySelectorAll('mi-news-feed')) await settled(el);
        expect(calls.filter((c) => c === url)).to.have.length(1);
      });
    });

    it('aborts its request when it leaves the page', async () => {
      await watchFetch(async ({ signals }) => {
        const el = await render<MiNewsFeed>(
          html`<mi-news-feed src=${fault('hang')}></mi-news-feed>`,
        );
        await waitUntil(() => signals[0], 'no request');
        el.remove();
        await waitUntil(() => signals[0]!.aborted, 'request not aborted');
      });
    });
  });

  describe('hostile feeds', () => {
    it('keeps script and HTML in every field inert', async () => {
      const w = window as unknown as { __xss?: number };
      delete w.__xss;
      const el = await settled(
        await render<MiNewsFeed>(
          html`<mi-news-feed limit="20" src=${fixture('xss.json')}></mi-news-feed>`,
        ),
      );
      await waitUntil(
        () => $$(el, '[part="summary"]')[1]?.childElementCount,
        'HTML body never rendered',
      );
      await new Promise((r) => setTimeout(r, 100)); // give any injected handler the chance to run
      expect(w.__xss).to.be.undefined;

      const root = el.shadowRoot!;
      expect(root.querySelector('script, iframe, svg, style:not([data-lit]), object, embed')).to.be
        .null;
      for (const node of root.querySelectorAll('*')) {
        for (const attr of node.attributes)
          expect(attr.name, `${node.localName}[${attr.name}]`).not.to.match(/^on/);
      }
      for (const node of root.querySelectorAll('[href], [src]')) {
        const url = node.getAttribute('href') ?? node.getAttribute('src')!;
        expect(new URL(url).protocol, url).to.match(/^https?:$/);
      }
      // Text fields are shown as text, exactly as written.
      expect(titles(el)[0]).to.equal(
        '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script> title',
      );
      // A URL that is not http(s) is left out; its item is shown without it, and the problem named.
      expect(titles(el)).to.have.length(6);
      expect(el.problems.map((p) => [p.path, p.outcome])).to.deep.equal([
        ['items[2].url', 'field dropped'],
        ['items[3].image', 'field dropped'],
        ['items[4].external_url', 'field dropped'],
      ]);
      await expect(el).to.be.accessible();
    });
  });
});
