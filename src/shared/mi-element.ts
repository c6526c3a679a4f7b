import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import {
  DEFAULT_TIMEOUT,
  FeedError,
  loadFeed,
  readCachedFeed,
  type FeedResult,
} from '../feed/client.js';
import type { Feed, LocalizedText } from '../feed/schema.js';
import type { Problem, Section } from '../feed/problems.js';
import { pickText } from '../feed/text.js';
import { LocaleController } from '../i18n/locale-controller.js';
import { formatDateTime } from './format.js';
import { baseStyles } from './styles.js';

const logged = new WeakSet<object>();

/** Tell the webmaster, in the console, what went wrong — once per failure, not per widget. */
function logOnce(error: unknown): void {
  if (typeof error !== 'object' || error === null || logged.has(error)) return;
  logged.add(error);
  if ((error as Error).name === 'AbortError') return; // the element left the page
  if (error instanceof FeedError && error.kind === 'schema') return; // logged with the feed's problems
  console.error(`[mi-widgets] ${error instanceof FeedError ? error.message : String(error)}`);
}

export type WidgetState = 'loading' | 'ready' | 'empty' | 'error';
export type Theme = 'light' | 'dark' | 'auto';

/** A promise settled in a later task (after what the page has queued meanwhile). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve));

/** The page-level default feed: `<meta name="mi-widgets:feed" content="…">`. */
export const FEED_META = 'mi-widgets:feed';

/**
 * The thin base every widget shares: the common element contract (`src`, `lang`, `theme`,
 * reflected `state`), feed loading through `@lit/task`, the offline copy, the error state
 * with Retry, and rendering in the widget's own language.
 *
 * A widget says what it shows of a feed (`select`, `undefined` when nothing) and how
 * (`renderReady`, `renderEmpty`); its `render()` calls {@link renderFeedState}.
 *
 * What every widget shares is documented here once; the manifest (custom-elements.json) lists
 * it under each widget too.
 *
 * @attr {string} lang - Language of the widget; defaults to the nearest `lang` on the page, then the browser's languages.
 *
 * @csspart base - The widget's box.
 * @csspart loading - The placeholder shown while loading.
 * @csspart error - The error message and its Retry button.
 * @csspart notice - The note shown when an offline copy is on screen.
 * @csspart retry-button - The Retry buttons.
 *
 * @cssprop [--mi-font-family=inherit] - Font family; the host page's by default.
 * @cssprop [--mi-font-size=16px] - Base font size.
 * @cssprop [--mi-color-text=#1a1a1a] - Text colour.
 * @cssprop [--mi-color-muted=#565b63] - Secondary text (dates, hints, the hub count).
 * @cssprop [--mi-color-background=#ffffff] - Background.
 * @cssprop [--mi-color-surface=#f4f6f8] - Background of cards, bars and notes.
 * @cssprop [--mi-color-border=#c9ced6] - Borders and separators.
 * @cssprop [--mi-color-primary=#0b5cad] - Links, buttons, accents and the focus ring.
 * @cssprop [--mi-color-on-primary=#ffffff] - Text on primary buttons and panels.
 * @cssprop [--mi-color-error=#a4161a] - The error title (and the quiz's wrong answers).
 * @cssprop [--mi-focus-ring] - Focus outline colour; primary by default.
 * @cssprop [--mi-radius=8px] - Corner radius.
 * @cssprop [--mi-space=16px] - Spacing unit.
 */
export abstract class MiElement<View> extends LitElement {
  static override styles = [baseStyles];

  protected readonly locale = new LocaleController(this);
  protected readonly feedTask = new Task(this, {
    task: async ([src], { signal }) => {
      const reload = this.reloadNext;
      this.reloadNext = false;
      const result = await loadFeed(src, { signal, timeout: this.timeout, reload });
      // Each widget renders the feed in a task of its own: the widgets of a page share one
      // request, and would otherwise all render in the one task that hands it over (at 4×
      // CPU, four widgets took 140–200 ms there together).
      await nextTask();
      signal.throwIfAborted();
      return result;
    },
    args: () => [this.feedUrl] as const,
  });
  private reloadNext = false;
  private abortedOnLeave = false;
  private cached?: FeedResult;
  private cachedFor?: string;
  private currentState: WidgetState = 'loading';

