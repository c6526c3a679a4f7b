import { expect, fixture as render, html } from '@open-wc/testing';
import '../src/news-feed/mi-news-feed.js';
import '../src/quiz/mi-quiz.js';
import '../src/hub-locator/mi-hub-locator.js';
import '../src/campaign-banner/mi-campaign-banner.js';
import type { MiElement } from '../src/shared/mi-element.js';
import { $, $$, fixture, resetFeeds, settled } from './helpers.js';

type Widget = MiElement<unknown>;

/** The language a piece of text is read in: the nearest `lang` above it. */
const langOf = (node: Element) => node.closest('[lang]')!.getAttribute('lang');

/** Every element of a widget whose own text is the feed's (`feed`), with the language it is read in. */
function languages(el: Element, feed: readonly string[]): string[] {
  const out: string[] = [];
  for (const node of el.shadowRoot!.querySelectorAll('*')) {
    const own = [...node.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent!.trim())
      .join('');
    if (own && feed.includes(own)) out.push(`${own}: ${langOf(node)}`);
  }
  return out.sort();
}

const ENGLISH = fixture('english-only.json');

describe('feed text in another language than the interface’s carries its lang', () => {
  beforeEach(() => resetFeeds());

  it('the quiz, from its title to the review', async () => {
    const el = await settled(
      await render<Widget>(html`<mi-quiz lang="fr" src=${ENGLISH}></mi-quiz>`),
    );
    expect(
      languages(el, ['Myth or fact?', 'Eight statements people hear before they leave.']),
    ).to.deep.equal(['Eight statements people hear before they leave.: en', 'Myth or fact?: en']);
    // The interface's own words stay French.
    expect(langOf($(el, '[part="start-button"]')!)).to.equal('fr');
    await expect(el).to.be.accessible();

    $(el, '[part="start-button"]')!.click();
    await el.updateComplete;
    expect(langOf($(el, '[part="statement"]')!)).to.equal('en');
    $(el, '[part="answer-button"]')!.click();
    await el.updateComplete;
    expect(
      languages(el, [
        'Smugglers tell the truth about the journey.',
        'Smugglers hide the risks to sell the trip.',
        'IOM',
      ]),
    ).to.deep.equal([
      'IOM: en',
      'Smugglers hide the risks to sell the trip.: en',
      'Smugglers tell the truth about the journey.: en',
    ]);
    expect(langOf($(el, '[part="next-button"]')!)).to.equal('fr');
    await expect(el).to.be.accessible();

    $(el, '[part="next-button"]')!.click();
    await el.updateComplete;
    expect(langOf($(el, '[part="review"] li p')!)).to.equal('en');
    await expect(el).to.be.accessible();
  });

  it('the hub cards and their details', async () => {
    const el = await settled(
      await render<Widget>(html`<mi-hub-locator lang="fr" src=${ENGLISH}></mi-hub-locator>`),
    );
    expect(langOf($(el, '[part="hub-name"]')!)).to.equal('en');
    $(el, '[part="details-button"]')!.click();
    await el.updateComplete;
    expect(
      languages(el, [
        'Municipal services',
        'Ask for the legal adviser at the front desk.',
        'Migrants, returnees and their families',
        'Legal consultation Q25; advice is free',
        'ID or passport, if you have one',
        'Step-free entrance',
      ]),
    ).to.deep.equal([
      'Ask for the legal adviser at the front desk.: en',
      'ID or passport, if you have one: en',
      'Legal consultation Q25; advice is free: en',
      'Migrants, returnees and their families: en',
      'Municipal services: en',
      'Step-free entrance: en',
    ]);
    expect($$(el, '[part="know"] dt').map(langOf)).to.deep.equal(['fr', 'fr', 'fr', 'fr']);
    await expect(el).to.be.accessible();
  });

  it('the campaign banner', async () => {
    const el = await settled(
      await render<Widget>(
        html`<mi-campaign-banner lang="fr" layout="card" src=${ENGLISH}></mi-campaign-banner>`,
      ),
    );
    expect(
      languages(el, [
        'Information hubs are free',
        'Ask at an information hub before you decide.',
        'Find a hub',
      ]),
    ).to.deep.equal([
      'Ask at an information hub before you decide.: en',
      'Find a hub: en',
      'Information hubs are free: en',
    ]);
    await expect(el).to.be.accessible();
  });

  it('the news feed: the title and summary, not the date in the interface’s words', async () => {
    const el = await settled(
      await render<Widget>(html`<mi-news-feed lang="fr" src=${ENGLISH}></mi-news-feed>`),
    );
    expect(langOf($(el, '[part="title"]')!)).to.equal('en');
    expect(langOf($(el, '[part="summary"]')!)).to.equal('en');
    expect(langOf($(el, '[part="date"]')!)).to.equal('fr');
    await expect(el).to.be.accessible();
  });

  it('no lang where the text is in the interface’s language', async () => {
    for (const tag of ['mi-news-feed', 'mi-quiz', 'mi-hub-locator', 'mi-campaign-banner']) {
      const el = await settled(
        await render<Widget>(`<${tag} lang="en" src="${ENGLISH}"></${tag}>`),
      );
      const marked = $$(el, '[lang]').map((n) => `${n.localName}.${n.className}`);
      expect(marked, tag).to.deep.equal(['section.base']);
    }
  });
});

