import { expect, fixture as render, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
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
  stubConsole,
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
    expect(await id({ country: 'GT', lang: 'es' })).to.equal(
      'Nadie vende visas: cuidado con los estafadores (muestra)',
    );
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
    stubConsole('warn', 'groupCollapsed', 'groupEnd', 'info'); // the severities fixture is messy
    const DAY = 86_400_000;
    const dismissButton = (el: MiCampaignBanner) => $(el, '.slide.active [part="dismiss-button"]')!;
    const stored = (src: string, id: string) =>
      localStorage.getItem(`mi-widgets:campaign-dismissed:${src}#${id}`);
    /** A banner of this feed, as the visitor's next page would load it. */
    const load = async (src: string, days = 30) => {
      const el = await render<MiCampaignBanner>(
        html`<mi-campaign-banner
          rotate
          dismissible
          .dismissDays=${days}
          src=${src}
        ></mi-campaign-banner>`,
      );
      await reached(() => el, 'ready', 'empty');
      await el.updateComplete;
      return el;
    };
    const press = async (el: MiCampaignBanner) => {
      setTimeout(() => dismissButton(el).click());
      const event = await oneEvent(el, 'mi-campaign-dismiss');
      await el.updateComplete;
      return event.detail;
    };

    it('closes a rotating banner, all its campaigns, with one press, and the next page load too', async () => {
      const src = fixture('campaigns.json');
      const el = await load(src);
      expect(all(el)).to.deep.equal(['Campaign en', 'Campaign all']);
      expect(dismissButton(el).getAttribute('aria-label')).to.equal('Close all campaigns');
      expect(await press(el)).to.deep.equal({ campaignId: 'en', campaignIds: ['en', 'all'] });
      expect(el.state).to.equal('empty');
      expect(el.getBoundingClientRect().height).to.equal(0);
      // Only the moment is kept, in this browser.
      expect(Number(stored(src, 'en'))).to.equal(NOW.getTime());
      expect(Number(stored(src, 'all'))).to.equal(NOW.getTime());
      el.remove();

      expect((await load(src)).state).to.equal('empty');
      // Another page of the site, with only what localStorage kept: hidden all the same.
      const other = fixture('campaigns.json');
      for (const id of ['en', 'all'])
        localStorage.setItem(`mi-widgets:campaign-dismissed:${other}#${id}`, String(NOW.getTime()));
      expect((await load(other)).state).to.equal('empty');
      // Dismissals are per feed: the same ids in another feed still show.
      expect(all(await load(fixture('campaigns.json')))).to.deep.equal([
        'Campaign en',
        'Campaign all',
      ]);
    });

    it('closes a single campaign without bringing up the next one', async () => {
      const src = fixture('campaigns.json');
      const el = await settled(
        await render<MiCampaignBanner>(
          html`<mi-campaign-banner dismissible src=${src}></mi-campaign-banner>`,
        ),
      );
      expect(dismissButton(el).getAttribute('aria-label')).to.equal('Close');
      expect(await press(el)).to.deep.equal({ campaignId: 'en', campaignIds: ['en'] });
      expect(el.state).to.equal('empty');
      // On the next page the next campaign may show: the visitor closed only the one she saw.
      expect(stored(src, 'all')).to.be.null;
      const next = await settled(
        await render<MiCampaignBanner>(
          html`<mi-campaign-banner dismissible src=${src}></mi-campaign-banner>`,
        ),
      );
      expect(all(next)).to.deep.equal(['Campaign all']);
    });

    it('comes back after 30 days by default', async () => {
      const src = fixture('campaigns.json');
      await press(await load(src));
      clock.setSystemTime(NOW.getTime() + 30 * DAY - 1);
      expect((await load(src)).state).to.equal('empty');
      clock.setSystemTime(NOW.getTime() + 30 * DAY);
      expect(all(await load(src))).to.deep.equal(['Campaign en', 'Campaign all']);
      // What is over is forgotten.
      expect(stored(src, 'en')).to.be.null;
    });

    it('comes back after the days of `dismiss-days`', async () => {
      const src = fixture('campaigns.json');
      const el = await render<MiCampaignBanner>(
        html`<mi-campaign-banner
          rotate
          dismissible
          dismiss-days="2"
          src=${src}
        ></mi-campaign-banner>`,
      );
      await press(await settled(el));
      clock.setSystemTime(NOW.getTime() + 2 * DAY - 1);
      expect((await load(src, 2)).state).to.equal('empty');
      clock.setSystemTime(NOW.getTime() + 2 * DAY);
      expect(all(await load(src, 2))).to.deep.equal(['Campaign en', 'Campaign all']);
    });

    it('keeps a dismissal for the page view only with `dismiss-days="0"`, storing nothing', async () => {
      const src = fixture('campaigns.json');
      await press(await load(src, 0));
      expect(stored(src, 'en')).to.be.null;
      expect((await load(src, 0)).state).to.equal('empty');
    });

    it('lets the feed set a campaign’s days, before `dismiss-days`', async () => {
      const src = fixture('campaigns-severity.json');
      const el = await render<MiCampaignBanner>(
        html`<mi-campaign-banner
          dismissible
          dismiss-days="90"
          campaign="warning"
          src=${src}
        ></mi-campaign-banner>`,
      );
      await settled(el);
      await press(el);
      const again = () =>
        render<MiCampaignBanner>(
          html`<mi-campaign-banner
            dismissible
            dismiss-days="90"
            campaign="warning"
            src=${src}
          ></mi-campaign-banner>`,
        ).then((b) => reached(() => b, 'ready', 'empty').then(() => b.state));
      clock.setSystemTime(NOW.getTime() + 7 * DAY - 1);
      expect(await again()).to.equal('empty');
      clock.setSystemTime(NOW.getTime() + 7 * DAY);
      expect(await again()).to.equal('ready');
    });

    it('says Close in Spanish, French and Portuguese', async () => {
      const labels: string[] = [];
      for (const lang of ['es', 'fr', 'pt'])
        for (const rotate of [false, true]) {
          const el = await settled(
            await render<MiCampaignBanner>(
              html`<mi-campaign-banner
                ?rotate=${rotate}
                lang=${lang}
                dismissible
                src=${fixture('campaigns.json')}
              ></mi-campaign-banner>`,
            ),
          );
          labels.push(dismissButton(el).getAttribute('aria-label')!);
        }
      expect(labels).to.deep.equal([
        'Cerrar',
        'Cerrar todas las campañas',
        'Fermer',
        'Fermer toutes les campagnes',
        'Fechar',
        'Fechar todas as campanhas',
      ]);
    });
  });

  describe('severity', () => {
    // The reader names, in the console, what it read of the fixture's messy values.
    const logged = stubConsole('warn', 'groupCollapsed', 'groupEnd', 'info');
    const banner = (attrs: { campaign?: string; rotate?: boolean; theme?: string }, src?: string) =>
      render<MiCampaignBanner>(
        html`<mi-campaign-banner
          dismissible
          ?rotate=${attrs.rotate}
          campaign=${attrs.campaign ?? ''}
          theme=${attrs.theme ?? 'light'}
          src=${src ?? fixture('campaigns-severity.json')}
        ></mi-campaign-banner>`,
      ).then((el) => settled(el));
    const alerts = (el: MiCampaignBanner) => $$(el, '[role="alert"]');

    it('shows an urgent campaign before any priority, alone, with no close button and no rotation', async () => {
      clock.restore();
      clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
      const el = await banner({ rotate: true });
      expect(all(el)).to.deep.equal(['Campaign urgent']);
      expect(text($(el, '[part="severity"]'))).to.equal('Urgent');
      expect($(el, '[part="dismiss-button"]')).to.be.null;
      expect($(el, '[part="pause-button"]')).to.be.null;
      const [alert] = alerts(el);
      expect(alerts(el)).to.have.length(1);
      expect(text(alert.querySelector('[part="title"]'))).to.equal('Campaign urgent');
      // Rotation, a re-render and a fresh view of the feed leave the one alert as it was:
      // nothing is announced again.
      clock.tick(60_000);
      el.requestUpdate();
      await el.updateComplete;
      el.country = 'GT';
      await el.updateComplete;
      expect(alerts(el)).to.have.length(1);
      expect(alerts(el)[0] === alert, 'the same alert element').to.be.true;
      await expect(el).to.be.accessible();
      // Loaded again (the loading state between), it shows without being announced a second time.
      await el.reload();
      await settled(el);
      expect(shown(el)).to.equal('Campaign urgent');
      expect(alerts(el)).to.have.length(0);
    });

    it('announces an urgent campaign once per page, whatever the number of banners', async () => {
      const src = fixture('campaigns-severity.json');
      const first = await banner({}, src);
      const second = await banner({}, src);
      expect(shown(second)).to.equal('Campaign urgent');
      expect(alerts(first)).to.have.length(1);
      expect(alerts(second)).to.have.length(0);
    });

    it('cannot be dismissed when urgent, even after the campaign was dismissed as info', async () => {
      const src = fixture('campaigns-severity.json');
      localStorage.setItem(`mi-widgets:campaign-dismissed:${src}#urgent`, String(NOW.getTime()));
      const el = await banner({}, src);
      expect(shown(el)).to.equal('Campaign urgent');
    });

    it('marks a warning in words and keeps it dismissible', async () => {
      const el = await banner({ campaign: 'warning' });
      expect(text($(el, '[part="severity"]'))).to.equal('Warning');
      expect($(el, '.campaign')!.classList.contains('warning')).to.be.true;
      expect($(el, '[part="dismiss-button"]')).to.exist;
      expect(alerts(el)).to.have.length(0);
    });

    for (const layout of ['bar', 'card', 'hero'] as const)
      it(`${layout}: a warning and an urgent campaign are accessible in both themes`, async () => {
        for (const theme of ['light', 'dark'])
          for (const campaign of ['warning', 'urgent']) {
            const el = await banner({ campaign, theme });
            el.layout = layout;
            await el.updateComplete;
            const mark = $(el, '[part="severity"]')!;
            expect(getComputedStyle(mark).backgroundColor, `${theme} ${campaign}`).to.not.equal(
              getComputedStyle($(el, '.campaign')!).backgroundColor,
            );
            await expect(el).to.be.accessible();
          }
      });

    it('reads the severity as publishers write it, and drops what it cannot read', async () => {
      const el = await banner({ campaign: 'odd' });
      // "critical" is unknown: the campaign shows as info, and the problem is named.
      expect(shown(el)).to.equal('Campaign odd');
      expect($(el, '[part="severity"]')).to.be.null;
      expect($(el, '[part="dismiss-button"]')).to.exist;
      const problems = el.problems.map((p) => `${p.path}: ${p.outcome}`);
      expect(problems).to.include.members([
        '_migration_info.campaigns[1].severity: value normalized',
        '_migration_info.campaigns[1].dismiss_days: value normalized',
        '_migration_info.campaigns[2].severity: field dropped',
        '_migration_info.campaigns[2].dismiss_days: field dropped',
        '_migration_info.campaigns[3].severity: value normalized',
      ]);
      expect(logged.warn.args.flat().join('\n')).to.contain('found "critical" → field dropped');
    });
  });

  describe('hero at 320px', () => {
    stubConsole('warn', 'groupCollapsed', 'groupEnd', 'info'); // the severities fixture is messy
    afterEach(() => setViewport({ width: 800, height: 600 }));

    it('never puts the close button over the title or the message', async () => {
      await setViewport({ width: 320, height: 640 });
      const boxes = (el: Element | null) => el!.getBoundingClientRect();
      const overlaps = (a: DOMRect, b: DOMRect) =>
        a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      // The text panel at its tallest, up against the top: long texts in a hero a partner made
      // short, with the default spacing and a tight one; a warning's mark before the title.
      const cases = [
        ['long-texts.json', '--mi-banner-hero-height: 200px'],
        ['long-texts.json', '--mi-banner-hero-height: 200px; --mi-space: 6px'],
        ['campaigns-severity.json', '--mi-banner-hero-height: 200px'],
        ['../../demo/feed.json', ''],
      ];
      for (const [name, style] of cases) {
        const src = fixture(name);
        const el = await settled(
          await render<MiCampaignBanner>(
            html`<mi-campaign-banner
              layout="hero"
              dismissible
              campaign=${name.startsWith('campaigns') ? 'warning' : ''}
              lang="es"
              country="GT"
              style=${style}
              src=${src}
            ></mi-campaign-banner>`,
          ),
        );
        expect(el.getBoundingClientRect().width).to.be.at.most(320);
        const close = boxes($(el, '.slide.active [part="dismiss-button"]'));
        for (const part of ['title', 'message', 'severity']) {
          const box = $(el, `.slide.active [part="${part}"]`);
          if (box) expect(overlaps(close, boxes(box)), `${name} ${style}: ${part}`).to.be.false;
        }
        await expect(el).to.be.accessible();
      }
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

      const pause = $(el, '[part~="pause-button"]')!;
      expect(text(pause)).to.equal('Pause rotation');
      pause.click();
      await el.updateComplete;
      pause.blur();
      await el.updateComplete;
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

    it('turns Pause rotation into Resume rotation, as in the WAI-ARIA carousel pattern', async () => {
      const el = await settled(
        await render<MiCampaignBanner>(
          html`<mi-campaign-banner
            rotate
            lang="es"
            country="GT"
            interval="5000"
            src=${fixture('campaigns.json')}
          ></mi-campaign-banner>`,
        ),
      );
      const button = () => $(el, '[part~="pause-button"]')!;
      const look = () => ({
        label: text(button()),
        part: button().getAttribute('part'),
        pressed: button().getAttribute('aria-pressed'),
        live: $(el, '.slides')!.getAttribute('aria-live'),
        background: getComputedStyle(button()).backgroundColor,
      });
      const running = look();
      expect(running).to.include({
        label: 'Pausar la rotación',
        part: 'pause-button',
        pressed: null, // its label says what it does: no toggle state on top of it
        live: 'off',
      });
      button().click();
      button().blur();
      await el.updateComplete;
      const paused = look();
      expect(paused).to.include({
        label: 'Reanudar la rotación',
        part: 'pause-button pause-button-paused',
        pressed: null,
        live: 'polite', // Next campaign is now read out
      });
      expect(paused.background, 'a filled button').to.not.equal(running.background);
      await expect(el).to.be.accessible();
      timers.tick(20000);
      await el.updateComplete;
      expect(shown(el)).to.equal('Campaña es-gt');
      button().click();
      button().blur();
      await el.updateComplete;
      expect(look()).to.deep.equal(running);
      timers.tick(5000);
      await el.updateComplete;
      expect(shown(el)).to.equal('Campaña all');
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