  /** URL of the feed (JSON Feed 1.1, or a document of the widget's own kind). Defaults to the page's `<meta name="mi-widgets:feed">`. */
  @property() src = '';

  /** Colour theme: `light`, `dark`, or `auto` to follow the visitor's system setting. */
  @property({ reflect: true }) theme: Theme = 'light';

  /** Milliseconds to wait for the feed before giving up. */
  @property({ type: Number }) timeout = DEFAULT_TIMEOUT;

  /** What the widget shows: `loading`, `ready`, `empty` or `error` (reflected as the `state` attribute). */
  get state(): WidgetState {
    return this.currentState;
  }

  /**
   * What the feed reader found wrong in the part of the feed this widget shows (and in the
   * document as a whole): each with its JSON path and what was done about it. Read-only.
   */
  get problems(): readonly Problem[] {
    const result = this.currentResult;
    if (!result) {
      const error = this.feedTask.status === TaskStatus.ERROR ? this.feedTask.error : undefined;
      return error instanceof FeedError ? error.problems : [];
    }
    return result.problems.filter(
      (p) => p.section === this.feedSection || p.section === 'document',
    );
  }

  /** Which part of the feed this widget shows, for its {@link problems}. */
  protected abstract readonly feedSection: Section;

  /** The feed URL in use: `src`, else the page-level default. */
  protected get feedUrl(): string {
    return (
      this.src ||
      document.querySelector<HTMLMetaElement>(`meta[name="${FEED_META}"]`)?.content ||
      ''
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.abortedOnLeave) {
      this.abortedOnLeave = false;
      void this.feedTask.run();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move within the page reconnects in the same task; only a real removal aborts.
    queueMicrotask(() => {
      if (!this.isConnected && this.feedTask.status === TaskStatus.PENDING) {
        this.abortedOnLeave = true;
        this.feedTask.abort();
      }
    });
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const url = this.feedUrl;
    if (url !== this.cachedFor) {
      this.cachedFor = url;
      this.cached = undefined;
      // The kept copy comes asynchronously (Cache API); shown if it is still this widget's feed.
      if (url)
        void readCachedFeed(url).then((copy) => {
          if (copy && this.cachedFor === url) {
            this.cached = copy;
            this.requestUpdate();
          }
        });
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.getAttribute('state') !== this.currentState)
      this.setAttribute('state', this.currentState);
  }

  protected handleRetry(): void {
    this.reloadNext = true;
    void this.feedTask.run();
    // The Retry button goes away with the error: keep keyboard focus inside the widget.
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('.base')?.focus(),
    );
  }

  /** Load the feed again from the network. */
  reload(): Promise<void> {
    this.reloadNext = true;
    return this.feedTask.run();
  }

  /** The feed on screen: this page's load when it is done, else the copy kept from an earlier visit. */
  protected get currentResult(): FeedResult | undefined {
    return this.feedTask.status === TaskStatus.COMPLETE ? this.feedTask.value : this.cached;
  }

  /** A part of the feed in a file of its own (hubs by country) is still on its way. */
  protected partPending(_feed: Feed): boolean {
    return false;
  }

  /** Why the parts of the feed this widget needs could not be had, if none could. */
  protected partError(_feed: Feed): unknown {
    return undefined;
  }

  /** What of the feed this widget shows; `undefined` (or an empty list) means `empty`. */
  protected abstract select(feed: Feed): View | undefined;
  protected abstract renderReady(view: View, result: FeedResult): unknown;
  protected abstract renderEmpty(): unknown;

  /** A feed text in the visitor's language (or whatever the feed has). */
  protected text(value: LocalizedText | undefined): string {
    return pickText(value, this.locale.preferences);
  }

  /** A `heading-level` attribute as an ARIA level: 2–6, else the widget's default. */
  protected headingLevelOf(value: number, fallback: number): number {
    return Math.min(6, Math.max(2, Math.floor(value) || fallback));
  }

  /** Render in the widget's own language; wraps every `render()`. */
  protected inLocale(render: () => TemplateResult): TemplateResult {
    return this.locale.render(render);
  }

