/**
 * The hub locator's map: Leaflet with markers clustered by supercluster. A lazy chunk of its
 * own, loaded only for `<mi-hub-locator map>`. Markers are buttons: Enter or Space on a hub
 * selects it, on a cluster zooms into it; focus survives every redraw. Gestures are
 * cooperative, as on a page that scrolls past the map: one finger and the plain wheel scroll
 * the page, two fingers and Ctrl/⌘ + wheel move the map, and a brief hint says so.
 */
import {
  control,
  divIcon,
  latLngBounds,
  layerGroup,
  map as createMap,
  marker,
  tileLayer,
  type LayerGroup,
  type Map as LeafletMap,
} from 'leaflet/dist/leaflet-src.esm.js';
import { msg } from '@lit/localize';
import Supercluster from 'supercluster';
import type { HubPoint } from './hub-store.js';
import { leafletCss } from './leaflet-css.js';

/** Markers are 24 px at least: the smallest target WCAG 2.5.8 allows. */
const PIN_SIZE = 24;

const MARKER_CSS = `
.mi-pin, .mi-cluster { display: grid; place-items: center; border-radius: 50%; box-sizing: border-box;
  border: 2px solid #fff; background: var(--_primary); color: var(--_on-primary);
  box-shadow: 0 1px 4px rgba(0,0,0,.45); font: 700 13px/1 system-ui, sans-serif; }
.mi-pin.selected { background: var(--_error); border-width: 4px; scale: 1.3; z-index: 1000 !important; }
.mi-pin:focus-visible, .mi-cluster:focus-visible { outline: 3px solid var(--mi-focus-ring, var(--_primary)); outline-offset: 2px; }
@media (forced-colors: active) {
  .mi-pin, .mi-cluster { forced-color-adjust: none; background: Canvas; color: CanvasText; border: 2px solid CanvasText; }
  .mi-pin.selected { background: Highlight; border: 5px double HighlightText; outline: 3px solid Highlight; }
  .mi-pin:focus-visible, .mi-cluster:focus-visible { outline: 3px dashed CanvasText; outline-offset: 3px; }
}
.leaflet-container { font: inherit; background: var(--_surface); }
/* One finger scrolls the page; two move the map (Leaflet's touch-zoom pans as it zooms). */
.leaflet-container.mi-map { touch-action: pan-y !important; }
.leaflet-control-attribution a { color: #0b5cad; }
.mi-map-hint { position: absolute; inset: 0; z-index: 1000; display: grid; place-items: center;
  padding: 1rem; text-align: center; pointer-events: none; opacity: 0; transition: opacity .3s;
  background: rgba(0,0,0,.55); color: #fff; font-size: 1.125rem; font-weight: 600; }
.mi-map-hint.shown { opacity: 1; }
@media (prefers-reduced-motion: reduce) { .mi-map-hint { transition: none; } }
`;

/** How long a gesture hint stays up after the gesture that called for it. */
const HINT_MS = 1500;

let sheet: CSSStyleSheet | undefined;

/** Adopt Leaflet's stylesheet into the shadow root that holds the map (no <style>: CSP-safe). */
function adoptStyles(container: HTMLElement): void {
  const root = container.getRootNode();
  if (!(root instanceof ShadowRoot)) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(leafletCss + MARKER_CSS);
  }
  if (!root.adoptedStyleSheets.includes(sheet))
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The map's own words, in the widget's language (read through {@link HubMapOptions.localize}). */
function mapText() {
  const mac = /Mac|iPhone|iPad/.test(navigator.platform);
  return {
    zoomIn: msg('Zoom in', { id: 'hubs.zoom-in' }),
    zoomOut: msg('Zoom out', { id: 'hubs.zoom-out' }),
    touchHint: msg('Use two fingers to move the map', { id: 'hubs.map-touch-hint' }),
    wheelHint: mac
      ? msg('Use ⌘ + scroll to zoom the map', { id: 'hubs.map-wheel-hint-mac' })
      : msg('Use Ctrl + scroll to zoom the map', { id: 'hubs.map-wheel-hint' }),
  };
}

export interface HubMapOptions {
  /** Tile URL template. */
  tiles: string;
  /** Attribution text of the tiles. */
  attribution: string;
  /** Where the attribution links to, if anywhere. */
  attributionUrl?: string;
  /** A hub's name in the visitor's language. */
  label: (hub: HubPoint) => string;
  /** "12 hubs", in the visitor's language. */
  clusterLabel: (count: number) => string;
  /** Runs `msg()` in the widget's language: the zoom buttons' names, the gesture hints. */
  localize: <T>(render: () => T) => T;
  /** The visitor selected a hub on the map. */
  onSelect: (hubId: string) => void;
}

/** A marker drawn now: where it is, and the hubs it stands for (one, or a cluster's). */
interface Drawn<Ids = () => string[]> {
  lat: number;
  lon: number;
  ids: Ids;
}

