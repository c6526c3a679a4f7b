import { aTimeout, expect, fixture as render, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Map as LeafletMap } from 'leaflet';
import '../mi-hub-locator.js';
import type { MiHubLocator } from '../hub-locator.js';
import { $, $$, fixture, resetFeeds, settled } from '../../../test/helpers.js';

const tiles = '/test/fixtures/pixel.png?{z}/{x}/{y}';

/** A locator with its map shown and markers drawn; its Leaflet map, to read the view. */
async function showMap(file: string, lang = 'en') {
  const el = await settled(
    await render<MiHubLocator>(
      html`<mi-hub-locator map lang=${lang} tiles=${tiles} src=${fixture(file)}></mi-hub-locator>`,
    ),
  );
  await waitUntil(() => $(el, '.leaflet-container'), 'no map', { timeout: 5000 }); // a lazy chunk
  await waitUntil(() => $$(el, '.mi-pin, .mi-cluster').length > 0, 'no markers');
  const leaflet = (el as unknown as { hubMap: { map: LeafletMap } }).hubMap.map;
  return { el, leaflet, container: $(el, '.leaflet-container')! };
}

/** What has focus in the widget: its class and accessible name, or `<body>` when focus fell out. */
function focused(el: MiHubLocator): string {
  if (document.activeElement !== el) return `outside: ${document.activeElement?.localName}`;
  const active = el.shadowRoot!.activeElement;
  return active ? `${active.className} ${active.getAttribute('aria-label') ?? ''}`.trim() : 'none';
}

/** Record whether the page's default action of each keydown was cancelled. */
function watchKeys(): { prevented: boolean[]; stop: () => void } {
  const prevented: boolean[] = [];
  const listener = (e: KeyboardEvent) => prevented.push(e.defaultPrevented);
  window.addEventListener('keydown', listener);
  return { prevented, stop: () => window.removeEventListener('keydown', listener) };
}

