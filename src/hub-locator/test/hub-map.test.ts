import { aTimeout, expect, fixture as render, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Map as LeafletMap } from 'leaflet';
import '../mi-hub-locator.js';
import type { MiHubLocator } from '../hub-locator.js';
import { $, $$, fixture, resetFeeds, settled, text } from '../../../test/helpers.js';

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

const center = (leaflet: LeafletMap) => leaflet.getCenter().toString();

describe('<mi-hub-locator> map: keyboard, screen readers, touch and mouse', () => {
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
    $(el, '[data-hub="tijuana"] [part="details-button"]')!.click();
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

  it('lets the wheel scroll the page, and zooms the map only with Ctrl', async () => {
    const { el, leaflet, container } = await showMap('hubs-test.geojson');
    const box = container.getBoundingClientRect();
    const wheel = (ctrlKey: boolean) =>
      $(el, '.leaflet-tile-pane')!.dispatchEvent(
        new WheelEvent('wheel', {
          deltaY: -240,
          ctrlKey,
          clientX: box.x + box.width / 2,
          clientY: box.y + box.height / 2,
          bubbles: true,
          cancelable: true,
          composed: true,
        }),
      );
    const zoom = leaflet.getZoom();
    expect(wheel(false), 'the page does not scroll').to.be.true;
    await aTimeout(200);
    expect(leaflet.getZoom()).to.equal(zoom);
    const hint = $(el, '.mi-map-hint')!;
    expect([
      text(hint),
      hint.classList.contains('shown'),
      hint.getAttribute('aria-hidden'),
    ]).to.deep.equal(['Use Ctrl + scroll to zoom the map', true, 'true']);

    expect(wheel(true), 'the page does not zoom').to.be.false;
    await waitUntil(() => leaflet.getZoom() > zoom, 'Ctrl + wheel did not zoom the map');
    expect(hint.classList.contains('shown')).to.be.false;
  });

  it('leaves one finger to the page and two to the map, with a hint', async () => {
    const { el, leaflet, container } = await showMap('hubs-test.geojson');
    expect(getComputedStyle(container).touchAction).to.equal('pan-y');
    const pane = $(el, '.leaflet-tile-pane')!;
    const box = container.getBoundingClientRect();
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    const at = (id: number, dx: number) => ({ clientX: x + dx, clientY: y + (id - 11) * 60 });
    const init = { bubbles: true, cancelable: true, composed: true };
    /** What a finger's move makes the browser send: a pointer event, then a touch event. */
    const fingers = (type: 'start' | 'move' | 'end', ids: number[], dx: number, down = ids) => {
      for (const id of ids)
        pane.dispatchEvent(
          new PointerEvent({ start: 'pointerdown', move: 'pointermove', end: 'pointerup' }[type], {
            ...init,
            ...at(id, dx),
            pointerId: id,
            pointerType: 'touch',
            isPrimary: id === 11,
          }),
        );
      const touch = (id: number) => new Touch({ identifier: id, target: pane, ...at(id, dx) });
      pane.dispatchEvent(
        new TouchEvent(`touch${type}`, {
          ...init,
          touches: down.map(touch),
          targetTouches: down.map(touch),
          changedTouches: ids.map(touch),
        }),
      );
    };
    const hint = $(el, '.mi-map-hint')!;

    // One finger: the map stays, and says how to move it.
    const before = center(leaflet);
    fingers('start', [11], 0);
    expect(leaflet.dragging.enabled(), 'one finger drags the map').to.be.false;
    for (const dx of [20, 60, 120]) fingers('move', [11], dx);
    fingers('end', [11], 120, []);
    await aTimeout(300);
    expect(center(leaflet)).to.equal(before);
    expect([text(hint), hint.classList.contains('shown')]).to.deep.equal([
      'Use two fingers to move the map',
      true,
    ]);
    expect(leaflet.dragging.enabled(), 'the mouse drags the map again').to.be.true;

    // Two fingers: the map moves (Leaflet's touch zoom pans as it zooms), without a hint.
    fingers('start', [11, 12], 0);
    expect(hint.classList.contains('shown')).to.be.false;
    for (const dx of [20, 60, 120]) fingers('move', [11, 12], dx);
    fingers('end', [11, 12], 120, []);
    await waitUntil(() => center(leaflet) !== before, 'two fingers did not move the map');
    expect(hint.classList.contains('shown')).to.be.false;
  });

  it('drags the map with the mouse as usual', async () => {
    const { leaflet, container } = await showMap('hubs-test.geojson');
    container.scrollIntoView({ block: 'center' });
    const box = container.getBoundingClientRect();
    const [x, y] = [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
    const before = center(leaflet);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    for (const dx of [20, 60, 100]) await sendMouse({ type: 'move', position: [x + dx, y] });
    await sendMouse({ type: 'up' });
    await waitUntil(() => center(leaflet) !== before, 'the map did not move');
    await resetMouse();
  });
});