export class HubMap {
  private readonly map: LeafletMap;
  private readonly layer: LayerGroup;
  /** A new index for each set of hubs: a drawn cluster keeps the index its id belongs to. */
  private clusters = new Supercluster<{ id: string }>().load([]);
  private readonly hint = document.createElement('div');
  private hintTimer = 0;
  private hubs = new Map<string, HubPoint>();
  private ids = '';
  private selected = '';
  /** The markers' elements drawn now, and what each stands for. */
  private drawn = new Map<Element, Drawn>();
  /** Touch points down on the map now. */
  private readonly touches = new Map<number, { x: number; y: number }>();

  constructor(
    private readonly container: HTMLElement,
    private readonly options: HubMapOptions,
  ) {
    adoptStyles(container);
    container.classList.add('mi-map');
    this.map = createMap(container, {
      worldCopyJump: true,
      keyboard: true,
      zoomControl: false,
    }).setView([15.5, -88], 5);
    control.zoom().addTo(this.map);
    const attribution = options.attributionUrl
      ? `<a href="${escapeHtml(options.attributionUrl)}" rel="noopener noreferrer" target="_blank">${escapeHtml(options.attribution)}</a>`
      : escapeHtml(options.attribution);
    this.map.attributionControl.setPrefix(false);
    tileLayer(options.tiles, { attribution, maxZoom: 18, crossOrigin: false }).addTo(this.map);
    this.layer = layerGroup().addTo(this.map);
    this.map.on('moveend', () => this.draw());
    // A visual echo of a pointer gesture, which keyboard and screen-reader users never make:
    // hidden from assistive technology rather than a live region that speaks at every scroll.
    this.hint.className = 'mi-map-hint';
    this.hint.setAttribute('aria-hidden', 'true');
    container.append(this.hint);
    this.cooperate();
    this.relabel();
  }

