import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { DEFAULT_TIMEOUT, FeedError, type FeedResult } from '../feed/client.js';
import type { Feed, LocalizedText } from '../feed/schema.js';
import type { Problem, Section } from '../feed/problems.js';
import { pickLocalized, pickText, sameLanguage } from '../feed/text.js';
import { LocaleController } from '../i18n/locale-controller.js';
import { FeedController, type ViewContext, type WidgetState } from './feed-controller.js';
import { formatDateTime } from './format.js';
import { acceptable, checkedNumber, TIMEOUT, type NumericAttribute } from './numbers.js';
import { baseStyles } from './styles.js';

export type { WidgetState, ViewContext } from './feed-controller.js';
export type Theme = 'light' | 'dark' | 'auto';

/** The page-level default feed: `<meta name="mi-widgets:feed" content="…">`. */
export const FEED_META = 'mi-widgets:feed';

/**
 * The thin base every widget shares: the common element contract (`src`, `lang`, `theme`,
 * `timeout`, reflected `state`), the widget's box, and rendering in the widget's own language.
 * Its feed — loading, the kept copy, Retry, `reload()` — is a {@link FeedController}, which
 * decides the state and the view in `willUpdate`.
 *
 * A widget says what it shows of a feed (`view`, a pure function; `undefined` or `[]` when
 * nothing) and how (`renderReady`, `renderEmpty`); its `render()` calls {@link renderState}.
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
 * @csspart fallback - Holds the element's own content (see `@slot`) while loading and after an error.
 *
 * @slot - Fallback content from the page, e.g. a link to the same information on the partner's
 * site: shown before the script has run (by the browser), while the widget loads and when it
 * failed with no copy kept from an earlier visit; hidden while the widget shows its own content.
 *
 * @cssprop [--mi-font-family=inherit] - Font family; the host page's by default.
 * @cssprop [--mi-font-size] - Base font size; by default the page's (the visitor's default font on most pages), at least 16px.
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
  /**
   * Each numeric property and what it accepts: anything else (`NaN`, `Infinity`, out of range)
   * falls back to its default, with one console warning (see ../shared/numbers.ts).
   * @internal
   */
  static numbers: Readonly<Record<string, NumericAttribute>> = {
    timeout: { attribute: 'timeout', ...TIMEOUT },
  };

  protected readonly locale = new LocaleController(this);
  /** The slot of the fallback content from the upgrade to the first render. */
  private earlySlot?: HTMLSlotElement;
  /** The feed, as this widget shows it: its state and view are decided before each render. */
  protected readonly feed = new FeedController<View>(this, {
    section: () => this.feedSection,
    url: () => this.feedUrl,
    timeout: () => this.timeout,
    ready: () => this.locale.ready,
    preferences: () => this.locale.preferences,
    view: (feed, context) => this.view(feed, context),
    prepare: (result) => this.prepare(result),
    partPending: (feed) => this.partPending(feed),
    partError: (feed) => this.partError(feed),
  });

  /** URL of the feed (JSON Feed 1.1, or a document of the widget's own kind). Defaults to the page's `<meta name="mi-widgets:feed">`. */
  @property() src = '';

  /** Colour theme: `light`, `dark`, or `auto` to follow the visitor's system setting. */
  @property({ reflect: true }) theme: Theme = 'light';

  /** Milliseconds to wait for the feed before giving up. */
  @property({ type: Number }) timeout = DEFAULT_TIMEOUT;

  /**
   * Name of the widget's region (its `aria-label`), for a page with several widgets of a kind:
   * `label="Noticias de Guatemala"`. By default the widget's own name ("Migration news").
   */
  @property() label = '';

  /**
   * What the widget shows: `loading`, `ready`, `empty` or `error`, reflected as the `state`
   * attribute (style on it). Set by the widget: read it, don't set it.
   * @readonly
   */
  @property({ reflect: true }) state: WidgetState = 'loading';

  /**
   * What the feed reader found wrong in the part of the feed this widget shows (and in the
   * document as a whole): each with its JSON path and what was done about it. Read-only.
   */
  get problems(): readonly Problem[] {
    return this.feed.problems;
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

  /**
   * The first render waits for a task of its own. Defining a tag upgrades its elements —
   * constructors, controllers — and the first render (the templates compiled, the styles
   * adopted) came on top of that in the same task: 100–170 ms of a 4× throttled CPU for the hub
   * locator. Meanwhile the page's reserve stylesheet holds the box: its rules are for widgets
   * without a `state` yet (src/embed/reserve.ts), which the first render sets.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await new Promise((resolve) => setTimeout(resolve));
    await super.scheduleUpdate();
  }

  /**
   * Until the first render the shadow root holds only a slot: the element's fallback content
   * stays on screen from the upgrade to the first render, as it was before it.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    root.append((this.earlySlot = document.createElement('slot')));
    return root;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.checkNumbers(changed);
    this.feed.sync();
    this.state = this.feed.current.state;
  }

  /** Every render, and what it commits, in the widget's own language. */
  protected override update(changed: PropertyValues): void {
    this.earlySlot?.remove();
    this.earlySlot = undefined;
    this.locale.render(() => super.update(changed));
  }

  /** Numeric properties that changed to something unusable take their defaults. */
  private checkNumbers(changed: PropertyValues): void {
    const rules = (this.constructor as typeof MiElement).numbers;
    const values = this as unknown as Record<string, unknown>;
    for (const [name, rule] of Object.entries(rules)) {
      if (!changed.has(name) || acceptable(values[name], rule)) continue;
      const raw = this.getAttribute(rule.attribute);
      values[name] = checkedNumber(values[name], rule, {
        tag: this.localName,
        attribute: rule.attribute,
        raw: raw !== null && Object.is(Number(raw), values[name]) ? raw : undefined,
      });
    }
  }

  protected handleRetry(): void {
    void this.feed.reload();
    // The Retry button goes away with the error: keep keyboard focus inside the widget.
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('.base')?.focus(),
    );
  }

  /** Load the feed again from the network. */
  reload(): Promise<void> {
    return this.feed.reload();
  }

  /** What of the feed this widget shows: a pure function of the feed and the widget's properties; `undefined` (or an empty list) means `empty`. */
  protected abstract view(feed: Feed, context: ViewContext): View | undefined;

  /** Called with each feed before its view: start fetching what else the widget needs. */
  protected prepare(_result: FeedResult): void {}

  /** A part of the feed in a file of its own (hubs by country) is still on its way. */
  protected partPending(_feed: Feed): boolean {
    return false;
  }

  /** Why the parts of the feed this widget needs could not be had, if none could. */
  protected partError(_feed: Feed): unknown {
    return undefined;
  }

  protected abstract renderReady(view: View, result: FeedResult): unknown;
  protected abstract renderEmpty(): unknown;

  /** A feed text in the visitor's language (or whatever the feed has). */
  protected text(value: LocalizedText | undefined): string {
    return pickText(value, this.locale.preferences);
  }

  /**
   * A feed text as {@link text} picks it, and its language when that is not the interface's:
   * the key of its map, else `language` (the item's), else the feed's. Render it as
   * `<p lang=${ifDefined(t.lang)}>${t.text}</p>`, so that a screen reader reads it in its own
   * language, and a browser hyphenates and translates it as such.
   */
  protected localized(
    value: LocalizedText | undefined,
    language?: string,
  ): { text: string; lang?: string } {
    const { text, lang } = pickLocalized(value, this.locale.preferences);
    return { text, lang: this.foreign(lang ?? language) };
  }

  /** A language tag, if it is not the interface's: the feed's when none is given. */
  protected foreign(lang?: string): string | undefined {
    const current = this.feed.current;
    lang ??= 'result' in current ? current.result.feed.language : undefined;
    return lang && !sameLanguage(lang, this.locale.ui) ? lang : undefined;
  }

  /**
   * The widget's box: a region in the interface language (Retry moves focus to it), named by
   * the `label` attribute, else by `name`.
   */
  protected renderFrame(name: string, content: unknown): TemplateResult {
    return html`<section
      part="base"
      class="base"
      tabindex="-1"
      lang=${this.locale.ui}
      aria-label=${this.label.trim() || name}
    >
      ${content}
    </section>`;
  }

  /** The part of the template that depends on the state, as {@link FeedController.sync} decided it. */
  protected renderState(): unknown {
    const current = this.feed.current;
    switch (current.state) {
      case 'loading':
        // The fallback over the top of the placeholder: the box keeps its height.
        return html`<div class="overlay">${this.renderLoading()}${this.renderFallback()}</div>`;
      case 'error':
        return this.renderError(current.error);
      case 'empty':
        return html`${this.renderOffline(current.result, current.failed)}${this.renderEmpty()}`;
      case 'ready':
        return html`${this.renderOffline(current.result, current.failed)}${this.renderReady(
          current.view,
          current.result,
        )}`;
    }
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

  /**
   * The element's own content, from the page (a link to the same information elsewhere): while
   * loading (outside the placeholder's live region) and after an error with no kept copy; never
   * beside the widget's own content. `filled` when there is any, for the spacing.
   */
  protected renderFallback(): TemplateResult {
    const filled = this.childElementCount > 0 || !!this.textContent?.trim();
    return html`<div part="fallback" class="fallback ${filled ? 'filled' : ''}">
      <slot @slotchange=${() => this.requestUpdate()}></slot>
    </div>`;
  }

  /** The offline note: a copy from the browser's storage is shown because the network failed. */
  protected renderOffline(result: FeedResult, failed: unknown): unknown {
    if (failed === undefined || !result.fromCache) return nothing;
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
    return html`<div part="error" class="error">
      <div role="alert">
        <p class="title">${msg('The information could not be loaded.', { id: 'error.title' })}</p>
        <p>${this.errorDetail(error)}</p>
      </div>
      <button part="retry-button" @click=${this.handleRetry}>
        ${msg('Retry', { id: 'common.retry' })}
      </button>
      ${this.renderFallback()}
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