describe('the label attribute names the widget’s region', () => {
  beforeEach(() => resetFeeds());

  it('two news feeds on a page: two landmarks, each with its own name', async () => {
    const page = await render<HTMLElement>(
      html`<div>
        <mi-news-feed label="Noticias de Guatemala" src=${fixture('feed.json')}></mi-news-feed>
        <mi-news-feed label="Noticias de Honduras" src=${fixture('feed.json')}></mi-news-feed>
      </div>`,
    );
    const feeds = [...page.querySelectorAll<Widget>('mi-news-feed')];
    await Promise.all(feeds.map((f) => settled(f)));
    const names = feeds.map((f) => {
      const region = $(f, '[part="base"]')!;
      return `${region.localName} ${region.getAttribute('aria-label')}`;
    });
    expect(names).to.deep.equal(['section Noticias de Guatemala', 'section Noticias de Honduras']);
    await expect(page).to.be.accessible();
  });

  it('every widget takes it, and has its own name without it', async () => {
    for (const tag of ['mi-news-feed', 'mi-quiz', 'mi-hub-locator', 'mi-campaign-banner']) {
      const el = await settled(await render<Widget>(`<${tag} src="${ENGLISH}"></${tag}>`));
      const region = $(el, '[part="base"]')!;
      const own = region.getAttribute('aria-label');
      expect(own, tag).to.be.a('string').and.not.equal('');
      el.setAttribute('label', 'Información para migrantes');
      await el.updateComplete;
      expect(region.getAttribute('aria-label'), tag).to.equal('Información para migrantes');
      el.setAttribute('label', '  ');
      await el.updateComplete;
      expect(region.getAttribute('aria-label'), `${tag}, blank`).to.equal(own);
    }
  });
});

describe('the widget follows the page’s text settings', () => {
  beforeEach(() => resetFeeds());

  it('takes the inherited font size, at least 16px, or --mi-font-size', async () => {
    const page = await render<HTMLElement>(
      html`<div>
        <mi-news-feed src=${fixture('feed.json')}></mi-news-feed>
      </div>`,
    );
    const el = page.querySelector<Widget>('mi-news-feed')!;
    await settled(el);
    const size = () => getComputedStyle($(el, '.base')!).fontSize;
    page.style.fontSize = '24px';
    expect(size()).to.equal('24px');
    page.style.fontSize = '10px';
    expect(size(), 'never tiny').to.equal('16px');
    el.style.setProperty('--mi-font-size', '20px');
    expect(size()).to.equal('20px');
  });
});
