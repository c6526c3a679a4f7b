import { expect, fixture as render, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../mi-campaign-banner.js';
import type { MiCampaignBanner } from '../campaign-banner.js';
import {
  $,
  $$,
  fault,
  fixture,
  itHasAccessibleLoadingAndErrorStates,
  reached,
  resetFeeds,
  settled,
  text,
} from '../../../test/helpers.js';

const NOW = new Date('2026-11-28T12:00:00Z');

/** The title of the campaign on screen. */
const shown = (el: MiCampaignBanner) => text($(el, '.slide.active [part="title"]'));
const all = (el: MiCampaignBanner) => $$(el, '.slide [part="title"]').map(text);

describe('<mi-campaign-banner>', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    resetFeeds();
    document.documentElement.lang = 'en';
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(() => {
    clock.restore();
    document.documentElement.lang = 'en';
  });

  describe('choosing', () => {
    it('puts only the best campaign on the page without rotate', async () => {
      const el = await settled(
        await render<MiCampaignBanner>(
          html`<mi-campaign-banner src=${fixture('campaigns.json')}></mi-campaign-banner>`,
        ),
      );
      expect(all(el)).to.deep.equal(['Campaign en']);
    });

    it('shows the highest-priority running campaign for the visitor’s language and no country', async () => {
      const el = await settled(
        await render<MiCampaignBanner>(
          html`<mi-campaign-banner rotate src=${fixture('campaigns.json')}></mi-campaign-banner>`,
        ),
      );
      expect(shown(el)).to.equal('Campaign en');
      expect(all(el)).to.deep.equal(['Campaign en', 'Campaign all']); // no expired, future, other language or country
    });

    it('targets the partner’s country and the visitor’s language', async () => {
      const gt = await settled(
        await render<MiCampaignBanner>(
          html`<mi-campaign-banner
            rotate
            lang="es"
            country="GT"
            src=${fixture('campaigns.json')}
          ></mi-campaign-banner>`,
        ),
      );
      expect(all(gt)).to.deep.equal(['Campaña es-gt', 'Campaña all']);
      const hn = await settled(
        await render<MiCampaignBanner>(
          html`<mi-campaign-banner
            rotate
            country="hn"
            src=${fixture('campaigns.json')}
          ></mi-campaign-banner>`,
        ),
      );
      expect(all(hn)).to.deep.equal(['Campaign hn', 'Campaign en', 'Campaign all']);
    });

    it('never shows an expired or a future campaign, even pinned', async () => {
      for (const id of ['expired', 'future']) {
        const el = await settled(
          await render<MiCampaignBanner>(
            html`<mi-campaign-banner
              rotate
              campaign=${id}
              src=${fixture('campaigns.json')}
            ></mi-campaign-banner>`,
          ),
          'empty',
        );
        expect(el.getBoundingClientRect().height).to.equal(0);
      }
      clock.setSystemTime(new Date('2027-07-01T00:00:00Z'));
      const later = await settled(
        await render<MiCampaignBanner>(
          html`<mi-campaign-banner rotate src=${fixture('campaigns.json')}></mi-campaign-banner>`,
        ),
      );
      expect(all(later)).to.deep.equal(['Campaign future']);
    });

    it('shows a pinned campaign whoever it targets', async () => {
      const el = await settled(
        await render<MiCampaignBanner>(
          html`<mi-campaign-banner
            rotate
            campaign="hn"
            src=${fixture('campaigns.json')}
          ></mi-campaign-banner>`,
        ),
      );
      expect(all(el)).to.deep.equal(['Campaign hn']);
    });

    it('takes no space and is accessible when no campaign is running', async () => {
      clock.setSystemTime(new Date('2030-01-01T00:00:00Z'));
      const el = await settled(
        await render<MiCampaignBanner>(
          html`<mi-campaign-banner rotate src=${fixture('campaigns.json')}></mi-campaign-banner>`,
        ),
        'empty',
      );
      expect(getComputedStyle(el).display).to.equal('none');
      expect(el.getBoundingClientRect().height).to.equal(0);
      await expect(el).to.be.accessible();
    });
  });

  it('shows the demo feed’s sample campaigns to the audiences they are for', async () => {
    const demo = () => fixture('../../demo/feed.json');
    const id = async (attrs: { country?: string; lang: string }) => {
      const el = await render<MiCampaignBanner>(
        html`<mi-campaign-banner
          country=${attrs.country ?? ''}
          lang=${attrs.lang}
          src=${demo()}
        ></mi-campaign-banner>`,
      );
      await reached(() => el, 'ready', 'empty', 'error');
      return el.state === 'ready' ? shown(el) : el.state;
    };
    expect(await id({ country: 'GT', lang: 'es' })).to.equal('Piénsalo dos veces (muestra)');
    expect(await id({ lang: 'es' })).to.equal('Información gratuita cerca de ti (muestra)');
    expect(await id({ lang: 'en' })).to.equal('Your safety comes first (sample)');
    clock.setSystemTime(new Date('2028-06-01T00:00:00Z'));
    expect(await id({ country: 'GT', lang: 'es' })).to.equal('empty');
  });

  describe('layouts', () => {
    for (const layout of ['bar', 'card', 'hero'] as const) {
      it(`${layout}: shows title, message and call to action, and is accessible in both themes`, async () => {
        for (const theme of ['light', 'dark']) {
          const el = await settled(
            await render<MiCampaignBanner>(
              html`<mi-campaign-banner
                layout=${layout}
                theme=${theme}
                lang="es"
                country="GT"
                dismissible
                src=${fixture('campaigns.json')}
              ></mi-campaign-banner>`,
            ),
          );
          const active = $(el, '.slide.active')!;
          expect(text(active.querySelector('[part="title"]'))).to.equal('Campaña es-gt');
          expect(text(active.querySelector('[part="message"]'))).to.equal('Mensaje de es-gt');
          expect((active.querySelector('[part="cta"]') as HTMLAnchorElement).href).to.equal(
            'https://example.org/es-gt',
          );
          const img = active.querySelector<HTMLImageElement>('[part="image"]');
          if (layout === 'bar') expect(img).to.be.null;
          else {
            expect(img!.alt).to.equal('Jóvenes conversando');
            expect(img!.loading).to.equal('lazy');
            expect(img!.getAttribute('width')).to.exist;
          }
          await expect(el).to.be.accessible();
        }
      });
    }

    it('is as tall while loading as its layout once shown, and as tall as a partner sets', async () => {
      for (const layout of ['bar', 'card', 'hero'] as const) {
        const loading = await render<MiCampaignBanner>(
          html`<mi-campaign-banner
            layout=${layout}
            rotate
            timeout="3000"
            src=${fault('hang')}
          ></mi-campaign-banner>`,
        );
        await loading.updateComplete;
        expect(loading.getAttribute('state')).to.equal('loading');
        await expect(loading).to.be.accessible();
        const shown = await settled(
          await render<MiCampaignBanner>(
            html`<mi-campaign-banner
              layout=${layout}
              rotate
              lang="es"
              country="GT"
              campaign=${layout === 'hero' ? 'es-gt' : ''}
              src=${fixture('campaigns.json')}
            ></mi-campaign-banner>`,
          ),
        );
        // Two campaigns with rotate for the bar and card; the hero's one pinned keeps its controls' row.
        expect(all(shown).length, layout).to.equal(layout === 'hero' ? 1 : 2);
        const height = shown.getBoundingClientRect().height;
        expect(height, layout).to.be.greaterThan(60);
        expect(loading.getBoundingClientRect().height, layout).to.be.closeTo(height, 0.5);
      }
      const set = await render<MiCampaignBanner>(
        html`<mi-campaign-banner
          layout="card"
          style="--mi-banner-card-height: 250px"
          timeout="3000"
          src=${fault('hang')}
        ></mi-campaign-banner>`,
      );
      await set.updateComplete;
      expect(set.getBoundingClientRect().height).to.equal(250);
    });
  });

  itHasAccessibleLoadingAndErrorStates('mi-campaign-banner');

  describe('dismissal', () => {
    it('stays dismissed after a reload, until the campaign’s id changes', async () => {
      const src = fixture('campaigns.json');
      const el = await settled(
        await render<MiCampaignBanner>(
          html`<mi-campaign-banner rotate dismissible src=${src}></mi-campaign-banner>`,
        ),
      );
      const button = $(el, '.slide.active [part="dismiss-button"]')!;
      expect(button.getAttribute('aria-label')).to.equal('Dismiss');
      setTimeout(() => button.click());
      const event = await oneEvent(el, 'mi-campaign-dismiss');
      expect(event.detail).to.deep.equal({ campaignId: 'en' });
      await el.updateComplete;
      expect(all(el)).to.deep.equal(['Campaign all']);
      el.remove();

      const again = await settled(
        await render<MiCampaignBanner>(
          html`<mi-campaign-banner rotate dismissible src=${src}></mi-campaign-banner>`,
        ),
      );
      expect(all(again)).to.deep.equal(['Campaign all']);
      // Dismissals are per feed: the same id in another feed still shows.
      const other = await settled(
        await render<MiCampaignBanner>(
          html`<mi-campaign-banner rotate src=${fixture('campaigns.json')}></mi-campaign-banner>`,
        ),
      );
      expect(all(other)).to.deep.equal(['Campaign en', 'Campaign all']);
    });

    it('has its Dismiss button in Spanish', async () => {
      const el = await settled(
        await render<MiCampaignBanner>(
          html`<mi-campaign-banner
            rotate
            lang="es"
            dismissible
            src=${fixture('campaigns.json')}
          ></mi-campaign-banner>`,
        ),
      );
      expect($(el, '[part="dismiss-button"]')!.getAttribute('aria-label')).to.equal('Descartar');
    });
  });

  describe('rotation', () => {
    let timers: sinon.SinonFakeTimers;
    beforeEach(() => {
      clock.restore();
      timers = sinon.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
    });
    afterEach(async () => {
      timers.restore();
      clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
      await emulateMedia({ reducedMotion: 'no-preference' });
    });

    it('takes turns at a readable pace, with nothing on the page moving', async () => {
      const el = await settled(
        await render<MiCampaignBanner>(
          html`<mi-campaign-banner
            rotate
            interval="5000"
            src=${fixture('campaigns.json')}
          ></mi-campaign-banner>`,
        ),
      );
      const height = el.getBoundingClientRect().height;
      expect(shown(el)).to.equal('Campaign en');
      timers.tick(4999);
      await el.updateComplete;
      expect(shown(el)).to.equal('Campaign en');
      timers.tick(1);
      await el.updateComplete;
      expect(shown(el)).to.equal('Campaign all');
      expect(el.getBoundingClientRect().height).to.equal(height);
      expect($(el, '.slide:not(.active)')!.hasAttribute('inert')).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('pauses while focus is inside, on hover and with the pause button', async () => {
      const el = await settled(
        await render<MiCampaignBanner>(
          html`<mi-campaign-banner
            rotate
            interval="5000"
            src=${fixture('campaigns.json')}
          ></mi-campaign-banner>`,
        ),
      );
      $(el, '.slide.active [part="cta"]')!.focus();
      await el.updateComplete;
      timers.tick(20000);
      await el.updateComplete;
      expect(shown(el)).to.equal('Campaign en');
      $(el, '.slide.active [part="cta"]')!.blur();
      await el.updateComplete;

      $(el, '.banner')!.dispatchEvent(new MouseEvent('mouseenter'));
      await el.updateComplete;
      timers.tick(20000);
      await el.updateComplete;
      expect(shown(el)).to.equal('Campaign en');
      $(el, '.banner')!.dispatchEvent(new MouseEvent('mouseleave'));
      await el.updateComplete;

      const pause = $(el, '[part="pause-button"]')!;
      expect(text(pause)).to.equal('Pause rotation');
      pause.click();
      await el.updateComplete;
      pause.blur();
      await el.updateComplete;
      expect(pause.getAttribute('aria-pressed')).to.equal('true');
      timers.tick(20000);
      await el.updateComplete;
      expect(shown(el)).to.equal('Campaign en');

      pause.click();
      pause.blur();
      await el.updateComplete;
      timers.tick(5000);
      await el.updateComplete;
      expect(shown(el)).to.equal('Campaign all');
    });

    it('never starts when the visitor prefers reduced motion', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const el = await settled(
        await render<MiCampaignBanner>(
          html`<mi-campaign-banner
            rotate
            interval="5000"
            src=${fixture('campaigns.json')}
          ></mi-campaign-banner>`,
        ),
      );
      timers.tick(60000);
      await el.updateComplete;
      expect(shown(el)).to.equal('Campaign en');
      expect($(el, '[part="pause-button"]')).to.be.null;
      $$(el, '.controls button').at(-1)!.click(); // the visitor can still move on
      await el.updateComplete;
      expect(shown(el)).to.equal('Campaign all');
    });
  });

  describe('events', () => {
    it('fires mi-campaign-view once per campaign per page view, when half visible', async () => {
      const src = fixture('campaigns.json');
      const views: string[] = [];
      const listen = (e: Event) => views.push((e as CustomEvent).detail.campaignId);
      document.addEventListener('mi-campaign-view', listen);
      try {
        const el = await settled(
          await render<MiCampaignBanner>(
            html`<mi-campaign-banner src=${src}></mi-campaign-banner>`,
          ),
        );
        await waitUntil(() => views.length === 1, 'no view event');
        el.remove();
        const again = await settled(
          await render<MiCampaignBanner>(
            html`<mi-campaign-banner src=${src}></mi-campaign-banner>`,
          ),
        );
        await new Promise((r) => setTimeout(r, 200));
        expect(views).to.deep.equal(['en']);
        again.remove();

        // Off screen: no view until it is scrolled half into view.
        const box = await render<HTMLDivElement>(
          html`<div>
            <div style="height: 3000px"></div>
            <mi-campaign-banner src=${fixture('campaigns.json')}></mi-campaign-banner>
          </div>`,
        );
        const low = box.querySelector('mi-campaign-banner')!;
        await settled(low);
        await new Promise((r) => setTimeout(r, 200));
        expect(views).to.have.length(1);
        low.scrollIntoView();
        await waitUntil(() => views.length === 2, 'no view after scrolling');
      } finally {
        document.removeEventListener('mi-campaign-view', listen);
      }
    });

    it('fires mi-campaign-click when the visitor follows the call to action', async () => {
      const el = await settled(
        await render<MiCampaignBanner>(
          html`<mi-campaign-banner src=${fixture('campaigns.json')}></mi-campaign-banner>`,
        ),
      );
      const cta = $(el, '.slide.active [part="cta"]')!;
      cta.addEventListener('click', (e) => e.preventDefault());
      setTimeout(() => cta.click());
      const event = await oneEvent(el, 'mi-campaign-click');
      expect(event.detail).to.deep.equal({ campaignId: 'en' });
      expect(event.composed).to.be.true;
    });
  });
});
