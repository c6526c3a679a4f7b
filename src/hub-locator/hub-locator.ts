import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { IntersectionController } from '@lit-labs/observers/intersection-controller.js';
import { queryHubs, type FeedResult, type HubSource } from '../feed/client.js';
import type { Feed, Hub, LocalizedText } from '../feed/schema.js';
import type { Problem } from '../feed/problems.js';
import { safeUrl } from '../feed/text.js';
import { emit } from '../shared/events.js';
import { dateFormat, displayNames, numberFormat } from '../shared/intl.js';
import { MiElement, type ViewContext } from '../shared/mi-element.js';
import { regionalLanguageName } from '../shared/languages.js';
import { headingLevel } from '../shared/numbers.js';
import { distanceKm, openingStatus, weekHours } from './hubs.js';
import {
  directionsUrl,
  mapUrl,
  platformMapsApp,
  telUrl,
  whatsappShareUrl,
  whatsappUrl,
  type MapsProvider,
} from './links.js';
import type { HubAnswer, HubQuery } from './hub-store.js';
import { hubLocatorStyles } from './hub-locator.styles.js';
import { HubPartsController } from './parts.js';
import type { HubMap } from './hub-map.js';

/**
 * What the locator shows of a feed: the hubs that pass the filters (the first page of them, how
 * many, and with a map where each is), and the filters' choices — the countries and services
 * the hubs have (codes).
 */
type HubView = HubAnswer;

type GeoStatus = 'idle' | 'locating' | 'located' | 'denied' | 'unavailable' | 'timeout';

/** What a hub's card says of its hours today, and what a shared message says of them. */
interface StatusLine {
  /** "Open now", "Closed · opens at 09:00", "Temporarily closed until 3 August" */
  label: string;
  /** "Today 08:00–16:00", "Closed today · Christmas"; none for a closure */
  hours?: string;
  open: boolean;
  /** What a temporarily closed hub tells visitors meanwhile, and its language if not the interface's. */
  notice?: { text: string; lang?: string };
}

const PAGE = 20;
/**
 * New cards drawn in one update: a list that needs more than it has (or than this, at first)
 * gets the rest in a task after that frame. Twenty new cards took 110–150 ms of a 4× throttled
 * CPU in one task; the first few fill a phone's screen. Cards already drawn are updated in
 * place (a keystroke changes them, and costs no more than before).
 */
const FIRST_CARDS = 4;
const OSM_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const OSM_ATTRIBUTION = '© OpenStreetMap contributors';
const OSM_COPYRIGHT = 'https://www.openstreetmap.org/copyright';

/**
 * Find the nearest information hub: a list that works on any connection — search, filters,
 * open now, near me — and, when asked for, a map.
 *
 * @summary The information-hub locator: list first, map when wanted.
 * @title Information hubs
 *
 * @fires mi-hub-select - The visitor selected a hub: opened its details, asked to see it on the map, or chose its marker. `detail: { hubId }`.
 *
 * @csspart controls - The search box, filters and Near me.
 * @csspart search - The search box.
 * @csspart filter - The country and service selects and the Open now toggle.
 * @csspart near-me-button - The Near me button.
 * @csspart count - The number of hubs found.
 * @csspart list - The list of hubs.
 * @csspart hub - One hub's card.
 * @csspart hub-name - A hub's name (a heading).
 * @csspart status - Open now / Closed, with today's hours.
 * @csspart distance - The distance, after Near me.
 * @csspart directions - The card's one primary action: directions, in the maps app the partner chose (`directions`).
 * @csspart details-button - The button that opens a hub's details in place (`aria-expanded`).
 * @csspart details - A hub's details: address, services, languages, the week's hours, what to know, every way to reach it.
 * @csspart know - In the details, what to know before going: who it serves, cost, what to bring, accessibility, when the entry was last checked.
 * @csspart week - The next seven days' hours, in the details.
 * @csspart actions - In the details: call, WhatsApp, website, e-mail, share, show on map, directions in another app.
 * @csspart share-button - Shares the hub's name, address, today's hours, phone and a map link (the device's share sheet, else a copy).
 * @csspart more-button - The "Show more hubs" button.
 * @csspart none-found - What the list says when no hub matches the search and filters.
 * @csspart clear-button - The button there that clears the search and filters.
 * @csspart map - The map.
 * @csspart map-toggle - On a narrow widget, the button that shows or hides the map (the list comes first).
 * @csspart map-button - The button that loads the map when the visitor saves data.
 * @csspart empty - The line shown when there is no hub.
 *
 * @cssprop [--mi-color-success=#1b6b3a] - "Open now".
 * @cssprop [--mi-hub-map-height=360px] - Height of the map on a narrow widget; side by side with the list (a widget 40em wide or more), the map and the list's panel are 30em high unless this is set.
 * @cssprop [--mi-hub-height=58em] - Height the widget holds from before it loads until the visitor uses it — at least a phone's screen, so that the list growing below moves nothing in sight. Set it in the page's reserve stylesheet too.
 */
export class MiHubLocator extends MiElement<HubView> {
  static override styles = [...MiElement.styles, hubLocatorStyles];
  /** @internal */
  static override numbers = { ...MiElement.numbers, headingLevel: headingLevel(3) };

