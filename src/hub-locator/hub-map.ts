/**
 * The hub locator's map: Leaflet with markers clustered by supercluster. A lazy chunk of its
 * own, loaded only for `<mi-hub-locator map>`. Markers are keyboard-reachable buttons; Enter
 * on a marker selects its hub, on a cluster zooms into it.
 */
import {
  divIcon,
  latLngBounds,
  layerGroup,
  map as createMap,
  marker,
  tileLayer,
  type LayerGroup,
  type Map as LeafletMap,
} from 'leaflet/dist/leaflet-src.esm.js';
import Supercluster from 'supercluster';
import type { HubPoint } from './hub-store.js';
import { leafletCss } from './leaflet-css.js';

const MARKER_CSS = `
.mi-pin, .mi-cluster { display: grid; place-items: center; border-radius: 50%; box-sizing: border-box;
  border: 2px solid #fff; background: var(--_primary); color: var(--_on-primary);
  box-shadow: 0 1px 4px rgba(0,0,0,.45); font: 700 13px/1 system-ui, sans-serif; }
.mi-pin.selected { background: var(--_error); transform: scale(1.35); z-index: 1000 !important; }
.mi-pin:focus-visible, .mi-cluster:focus-visible { outline: 3px solid var(--mi-focus-ring, var(--_primary)); outline-offset: 2px; }
.leaflet-container { font: inherit; background: var(--_surface); }
.leaflet-control-attribution a { color: #0b5cad; }
`;

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
  /** The visitor selected a hub on the map. */
  onSelect: (hubId: string) => void;
}

export class HubMap {
  private readonly map: LeafletMap;
  private readonly layer: LayerGroup;
  private readonly clusters = new Supercluster<{ id: string }>({ radius: 60, maxZoom: 15 });
  private hubs = new Map<string, HubPoint>();
  private ids = '';
  private selected = '';

  constructor(
    container: HTMLElement,
    private readonly options: HubMapOptions,
  ) {
    adoptStyles(container);
    this.map = createMap(container, { worldCopyJump: true, keyboard: true }).setView(
      [15.5, -88],
      5,
    );
    const attribution = options.attributionUrl
      ? `<a href="${escapeHtml(options.attributionUrl)}" rel="noopener noreferrer" target="_blank">${escapeHtml(options.attribution)}</a>`
      : escapeHtml(options.attribution);
    this.map.attributionControl.setPrefix(false);
    tileLayer(options.tiles, { attribution, maxZoom: 18, crossOrigin: false }).addTo(this.map);
    this.layer = layerGroup().addTo(this.map);
    this.map.on('moveend', () => this.draw());
  }

  /** Show these hubs (the list's current results), with one selected. */
  setHubs(hubs: readonly HubPoint[], selected: string): void {
    const ids = hubs.map((h) => h.id).join('\n');
    if (ids !== this.ids) {
      this.ids = ids;
      this.hubs = new Map(hubs.map((h) => [h.id, h]));
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

  destroy(): void {
    // Leaflet ends a zoom animation on a timer that outlives remove(), and would then move panes
    // that are gone: end it now.
    const leaflet = this.map as unknown as {
      _animatingZoom?: boolean;
      _onZoomTransitionEnd(): void;
    };
    if (leaflet._animatingZoom) leaflet._onZoomTransitionEnd();
    this.map.remove();
  }

  private draw(): void {
    const bounds = this.map.getBounds();
    const zoom = Math.round(this.map.getZoom());
    const features = this.clusters.getClusters(
      [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()],
      zoom,
    );
    this.layer.clearLayers();
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
        marker([lat, lon], {
          icon: divIcon({ html: icon, className: 'mi-cluster', iconSize: [size, size] }),
          title: label,
          alt: label,
          keyboard: true,
        })
          .on('click', () =>
            this.map.setView([lat, lon], this.clusters.getClusterExpansionZoom(props.cluster_id!)),
          )
          .addTo(this.layer);
        continue;
      }
      const hub = this.hubs.get(props.id!);
      if (!hub) continue;
      const label = this.options.label(hub);
      const pin = marker([lat, lon], {
        icon: divIcon({
          html: document.createElement('span'),
          className: `mi-pin${hub.id === this.selected ? ' selected' : ''}`,
          iconSize: [22, 22],
        }),
        title: label,
        alt: label,
        keyboard: true,
        hubId: hub.id,
      } as Parameters<typeof marker>[1])
        .on('click', () => this.options.onSelect(hub.id))
        .addTo(this.layer);
      pin.getElement()?.setAttribute('aria-label', label);
    }
  }
}
