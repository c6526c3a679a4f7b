// Numeric attributes as webmasters type them: anything unparsable or out of range falls back to
// the attribute's default, with one console warning — never NaN, never Infinity.
import { expect, fixture as render, html } from '@open-wc/testing';
import '../src/campaign-banner/mi-campaign-banner.js';
import '../src/news-feed/mi-news-feed.js';
import '../src/quiz/mi-quiz.js';
import '../src/hub-locator/mi-hub-locator.js';
import type { MiCampaignBanner } from '../src/campaign-banner/campaign-banner.js';
import type { MiNewsFeed } from '../src/news-feed/news-feed.js';
import type { MiElement } from '../src/shared/mi-element.js';
import { acceptable, checkedNumber } from '../src/shared/numbers.js';
import { $, $$, fixture, resetFeeds, settled, stubConsole } from './helpers.js';

const BAD = ['8s', '8 000', 'Infinity', '-Infinity', 'NaN', '', 'ten', '1e999'];
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('numeric attributes', () => {
  const logged = stubConsole('warn');
  beforeEach(() => {
    resetFeeds();
    document.documentElement.lang = 'en';
  });

  /** The warnings that name this element's attribute and value. */
  const warnings = (tag: string, attribute: string, value: string) =>
    logged.warn.args.filter(([line]) => String(line).includes(`<${tag}> ${attribute}="${value}"`));

  describe('checkedNumber', () => {
    const rule = { fallback: 8000, min: 3000, max: 600_000 };
    const where = { tag: 'mi-x', attribute: 'interval' };

    it('keeps a number in range', () => {
      expect(checkedNumber(3000, rule, where)).to.equal(3000);
      expect(checkedNumber(600_000, rule, where)).to.equal(600_000);
      expect(logged.warn.called).to.equal(false);
    });

    it('gives the default for NaN, ±Infinity, out of range, non-numbers', () => {
      for (const value of [NaN, Infinity, -Infinity, 2999, 600_001, -1, '8000', null, undefined])
        expect(checkedNumber(value, rule, where), String(value)).to.equal(8000);
    });

    it('refuses fractions where a whole number is wanted', () => {
      const level = { fallback: 3, min: 2, max: 6, integer: true };
      expect(acceptable(2.5, level)).to.equal(false);
      expect(checkedNumber(2.5, level, { tag: 'mi-y', attribute: 'heading-level' })).to.equal(3);
      expect(acceptable(4, level)).to.equal(true);
    });

    it('warns once per element name, attribute and value', () => {
      const once = { tag: 'mi-once', attribute: 'limit', raw: 'many' };
      checkedNumber(NaN, { fallback: 5, min: 1, max: 100 }, once);
      checkedNumber(NaN, { fallback: 5, min: 1, max: 100 }, once);
      expect(warnings('mi-once', 'limit', 'many')).to.have.length(1);
      expect(String(logged.warn.lastCall.args[0])).to.contain('using 5');
    });
  });

  describe('a rotating banner with a bad interval', () => {
    for (const value of ['8 s', '8_000', '+Infinity', '0', '-5', '1']) {
      it(`does not flash with interval="${value}": it rotates every 8 s`, async () => {
        const el = await settled(
          await render<MiCampaignBanner>(
            html`<mi-campaign-banner
              rotate
              interval=${value}
              country="hn"
              src=${fixture('campaigns.json')}
            ></mi-campaign-banner>`,
          ),
        );
        expect(el.interval).to.equal(8000);
        const active = () => $(el, '.slide.active')?.textContent;
        const first = active();
        let changes = 0;
        const watch = new MutationObserver(() => active() !== first && changes++);
        watch.observe(el.shadowRoot!, { attributes: true, subtree: true, childList: true });
        await later(600);
        watch.disconnect();
        expect(changes, 'campaign changes in 600 ms').to.equal(0);
        expect(warnings('mi-campaign-banner', 'interval', value)).to.have.length(1);
      });
    }

    it('does not flash when a script sets interval to a fraction of a millisecond', async () => {
      const el = await settled(
        await render<MiCampaignBanner>(
          html`<mi-campaign-banner
            rotate
            country="hn"
            src=${fixture('campaigns.json')}
          ></mi-campaign-banner>`,
        ),
      );
      el.interval = 0.25;
      await el.updateComplete;
      expect(el.interval).to.equal(8000);
      expect(warnings('mi-campaign-banner', 'interval', '0.25')).to.have.length(1);
    });
  });

  describe('every numeric attribute of every widget', () => {
    const cases: [tag: string, attribute: string, property: string, fallback: number][] = [
      ['mi-news-feed', 'limit', 'limit', 5],
      ['mi-news-feed', 'heading-level', 'headingLevel', 3],
      ['mi-news-feed', 'timeout', 'timeout', 10_000],
      ['mi-quiz', 'heading-level', 'headingLevel', 2],
      ['mi-quiz', 'timeout', 'timeout', 10_000],
      ['mi-hub-locator', 'heading-level', 'headingLevel', 3],
      ['mi-hub-locator', 'timeout', 'timeout', 10_000],
      ['mi-campaign-banner', 'interval', 'interval', 8000],
      ['mi-campaign-banner', 'heading-level', 'headingLevel', 2],
      ['mi-campaign-banner', 'timeout', 'timeout', 10_000],
    ];
    for (const [tag, attribute, property, fallback] of cases) {
      it(`<${tag} ${attribute}>: every bad value gives ${fallback}`, async () => {
        for (const value of [...BAD, '-1', '0.5', '99999999999']) {
          const el = await render<MiElement<unknown>>(
            `<${tag} ${attribute}="${value}" src="${fixture('feed.json')}"></${tag}>`,
          );
          await el.updateComplete;
          expect((el as unknown as Record<string, number>)[property], value).to.equal(fallback);
          expect(warnings(tag, attribute, value), value).to.have.length(1);
          el.remove();
        }
      });
    }

    it('keeps good values as given, without a warning', async () => {
      const el = await settled(
        await render<MiNewsFeed>(
          html`<mi-news-feed
            limit=" 2 "
            heading-level="4"
            timeout="3000"
            src=${fixture('feed.json')}
          ></mi-news-feed>`,
        ),
      );
      expect([el.limit, el.headingLevel, el.timeout]).to.deep.equal([2, 4, 3000]);
      expect($$(el, '[part="item"]')).to.have.length(2);
      expect($(el, '[part="title"]')!.getAttribute('aria-level')).to.equal('4');
      expect(logged.warn.called).to.equal(false);
    });
  });
});