  /** Show these hubs (the list's current results), with one selected. */
  setHubs(hubs: readonly HubPoint[], selected: string): void {
    const ids = hubs.map((h) => h.id).join('\n');
    if (ids !== this.ids) {
      this.ids = ids;
      this.hubs = new Map(hubs.map((h) => [h.id, h]));
      this.clusters = new Supercluster<{ id: string }>({ radius: 60, maxZoom: 15 });
      this.clusters.load(
        hubs.map((h) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [h.lon, h.lat] },
          properties: { id: h.id },
        })),
      );
      // A new set of results (a search, a filter): show them all.
      if (hubs.length) {
        this.map.fitBounds(latLngBounds(hubs.map((h) => [h.lat, h.lon])), {
          padding: [24, 24],
          maxZoom: 12,
          animate: false,
        });
      }
    }
    this.selected = selected;
    this.relabel();
    this.draw();
  }

  /** Highlight a hub and pan to it. */
  select(hubId: string): void {
    const hub = this.hubs.get(hubId);
    if (!hub) return;
    this.selected = hubId;
    this.map.setView([hub.lat, hub.lon], Math.max(this.map.getZoom(), 13));
    this.draw();
  }

  /** Ids of the hubs drawn as their own markers now (not inside a cluster). */
  get markerIds(): string[] {
    return this.layer
      .getLayers()
      .map((l) => (l as unknown as { options: { hubId?: string } }).options.hubId)
      .filter((id): id is string => !!id);
  }

  /** The map's box changed size (shown by its toggle, or the widget resized): measure it again. */
  resize(): void {
    this.map.invalidateSize({ pan: false });
  }

  destroy(): void {
    clearTimeout(this.hintTimer);
    // Leaflet ends a zoom animation on a timer that outlives remove(), and would then move panes
    // that are gone: end it now.
    const leaflet = this.map as unknown as {
      _animatingZoom?: boolean;
      _onZoomTransitionEnd(): void;
    };
    if (leaflet._animatingZoom) leaflet._onZoomTransitionEnd();
    this.map.remove();
  }

  /** The zoom buttons' names, in the widget's language now (it may change with `lang`). */
  private relabel(): void {
    const text = this.options.localize(mapText);
    for (const [selector, name] of [
      ['.leaflet-control-zoom-in', text.zoomIn],
      ['.leaflet-control-zoom-out', text.zoomOut],
    ]) {
      const button = this.container.querySelector(selector);
      button?.setAttribute('title', name);
      button?.setAttribute('aria-label', name);
    }
  }

  /**
   * Cooperative gestures. Touch: Leaflet's one-finger drag is off while a finger is down (so a
   * swipe scrolls the page, with `touch-action: pan-y`); its touch zoom pans and zooms with two.
   * Mouse: dragging as usual, but the wheel zooms only with Ctrl/⌘ (a trackpad's pinch is one).
   * Listeners in the capture phase run before Leaflet's own on the same container.
   */
  private cooperate(): void {
    const container = this.container;
    const touchUp = (e: PointerEvent) => {
      this.touches.delete(e.pointerId);
      if (!this.touches.size) this.map.dragging.enable();
    };
    container.addEventListener(
      'pointerdown',
      (e) => {
        if (e.pointerType !== 'touch') return;
        this.touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
        this.map.dragging.disable();
        if (this.touches.size > 1) this.showHint('');
      },
      true,
    );
    container.addEventListener(
      'pointermove',
      (e) => {
        const start = this.touches.get(e.pointerId);
        if (!start || this.touches.size !== 1) return;
        if (Math.hypot(e.clientX - start.x, e.clientY - start.y) > 10)
          this.showHint(this.options.localize(mapText).touchHint);
      },
      true,
    );
    // On the document: a finger may leave the map before it leaves the screen.
    document.addEventListener('pointerup', touchUp, true);
    document.addEventListener('pointercancel', touchUp, true);
    this.map.on('unload', () => {
      document.removeEventListener('pointerup', touchUp, true);
      document.removeEventListener('pointercancel', touchUp, true);
    });
    container.addEventListener(
      'wheel',
      (e) => {
        if (e.ctrlKey || e.metaKey) return this.showHint('');
        e.stopPropagation(); // not to Leaflet: the page scrolls
        this.showHint(this.options.localize(mapText).wheelHint);
      },
      { capture: true, passive: true },
    );
  }

  /** Show a gesture hint for a moment (or, with no text, take it away now). */
  private showHint(text: string): void {
    clearTimeout(this.hintTimer);
    this.hint.textContent = text;
    this.hint.classList.toggle('shown', !!text);
    if (text)
      this.hintTimer = window.setTimeout(() => this.hint.classList.remove('shown'), HINT_MS);
  }

  /** Enter or Space (once: Leaflet itself sends no click for either) does what a click does. */
  private onKeys(element: HTMLElement | undefined, action: () => void): void {
    element?.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault(); // Space would scroll the page
      if (!e.repeat) action();
    });
  }

  /** The focused marker, if focus is on one: where it is and the hubs it stands for. */
  private focusedMarker(): Drawn<string[]> | undefined {
    const root = this.container.getRootNode() as Document | ShadowRoot;
    const drawn = root.activeElement && this.drawn.get(root.activeElement);
    return drawn ? { ...drawn, ids: drawn.ids() } : undefined;
  }

  private draw(): void {
    const focused = this.focusedMarker();
    const bounds = this.map.getBounds();
    const zoom = Math.round(this.map.getZoom());
    const features = this.clusters.getClusters(
      [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()],
      zoom,
    );
    // Clearing the layer removes the focused marker's element: focus would fall to <body>.
    this.layer.clearLayers();
    this.drawn = new Map();
    for (const feature of features) {
      const [lon, lat] = feature.geometry.coordinates;
      const props = feature.properties as {
        cluster?: boolean;
        cluster_id?: number;
        point_count?: number;
        id?: string;
      };
      if (props.cluster) {
        const count = props.point_count ?? 0;
        const size = count < 10 ? 34 : count < 100 ? 40 : 48;
        const icon = document.createElement('span');
        icon.textContent = String(count);
        const label = this.options.clusterLabel(count);
        const index = this.clusters;
        const zoomIn = () =>
          this.map.setView([lat, lon], index.getClusterExpansionZoom(props.cluster_id!));
        const cluster = marker([lat, lon], {
          icon: divIcon({ html: icon, className: 'mi-cluster', iconSize: [size, size] }),
          title: label,
          keyboard: true,
        })
          .on('click', zoomIn)
          .addTo(this.layer);
        const element = cluster.getElement();
        element?.setAttribute('aria-label', label);
        this.onKeys(element, zoomIn);
        if (element)
          this.drawn.set(element, {
            lat,
            lon,
            ids: () =>
              index.getLeaves(props.cluster_id!, Infinity).map((leaf) => leaf.properties.id),
          });
        continue;
      }
      const hub = this.hubs.get(props.id!);
      if (!hub) continue;
      const label = this.options.label(hub);
      const selected = hub.id === this.selected;
      const pin = marker([lat, lon], {
        icon: divIcon({
          html: document.createElement('span'),
          className: `mi-pin${selected ? ' selected' : ''}`,
          iconSize: [PIN_SIZE, PIN_SIZE],
        }),
        title: label,
        keyboard: true,
        hubId: hub.id,
      } as Parameters<typeof marker>[1])
        .on('click', () => this.options.onSelect(hub.id))
        .addTo(this.layer);
      const element = pin.getElement();
      element?.setAttribute('aria-label', label);
      element?.setAttribute('aria-pressed', String(selected));
      this.onKeys(element, () => this.options.onSelect(hub.id));
      if (element) this.drawn.set(element, { lat, lon, ids: () => [hub.id] });
    }
    if (focused) this.refocus(focused);
  }

  /**
   * Focus the marker now drawn for what the focused one stood for: the same hub, or the
   * nearest marker holding any of its hubs (a cluster split by a zoom, a hub now clustered) —
   * else the map itself, never <body>.
   */
  private refocus(was: Drawn<string[]>): void {
    const ids = new Set(was.ids);
    let best: HTMLElement = this.container;
    let distance = Infinity;
    for (const [element, now] of this.drawn) {
      const d = Math.hypot(now.lat - was.lat, now.lon - was.lon);
      if (d < distance && now.ids().some((id) => ids.has(id))) {
        best = element as HTMLElement;
        distance = d;
      }
    }
    best.focus({ preventScroll: true });
  }
}
