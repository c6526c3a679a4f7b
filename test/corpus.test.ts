import { expect, fixture as render, html } from '@open-wc/testing';
import '../src/news-feed/mi-news-feed.js';
import '../src/quiz/mi-quiz.js';
import '../src/hub-locator/mi-hub-locator.js';
import '../src/campaign-banner/mi-campaign-banner.js';
import type { MiElement } from '../src/shared/mi-element.js';
import type { Section } from '../src/feed/problems.js';
import { $, $$, resetFeeds, settled, stubConsole } from './helpers.js';

/**
 * A publisher's feed with a typo in every entry (test/fixtures/corpus/typos.json), read by the
 * four widgets on one page: each shows every entry that has what makes it useful, and exposes
 * exactly the problems that concern it. `typos.expected.json` is the same picture `mi-feed
 * validate --json` gives (test/node/mi-feed.test.js checks the CLI against the same file).
 */
const SRC = new URL('/test/fixtures/corpus/typos.json', location.href).href;

interface Expected {
  shown: { items: string[]; quizzes: string[]; hubs: string[]; campaigns: string[] };
  problems: [string, string][];
}

const SECTIONS: [string, Section][] = [
  ['items', 'news'],
  ['_migration_info.quizzes', 'quizzes'],
  ['_migration_info.hubs', 'hubs'],
  ['_migration_info.campaigns', 'campaigns'],
];
const sectionOf = (path: string) =>
  SECTIONS.find(([prefix]) => path.startsWith(prefix))?.[1] ?? 'document';

describe('a feed with a typo in every entry, in the widgets', () => {
  let expected: Expected;
  before(async () => {
    expected = await (await fetch('/test/fixtures/corpus/typos.expected.json')).json();
  });
  stubConsole('groupCollapsed', 'groupEnd', 'warn', 'info');
  beforeEach(() => {
    resetFeeds();
    document.documentElement.lang = 'es';
  });
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  it('each widget shows every usable entry and names exactly its own problems', async () => {
    const box = await render(
      html`<div>
        <mi-news-feed limit="20" src=${SRC}></mi-news-feed>
        <mi-quiz src=${SRC}></mi-quiz>
        <mi-hub-locator src=${SRC}></mi-hub-locator>
        <mi-campaign-banner country="GT" rotate src=${SRC}></mi-campaign-banner>
      </div>`,
    );
    const [news, quiz, hubs, banner] = [
      ...box.querySelectorAll<MiElement<unknown>>(
        'mi-news-feed, mi-quiz, mi-hub-locator, mi-campaign-banner',
      ),
    ];
    for (const el of [news, quiz, hubs, banner]) await settled(el, 'ready');
    expect($$(news, '[part="item"]')).to.have.length(expected.shown.items.length);
    expect($$(quiz, '.count')[0].textContent).to.contain(
      String(expected.shown.quizzes[0].split(':')[1].split(',').length),
    );
    expect($$(hubs, '[part="hub"]').map((h) => h.dataset.hub)).to.deep.equal(expected.shown.hubs);
    expect($$(banner, '[part="campaign"]')).to.have.length(expected.shown.campaigns.length);

    for (const [el, section] of [
      [news, 'news'],
      [quiz, 'quizzes'],
      [hubs, 'hubs'],
      [banner, 'campaigns'],
    ] as const) {
      expect(
        el.problems.map((p) => [p.path, p.outcome]),
        el.localName,
      ).to.deep.equal(expected.problems.filter(([path]) => sectionOf(path) === section));
    }

    // What the visitor sees of a normalized value: the hub's phone, as a link that dials.
    $<HTMLButtonElement>(hubs, '[data-hub="h1"] [part="details-button"]')!.click();
    await (hubs as MiElement<unknown>).updateComplete;
    const phone = $<HTMLAnchorElement>(hubs, '[data-hub="h1"] a[href^="tel:"]');
    expect(phone?.getAttribute('href')).to.equal('tel:+50222334455');
    for (const el of [news, quiz, hubs, banner]) await expect(el).to.be.accessible();
  });
});
