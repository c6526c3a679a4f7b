import { expect, fixture as render, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../mi-hub-locator.js';
import type { MiHubLocator } from '../hub-locator.js';
import type { MiElement } from '../../shared/mi-element.js';
import { distanceKm, fold, openingStatus } from '../hubs.js';
import { HubStore, type HubQuery } from '../hub-store.js';
import { readFeed } from '../../feed/read.js';
import {
  $,
  $$,
  fault,
  fixture,
  itHasAccessibleLoadingAndErrorStates,
  resetFeeds,
  settled,
  stubConsole,
  text,
  watchFetch,
} from '../../../test/helpers.js';

const names = (el: MiHubLocator) => $$(el, '[part="hub-name"]').map((b) => text(b));
const card = (el: MiHubLocator, id: string) => $(el, `[data-hub="${id}"]`);

/** Open a card's details in place, as the visitor does; resolves with the card. */
async function openDetails(el: MiHubLocator, id: string): Promise<HTMLElement> {
  card(el, id)!.querySelector<HTMLButtonElement>('[part="details-button"]')!.click();
  await el.updateComplete;
  return card(el, id)!;
}

/** Monday 30 November 2026, 15:30 UTC: 09:30 in Guatemala, 07:30 in Tijuana, 11:30 in Santo Domingo. */
const MONDAY = new Date('2026-11-30T15:30:00Z');
/** Saturday 28 November 2026, 15:30 UTC: 09:30 in Guatemala. */
const SATURDAY = new Date('2026-11-28T15:30:00Z');

async function typeInto(el: MiHubLocator, selector: string, value: string): Promise<void> {
  const input = $(el, selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}

async function choose(el: MiHubLocator, selector: string, value: string): Promise<void> {
  const select = $(el, selector) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

describe('hub logic', () => {
  const feed = async () =>
    readFeed(await (await fetch('/test/fixtures/hubs-test.geojson')).json(), location.href).feed!;

  it('measures distances in GeoJSON order, right to the km', async () => {
    expect(
      Math.round(distanceKm({ lat: 19.4326, lon: -99.1332 }, { lat: 14.6349, lon: -90.5069 })),
    ).to.equal(1061); // Mexico City → Guatemala City
    const hubs = (await feed()).hubs;
    const flores = { lat: 16.9297, lon: -89.8925 };
    expect(
      Math.round(
        distanceKm(
          flores,
          hubs.find((h) => h.id === 'la-libertad')!,
        ),
      ),
    ).to.equal(29);
    expect(
      Math.round(
        distanceKm(
          flores,
          hubs.find((h) => h.id === 'melchor')!,
        ),
      ),
    ).to.equal(80);
  });

  it('folds case and accents for search', () => {
    expect(fold('Petén, MÉXICO')).to.equal('peten, mexico');
  });

  it('computes opening status in each hub’s own time zone', async () => {
    const hubs = (await feed()).hubs;
    const byId = (id: string) => hubs.find((h) => h.id === id)!;
    expect(openingStatus(byId('la-libertad'), MONDAY)).to.deep.include({
      open: true,
      today: ['08:00–16:00'],
    });
    expect(openingStatus(byId('tijuana'), MONDAY)).to.deep.include({
      open: false,
      next: { day: 0, today: true, time: '09:00' },
    });
    expect(openingStatus(byId('santo-domingo'), MONDAY)).to.deep.include({
      open: true,
      today: ['08:00–12:00', '14:00–18:00'],
    });
    expect(openingStatus(byId('la-libertad'), SATURDAY)).to.deep.include({
      open: false,
      today: [],
      next: { day: 0, today: false, time: '08:00' },
    });
    expect(openingStatus(byId('melchor'), SATURDAY)?.open).to.be.true;
    expect(openingStatus(byId('san-jose'), MONDAY)).to.be.undefined;
  });

  it('handles hours that run past midnight', () => {
    const hub = {
      id: 'n',
      name: 'Night',
      country: 'GT',
      lat: 0,
      lon: 0,
      timezone: 'UTC',
      opening_hours: [{ days: ['fr' as const], opens: '20:00', closes: '02:00' }],
    };
    expect(openingStatus(hub, new Date('2026-11-27T23:00:00Z'))?.open).to.be.true; // Friday 23:00
    expect(openingStatus(hub, new Date('2026-11-28T01:00:00Z'))?.open).to.be.true; // Saturday 01:00
    expect(openingStatus(hub, new Date('2026-11-28T03:00:00Z'))?.open).to.be.false;
  });

  it('combines search, country, service and open-now filters', async () => {
    const store = new HubStore();
    const set = store.add((await feed()).hubs);
    const ids = (filter: Partial<HubQuery>) =>
      store
        .query([set], {
          query: '',
          country: '',
          service: '',
          openNow: false,
          limit: Infinity,
          points: false,
          now: MONDAY.getTime(),
          ...filter,
        })!
        .hubs.map((h) => h.id);
    expect(ids({ query: 'peten' })).to.deep.equal(['la-libertad', 'melchor']);
    expect(ids({ query: 'PETÉN libertad' })).to.deep.equal(['la-libertad']);
    expect(ids({ query: 'centro de informacion' })).to.deep.equal(['la-libertad']); // any language of the name
    expect(ids({ country: 'gt' })).to.deep.equal(['la-libertad', 'melchor']);
    expect(ids({ country: 'GT', service: 'legal' })).to.deep.equal(['la-libertad']);
    expect(ids({ openNow: true })).to.deep.equal(['la-libertad', 'santo-domingo']);
    expect(ids({ country: 'GT', openNow: true, query: 'melchor' })).to.deep.equal([]);
    expect(ids({ language: 'KEK' })).to.deep.equal(['la-libertad']); // a tag in any case
    expect(ids({ language: 'es', service: 'health' })).to.deep.equal(['santo-domingo']);
  });
});

describe('<mi-hub-locator>', () => {
  let clock: sinon.SinonFakeTimers;
  const logged = stubConsole('warn');
  beforeEach(() => {
    resetFeeds();
    document.documentElement.lang = 'en';
    clock = sinon.useFakeTimers({ now: MONDAY, toFake: ['Date'] });
  });
  afterEach(() => {
    clock.restore();
    sinon.restore();
  });

  it('a hub whose country cannot be read is still listed, under every country', async () => {
    const el = await settled(
      await render<MiHubLocator>(
        html`<mi-hub-locator src=${fixture('hubs-no-country.geojson')}></mi-hub-locator>`,
      ),
    );
    expect(names(el)).to.deep.equal(['A hub whose country was mistyped', 'Hub GT']);
    const hub = await openDetails(el, 'somewhere');
    expect(text(hub.querySelector('.place'))).to.equal('Mixco');
    const options = $$<HTMLOptionElement>(el, '#country option');
    expect(options.map((o) => o.value)).to.deep.equal(['', 'GT']);
    expect(el.problems.map((p) => [p.path, p.outcome])).to.deep.equal([
      ['features[0].properties.country', 'field dropped'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('lists every valid hub with its details and actions, and skips the invalid one', async () => {
    const el = await settled(
      await render<MiHubLocator>(
        html`<mi-hub-locator src=${fixture('hubs-test.geojson')}></mi-hub-locator>`,
      ),
    );
    expect(names(el)).to.have.length(5);
    expect(el.problems.map((p) => [p.entry, p.outcome])).to.deep.equal([
      ['features[5] (id "swapped")', 'entry dropped'],
    ]);
    expect(text($(el, '[part="count"]'))).to.equal('Hubs found: 5');

    const ll = card(el, 'la-libertad')!;
    // The compact card: name, where, today, the way there — and the rest one tap away.
    expect(text(ll.querySelector('[part="hub-name"]'))).to.equal('Information Hub La Libertad');
    expect(ll.querySelector('[part="hub-name"]')!.getAttribute('role')).to.equal('heading');
    expect(ll.querySelector('[part="hub-name"] button')).to.be.null;
    expect(text(ll.querySelector('[part="status"]'))).to.equal('Open now · Today 08:00–16:00');
    expect(ll.querySelector<HTMLAnchorElement>('[part="directions"]')!.href).to.equal(
      'https://www.google.com/maps/dir/?api=1&destination=16.783300,-90.116700',
    );
    const details = ll.querySelector<HTMLButtonElement>('[part="details-button"]')!;
    expect(details.getAttribute('aria-expanded')).to.equal('false');
    expect(ll.querySelector('.org')).to.be.null;
    await openDetails(el, 'la-libertad');
    expect(details.getAttribute('aria-expanded')).to.equal('true');
    expect(ll.querySelector<HTMLElement>(`#${details.getAttribute('aria-controls')}`)!.hidden).to.be
      .false;
    expect(text(ll.querySelector('.org'))).to.equal('Municipality of La Libertad');
    expect(text(ll.querySelector('.place'))).to.equal('La Libertad, Petén · Guatemala');
    expect([...ll.querySelectorAll('.chips li')].map(text)).to.deep.equal([
      'Information',
      'Legal advice',
    ]);
    // Q'eqchi' by its name (the browser knows none of the region's Mayan languages).
    expect(text(ll.querySelector('.languages'))).to.equal('Languages: Spanish, Q’eqchi’');
    const links = [...ll.querySelectorAll<HTMLAnchorElement>('[part="actions"] a')].map(
      (a) => a.href,
    );
    expect(links).to.deep.equal(['tel:+50200000000']);
    expect(
      [...ll.querySelectorAll<HTMLAnchorElement>('.directions-choice a')].map((a) => a.href),
    ).to.deep.equal([
      'https://www.google.com/maps/dir/?api=1&destination=16.783300,-90.116700',
      'https://www.openstreetmap.org/directions?route=%3B16.783300%2C-90.116700',
    ]);
    // No map: nothing offers to show the hub on one.
    expect(ll.querySelector('.show-on-map')).to.be.null;

    const tj = await openDetails(el, 'tijuana');
    expect(text(tj.querySelector('[part="status"]'))).to.equal(
      'Closed · opens at 09:00 · Today 09:00–17:00',
    );
    expect([...tj.querySelectorAll('.chips li')].map(text)).to.deep.equal([
      'Shelter',
      'Employment',
    ]); // a code of the feed's own, humanized

    const sd = await openDetails(el, 'santo-domingo');
    const sdLinks = [...sd.querySelectorAll<HTMLAnchorElement>('[part="actions"] a')];
    expect(sdLinks.map((a) => a.href)).to.deep.equal([
      'https://wa.me/18090000000',
      'https://example.org/hubs/sd',
    ]);
    expect(sdLinks[0].getAttribute('aria-label')).to.equal('Message Santo Domingo Hub on WhatsApp');
    expect(text(card(el, 'san-jose')!.querySelector('[part="status"]'))).to.equal(
      'Opening hours not listed',
    );
    await expect(el).to.be.accessible();
  });

  it('shows "Closed · opens Mon 08:00" on a Saturday, in the hub’s time zone', async () => {
    clock.setSystemTime(SATURDAY);
    const el = await settled(
      await render<MiHubLocator>(
        html`<mi-hub-locator src=${fixture('hubs-test.geojson')}></mi-hub-locator>`,
      ),
    );
    expect(text(card(el, 'la-libertad')!.querySelector('[part="status"]'))).to.equal(
      'Closed · opens Mon 08:00 · Closed today',
    );
    expect(text(card(el, 'melchor')!.querySelector('[part="status"]'))).to.equal(
      'Open now · Today 08:00–12:00',
    );
  });

  it('finds "peten" in Petén, filters by country, service and open now, and announces the count', async () => {
    const el = await settled(
      await render<MiHubLocator>(
        html`<mi-hub-locator src=${fixture('hubs-test.geojson')}></mi-hub-locator>`,
      ),
    );
    // Searched where the hubs are (the reader's worker): the results are busy until it answers.
    const results = $(el, '.results')!;
    const busy: (string | null)[] = [];
    const watch = new MutationObserver(() => busy.push(results.getAttribute('aria-busy')));
    watch.observe(results, { attributes: true, attributeFilter: ['aria-busy'] });
    await typeInto(el, '#q', 'peten');
    watch.disconnect();
    expect(busy).to.deep.equal(['true', 'false']);
    expect(names(el)).to.deep.equal(['Information Hub La Libertad', 'Melchor de Mencos Hub']);
    expect($(el, '[part="count"]')!.getAttribute('role')).to.equal('status');
    expect(text($(el, '[part="count"]'))).to.equal('Hubs found: 2');
    const open = $(el, 'input[type="checkbox"]') as HTMLInputElement;
    open.click();
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Information Hub La Libertad']);
    await typeInto(el, '#q', '');
    await choose(el, '#service', 'health');
    expect(names(el)).to.deep.equal(['Santo Domingo Hub']);
    await choose(el, '#service', '');
    open.click();
    await choose(el, '#country', 'CR');
    expect(names(el)).to.deep.equal(['San José Hub']);
    await typeInto(el, '#q', 'nothing like this');
    expect(text($(el, '[part="count"]'))).to.equal('Hubs found: 0');
    await expect(el).to.be.accessible();
  });

  it('takes preset filters from the country and service attributes', async () => {
    const el = await settled(
      await render<MiHubLocator>(
        html`<mi-hub-locator
          country="GT"
          service="legal"
          src=${fixture('hubs-test.geojson')}
        ></mi-hub-locator>`,
      ),
    );
    expect(names(el)).to.deep.equal(['Information Hub La Libertad']);
    expect(($(el, '#country') as HTMLSelectElement).value).to.equal('GT');
    expect(($(el, '#service') as HTMLSelectElement).value).to.equal('legal');
  });

  it('asks for the location only when Near me is pressed, then sorts by distance', async () => {
    const locate = sinon
      .stub(navigator.geolocation, 'getCurrentPosition')
      .callsFake((ok) =>
        ok({ coords: { latitude: 16.9297, longitude: -89.8925 } } as GeolocationPosition),
      );
    const el = await settled(
      await render<MiHubLocator>(
        html`<mi-hub-locator src=${fixture('hubs-test.geojson')}></mi-hub-locator>`,
      ),
    );
    expect(locate.called).to.be.false;
    $(el, '[part="near-me-button"]')!.click();
    await el.updateComplete;
    expect(locate.calledOnce).to.be.true;
    expect(names(el)).to.deep.equal([
      'Information Hub La Libertad',
      'Melchor de Mencos Hub',
      'San José Hub',
      'Santo Domingo Hub',
      'Tijuana Hub',
    ]);
    expect(text(card(el, 'la-libertad')!.querySelector('[part="distance"]'))).to.equal(
      '29 km away',
    );
    expect(text(card(el, 'melchor')!.querySelector('[part="distance"]'))).to.equal('80 km away');
    expect(text($(el, '.geo'))).to.equal('Sorted by distance from you.');
    await expect(el).to.be.accessible();
  });

  it('keeps the focus on Near me while locating (aria-disabled) and after, found or denied', async () => {
    let answer: ((ok: boolean) => void) | undefined;
    sinon.stub(navigator.geolocation, 'getCurrentPosition').callsFake((ok, fail) => {
      answer = (found) =>
        found
          ? ok({ coords: { latitude: 16.9297, longitude: -89.8925 } } as GeolocationPosition)
          : fail!({ code: 1, PERMISSION_DENIED: 1, TIMEOUT: 3 } as GeolocationPositionError);
    });
    const el = await settled(
      await render<MiHubLocator>(
        html`<mi-hub-locator src=${fixture('hubs-test.geojson')}></mi-hub-locator>`,
      ),
    );
    const button = $<HTMLButtonElement>(el, '[part="near-me-button"]')!;
    for (const found of [true, false]) {
      button.focus();
      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(button.disabled, 'not disabled: it would drop the focus').to.be.false;
      expect(el.shadowRoot!.activeElement).to.equal(button);
      button.click(); // ignored while locating
      answer!(found);
      await el.updateComplete;
      expect(button.getAttribute('aria-disabled')).to.equal('false');
      expect(el.shadowRoot!.activeElement, found ? 'found' : 'denied').to.equal(button);
      await expect(el).to.be.accessible();
    }
    expect((navigator.geolocation.getCurrentPosition as sinon.SinonStub).callCount).to.equal(2);
  });

  it('no hub found: says so, and one button clears the search and filters, then focuses the search', async () => {
    const el = await settled(
      await render<MiHubLocator>(
        html`<mi-hub-locator country="GT" src=${fixture('hubs-test.geojson')}></mi-hub-locator>`,
      ),
    );
    await typeInto(el, '#q', 'nothing like this');
    expect(text($(el, '[part="count"]'))).to.equal('Hubs found: 0');
    expect(text($(el, '[part="none-found"] p'))).to.equal(
      'No hub matches your search and filters. Try other words, or clear the filters.',
    );
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="clear-button"]')!.click();
    await el.updateComplete;
    expect(names(el)).to.have.length(5); // every country again
    expect($<HTMLInputElement>(el, '#q')!.value).to.equal('');
    expect($<HTMLSelectElement>(el, '#country')!.value).to.equal('');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#q'));
  });

  it('says so and keeps the list as it was when location is denied', async () => {
    sinon.stub(navigator.geolocation, 'getCurrentPosition').callsFake((_ok, fail) =>
      fail!({
        code: 1,
        PERMISSION_DENIED: 1,
        POSITION_UNAVAILABLE: 2,
        TIMEOUT: 3,
        message: 'denied',
      } as GeolocationPositionError),
    );
    const el = await settled(
      await render<MiHubLocator>(
        html`<mi-hub-locator src=${fixture('hubs-test.geojson')}></mi-hub-locator>`,
      ),
    );
    const before = names(el);
    $(el, '[part="near-me-button"]')!.click();
    await el.updateComplete;
    expect($(el, '.geo')!.getAttribute('role')).to.equal('alert');
    expect(text($(el, '.geo'))).to.equal(
      'Location permission was denied. The list is not sorted by distance.',
    );
    expect(names(el)).to.deep.equal(before);
    expect($(el, '[part="distance"]')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('fires mi-hub-select when the visitor selects a hub', async () => {
    const el = await settled(
      await render<MiHubLocator>(
        html`<mi-hub-locator src=${fixture('hubs-test.geojson')}></mi-hub-locator>`,
      ),
    );
    const details = card(el, 'tijuana')!.querySelector<HTMLElement>('[part="details-button"]')!;
    setTimeout(() => details.click());
    const event = await oneEvent(el, 'mi-hub-select');
    expect(event.detail).to.deep.equal({ hubId: 'tijuana' });
    expect(event.bubbles && event.composed).to.be.true;
    await el.updateComplete;
    expect(card(el, 'tijuana')!.classList.contains('selected')).to.be.true;
    // Closing the details again selects nothing more.
    const fired = sinon.spy();
    el.addEventListener('mi-hub-select', fired);
    details.click();
    await el.updateComplete;
    expect(details.getAttribute('aria-expanded')).to.equal('false');
    expect(fired.called).to.be.false;
  });

  it('tells the truth about hours: a holiday, a closure for a while, the week one tap away', async () => {
    clock.setSystemTime(new Date('2026-12-24T16:00:00Z')); // Thursday 24 December, 10:00 in Guatemala
    const el = await settled(
      await render<MiHubLocator>(
        html`<mi-hub-locator lang="es" src=${fixture('hubs-exceptions.geojson')}></mi-hub-locator>`,
      ),
    );
    const status = (id: string) => text(card(el, id)!.querySelector('[part="status"]'));
    expect(status('holiday')).to.equal('Cerrado · abre lun 08:00 · Cerrado hoy · Navidad');
    expect(status('closed')).to.equal('Cerrado temporalmente hasta el 3 de agosto');
    expect(text((await openDetails(el, 'closed')).querySelector('.closure-notice'))).to.equal(
      'Mientras tanto, atendemos en el Centro Guatemala.',
    );
    expect(status('open')).to.equal('Abierto ahora · Hoy 08:00–16:00');
    // The week, today first, one tap away: the holiday and the day after it say so.
    expect(card(el, 'holiday')!.querySelector('[part="week"]')).to.be.null;
    const week = (await openDetails(el, 'holiday')).querySelector('[part="week"]')!;
    expect(text(week.querySelector('caption'))).to.equal('Horario de esta semana');
    expect([...week.querySelectorAll('tr')].map(text)).to.deep.equal([
      'jue 24/12 Cerrado · Navidad',
      'vie 25/12 Cerrado · Navidad',
      'sáb 26/12 Cerrado',
      'dom 27/12 Cerrado',
      'lun 28/12 08:00–16:00',
      'mar 29/12 08:00–16:00',
      'mié 30/12 08:00–16:00',
    ]);
    await expect(el).to.be.accessible();
    // Open now leaves out the hub on holiday and the one closed for a while.
    $<HTMLInputElement>(el, 'input[type="checkbox"]')!.click();
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Centro Quetzaltenango']);
  });

  it('filters by a language the hubs speak, each named in the visitor’s language', async () => {
    const names_ = async (lang: string) => {
      const el = await settled(
        await render<MiHubLocator>(
          html`<mi-hub-locator lang=${lang} src=${fixture('hubs-test.geojson')}></mi-hub-locator>`,
        ),
      );
      return { el, options: [...$<HTMLSelectElement>(el, '#language')!.options].map(text) };
    };
    const es = await names_('es');
    expect(es.options).to.deep.equal([
      'Todos los idiomas',
      'criollo haitiano',
      'español',
      'inglés',
      'q’eqchi’',
    ]);
    expect((await names_('en')).options).to.include('Q’eqchi’');
    expect((await names_('fr')).options).to.include('q’eqchi’');
    expect((await names_('pt')).options).to.include('q’eqchi’');
    await choose(es.el, '#language', 'kek');
    expect(names(es.el)).to.deep.equal(['Centro de Información La Libertad']);
    await openDetails(es.el, 'la-libertad');
    expect(text($(es.el, '.languages'))).to.equal('Idiomas: español, q’eqchi’');
    await expect(es.el).to.be.accessible();
    // Clearing the filters lets every language in again.
    await typeInto(es.el, '#q', 'nada parecido');
    $<HTMLButtonElement>(es.el, '[part="clear-button"]')!.click();
    await es.el.updateComplete;
    expect($<HTMLSelectElement>(es.el, '#language')!.value).to.equal('');
    expect(names(es.el)).to.have.length(5);
  });

  it('speaks Spanish: services, countries, days and distances', async () => {
    clock.setSystemTime(SATURDAY);
    const el = await settled(
      await render<MiHubLocator>(
        html`<mi-hub-locator lang="es" src=${fixture('hubs-test.geojson')}></mi-hub-locator>`,
      ),
    );
    const ll = card(el, 'la-libertad')!;
    expect(text(ll.querySelector('[part="hub-name"]'))).to.equal(
      'Centro de Información La Libertad',
    );
    expect(text(ll.querySelector('[part="status"]'))).to.equal(
      'Cerrado · abre lun 08:00 · Cerrado hoy',
    );
    await openDetails(el, 'la-libertad');
    expect(text(ll.querySelector('.place'))).to.equal('La Libertad, Petén · Guatemala');
    expect([...ll.querySelectorAll('.chips li')].map(text)).to.deep.equal([
      'Información',
      'Asesoría legal',
    ]);
    expect(text((await openDetails(el, 'santo-domingo')).querySelector('.place'))).to.equal(
      'Calle de Ejemplo 1, Santo Domingo · República Dominicana',
    );
  });

  it('holds its height from loading until the visitor uses it, then fits its list', async () => {
    const loading = await render<MiHubLocator>(
      html`<mi-hub-locator timeout="3000" src=${fault('hang')}></mi-hub-locator>`,
    );
    await loading.updateComplete;
    const held = loading.getBoundingClientRect().height;
    expect(held, 'at least a phone’s screen').to.be.at.least(823);
    const el = await settled(
      await render<MiHubLocator>(
        html`<mi-hub-locator country="GT" src=${fixture('hubs-test.geojson')}></mi-hub-locator>`,
      ),
    );
    // As painted: cards off screen keep a placeholder height until a frame lays them out.
    await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));
    expect(el.getBoundingClientRect().height, 'a short list').to.be.closeTo(held, 0.5);
    await typeInto(el, '#q', 'melchor');
    expect(names(el)).to.have.length(1);
    expect(el.getBoundingClientRect().height, 'once searched').to.be.below(held - 100);
  });

  it('pages through many hubs instead of rendering them all, the first cards of a new list first', async () => {
    const features = Array.from({ length: 45 }, (_, i) => ({
      type: 'Feature',
      id: `h${i}`,
      geometry: { type: 'Point', coordinates: [-90 + i / 100, 15] },
      properties: { name: `Hub ${i}`, country: 'GT' },
    }));
    const url = URL.createObjectURL(
      new Blob([JSON.stringify({ type: 'FeatureCollection', features })], {
        type: 'application/json',
      }),
    );
    const original = window.fetch;
    window.fetch = (input, init) =>
      original(String(input).includes('many.geojson') ? url : input, init);
    try {
      const loading = await render<MiHubLocator>(
        html`<mi-hub-locator src=${fixture('many.geojson')}></mi-hub-locator>`,
      );
      // The first cards in the frame that shows the list, the page after it.
      const first: number[] = [];
      const cards = new MutationObserver(() => first.push($$(loading, '[part="hub"]').length));
      cards.observe(loading.shadowRoot!, { childList: true, subtree: true });
      const el = await settled(loading);
      await el.updateComplete;
      cards.disconnect();
      expect(first.filter((n) => n > 0)).to.deep.equal([4, 20]);
      expect($$(el, '[part="hub"]')).to.have.length(20);
      expect(text($(el, '[part="count"]'))).to.equal('Hubs found: 45');
      $(el, '[part="more-button"]')!.click();
      await el.updateComplete;
      expect($$(el, '[part="hub"]')).to.have.length(40);
      // Focus moves to the first new card, not to the page's start.
      expect(el.shadowRoot!.activeElement === $$(el, '[part="hub"]')[20]).to.be.true;
      // The last page: the button goes, the focus goes to its first card.
      $(el, '[part="more-button"]')!.click();
      await el.updateComplete;
      expect($(el, '[part="more-button"]')).to.be.null;
      expect(el.shadowRoot!.activeElement === $$(el, '[part="hub"]')[40]).to.be.true;

      // Cards already drawn change in place; new ones come after the frame that shows the rest.
      const drawn: number[] = [];
      const watch = new MutationObserver(() => drawn.push($$(el, '[part="hub"]').length));
      watch.observe($(el, '[part="list"]')!, { childList: true });
      await typeInto(el, '[part="search"]', 'hub 1');
      const found = Number(text($(el, '[part="count"]'))!.replace(/\D/g, ''));
      expect(found).to.be.within(11, 20); // Hub 1, Hub 10–19, and what else says "hub 1"
      expect(drawn).to.deep.equal([found]);
      drawn.length = 0;
      const search = $(el, '[part="search"]') as HTMLInputElement;
      search.value = '';
      search.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect($$(el, '[part="hub"]'), 'in the first frame').to.have.length(found);
      await el.updateComplete; // resolves once the list is whole
      watch.disconnect();
      expect(drawn, 'the cards added after it').to.deep.equal([20]);
    } finally {
      window.fetch = original;
    }
  });

  it('reads the hubs of a full feed, and is empty when it has none', async () => {
    const el = await settled(
      await render<MiHubLocator>(
        html`<mi-hub-locator src=${fixture('../../demo/feed.json')}></mi-hub-locator>`,
      ),
    );
    expect(names(el).length).to.be.greaterThan(3);
    const none = await settled(
      await render<MiHubLocator>(
        html`<mi-hub-locator src=${fixture('feed.json')}></mi-hub-locator>`,
      ),
      'empty',
    );
    expect(text($(none, '[part="empty"]'))).to.equal('There are no information hubs to show.');
    await expect(none).to.be.accessible();
  });

  itHasAccessibleLoadingAndErrorStates('mi-hub-locator');

  it('shows the hubs of a spreadsheet turned into GeoJSON by `mi-feed hubs-from-csv`', async () => {
    // test/node/mi-feed.test.js checks the CLI writes exactly this file from hubs-good.csv.
    const el = await settled(
      await render<MiHubLocator>(
        html`<mi-hub-locator src=${fixture('cli/hubs-good.geojson')}></mi-hub-locator>`,
      ),
    );
    expect(names(el)).to.have.length(3);
    expect(names(el)).to.include('Centro de Información La Libertad');
    expect(logged.warn.called).to.be.false;
  });

  it('says what to know before going, in the visitor’s language, and where to report an error', async () => {
    const el = await settled(
      await render<MiHubLocator>(
        html`<mi-hub-locator lang="es" src=${fixture('hubs-know.geojson')}></mi-hub-locator>`,
      ),
    );
    const know = async (id: string) => {
      const hub = await openDetails(el, id);
      return {
        rows: [...hub.querySelectorAll('[part="know"] dl > div')].map((row) => text(row)),
        verified: text(hub.querySelector('.verified')),
        report: hub.querySelector<HTMLAnchorElement>('.report')?.href,
      };
    };
    expect(await know('know-all')).to.deep.equal({
      rows: [
        'A quién atiende Personas migrantes, retornadas y sus familias',
        'Costo Gratuito',
        'Qué llevar DPI o pasaporte, si lo tiene; no es obligatorio',
        'Accesibilidad Entrada sin escalones y baño accesible',
      ],
      verified: 'Verificado el 20 de noviembre de 2026',
      report: 'https://example.org/report?hub=know-all',
    });
    // A cost in words stays words; an e-mail to report to names the hub in its subject.
    const coban = await know('text-cost');
    expect(coban.rows[1]).to.equal('Costo Consulta legal Q25; la orientación es gratuita');
    expect(coban.report).to.equal(
      `mailto:datos@example.org?subject=${encodeURIComponent('Información incorrecta: Centro Cobán')}`,
    );
    // Spreadsheet values read as the feed meant them: " Gratis " is free.
    expect((await know('messy')).rows[1]).to.equal('Costo Gratuito');
    // What could not be read is left out, and the hub is kept; a hub with nothing to know says nothing.
    const bad = await know('bad-values');
    expect(bad).to.deep.equal({ rows: [], verified: undefined, report: undefined });
    expect((await know('nothing-to-know')).rows).to.deep.equal([]);
    expect(card(el, 'nothing-to-know')!.querySelector('[part="know"]')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('reports an error to the feed’s address when the hub has none of its own', async () => {
    const el = await settled(
      await render<MiHubLocator>(
        html`<mi-hub-locator src=${fixture('../../demo/feed.json')}></mi-hub-locator>`,
      ),
    );
    const report = async (id: string) =>
      (await openDetails(el, id)).querySelector<HTMLAnchorElement>('.report')!;
    expect((await report('hub-la-libertad')).href).to.equal(
      'https://migration-info-widgets.example/report?hub=hub-la-libertad',
    );
    const tapachula = await report('hub-tapachula');
    expect(tapachula.href).to.match(/^mailto:datos@migration-info-widgets\.example\?subject=/);
    expect(text(tapachula)).to.equal('Report an error');
  });

  describe('taking a hub along', () => {
    /** Replace a navigator member for one test (an own property shadows the prototype's). */
    function stubNavigator(name: string, value: unknown): void {
      Object.defineProperty(navigator, name, { value, configurable: true });
    }
    afterEach(() => {
      for (const name of ['share', 'clipboard', 'userAgent'])
        delete (navigator as unknown as Record<string, unknown>)[name];
    });

    const SHARED = [
      'Information Hub La Libertad',
      'La Libertad, Petén · Guatemala',
      'Open now · Today 08:00–16:00',
      'Phone: +50200000000',
      'Map: https://www.google.com/maps/search/?api=1&query=16.783300,-90.116700',
    ].join('\n');

    it('shares name, address, today’s hours, phone and a map link through the share sheet', async () => {
      const share = sinon.fake.resolves(undefined);
      stubNavigator('share', share);
      const el = await settled(
        await render<MiHubLocator>(
          html`<mi-hub-locator src=${fixture('hubs-test.geojson')}></mi-hub-locator>`,
        ),
      );
      const ll = await openDetails(el, 'la-libertad');
      const button = ll.querySelector<HTMLButtonElement>('[part="share-button"]')!;
      expect(button.getAttribute('aria-label')).to.equal('Share Information Hub La Libertad');
      button.click();
      await waitUntil(() => share.called, 'the share sheet never opened');
      expect(share.firstCall.args[0]).to.deep.equal({
        title: 'Information Hub La Libertad',
        text: SHARED,
      });
      await el.updateComplete;
      expect(text($(el, '.shared'))).to.equal('');
    });

    it('copies the hub when there is no share sheet, and says so', async () => {
      stubNavigator('share', undefined);
      const writeText = sinon.fake.resolves(undefined);
      stubNavigator('clipboard', { writeText });
      const el = await settled(
        await render<MiHubLocator>(
          html`<mi-hub-locator
            lang="es"
            src=${fixture('hubs-exceptions.geojson')}
          ></mi-hub-locator>`,
        ),
      );
      clock.setSystemTime(new Date('2026-12-24T16:00:00Z')); // Christmas Eve, 10:00 in Guatemala
      const hub = await openDetails(el, 'closed');
      hub.querySelector<HTMLButtonElement>('[part="share-button"]')!.click();
      await waitUntil(() => writeText.called, 'nothing was copied');
      const copied = writeText.firstCall.args[0] as string;
      expect(copied.split('\n')[0]).to.equal(text(hub.querySelector('[part="hub-name"]')));
      // A closed door says so in the message too.
      expect(copied).to.include('Cerrado temporalmente hasta el 3 de agosto');
      expect(copied).to.match(/\nMapa: https:\/\/www\.google\.com\/maps\/search\/\?api=1&query=/);
      await waitUntil(() => text($(el, '.shared'))!.startsWith('Se copió'), 'no word of it');
      expect($(el, '.shared')!.getAttribute('role')).to.equal('status');
      await expect(el).to.be.accessible();
    });

    it('offers the text as a WhatsApp message when it can neither share nor copy', async () => {
      stubNavigator('share', undefined);
      stubNavigator('clipboard', {
        writeText: sinon.fake.rejects(new DOMException('denied', 'NotAllowedError')),
      });
      const el = await settled(
        await render<MiHubLocator>(
          html`<mi-hub-locator src=${fixture('hubs-test.geojson')}></mi-hub-locator>`,
        ),
      );
      (await openDetails(el, 'la-libertad'))
        .querySelector<HTMLButtonElement>('[part="share-button"]')!
        .click();
      await waitUntil(() => $(el, '.shared a'), 'no WhatsApp link after the copy failed');
      expect(text($(el, '.shared p'))).to.match(/^Could not copy\./);
      expect($<HTMLAnchorElement>(el, '.shared a')!.href).to.equal(
        `https://wa.me/?text=${encodeURIComponent(SHARED)}`,
      );
      // With no clipboard at all, the card offers the WhatsApp link itself.
      stubNavigator('clipboard', undefined);
      const bare = await settled(
        await render<MiHubLocator>(
          html`<mi-hub-locator src=${fixture('hubs-test.geojson')}></mi-hub-locator>`,
        ),
      );
      const hub = await openDetails(bare, 'la-libertad');
      expect(hub.querySelector('[part="share-button"]')).to.be.null;
      expect(
        [...hub.querySelectorAll<HTMLAnchorElement>('[part="actions"] a')].map((a) => a.href),
      ).to.include(`https://wa.me/?text=${encodeURIComponent(SHARED)}`);
      await expect(bare).to.be.accessible();
    });

    it('opens directions in the maps app the partner chose, and offers the others', async () => {
      const directions = async (attribute?: string) => {
        const el = await settled(
          await render<MiHubLocator>(
            html`<mi-hub-locator
              directions=${(attribute ?? 'auto') as MiHubLocator['directions']}
              src=${fixture('hubs-test.geojson')}
            ></mi-hub-locator>`,
          ),
        );
        const hub = await openDetails(el, 'la-libertad');
        return {
          primary: hub.querySelector<HTMLAnchorElement>('[part="directions"]')!.href,
          others: [...hub.querySelectorAll<HTMLAnchorElement>('.directions-choice a')].map(
            (a) => a.href,
          ),
        };
      };
      const google = 'https://www.google.com/maps/dir/?api=1&destination=16.783300,-90.116700';
      const osm = 'https://www.openstreetmap.org/directions?route=%3B16.783300%2C-90.116700';
      // A desktop browser has no maps app to hand a link to: Google Maps, unless the partner says.
      expect((await directions()).primary).to.equal(google);
      expect((await directions('osm')).primary).to.equal(osm);
      expect((await directions('app')).primary).to.equal(google);
      // On Android, a geo: link lets the visitor's own maps app open, and is offered first.
      stubNavigator(
        'userAgent',
        'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 Chrome/120 Mobile',
      );
      const android = await directions();
      const geo =
        'geo:16.783300,-90.116700?q=16.783300,-90.116700(Information%20Hub%20La%20Libertad)';
      expect(android.primary).to.equal(geo);
      expect(android.others).to.deep.equal([geo, google, osm]);
      expect((await directions('google')).primary).to.equal(google);
      stubNavigator('userAgent', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)');
      expect((await directions()).primary).to.equal(
        'https://maps.apple.com/?daddr=16.783300,-90.116700',
      );
    });
  });

  describe('map', () => {
    const tiles = '/test/fixtures/pixel.png?{z}/{x}/{y}';

    it('does not request the map code without the map attribute', async () => {
      const el = await settled(
        await render<MiHubLocator>(
          html`<mi-hub-locator src=${fixture('hubs-test.geojson')}></mi-hub-locator>`,
        ),
      );
      expect($(el, '[part="map"]')).to.be.null;
      const requested = performance.getEntriesByType('resource').map((e) => e.name);
      expect(requested.some((n) => /hub-map|leaflet|supercluster/.test(n))).to.be.false;
    });

    it('shows markers, selects the card of a clicked marker, and pans to a selected card’s hub', async () => {
      const el = await settled(
        await render<MiHubLocator>(
          html`<mi-hub-locator
            map
            tiles=${tiles}
            src=${fixture('hubs-test.geojson')}
          ></mi-hub-locator>`,
        ),
      );
      await waitUntil(() => $(el, '.leaflet-container'), 'no map', { timeout: 5000 }); // Leaflet is a lazy 48 KB chunk
      const map = (el as unknown as { hubMap: { markerIds: string[] } }).hubMap;
      await waitUntil(() => $$(el, '.mi-pin, .mi-cluster').length > 0, 'no markers');
      expect($$(el, '.mi-pin, .mi-cluster').every((m) => m.getAttribute('tabindex') === '0')).to.be
        .true;

      expect(card(el, 'santo-domingo')!.querySelector('.show-on-map')).to.be.null;
      await openDetails(el, 'santo-domingo');
      card(el, 'santo-domingo')!.querySelector<HTMLElement>('.show-on-map')!.click();
      await waitUntil(
        () => map.markerIds.includes('santo-domingo'),
        'the selected hub has no marker of its own',
      );
      expect($(el, '.mi-pin.selected')!.getAttribute('aria-label')).to.equal('Santo Domingo Hub');

      const other = $$(el, '.mi-pin').find(
        (p) => p.getAttribute('aria-label') !== 'Santo Domingo Hub',
      );
      if (other) {
        setTimeout(() => other.dispatchEvent(new MouseEvent('click', { bubbles: true })));
        const event = await oneEvent(el, 'mi-hub-select');
        await el.updateComplete;
        expect(el.shadowRoot!.activeElement).to.equal(card(el, event.detail.hubId));
      }
      await expect(el).to.be.accessible();
    });

    it('on a narrow widget puts the list first and the map behind a toggle; Show on map opens it', async () => {
      const el = await settled(
        await render<MiHubLocator>(
          html`<mi-hub-locator
            map
            style="width: 360px"
            tiles=${tiles}
            src=${fixture('hubs-test.geojson')}
          ></mi-hub-locator>`,
        ),
      );
      const toggle = $<HTMLButtonElement>(el, '[part="map-toggle"]')!;
      const area = $(el, '.map-area')!;
      expect(text(toggle)).to.equal('Show map');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(area.getBoundingClientRect().height).to.equal(0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect($(el, '.leaflet-container'), 'the map’s code waits for the toggle').to.be.null;
      await expect(el).to.be.accessible();

      // Show on map, from a card: the map opens above the list, on that hub.
      const hub = await openDetails(el, 'santo-domingo');
      hub.querySelector<HTMLButtonElement>('.show-on-map')!.click();
      await waitUntil(() => $(el, '.leaflet-container'), 'no map', { timeout: 5000 });
      const map = (el as unknown as { hubMap: { markerIds: string[] } }).hubMap;
      await waitUntil(() => map.markerIds.includes('santo-domingo'), 'not on that hub');
      expect($(el, '.mi-pin.selected')!.getAttribute('aria-label')).to.equal('Santo Domingo Hub');
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(text(toggle)).to.equal('Hide map');
      expect(area.getBoundingClientRect().bottom).to.be.at.most(
        $(el, '[part="list"]')!.getBoundingClientRect().top,
      );
      await expect(el).to.be.accessible();
      toggle.click();
      await el.updateComplete;
      expect(area.getBoundingClientRect().height).to.equal(0);
    });

    it('on a wide widget keeps map and list side by side, the list scrolling in a panel as high as the map', async () => {
      const el = await settled(
        await render<MiHubLocator>(
          html`<mi-hub-locator
            map
            style="width: 900px"
            tiles=${tiles}
            src=${fixture('hubs-test.geojson')}
          ></mi-hub-locator>`,
        ),
      );
      await waitUntil(() => $(el, '.leaflet-container'), 'no map', { timeout: 5000 });
      expect(getComputedStyle($(el, '[part="map-toggle"]')!).display).to.equal('none');
      const map = $(el, '[part="map"]')!.getBoundingClientRect();
      const results = $(el, '.results')!;
      const panel = results.getBoundingClientRect();
      expect(panel.right).to.be.at.most(map.left);
      expect(Math.round(panel.top)).to.equal(Math.round(map.top));
      expect(Math.round(panel.height)).to.equal(Math.round(map.height));
      expect(getComputedStyle(results).overflowY).to.equal('auto');
      await expect(el).to.be.accessible();
    });

    it('keeps the list working when the tiles fail', async () => {
      const el = await settled(
        await render<MiHubLocator>(
          html`<mi-hub-locator
            map
            tiles="/__faults/status/503?{z}/{x}/{y}"
            src=${fixture('hubs-test.geojson')}
          ></mi-hub-locator>`,
        ),
      );
      await waitUntil(() => $(el, '.leaflet-container'), 'no map', { timeout: 5000 }); // Leaflet is a lazy 48 KB chunk
      await typeInto(el, '#q', 'tijuana');
      expect(names(el)).to.deep.equal(['Tijuana Hub']);
    });

    it('waits for a click before loading the map when the visitor saves data', async () => {
      Object.defineProperty(navigator, 'connection', {
        value: { saveData: true },
        configurable: true,
      });
      try {
        await watchFetch(async () => {
          const el = await settled(
            await render<MiHubLocator>(
              html`<mi-hub-locator
                map
                tiles=${tiles}
                src=${fixture('hubs-test.geojson')}
              ></mi-hub-locator>`,
            ),
          );
          expect($(el, '.leaflet-container')).to.be.null;
          $(el, '[part="map-button"]')!.click();
          await waitUntil(() => $(el, '.leaflet-container'), 'no map after the click');
        });
      } finally {
        delete (navigator as { connection?: unknown }).connection;
      }
    });
  });
});

describe('<mi-hub-locator> on a feed split by country (mi-feed split)', () => {
  beforeEach(() => {
    resetFeeds();
    document.documentElement.lang = 'en';
  });
  const files = (urls: string[]) =>
    urls.map((u) => new URL(u).pathname.replace('/test/fixtures/split/', ''));

  it('fetches its country’s file first, the others only when the visitor widens the filter', async () => {
    const src = new URL('/test/fixtures/split/feed.json', location.href).href;
    await watchFetch(async ({ urls }) => {
      const el = await settled(
        await render<MiHubLocator>(html`<mi-hub-locator country="GT" src=${src}></mi-hub-locator>`),
      );
      expect(files(urls)).to.deep.equal(['feed.json', 'hubs/gt.geojson']);
      expect(names(el)).to.deep.equal(['Centro Guatemala', 'Centro Flores']);
      // Mexico is a choice before its file has come: the feed names it.
      const select = $<HTMLSelectElement>(el, '#country')!;
      expect([...select.options].map((o) => o.value)).to.deep.equal(['', 'GT', 'MX']);
      await expect(el).to.be.accessible();

      select.value = '';
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => names(el).length === 3, `names: ${names(el)}`);
      expect(files(urls)).to.deep.equal(['feed.json', 'hubs/gt.geojson', 'hubs/mx.geojson']);
      expect(el.problems).to.deep.equal([]);
    });
  });

  it('a page of news on the same feed fetches no hubs at all', async () => {
    await import('../../news-feed/mi-news-feed.js');
    const src = new URL('/test/fixtures/split/feed.json', location.href).href;
    await watchFetch(async ({ urls }) => {
      const el = await settled(
        await render<MiElement<unknown>>(html`<mi-news-feed src=${src}></mi-news-feed>`),
      );
      expect($$(el, '[part="item"]')).to.have.length(1);
      expect(files(urls)).to.deep.equal(['feed.json']);
    });
  });

  it('a country’s file that cannot be had: the error and Retry', async () => {
    const broken = {
      version: 'https://jsonfeed.org/version/1.1',
      items: [],
      _migration_info: { hubs: { GT: '/test/fixtures/split/hubs/missing.geojson' } },
    };
    const src = new URL(`/served-split-${Date.now()}.json`, location.href).href;
    const original = window.fetch;
    window.fetch = async (input, init) =>
      String(input) === src ? new Response(JSON.stringify(broken)) : original(input, init);
    sinon.stub(console, 'error');
    try {
      const el = await render<MiHubLocator>(
        html`<mi-hub-locator country="GT" src=${src}></mi-hub-locator>`,
      );
      await settled(el, 'error');
      expect($(el, '[part="retry-button"]')).to.exist;
      await expect(el).to.be.accessible();
    } finally {
      window.fetch = original;
      sinon.restore();
    }
  });
});