  protected readonly feedSection = 'hubs';
  /** Hubs the feed keeps in files of their own, fetched as the filter needs them. */
  private readonly parts = new HubPartsController(this, () => ({ timeout: this.timeout }));
  /** The feed's own hubs (kept where the feed was read: the reader's worker), and its URL. */
  private hubs?: { url: string; source: HubSource };
  /** The last answer to a search of the hubs, for the feed at `url`. */
  private answer?: { url: string; answer: HubAnswer };
  /** The search asked for last, and while its answer is on its way, that answer. */
  private asked = '';
  private asking?: Promise<void>;
  /** Why the hubs could not be searched, when they could not. */
  private searchError?: unknown;
  /** Cards this update draws (Infinity: draw all the next time); more are due after the frame. */
  private drawn = 0;
  private drawRest = false;
  private finishing?: Promise<void>;
  private hubMap?: HubMap;
  private mapLoading = false;
  /** Watches whether the map's box has a size: hidden on a narrow widget until its toggle. */
  private mapSize?: { target: HTMLElement; observer: ResizeObserver };
  /** A hub to pan to once the map has its markers (Show on map opened the map). */
  private panTo = '';
  /** Where the feed says to report wrong information about a hub (a hub may say otherwise). */
  private reportTo?: string;
  /**
   * Whether the locator has come within a screen's height of the viewport: the map's code
   * loads then, not at page start. Watched only with `map`, and only until then.
   */
  private readonly viewport = new IntersectionController(this, {
    target: null,
    config: { rootMargin: '100% 0px' },
    callback: (entries, observer) => {
      const near = entries.some((entry) => entry.isIntersecting);
      if (near) observer.disconnect();
      return near;
    },
  });

  @query('.map') private mapContainer?: HTMLElement;

  @state() private query = '';
  @state() private openNow = false;
  /** Only hubs that list this language (a tag from the hubs' own), or every language. */
  @state() private language = '';
  @state() private shown = PAGE;
  @state() private position?: { lat: number; lon: number };
  @state() private geoStatus: GeoStatus = 'idle';
  @state() private selected = '';
  /** Hubs whose details the visitor opened (each card opens in place). */
  @state() private expanded: ReadonlySet<string> = new Set();
  /** The visitor asked for the map: the toggle on a narrow widget, or Show map when saving data. */
  @state() private mapOpen = false;
  /** The map's box has a size (its toggle is on, or the widget is wide): its code and points are due. */
  @state() private mapVisible = false;
  /** What sharing a hub did, said in the live region: copied, or not (with a WhatsApp link then). */
  @state() private shared?: { hubId: string; copied: boolean };
  /** The visitor searched, filtered or paged: the box may now be shorter than it held. */
  @state() private acted = false;

  /** Only hubs in this country (ISO 3166-1 alpha-2); the visitor can change it. */
  @property() country = '';

  /** Only hubs offering this service (e.g. `legal`); the visitor can change it. */
  @property() service = '';

  /** Show a map beside the list (Leaflet, loaded only then). */
  @property({ type: Boolean }) map = false;

  /** Tile URL template of the map. */
  @property() tiles = OSM_TILES;

  /** Attribution of the map tiles (text). */
  @property({ attribute: 'tiles-attribution' }) tilesAttribution = OSM_ATTRIBUTION;

  /**
   * Where the Directions link of each card opens: `auto` (the visitor's maps app on Android and
   * iOS, Google Maps elsewhere), `app`, `google` or `osm` (OpenStreetMap). The details offer the
   * others too.
   */
  @property() directions: 'auto' | 'app' | 'google' | 'osm' = 'auto';

