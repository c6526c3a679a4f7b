import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import type { FeedResult } from '../feed/client.js';
import type { Feed, NewsItem } from '../feed/schema.js';
import { safeUrl } from '../feed/text.js';
import { emit } from '../shared/events.js';
import { formatDate } from '../shared/format.js';
import { linkTarget } from '../shared/links.js';
import { ListenController, listenStyles } from '../shared/listen.js';
import { MiElement, type ViewContext } from '../shared/mi-element.js';
import { headingLevel, NEWS_LIMIT } from '../shared/numbers.js';
import { NEWS_RESERVED_ITEMS } from '../shared/styles.js';
import { excerpt, selectNews } from './select.js';
import { newsFeedStyles } from './news-feed.styles.js';

export type NewsLayout = 'list' | 'cards';

type Sanitizer = typeof import('../shared/sanitize.js');
let sanitizer: Sanitizer | undefined;
let sanitizerLoading: Promise<Sanitizer> | undefined;

/**
 * News about migration from a JSON Feed: the stories in the visitor's language, a page at a
 * time.
 *
 * @summary A list or grid of news items from a JSON Feed 1.1, in the visitor's language.
 * @title Migration news
 *
 * @fires mi-news-more - The visitor asked for more items. `detail: { shown, total }`.
 * @fires mi-news-open - The visitor followed an item's link. `detail: { itemId, url }`.
 *
 * @csspart list - The list of items.
 * @csspart item - One news item.
 * @csspart image - An item's image.
 * @csspart title - An item's title.
 * @csspart link - The link on an item's title.
 * @csspart date - An item's date.
 * @csspart summary - An item's summary.
 * @csspart listen-button - The button that plays an item's recording, or reads it aloud.
 * @csspart more-button - The "More news" button.
 * @csspart read-more-button - "Read more" / "Show less" under the summary of an item without a link, when the summary is cut.
 * @csspart empty - The line shown when there is no news.
 *
 * @cssprop [--mi-news-card-min-width=240px] - Narrowest card in the `cards` layout.
 * @cssprop [--mi-news-image-ratio=16 / 9] - Aspect ratio of the image beside an item in the `list` layout.
 * @cssprop [--mi-news-thumb-width=8em] - Width of that image.
 * @cssprop [--mi-news-title-lines=3] - Lines of title shown before it is cut (the full title is a link away).
 * @cssprop [--mi-news-summary-lines=3] - Lines of summary shown before it is cut.
 * @cssprop [--mi-news-item-height] - Height of every item in the `list` layout; by default computed from the font size, `--mi-space` and the lines above. Set it when your theme changes the items' text (`::part(title)`), and in the page's reserve stylesheet too.
 * @cssprop [--mi-news-card-height] - Height of every card in the `cards` layout (likewise).
 */
export class MiNewsFeed extends MiElement<NewsItem[]> {
  static override styles = [...MiElement.styles, listenStyles, newsFeedStyles];
  /** @internal */
  static override numbers = {
    ...MiElement.numbers,
    limit: { attribute: 'limit', ...NEWS_LIMIT },
    headingLevel: headingLevel(3),
  };

  protected readonly feedSection = 'news';
  private readonly htmlBodies = new WeakMap<NewsItem, HTMLElement>();
  private readonly listen = new ListenController(this, {
    preferences: () => this.locale.preferences,
    ui: () => this.locale.ui,
  });
  private focusFrom = -1;
  /**
   * A new width may cut a summary that fitted, or let one fit: measured again, as after each
   * update. A controller of its own: @lit-labs/observers' ResizeController would add 0.7 KB
   * (gzipped) to the Lit chunk every widget loads.
   */
  private readonly resizes = new ResizeObserver(() => this.measureCuts());

  constructor() {
    super();
    this.addController({
      hostConnected: () => this.resizes.observe(this),
      hostDisconnected: () => this.resizes.disconnect(),
    });
  }