describe('<mi-hub-locator> map: keyboard and screen readers', () => {
  beforeEach(() => {
    resetFeeds();
    document.documentElement.lang = 'en';
  });

  for (const [key, press] of [
    ['Enter', 'Enter'],
    ['Space', ' '],
  ]) {
    it(`${key} on a hub marker selects the hub once and moves focus to its card`, async () => {
      const { el } = await showMap('hubs-cluster.geojson');
      const pin = $$(el, '.mi-pin').find((p) => p.getAttribute('aria-label') === 'Tijuana Hub')!;
      const pressed = pin.getAttribute('aria-pressed');
      const selected: string[] = [];
      el.addEventListener('mi-hub-select', (e) => selected.push(e.detail.hubId));
      const keys = watchKeys();
      pin.focus();
      await sendKeys({ press: key === 'Space' ? 'Space' : press });
      keys.stop();
      await waitUntil(() => selected.length > 0, 'no hub selected');
      await el.updateComplete;
      await aTimeout(50);
      expect(selected).to.deep.equal(['tijuana']);
      expect(keys.prevented).to.deep.equal([true]); // Space does not scroll the page
      const card = $(el, '[data-hub="tijuana"]');
      expect(el.shadowRoot!.activeElement === card, focused(el)).to.be.true;
      const now = $$(el, '.mi-pin').find((p) => p.getAttribute('aria-label') === 'Tijuana Hub')!;
      expect([pressed, now.getAttribute('aria-pressed')]).to.deep.equal(['false', 'true']);
    });
  }

  it('Enter on a cluster zooms into it and keeps focus on a marker of its hubs', async () => {
    const { el, leaflet } = await showMap('hubs-cluster.geojson');
    const cluster = $(el, '.mi-cluster')!;
    expect(cluster.getAttribute('aria-label')).to.equal('11 hubs');
    const zoom = leaflet.getZoom();
    cluster.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => leaflet.getZoom() > zoom, 'the map did not zoom in');
    await waitUntil(() => !cluster.isConnected, 'the markers were not drawn again');
    expect(focused(el)).to.match(/\bmi-(pin|cluster)\b.*(Guatemala City Hub \d+|\d+ hubs)$/);

    // Space too, on a cluster of the next level if there is one.
    const next = $(el, '.mi-cluster');
    if (next) {
      const before = leaflet.getZoom();
      next.focus();
      await sendKeys({ press: 'Space' });
      await waitUntil(() => leaflet.getZoom() > before, 'Space did not zoom in');
      await waitUntil(() => !next.isConnected, 'the markers were not drawn again');
      expect(focused(el)).to.match(/\bmi-(pin|cluster)\b/);
    }
  });

  it('focus follows its hub through a redraw, else goes to the map — never to <body>', async () => {
    const { el, leaflet, container } = await showMap('hubs-cluster.geojson');
    leaflet.setView([14.63, -90.545], 11, { animate: false });
    await waitUntil(() => $$(el, '.mi-pin').length >= 11, 'the hubs are not drawn one by one');
    const pin = $$(el, '.mi-pin').find(
      (p) => p.getAttribute('aria-label') === 'Guatemala City Hub 6',
    )!;
    pin.focus();
    leaflet.panBy([30, 0], { animate: false }); // every marker is drawn again
    expect(pin.isConnected).to.be.false;
    expect(focused(el)).to.equal(
      'leaflet-marker-icon mi-pin leaflet-zoom-animated leaflet-interactive Guatemala City Hub 6',
    );

    leaflet.setZoom(5, { animate: false }); // the hub is in a cluster now
    expect(focused(el)).to.match(/mi-cluster.* 11 hubs$/);

    // A search that leaves out every hub of the cluster: focus on the map itself.
    const input = $<HTMLInputElement>(el, '#q')!;
    input.value = 'tijuana';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await waitUntil(() => !$$(el, '.mi-cluster').length, 'the cluster is still drawn');
    expect(el.shadowRoot!.activeElement === container, focused(el)).to.be.true;
  });

  it('names markers and clusters as buttons, in the widget’s language, and passes axe', async () => {
    const { el } = await showMap('hubs-cluster.geojson');
    const cluster = $(el, '.mi-cluster')!;
    expect([cluster.getAttribute('role'), cluster.getAttribute('aria-label')]).to.deep.equal([
      'button',
      '11 hubs',
    ]);
    const pin = $(el, '.mi-pin')!;
    expect([pin.getAttribute('role'), pin.getAttribute('aria-label')]).to.deep.equal([
      'button',
      'Tijuana Hub',
    ]);
    const zoom = $$(el, '.leaflet-control-zoom a').map((a) => [
      a.getAttribute('title'),
      a.getAttribute('aria-label'),
    ]);
    expect(zoom).to.deep.equal([
      ['Zoom in', 'Zoom in'],
      ['Zoom out', 'Zoom out'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('names clusters and the zoom buttons in the widget’s language', async () => {
    const { el: es } = await showMap('hubs-cluster.geojson', 'es');
    expect($(es, '.mi-cluster')!.getAttribute('aria-label')).to.equal('11 centros');
    expect(
      $$(es, '.leaflet-control-zoom a').map((a) => a.getAttribute('aria-label')),
    ).to.deep.equal(['Acercar', 'Alejar']);
  });

  it('draws markers of 24 × 24 px at least, and the selected one apart without colour', async () => {
    const { el } = await showMap('hubs-test.geojson');
    for (const pin of $$(el, '.mi-pin')) {
      const { width, height } = pin.getBoundingClientRect();
      expect(Math.min(width, height), pin.getAttribute('aria-label')!).to.be.at.least(24);
    }
    // Selected: larger and with a thicker border in every mode; in forced colours (Chromium here
    // cannot emulate them) a double border and an outline in the system's highlight colour.
    const plain = getComputedStyle($(el, '.mi-pin')!);
    expect([plain.scale, plain.borderTopWidth]).to.deep.equal(['none', '2px']);
    $(el, '[data-hub="tijuana"] [part="hub-name"]')!.click();
    await waitUntil(() => $(el, '.mi-pin.selected'), 'no marker selected');
    const selected = getComputedStyle($(el, '.mi-pin.selected')!);
    expect([selected.scale, selected.borderTopWidth]).to.deep.equal(['1.3', '4px']);
    const forced = el
      .shadowRoot!.adoptedStyleSheets.flatMap((s) => [...s.cssRules])
      .filter((r): r is CSSMediaRule => r instanceof CSSMediaRule)
      .filter((r) => r.conditionText === '(forced-colors: active)')
      .flatMap((r) => [...r.cssRules])
      .find((r) => (r as CSSStyleRule).selectorText === '.mi-pin.selected') as CSSStyleRule;
    expect(forced.style.borderStyle).to.equal('double');
    expect(forced.style.outlineColor.toLowerCase()).to.equal('highlight');
  });
});