  /** The widget's box: a labelled region in the interface language (Retry moves focus to it). */
  protected renderFrame(label: string, content: unknown): TemplateResult {
    return html`<section
      part="base"
      class="base"
      tabindex="-1"
      lang=${this.locale.ui}
      aria-label=${label}
    >
      ${content}
    </section>`;
  }

  /** The part of the template that depends on the state; sets `state`. */
  protected renderFeedState(): unknown {
    const status = this.feedTask.status;
    const failed = status === TaskStatus.ERROR;
    const result = this.currentResult;
    const view = result && this.locale.ready ? this.select(result.feed) : undefined;
    const empty = view === undefined || (Array.isArray(view) && view.length === 0);

    if (!this.locale.ready || (!result && !failed))
      return this.setState('loading', this.renderLoading());
    if (!result) return this.setState('error', this.renderError(this.feedTask.error));
    if (empty && this.partPending(result.feed))
      return this.setState('loading', this.renderLoading());
    const partError = empty ? this.partError(result.feed) : undefined;
    if (partError) return this.setState('error', this.renderError(partError));
    if (empty)
      return this.setState(
        'empty',
        html`${this.renderOffline(result, failed)}${this.renderEmpty()}`,
      );
    return this.setState(
      'ready',
      html`${this.renderOffline(result, failed)}${this.renderReady(view, result)}`,
    );
  }

  private setState(state: WidgetState, template: unknown): unknown {
    this.currentState = state;
    return template;
  }

  /**
   * The placeholder while loading. Each widget holds the box it reserved before its code loaded
   * (the lengths in ./styles.ts, the page's rules in src/embed/reserve.ts) in this state and
   * when ready, so nothing on the partner's page moves.
   */
  protected renderLoading(blocks = 1): TemplateResult {
    const block = html`<div class="skeleton-block">
      <span class="skeleton"></span><span class="skeleton"></span
      ><span class="skeleton short"></span>
    </div>`;
    return html`<div part="loading" class="loading" role="status">
      <span class="visually-hidden">${msg('Loading…', { id: 'common.loading' })}</span>
      ${Array.from({ length: blocks }, () => block)}
    </div>`;
  }

  /** The offline note: a copy from the browser's storage is shown because the network failed. */
  protected renderOffline(result: FeedResult, failed: boolean): unknown {
    if (!failed || !result.fromCache) return nothing;
    const when = formatDateTime(result.fetchedAt, this.locale.format);
    return html`<div part="notice" class="notice" role="status">
      <p>
        ${msg(str`Could not update. Showing the copy from ${when}.`, { id: 'common.offline-copy' })}
      </p>
      <button part="retry-button" class="secondary" @click=${this.handleRetry}>
        ${msg('Retry', { id: 'common.retry' })}
      </button>
    </div>`;
  }

  protected renderError(error: unknown): TemplateResult {
    logOnce(error);
    return html`<div part="error" class="error">
      <div role="alert">
        <p class="title">${msg('The information could not be loaded.', { id: 'error.title' })}</p>
        <p>${this.errorDetail(error)}</p>
      </div>
      <button part="retry-button" @click=${this.handleRetry}>
        ${msg('Retry', { id: 'common.retry' })}
      </button>
    </div>`;
  }

  private errorDetail(error: unknown): string {
    const kind = error instanceof FeedError ? error.kind : 'network';
    switch (kind) {
      case 'offline':
        return msg('You seem to be offline. Check your connection and try again.', {
          id: 'error.offline',
        });
      case 'timeout':
        return msg('The server took too long to answer. Try again in a moment.', {
          id: 'error.timeout',
        });
      case 'http':
        return msg(
          str`The server answered with an error (${(error as FeedError).status}). Try again later.`,
          { id: 'error.http' },
        );
      case 'parse':
      case 'schema':
        return msg('The information received is damaged or in an unexpected format.', {
          id: 'error.format',
        });
      case 'config':
        return msg('This widget has no information source configured.', { id: 'error.config' });
      default:
        return msg('Check your connection and try again.', { id: 'error.network' });
    }
  }
}