  /** Items without a link whose summary is cut: they get "Read more". */
  @state() private cut: ReadonlySet<string> = new Set();
  /** Items the visitor opened in place. */
  @state() private opened: ReadonlySet<string> = new Set();
  @state() private shown = 0;
  /** Whether the visitor asked for more: then the live region says how many are shown. */
  @state() private announced = false;

  /** Items per page: how many show at first and how many each "More" adds. */
  @property({ type: Number }) limit = 5;

  /** `list` (one column) or `cards` (a responsive grid). */
  @property({ reflect: true }) layout: NewsLayout = 'list';

  /** Show only items with this tag. */
  @property() tag = '';

  /** Heading level of item titles (2–6), to fit the outline of the host page. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** The items the box holds from before the feed arrives: the first page, up to ten. */
  private get reservedItems(): number {
    return Math.min(NEWS_RESERVED_ITEMS, this.limit);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('limit') || changed.has('tag') || changed.has('src') || this.shown === 0) {
      this.shown = this.limit;
      this.announced = false;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.focusFrom >= 0) {
      const item = this.renderRoot.querySelectorAll<HTMLElement>('[part="item"]')[this.focusFrom];
      this.focusFrom = -1;
      (item?.querySelector<HTMLElement>('a') ?? item)?.focus();
    }
    // Once this update is complete: a change of state here would ask for another at once.
    void this.updateComplete.then(() => this.measureCuts());
  }

  /**
   * Which summaries of items without a link are cut — by their lines, or shortened to an
   * excerpt — now that they are laid out. Before the first measure their "Read more" row is
   * there, empty: the item is as tall with it as without.
   */
  private measureCuts(): void {
    const cut = new Set<string>();
    for (const summary of this.renderRoot.querySelectorAll<HTMLElement>('[data-toggle]')) {
      const id = summary.dataset.toggle!;
      const overflows = summary.scrollHeight > summary.clientHeight + 1;
      if (this.opened.has(id) || overflows || summary.hasAttribute('data-shortened')) cut.add(id);
    }
    if (cut.size !== this.cut.size || [...cut].some((id) => !this.cut.has(id))) this.cut = cut;
  }

  private handleToggle(item: NewsItem): void {
    const opened = new Set(this.opened);
    if (!opened.delete(item.id)) opened.add(item.id);
    this.opened = opened;
  }
  private handleMore(total: number): void {
    const from = this.shown;
    this.shown = Math.min(total, this.shown + this.limit);
    this.focusFrom = from;
    this.announced = true;
    emit(this, 'mi-news-more', { shown: this.shown, total });
  }

  private handleOpen(item: NewsItem, url: string): void {
    emit(this, 'mi-news-open', { itemId: item.id, url });
  }

  protected view(feed: Feed, { preferences }: ViewContext): NewsItem[] {
    return selectNews(feed, preferences, this.tag);
  }

  override render(): TemplateResult {
    return this.renderFrame(msg('Migration news', { id: 'news.label' }), this.renderState());
  }

  /** One placeholder per item the box holds, each exactly as tall as an item. */
  protected override renderLoading(): TemplateResult {
    return html`<div part="loading" class="loading" role="status">
      <span class="visually-hidden">${msg('Loading…', { id: 'common.loading' })}</span>
      ${this.renderShape(true)}
    </div>`;
  }

  protected renderReady(items: NewsItem[], result: FeedResult): TemplateResult {
    const visible = items.slice(0, this.shown);
    // Fewer items than the box holds: the rest of it stays, empty, so nothing below moves.
    const fillers = Math.max(0, this.reservedItems - visible.length);
    // role="list" is not redundant here: Safari drops list semantics under list-style: none.
    /* eslint-disable lit-a11y/no-redundant-role */
    return html`
      <ul part="list" class="list" role="list">
        ${visible.map((item, i) => this.renderItem(item, result, i))}
        ${Array.from(
          { length: fillers },
          () => html`<li class="item filler" aria-hidden="true"></li>`,
        )}
      </ul>
      ${this.renderMore(visible.length, items.length)} ${this.renderAnnouncement(items.length)}
    `;
    /* eslint-enable lit-a11y/no-redundant-role */
  }

  protected renderEmpty(): TemplateResult {
    return html`<div class="stack">
      <p part="empty" class="empty">
        ${msg('There is no news to show right now.', { id: 'news.empty' })}
      </p>
      ${this.renderShape(false)}
    </div>`;
  }

  protected override renderError(error: unknown): TemplateResult {
    return html`<div class="stack">${super.renderError(error)} ${this.renderShape(false)}</div>`;
  }

  /**
   * The box's shape: a slot per item it holds and the row of "More news" — skeletons while
   * loading, invisible under the message of an empty or failed feed.
   */
  private renderShape(skeleton: boolean): TemplateResult {
    const media = this.layout === 'cards' ? html`<span class="media"></span>` : nothing;
    const item = skeleton
      ? html`<div class="item skeleton-item">
          ${media}
          <div>
            <span class="skeleton title-bar"></span><span class="skeleton title-bar short"></span
            ><span class="skeleton short"></span><span class="skeleton"></span
            ><span class="skeleton"></span>
          </div>
        </div>`
      : html`<div class="item"></div>`;
    return html`<div class=${skeleton ? 'shape-skeleton' : 'shape'} aria-hidden="true">
      <div class="list">${Array.from({ length: this.reservedItems }, () => item)}</div>
      <div class="more"></div>
    </div>`;
  }

  /**
   * One item. Its title and summary carry their language when it is not the interface's; the
   * date, in the interface's words, does not. Without a link, a cut summary has "Read more".
   */
  private renderItem(item: NewsItem, result: FeedResult, index: number): TemplateResult {
    const image = safeUrl(item.image ?? item.banner_image);
    const url = safeUrl(item.url ?? item.external_url);
    const toggles = !url && this.hasSummary(item);
    const open = toggles && this.opened.has(item.id);
    return html`<li
      part="item"
      class="item ${image ? 'has-image' : ''} ${toggles ? 'toggles' : ''} ${open ? 'open' : ''}"
      tabindex="-1"
    >
      ${this.renderImage(image)} ${this.renderTitle(item, url, index)}
      ${this.renderMeta(item, this.languageOf(item))}
      ${this.renderSummary(item, result, toggles, open, index)}
      ${toggles ? this.renderToggle(item, open, index) : nothing}
    </li>`;
  }

  private hasSummary(item: NewsItem): boolean {
    return Boolean(this.text(item.summary ?? item.content_text) || item.content_html);
  }

  private renderImage(src: string | undefined): unknown {
    if (!src) return nothing;
    return html`<div class="media">
      <img
        part="image"
        src=${src}
        alt=""
        loading="lazy"
        referrerpolicy="no-referrer"
        decoding="async"
        width="640"
        height="360"
      />
    </div>`;
  }

  private renderTitle(item: NewsItem, url: string | undefined, index: number): unknown {
    const { text: title, lang } = this.localized(item.title, this.languageOf(item));
    if (!title) return nothing;
    const level = this.headingLevel;
    return html`<div
      part="title"
      class="title"
      role="heading"
      aria-level=${level}
      id="title-${index}"
      lang=${ifDefined(lang)}
    >
      ${
        url
          ? html`<a
              part="link"
              class="clamp"
              href=${url}
              target=${ifDefined(linkTarget())}
              rel="noopener"
              @click=${() => this.handleOpen(item, url)}
              >${title}</a
            >`
          : html`<span class="clamp">${title}</span>`
      }
    </div>`;
  }

  /** The date, and the Listen button beside it, on the date's line. */
  private renderMeta(item: NewsItem, lang: string | undefined): unknown {
    const date = this.renderDate(item);
    const listen = this.listen.render(
      item.id,
      [item.title, item.summary ?? item.content_text],
      item.attachments,
      lang,
    );
    if (date === nothing && listen === nothing) return nothing;
    return html`<div class="meta">${date} ${listen}</div>`;
  }

  private renderDate(item: NewsItem): unknown {
    const date = item.date_published ?? item.date_modified;
    if (!date) return nothing;
    return html`<time part="date" class="date" datetime=${date}
      >${formatDate(date, this.locale.format)}</time
    >`;
  }

  /** The item's language: its own, else the feed's. */
  private languageOf(item: NewsItem): string | undefined {
    const current = this.feed.current;
    return item.language ?? ('result' in current ? current.result.feed.language : undefined);
  }

  /**
   * The summary, clamped to its lines (one fewer where "Read more" may go under it), or whole
   * once opened. `data-toggle` marks what {@link measureCuts} measures.
   */
  private renderSummary(
    item: NewsItem,
    result: FeedResult,
    toggles: boolean,
    open: boolean,
    index: number,
  ): unknown {
    const { text, lang } = this.localized(item.summary ?? item.content_text, this.languageOf(item));
    const toggle = toggles ? item.id : undefined;
    if (text) {
      const shown = open ? text : excerpt(text);
      return html`<p
        part="summary"
        class="summary"
        id="summary-${index}"
        lang=${ifDefined(lang)}
        data-toggle=${ifDefined(toggle)}
        ?data-shortened=${shown !== text}
      >
        ${shown}
      </p>`;
    }
    if (item.content_html === undefined) return nothing;
    return html`<div
      part="summary"
      class="summary"
      id="summary-${index}"
      lang=${ifDefined(this.foreign(this.languageOf(item)))}
      data-toggle=${ifDefined(toggle)}
    >
      ${this.sanitizedBody(item, result.url)}
    </div>`;
  }

  /** "Read more" under a cut summary of an item without a link (its row is there before it is measured). */
  private renderToggle(item: NewsItem, open: boolean, index: number): TemplateResult {
    return html`<div class="toggle-row">
      ${
        this.cut.has(item.id)
          ? html`<button
              part="read-more-button"
              class="read-more"
              type="button"
              aria-expanded=${open ? 'true' : 'false'}
              aria-controls="summary-${index}"
              aria-describedby=${ifDefined(this.text(item.title) ? `title-${index}` : undefined)}
              @click=${() => this.handleToggle(item)}
            >
              ${
                open
                  ? msg('Show less', { id: 'news.show-less' })
                  : msg('Read more', { id: 'news.read-more' })
              }
            </button>`
          : nothing
      }
    </div>`;
  }

  /** The item's HTML, sanitized once; DOMPurify loads on first need. */
  private sanitizedBody(item: NewsItem, base: string): unknown {
    let body = this.htmlBodies.get(item);
    if (body) return body;
    if (!sanitizer) {
      sanitizerLoading ??= import('../shared/sanitize.js');
      sanitizerLoading.then(
        (mod) => {
          sanitizer = mod;
          this.requestUpdate();
        },
        (error: unknown) => console.error('[mi-widgets] Could not load the sanitizer.', error),
      );
      return nothing;
    }
    body = document.createElement('div');
    body.append(sanitizer.sanitizeHtml(item.content_html ?? '', base));
    this.htmlBodies.set(item, body);
    return body;
  }

  /** The row of "More news": there, empty, when there is no more, so the box keeps its height. */
  private renderMore(shown: number, total: number): TemplateResult {
    return html`<div class="more">
      ${
        shown < total
          ? html`<button part="more-button" @click=${() => this.handleMore(total)}>
              ${msg('More news', { id: 'news.more' })}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderAnnouncement(total: number): TemplateResult {
    const shown = Math.min(this.shown, total);
    return html`<div class="visually-hidden" role="status">
      ${this.announced ? msg(str`Showing ${shown} of ${total} news items.`, { id: 'news.showing' }) : ''}
    </div>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mi-news-more': CustomEvent<{ shown: number; total: number }>;
    'mi-news-open': CustomEvent<{ itemId: string; url: string }>;
  }
}