  /** Heading level (2–6) of hub names, to fit the outline of the host page. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.mapSize?.observer.disconnect();
    this.mapSize = undefined;
    this.hubMap?.destroy();
    this.hubMap = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('country') || changed.has('service')) this.shown = PAGE;
    if (changed.has('map') && this.map) this.viewport.observe(this);
    super.willUpdate(changed);
    this.search();
    // No more new cards than FIRST_CARDS in one update: the rest after the frame (updated()).
    const wanted = this.found.length; // the answer holds no more than the page asked for
    this.drawn = Math.min(wanted, Math.max(this.drawn, FIRST_CARDS));
    this.drawRest = this.drawn < wanted;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    void this.syncMap();
    if (this.drawRest) {
      this.drawRest = false;
      // After the frame that shows the first cards: a timer alone could run before it.
      this.finishing = new Promise((resolve) =>
        requestAnimationFrame(() =>
          setTimeout(() => {
            this.drawn = Infinity;
            this.requestUpdate();
            resolve();
          }),
        ),
      );
    }
  }

  /**
   * Resolves once the list is drawn in full, not only its first cards, and shows the answer to
   * the last search asked for.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.finishing || this.asking) {
      if (this.asking) {
        await this.asking;
      } else {
        const finishing = this.finishing;
        await finishing;
        if (this.finishing === finishing) this.finishing = undefined;
      }
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  private handleSearch(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    this.shown = PAGE;
    this.acted = true;
  }

  private handleCountry(event: Event): void {
    this.country = (event.target as HTMLSelectElement).value;
    this.acted = true;
  }

  private handleService(event: Event): void {
    this.service = (event.target as HTMLSelectElement).value;
    this.acted = true;
  }

  private handleLanguage(event: Event): void {
    this.language = (event.target as HTMLSelectElement).value;
    this.shown = PAGE;
    this.acted = true;
  }

  private handleOpenNow(event: Event): void {
    this.openNow = (event.target as HTMLInputElement).checked;
    this.shown = PAGE;
    this.acted = true;
  }

  /** The next page of hubs; focus moves to its first card (the button may go with the last page). */
  private handleMore(): void {
    const first = this.found.length;
    this.shown += PAGE;
    this.acted = true;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelectorAll<HTMLElement>('[part="hub"]')[first]?.focus(),
    );
  }

  /** Every filter off and the search empty, after a search that found nothing; then the search. */
  private handleClearFilters(): void {
    this.query = '';
    this.country = '';
    this.service = '';
    this.language = '';
    this.openNow = false;
    this.shown = PAGE;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[part="search"]')?.focus(),
    );
  }

  /** Near me: the button keeps the focus while locating (`aria-disabled`, not `disabled`). */
  private handleNearMe(): void {
    if (this.geoStatus === 'locating') return;
    this.acted = true;
    if (!('geolocation' in navigator)) {
      this.geoStatus = 'unavailable';
      return;
    }
    this.geoStatus = 'locating';
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        this.position = { lat: pos.coords.latitude, lon: pos.coords.longitude };
        this.geoStatus = 'located';
        this.shown = PAGE;
      },
      (error) => {
        this.geoStatus =
          error.code === error.PERMISSION_DENIED
            ? 'denied'
            : error.code === error.TIMEOUT
              ? 'timeout'
              : 'unavailable';
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  }

  /** A marker chosen on the map: its card is shown (on the page, open) and takes the focus. */
  private handleMarker(hubId: string): void {
    this.select(hubId);
    this.expanded = new Set(this.expanded).add(hubId);
    const position = (this.answer?.answer.points ?? []).findIndex((h) => h.id === hubId);
    if (position >= this.shown) this.shown = position + 1;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[data-hub="${CSS.escape(hubId)}"]`)?.focus(),
    );
  }

  /** A card's details open in place (and the hub is selected), or close. */
  private handleDetails(hubId: string): void {
    const expanded = new Set(this.expanded);
    if (expanded.delete(hubId)) {
      this.expanded = expanded;
      return;
    }
    this.expanded = expanded.add(hubId);
    this.select(hubId);
    this.hubMap?.select(hubId);
  }

  /** Show on map: the map opens if it was closed (a narrow widget), then pans to the hub. */
  private handleShowOnMap(hubId: string): void {
    this.select(hubId);
    this.mapOpen = true;
    if (this.hubMap && this.mapVisible) this.hubMap.select(hubId);
    else this.panTo = hubId;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector('.map-area')?.scrollIntoView({ block: 'nearest' }),
    );
  }

  private handleMapToggle(): void {
    this.mapOpen = !this.mapOpen;
  }

  /**
   * Share a hub as text, for a visitor who will lose signal on the way: the device's share
   * sheet (WhatsApp, SMS…), else a copy to paste; when neither works, the live region offers a
   * WhatsApp link with the text.
   */
  private async handleShare(hub: Hub): Promise<void> {
    // In the widget's language, as when it renders (msg() answers in the active locale).
    const text = this.locale.render(() => this.shareText(hub));
    this.shared = undefined;
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title: this.text(hub.name), text });
        return;
      } catch (error) {
        // The visitor closed the share sheet: nothing more to do.
        if ((error as DOMException | undefined)?.name === 'AbortError') return;
      }
    }
    let copied = false;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch {
      copied = false;
    }
    this.shared = { hubId: hub.id, copied };
  }

  private select(hubId: string): void {
    this.selected = hubId;
    emit(this, 'mi-hub-select', { hubId });
  }

  /** What the reader found wrong in the hubs: the feed's, and the files of hubs that arrived. */
  override get problems(): readonly Problem[] {
    return [...super.problems, ...this.parts.problems()];
  }

  /**
   * The feed's hubs, to search; and those it keeps in files of their own: the country shown
   * first, the rest when it widens.
   */
  protected override prepare({ feed, hubs, url }: FeedResult): void {
    this.hubs = { url, source: hubs };
    this.reportTo = feed.report;
    if (feed.hubParts.length) this.parts.want(feed.hubParts, this.country);
  }

  /** A file of hubs, or the first answer to the search of the hubs, is still on its way. */
  protected override partPending(feed: Feed): boolean {
    return (
      this.parts.waiting(feed.hubParts, this.country) ||
      (this.hubCount > 0 && !this.searchError && this.answer?.url !== this.hubs?.url)
    );
  }

  protected override partError(feed: Feed): unknown {
    return this.parts.error(feed.hubParts, this.country) ?? this.searchError;
  }

  protected override handleRetry(): void {
    this.parts.retry();
    this.searchError = undefined;
    this.asked = '';
    super.handleRetry();
  }

  /**
   * The answer to the last search of this feed's hubs (the one before, while the next is on its
   * way): `undefined` while there is none yet, and when the feed has no hub at all.
   */
  protected view(feed: Feed, { url }: ViewContext): HubView | undefined {
    const answer = this.answer?.url === url ? this.answer.answer : undefined;
    if (!answer || this.hubCount === 0) return undefined;
    const parts = feed.hubParts.flatMap((p) =>
      p.country && p.country !== 'other' ? p.country : [],
    );
    return parts.length
      ? { ...answer, countries: [...new Set([...answer.countries, ...parts])] }
      : answer;
  }

  /** How many hubs there are to search: the feed's own and those of the files that arrived. */
  private get hubCount(): number {
    return [this.hubs?.source, ...this.parts.hubs()].reduce((n, s) => n + (s?.count ?? 0), 0);
  }

  /**
   * Ask for the hubs the list shows now, where they are kept (the reader's worker), unless that
   * is what was asked last: the page of cards, how many there are, where each is for the map.
   * The list shows the last answer until the next one comes.
   */
  private search(): void {
    const hubs = this.hubs;
    if (!hubs) return;
    const sources = [hubs.source, ...this.parts.hubs()];
    const query: Omit<HubQuery, 'now'> = {
      query: this.query,
      country: this.country,
      service: this.service,
      language: this.language,
      openNow: this.openNow,
      near: this.position,
      limit: this.shown,
      points: this.map && this.mapVisible,
    };
    const key = JSON.stringify([hubs.url, sources.map((s) => s.id), query]);
    if (key === this.asked) return;
    this.asked = key;
    const asking: Promise<void> = queryHubs(sources, { ...query, now: Date.now() })
      .then(
        (answer) => {
          if (this.asked !== key) return;
          this.answer = { url: hubs.url, answer };
          this.searchError = undefined;
        },
        (error: unknown) => {
          if (this.asked === key) this.searchError = error;
        },
      )
      .finally(() => {
        if (this.asking === asking) this.asking = undefined;
        this.requestUpdate();
      });
    this.asking = asking;
  }

  /** The hubs the list shows now (the first page of those found). */
  private get found(): Hub[] {
    const current = this.feed.current;
    return current.state === 'ready' ? current.view.hubs : [];
  }

  /** The visitor saves data: the map waits for a tap, and a placeholder holds its place. */
  private get saveData(): boolean {
    return (
      (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData ===
      true
    );
  }

  /**
   * Watch the map's box: on a narrow widget it has no size until its toggle is on, and the map's
   * code, its points and Leaflet's measurements wait for that.
   */
  private watchMapSize(): void {
    const target = this.renderRoot.querySelector<HTMLElement>('.map-area') ?? undefined;
    if (this.mapSize?.target === target) return;
    this.mapSize?.observer.disconnect();
    this.mapSize = undefined;
    if (!target) {
      this.mapVisible = false;
      return;
    }
    const observer = new ResizeObserver(([entry]) => {
      const visible = entry.contentRect.width > 0 && entry.contentRect.height > 0;
      if (visible && this.hubMap) this.hubMap.resize();
      if (visible !== this.mapVisible) this.mapVisible = visible;
    });
    observer.observe(target);
    this.mapSize = { target, observer };
  }

  /**
   * Create the map once its box is shown and the widget is near the screen (its code loads then;
   * until then the box holds the map's place), and keep its markers current.
   */
  private async syncMap(): Promise<void> {
    this.watchMapSize();
    const container = this.mapContainer;
    if (!container || this.state !== 'ready') {
      if (!container) {
        this.hubMap?.destroy();
        this.hubMap = undefined;
      }
      return;
    }
    if (!this.hubMap && !this.mapLoading) {
      if (this.viewport.value !== true || !this.mapVisible) return;
      this.mapLoading = true;
      try {
        const { HubMap } = await import('./hub-map.js');
        if (this.mapContainer !== container) return;
        this.hubMap = new HubMap(container, {
          tiles: this.tiles,
          attribution: this.tilesAttribution,
          attributionUrl: this.tiles === OSM_TILES ? OSM_COPYRIGHT : undefined,
          label: (hub) => this.text(hub.name),
          clusterLabel: (count) =>
            this.locale.render(() => msg(str`${count} hubs`, { id: 'hubs.cluster' })),
          localize: (render) => this.locale.render(render),
          onSelect: (hubId) => this.handleMarker(hubId),
        });
      } catch (error) {
        console.error('[mi-widgets] Could not load the map.', error);
        return;
      } finally {
        this.mapLoading = false;
      }
    }
    const points = this.answer?.answer.points;
    this.hubMap?.setHubs(points ?? [], this.selected);
    if (this.panTo && points) {
      this.hubMap?.select(this.panTo);
      this.panTo = '';
    }
  }

  override render(): TemplateResult {
    // The box holds its reserved height until the visitor uses the list (see --mi-hub-height).
    return this.renderFrame(
      msg('Information hubs', { id: 'hubs.label' }),
      html`<div class="hold ${this.acted ? '' : 'held'}">${this.renderState()}</div>`,
    );
  }

  protected renderReady({ hubs, total, countries, services, languages }: HubView): TemplateResult {
    return html`
      ${this.renderControls(countries, services, languages)} ${this.renderGeoMessage()}
      <div class="layout ${this.map ? 'with-map' : ''}">
        ${this.renderMap()}
        <div class="results" aria-busy=${this.asking ? 'true' : 'false'}>
          <p part="count" class="count" role="status">
            ${msg(str`Hubs found: ${total}`, { id: 'hubs.count' })}
          </p>
          ${total ? this.renderList(hubs, total) : this.renderNoneFound()}
        </div>
      </div>
    `;
  }

  /** A few placeholder blocks at the top of the box it holds. */
  protected override renderLoading(): TemplateResult {
    return super.renderLoading(3);
  }

  protected renderEmpty(): TemplateResult {
    return html`<p part="empty" class="empty">
      ${msg('There are no information hubs to show.', { id: 'hubs.empty' })}
    </p>`;
  }

  private renderControls(
    countries: string[],
    services: string[],
    languages: string[],
  ): TemplateResult {
    return html`<form
      part="controls"
      class="controls"
      role="search"
      @submit=${(e: Event) => e.preventDefault()}
    >
      <div class="field search">
        <label for="q">${msg('Search by name or place', { id: 'hubs.search' })}</label>
        <input
          part="search"
          id="q"
          type="search"
          autocomplete="off"
          .value=${this.query}
          @input=${this.handleSearch}
        />
      </div>
      ${this.renderFilter({
        id: 'country',
        label: msg('Country', { id: 'hubs.country' }),
        all: msg('All countries', { id: 'hubs.all-countries' }),
        codes: countries,
        name: (code) => this.regionName(code),
        value: this.country.toUpperCase(),
        onChange: this.handleCountry,
      })}
      ${this.renderFilter({
        id: 'service',
        label: msg('Service', { id: 'hubs.service' }),
        all: msg('All services', { id: 'hubs.all-services' }),
        codes: services,
        name: (code) => this.serviceName(code),
        value: this.service,
        onChange: this.handleService,
      })}
      ${
        languages.length
          ? this.renderFilter({
              id: 'language',
              label: msg('Language spoken', { id: 'hubs.language' }),
              all: msg('All languages', { id: 'hubs.all-languages' }),
              codes: languages,
              name: (code) => this.languageName(code),
              value: this.language,
              onChange: this.handleLanguage,
            })
          : nothing
      }
      <div class="toggles">
        <label class="check">
          <input
            part="filter"
            type="checkbox"
            .checked=${this.openNow}
            @change=${this.handleOpenNow}
          />
          ${msg('Open now', { id: 'hubs.open-now-filter' })}
        </label>
        <button
          part="near-me-button"
          type="button"
          class="secondary"
          @click=${this.handleNearMe}
          aria-disabled=${this.geoStatus === 'locating' ? 'true' : 'false'}
        >
          ${this.geoStatus === 'locating' ? msg('Locating…', { id: 'hubs.locating' }) : msg('Near me', { id: 'hubs.near-me' })}
        </button>
      </div>
    </form>`;
  }

  /** One filter: a select whose first choice is "all", then the codes by name, in the locale's order. */
  private renderFilter(filter: {
    id: string;
    label: string;
    all: string;
    codes: readonly string[];
    name: (code: string) => string;
    value: string;
    onChange: (event: Event) => void;
  }): TemplateResult {
    const choices = filter.codes
      .map((code) => ({ code, name: filter.name(code) }))
      .sort((a, b) => a.name.localeCompare(b.name, this.locale.format));
    return html`<div class="field">
      <label for=${filter.id}>${filter.label}</label>
      <select part="filter" id=${filter.id} @change=${filter.onChange}>
        <option value="" ?selected=${!filter.value}>${filter.all}</option>
        ${choices.map((c) => html`<option value=${c.code} ?selected=${c.code === filter.value}>${c.name}</option>`)}
      </select>
    </div>`;
  }

  private renderGeoMessage(): unknown {
    const messages: Partial<Record<GeoStatus, string>> = {
      denied: msg('Location permission was denied. The list is not sorted by distance.', {
        id: 'hubs.geo-denied',
      }),
      unavailable: msg('Your location is not available. The list is not sorted by distance.', {
        id: 'hubs.geo-unavailable',
      }),
      timeout: msg('Finding your location took too long. Try again.', { id: 'hubs.geo-timeout' }),
      located: msg('Sorted by distance from you.', { id: 'hubs.geo-sorted' }),
    };
    const text = messages[this.geoStatus];
    if (!text) return nothing;
    const problem = this.geoStatus !== 'located';
    return html`<p class="geo ${problem ? 'problem' : ''}" role=${problem ? 'alert' : 'status'}>
      ${text}
    </p>`;
  }

  /**
   * The map's place. A narrow widget shows the list first and the map behind a toggle; a wide one
   * shows them side by side (the CSS decides: the toggle and the closed map are hidden there).
   * A visitor who saves data taps once before the map's code and tiles load.
   */
  private renderMap(): unknown {
    if (!this.map) return nothing;
    const waiting = this.saveData && !this.mapOpen;
    return html`<button
        part="map-toggle"
        type="button"
        class="secondary map-toggle"
        aria-expanded=${this.mapOpen ? 'true' : 'false'}
        aria-controls="map-area"
        @click=${this.handleMapToggle}
      >
        ${this.mapOpen ? msg('Hide map', { id: 'hubs.hide-map' }) : msg('Show map', { id: 'hubs.show-map' })}
      </button>
      <div id="map-area" class="map-area ${this.mapOpen ? 'open' : ''}">
        ${
          waiting
            ? html`<div class="map-placeholder">
                <button
                  part="map-button"
                  type="button"
                  class="secondary"
                  @click=${() => (this.mapOpen = true)}
                >
                  ${msg('Show map', { id: 'hubs.show-map' })}
                </button>
              </div>`
            : html`<div
                part="map"
                class="map"
                role="region"
                aria-label=${msg('Map of information hubs', { id: 'hubs.map-label' })}
              ></div>`
        }
      </div>`;
  }

  /** No hub passes the search and filters: say so, and offer the way out. */
  private renderNoneFound(): TemplateResult {
    return html`<div part="none-found" class="none-found">
      <p>
        ${msg('No hub matches your search and filters. Try other words, or clear the filters.', {
          id: 'hubs.none-found',
        })}
      </p>
      <button part="clear-button" type="button" class="secondary" @click=${this.handleClearFilters}>
        ${msg('Clear search and filters', { id: 'hubs.clear' })}
      </button>
    </div>`;
  }

  private renderList(found: readonly Hub[], total: number): TemplateResult {
    const visible = found.slice(0, this.drawn);
    // role="list" is not redundant here: Safari drops list semantics under list-style: none.
    /* eslint-disable lit-a11y/no-redundant-role */
    return html`
      <ul part="list" class="list" role="list">
        ${visible.map((hub) => this.renderHub(hub))}
      </ul>
      ${
        total > visible.length
          ? html`<div class="more">
              <button part="more-button" type="button" @click=${this.handleMore}>
                ${msg('Show more hubs', { id: 'hubs.more' })}
              </button>
            </div>`
          : nothing
      }
    `;
    /* eslint-enable lit-a11y/no-redundant-role */
  }

  /**
   * A compact card — name, open status, distance, Directions — whose details open in place:
   * about a fifth of a phone's screen, so the first five hubs fit in two.
   */
  private renderHub(hub: Hub): TemplateResult {
    const { text: name, lang: nameLang } = this.localized(hub.name);
    const open = this.expanded.has(hub.id);
    const details = `hub-details-${hub.id}`;
    const now = new Date();
    const status = this.statusLine(hub, now);
    return html`<li
      part="hub"
      class="hub ${this.selected === hub.id ? 'selected' : ''} ${open ? 'open' : ''}"
      data-hub=${hub.id}
      tabindex="-1"
    >
      <div
        part="hub-name"
        class="name"
        role="heading"
        aria-level=${this.headingLevel}
        lang=${ifDefined(nameLang)}
      >
        ${name}
      </div>
      ${this.renderStatus(status)} ${this.renderDistance(hub)}
      <div class="primary">
        <a
          part="directions"
          class="action"
          href=${this.directionsUrl(hub, this.directionsDefault)}
          rel="noopener noreferrer"
          target="_blank"
          aria-label=${msg(str`Directions to ${name}`, { id: 'hubs.directions-label' })}
        >
          ${msg('Directions', { id: 'hubs.directions' })}
        </a>
        <button
          part="details-button"
          type="button"
          class="link details-button"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${details}
          aria-label=${msg(str`Details of ${name}`, { id: 'hubs.details-label' })}
          @click=${() => this.handleDetails(hub.id)}
        >
          ${msg('Details', { id: 'hubs.details' })}
        </button>
      </div>
      <div part="details" class="details" id=${details} ?hidden=${!open}>
        ${open ? this.renderDetails(hub, name, status, now) : nothing}
      </div>
    </li>`;
  }

  /** What opens in place: all that a visitor may want before going, and every way to get there. */
  private renderDetails(
    hub: Hub,
    name: string,
    status: StatusLine | undefined,
    now: Date,
  ): TemplateResult {
    return html`
      ${this.renderText(hub.organization, 'org')}
      <p class="place">${this.place(hub)}</p>
      ${
        status?.notice
          ? html`<p class="closure-notice" lang=${ifDefined(status.notice.lang)}>
              ${status.notice.text}
            </p>`
          : nothing
      }
      ${this.renderServices(hub)} ${this.renderLanguages(hub)}
      ${this.renderText(hub.notes, 'notes')} ${this.renderKnow(hub)} ${this.renderWeek(hub, now)}
      ${this.renderActions(hub, name)} ${this.renderShared(hub)}
      ${this.renderDirectionsChoice(hub, name)}
    `;
  }

  /** A paragraph of feed text, in its language, if there is any. */
  private renderText(value: LocalizedText | undefined, className: string): unknown {
    const { text, lang } = this.localized(value);
    return text ? html`<p class=${className} lang=${ifDefined(lang)}>${text}</p>` : nothing;
  }

  /** What to know before going: who it serves, what it costs, what to bring, access; when last checked. */
  private renderKnow(hub: Hub): unknown {
    const cost =
      hub.cost === 'free' ? { text: msg('Free', { id: 'hubs.free' }) } : this.localized(hub.cost);
    const rows = [
      [msg('Who it serves', { id: 'hubs.eligibility' }), this.localized(hub.eligibility)],
      [msg('Cost', { id: 'hubs.cost' }), cost],
      [msg('What to bring', { id: 'hubs.documents' }), this.localized(hub.documents)],
      [msg('Accessibility', { id: 'hubs.accessibility' }), this.localized(hub.accessibility)],
    ] as const;
    const known = rows.filter(([, value]) => value.text);
    const verified = hub.verified
      ? dateFormat(this.locale.format, { dateStyle: 'long', timeZone: 'UTC' }).format(
          new Date(`${hub.verified}T12:00:00Z`),
        )
      : '';
    if (!known.length && !verified) return nothing;
    return html`<div part="know" class="know">
      ${
        known.length
          ? html`<dl>
              ${known.map(
                ([term, value]) =>
                  html`<div>
                    <dt>${term}</dt>
                    <dd lang=${ifDefined(value.lang)}>${value.text}</dd>
                  </div>`,
              )}
            </dl>`
          : nothing
      }
      ${
        verified
          ? html`<p class="verified">
              ${msg(str`Verified on ${verified}`, { id: 'hubs.verified' })}
            </p>`
          : nothing
      }
    </div>`;
  }

  private renderStatus(status: StatusLine | undefined): TemplateResult {
    if (!status)
      return html`<p part="status" class="status muted">
        ${msg('Opening hours not listed', { id: 'hubs.no-hours' })}
      </p>`;
    return html`<p part="status" class="status">
      <strong class=${status.open ? 'open' : 'closed'}>${status.label}</strong>
      ${status.hours ? html`<span class="muted">· ${status.hours}</span>` : nothing}
    </p>`;
  }

  /**
   * The hub's hours today in words: "Open now · Today 08:00–16:00", "Closed · opens Mon 08:00
   * · Closed today · Christmas", "Temporarily closed until 3 August" — on the card and in a
   * shared message alike. None when the feed lists no hours.
   */
  private statusLine(hub: Hub, now: Date): StatusLine | undefined {
    const status = openingStatus(hub, now);
    if (!status) return undefined;
    if (status.closure) {
      const { reopens, notice } = status.closure;
      return {
        label: reopens
          ? msg(str`Temporarily closed until ${this.dayName(reopens)}`, { id: 'hubs.closed-until' })
          : msg('Temporarily closed', { id: 'hubs.closed-for-now' }),
        open: false,
        notice: notice ? this.localized(notice) : undefined,
      };
    }
    const reason = status.exception?.reason ? this.text(status.exception.reason) : '';
    let hours: string;
    if (status.today.length) {
      hours = msg(str`Today ${status.today.join(', ')}`, { id: 'hubs.today' });
      if (reason) hours = `${hours} · ${reason}`;
    } else {
      hours = reason
        ? msg(str`Closed today · ${reason}`, { id: 'hubs.closed-today-because' })
        : msg('Closed today', { id: 'hubs.closed-today' });
    }
    let label: string;
    if (status.open) label = msg('Open now', { id: 'hubs.open' });
    else if (!status.next) label = msg('Closed', { id: 'hubs.closed' });
    else if (status.next.today)
      label = msg(str`Closed · opens at ${status.next.time}`, { id: 'hubs.opens-today' });
    else
      label = msg(str`Closed · opens ${this.weekdayName(status.next.day)} ${status.next.time}`, {
        id: 'hubs.opens-day',
      });
    return { label, hours, open: status.open };
  }

  /** The next seven days' hours, in the details: today first, each dated exception with its reason. */
  private renderWeek(hub: Hub, now: Date): unknown {
    if (!hub.opening_hours?.length && !hub.hours_exceptions?.length) return nothing;
    const closed = msg('Closed', { id: 'hubs.closed' });
    return html`<table part="week" class="week">
      <caption>
        ${msg('Hours this week', { id: 'hubs.week' })}
      </caption>
      ${weekHours(hub, now).map((day) => {
        const times = day.times.map((t) => `${t.opens}–${t.closes}`).join(', ') || closed;
        const reason = this.localized(day.exception?.reason);
        return html`<tr class=${day.exception ? 'exception' : ''}>
          <th scope="row">${this.weekdayName(day.day)} ${this.dayName(day.date, false)}</th>
          <td>
            ${times}${
              reason.text ? html` · <span lang=${ifDefined(reason.lang)}>${reason.text}</span>` : ''
            }
          </td>
        </tr>`;
      })}
    </table>`;
  }

  private renderDistance(hub: Hub): unknown {
    if (!this.position) return nothing;
    const km = distanceKm(this.position, hub);
    const distance = numberFormat(this.locale.format, {
      style: 'unit',
      unit: 'kilometer',
      maximumFractionDigits: km < 10 ? 1 : 0,
    }).format(km);
    return html`<p part="distance" class="distance">
      ${msg(str`${distance} away`, { id: 'hubs.distance' })}
    </p>`;
  }

  private renderServices(hub: Hub): unknown {
    if (!hub.services?.length) return nothing;
    return html`<ul class="chips" aria-label=${msg('Services', { id: 'hubs.services' })}>
      ${hub.services.map((s) => html`<li>${this.serviceName(s)}</li>`)}
    </ul>`;
  }

  private renderLanguages(hub: Hub): unknown {
    if (!hub.languages?.length) return nothing;
    const names = hub.languages.map((code) => this.languageName(code));
    return html`<p class="languages">
      ${msg(str`Languages: ${names.join(', ')}`, { id: 'hubs.languages' })}
    </p>`;
  }

  /** Every way to reach the hub, to take it along, and to say what is wrong with its entry. */
  private renderActions(hub: Hub, name: string): TemplateResult {
    const website = safeUrl(hub.url);
    const report = this.reportUrl(hub, name);
    const canShare = typeof navigator.share === 'function' || !!navigator.clipboard;
    return html`<div part="actions" class="actions">
      ${
        hub.phone
          ? html`<a
              class="action"
              href=${telUrl(hub.phone)}
              aria-label=${msg(str`Call ${name}`, { id: 'hubs.call-label' })}
            >
              ${msg('Call', { id: 'hubs.call' })}
            </a>`
          : nothing
      }
      ${
        hub.whatsapp
          ? html`<a
              class="action"
              href=${whatsappUrl(hub.whatsapp)}
              rel="noopener noreferrer"
              target="_blank"
              aria-label=${msg(str`Message ${name} on WhatsApp`, { id: 'hubs.whatsapp-label' })}
            >
              WhatsApp
            </a>`
          : nothing
      }
      ${
        website
          ? html`<a
              class="action"
              href=${website}
              rel="noopener noreferrer"
              target="_blank"
              aria-label=${msg(str`Website of ${name}`, { id: 'hubs.website-label' })}
            >
              ${msg('Website', { id: 'hubs.website' })}
            </a>`
          : nothing
      }
      ${hub.email ? html`<a class="action" href=${`mailto:${hub.email}`}>${hub.email}</a>` : nothing}
      ${
        canShare
          ? html`<button
              part="share-button"
              type="button"
              class="link action"
              aria-label=${msg(str`Share ${name}`, { id: 'hubs.share-label' })}
              @click=${() => this.handleShare(hub)}
            >
              ${msg('Share', { id: 'hubs.share' })}
            </button>`
          : this.renderWhatsappShare(hub)
      }
      ${
        this.map
          ? html`<button
              type="button"
              class="link action show-on-map"
              aria-label=${msg(str`Show on map: ${name}`, { id: 'hubs.show-on-map-label' })}
              @click=${() => this.handleShowOnMap(hub.id)}
            >
              ${msg('Show on map', { id: 'hubs.show-on-map' })}
            </button>`
          : nothing
      }
      ${
        report
          ? html`<a
              class="action report"
              href=${report}
              rel="noopener noreferrer"
              target="_blank"
              aria-label=${msg(str`Report an error about ${name}`, { id: 'hubs.report-label' })}
            >
              ${msg('Report an error', { id: 'hubs.report' })}
            </a>`
          : nothing
      }
    </div>`;
  }

  /** Directions in the other maps: the visitor's app (where the platform has one), Google Maps, OpenStreetMap. */
  private renderDirectionsChoice(hub: Hub, name: string): TemplateResult {
    const providers: { provider: MapsProvider; label: string }[] = [
      ...(platformMapsApp()
        ? [{ provider: 'app' as const, label: msg('Maps app', { id: 'hubs.maps-app' }) }]
        : []),
      { provider: 'google', label: 'Google Maps' },
      { provider: 'osm', label: 'OpenStreetMap' },
    ];
    return html`<p class="directions-choice">
      ${msg('Directions with:', { id: 'hubs.directions-with' })}
      ${providers.map(
        ({ provider, label }, i) =>
          html`${i ? ' · ' : ''}<a
              href=${this.directionsUrl(hub, provider)}
              rel="noopener noreferrer"
              target="_blank"
              aria-label=${msg(str`Directions to ${name} with ${label}`, {
                id: 'hubs.directions-with-label',
              })}
              >${label}</a
            >`,
      )}
    </p>`;
  }

  /** No share sheet and no clipboard: a WhatsApp link with the hub's text, to send it on. */
  private renderWhatsappShare(hub: Hub): TemplateResult {
    return html`<a
      class="action"
      href=${whatsappShareUrl(this.shareText(hub))}
      rel="noopener noreferrer"
      target="_blank"
      aria-label=${msg(str`Send by WhatsApp: ${this.text(hub.name)}`, {
        id: 'hubs.share-whatsapp-label',
      })}
    >
      ${msg('Send by WhatsApp', { id: 'hubs.share-whatsapp' })}
    </a>`;
  }

  /**
   * The card's live region, below its Share button: what sharing did — "Copied", or a WhatsApp
   * link when the copy failed.
   */
  private renderShared(hub: Hub): TemplateResult {
    const shared = this.shared?.hubId === hub.id ? this.shared : undefined;
    return html`<div class="shared" role="status">
      ${
        shared?.copied
          ? html`<p>
              ${msg(str`Copied ${this.text(hub.name)}: paste it in a message to keep it.`, {
                id: 'hubs.shared-copied',
              })}
            </p>`
          : nothing
      }
      ${
        shared && !shared.copied
          ? html`<p>
              ${msg('Could not copy.', { id: 'hubs.shared-failed' })}
              ${this.renderWhatsappShare(hub)}
            </p>`
          : nothing
      }
    </div>`;
  }

  /** The maps app the partner chose for the card's Directions link (`directions`). */
  private get directionsDefault(): MapsProvider {
    const choice = this.directions;
    if (choice === 'google' || choice === 'osm') return choice;
    return choice === 'app' || platformMapsApp() ? 'app' : 'google';
  }

  private directionsUrl(hub: Hub, provider: MapsProvider): string {
    return directionsUrl(hub, provider, this.text(hub.name));
  }

  /**
   * A hub as a message to keep: name, address, today's hours, phone, a map link — text that
   * still helps once the visitor has lost signal on the way.
   */
  private shareText(hub: Hub): string {
    const status = this.statusLine(hub, new Date());
    const phone = hub.phone ?? hub.whatsapp;
    const map = mapUrl(hub, this.directions === 'osm' ? 'osm' : 'google');
    return [
      this.text(hub.name),
      this.place(hub),
      status ? [status.label, status.hours].filter(Boolean).join(' · ') : '',
      phone ? msg(str`Phone: ${phone}`, { id: 'hubs.share-phone' }) : '',
      msg(str`Map: ${map}`, { id: 'hubs.share-map' }),
    ]
      .filter(Boolean)
      .join('\n');
  }

  /**
   * Where to report wrong information about the hub (its own address, else the feed's): an
   * http(s) page, or an e-mail whose subject names the hub.
   */
  private reportUrl(hub: Hub, name: string): string | undefined {
    const to = hub.report ?? this.reportTo;
    if (!to) return undefined;
    if (/^mailto:/i.test(to)) {
      const subject = msg(str`Wrong information: ${name}`, { id: 'hubs.report-subject' });
      return `${to}?subject=${encodeURIComponent(subject)}`;
    }
    return safeUrl(to);
  }

  /** Where the hub is, in one line: "Calle de Ejemplo 1, Santo Domingo · República Dominicana". */
  private place(hub: Hub): string {
    const address = [hub.address, hub.locality].map((t) => this.text(t)).filter(Boolean);
    const country = hub.country ? this.regionName(hub.country) : '';
    return [address.join(', '), country].filter(Boolean).join(' · ');
  }

  private regionName(code: string): string {
    return displayName(this.locale.format, 'region', code);
  }

  /** The browser's name of a language, else our table's for the region's (src/shared/languages.ts). */
  private languageName(code: string): string {
    const known = displayName(this.locale.format, 'language', code);
    if (known.toLowerCase() !== code.toLowerCase()) return known;
    return regionalLanguageName(code, this.locale.format) ?? code;
  }

  private weekdayName(day: number): string {
    return weekdayName(this.locale.format, day);
  }

  /** A calendar date ("2026-08-03") as the visitor says it: "3 de agosto" (`month`: or "3/8"). */
  private dayName(date: string, month = true): string {
    return dateFormat(this.locale.format, {
      day: 'numeric',
      month: month ? 'long' : 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${date}T12:00:00Z`));
  }

  private serviceName(code: string): string {
    switch (code) {
      case 'information':
        return msg('Information', { id: 'hubs.service.information' });
      case 'legal':
        return msg('Legal advice', { id: 'hubs.service.legal' });
      case 'psychosocial':
        return msg('Psychosocial support', { id: 'hubs.service.psychosocial' });
      case 'health':
        return msg('Health', { id: 'hubs.service.health' });
      case 'shelter':
        return msg('Shelter', { id: 'hubs.service.shelter' });
      case 'documentation':
        return msg('Documentation', { id: 'hubs.service.documentation' });
      default:
        return humanized(code);
    }
  }
}

/** "Mon", "lun.", in the locale (day 0 = Monday). */
function weekdayName(locale: string, day: number): string {
  const format = dateFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  return format.format(Date.UTC(2024, 0, 1 + day)); // 2024-01-01 was a Monday
}

/** A service code of the feed's own, for people: `legal_aid` → "Legal aid", never the raw code. */
function humanized(code: string): string {
  const words = code.replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : code;
}

/** A region's or language's name in the locale, or the code as given when `Intl` does not know it. */
function displayName(locale: string, type: 'region' | 'language', code: string): string {
  try {
    return displayNames(locale, type).of(code) ?? code;
  } catch {
    return code;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mi-hub-select': CustomEvent<{ hubId: string }>;
  }
}
