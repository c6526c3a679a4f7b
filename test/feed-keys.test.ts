// Feed data never reaches into an object's prototype: statements with ids such as
// `constructor`, `toString`, `__proto__` or `hasOwnProperty` play like any other.
import { expect, fixture as render, html } from '@open-wc/testing';
import '../src/quiz/mi-quiz.js';
import '../src/news-feed/mi-news-feed.js';
import type { MiQuiz } from '../src/quiz/quiz.js';
import type { MiNewsFeed } from '../src/news-feed/news-feed.js';
import { fallbackChain } from '../src/i18n/locale.js';
import { $, $$, fixture, resetFeeds, settled, text } from './helpers.js';

const inside = (el: MiQuiz, selector: string) => text($(el, selector));
const press = async (el: MiQuiz, name: string) => {
  const target = $$(el, 'button').find((b) => b.textContent!.trim() === name);
  expect(target, `a "${name}" button`).to.exist;
  target!.click();
  await el.updateComplete;
};

describe('feed data as object keys', () => {
  beforeEach(() => {
    resetFeeds();
    sessionStorage.clear();
    document.documentElement.lang = 'en';
  });

  it('plays a quiz whose statements are called constructor, toString, __proto__, hasOwnProperty', async () => {
    const src = fixture('quiz-prototype-ids.json');
    const el = await settled(
      await render<MiQuiz>(html`<mi-quiz quiz="constructor" src=${src}></mi-quiz>`),
    );
    expect(inside(el, '[part="title"]')).to.equal('Prototype ids');
    await press(el, 'Start');
    for (const [id, answer] of [
      ['constructor', 'Myth'],
      ['toString', 'Fact'],
      ['__proto__', 'Myth'],
      ['hasOwnProperty', 'Fact'],
    ]) {
      expect(inside(el, '.statement')).to.equal(`Statement ${id}`);
      expect($(el, '.feedback'), `${id}: not answered yet`).to.equal(null);
      await press(el, answer);
      expect(inside(el, '.verdict')).to.equal(`✓ Your answer: ${answer} · Correct`);
      await press(el, id === 'hasOwnProperty' ? 'See result' : 'Next');
    }
    expect(inside(el, '[part="score"]')).to.equal('4 of 4');

    // The attempt comes back within the session, prototype ids and all.
    el.remove();
    const again = await settled(
      await render<MiQuiz>(html`<mi-quiz quiz="constructor" src=${src}></mi-quiz>`),
    );
    expect(inside(again, '[part="score"]')).to.equal('4 of 4');
  });

  it('reads a widget whose lang is constructor as an unknown language', async () => {
    expect(fallbackChain('constructor')).to.be.an('array');
    const el = await settled(
      await render<MiNewsFeed>(
        html`<mi-news-feed lang="constructor" src=${fixture('feed.json')}></mi-news-feed>`,
      ),
    );
    expect(el.state).to.equal('ready');
  });
});
