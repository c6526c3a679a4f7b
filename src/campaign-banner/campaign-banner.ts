import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { IntersectionController } from '@lit-labs/observers/intersection-controller.js';
import type { Campaign, Feed } from '../feed/schema.js';
import { safeUrl } from '../feed/text.js';
import { emit } from '../shared/events.js';
import { linkTarget } from '../shared/links.js';
import { ListenController, listenStyles } from '../shared/listen.js';
import { MediaQueryController } from '../shared/media-query.js';
import { MiElement, type ViewContext } from '../shared/mi-element.js';
import { headingLevel, INTERVAL } from '../shared/numbers.js';
import { chooseCampaigns, dismiss, isDismissed, isUrgent } from './campaigns.js';
import { campaignBannerStyles } from './campaign-banner.styles.js';

export type BannerLayout = 'bar' | 'card' | 'hero';

/** Campaigns already seen on this page view, by feed and id: `mi-campaign-view` fires once each. */
const viewed = new Set<string>();

/**
 * Urgent campaigns already announced on this page view, by feed and id: of several banners that
 * show one, only the first has `role="alert"`.
 */
const alerted = new Set<string>();

/** Days a dismissal lasts: 30 by default, 0 for the page view only, at most ten years. */
const DISMISS_DAYS = { fallback: 30, min: 0, max: 3650 };

/**
 * The campaign that is current for this page's audience: running now, in the visitor's language,
 * for the partner's country, urgent first, then the highest priority; closable for a number of
 * days, except when urgent.
 *
 * @summary A campaign banner: a slim bar, a card or a hero.
 * @title Campaign
 *
 * @fires mi-campaign-view - A campaign was at least half visible, once per campaign per page view (from the kept copy, once the network confirmed it or failed). `detail: { campaignId }`.
 * @fires mi-campaign-click - The visitor followed a campaign's call to action. `detail: { campaignId }`.
 * @fires mi-campaign-dismiss - The visitor closed the banner: `campaignId` is the campaign on screen, `campaignIds` every campaign it hid (all those of a rotating banner). `detail: { campaignId, campaignIds }`.
 *
 * @csspart campaign - One campaign.
 * @csspart image - A campaign's image.
 * @csspart title - A campaign's title.
 * @csspart message - A campaign's message.
 * @csspart cta - The call-to-action link.
 * @csspart severity - The "Warning" or "Urgent" mark before a campaign's title.
 * @csspart listen-button - The button that plays the campaign's recording, or reads it aloud.
 * @csspart dismiss-button - The close button (of a rotating banner: closes all its campaigns).
 * @csspart pause-button - The button that pauses and resumes rotation.
 * @csspart pause-button-paused - The same button while rotation is paused (it then says Resume rotation).
 *
 * @cssprop [--mi-banner-bar-height] - Height of the `bar` layout (two lines of text and the call to action; one row from 640px), computed from the font size by default.
 * @cssprop [--mi-banner-card-height] - Height of the `card` layout (image 8em, a two-line title, three lines of message, the call to action).
 * @cssprop [--mi-banner-hero-height=20em] - Height of the `hero` layout.
 * @cssprop [--mi-color-warning=#f2b01e] - Mark and edge of a warning (dark theme: #f5c04a).
 * @cssprop [--mi-color-on-warning=#1a1a1a] - Text of the warning mark.
 * @cssprop [--mi-color-urgent=#a4161a] - Mark and edge of an urgent campaign (dark theme: #ff8a80).
 * @cssprop [--mi-color-on-urgent=#ffffff] - Text of the urgent mark (dark theme: #1a1a1a).
 */
export class MiCampaignBanner extends MiElement<Campaign[]> {
  static override styles = [...MiElement.styles, listenStyles, campaignBannerStyles];
  /** @internal */
  static override numbers = {
    ...MiElement.numbers,
    interval: { attribute: 'interval', ...INTERVAL },
    dismissDays: { attribute: 'dismiss-days', ...DISMISS_DAYS },
    headingLevel: headingLevel(2),
  };

  protected readonly feedSection = 'campaigns';
  private readonly reducedMotion = new MediaQueryController(
    this,
    '(prefers-reduced-motion: reduce)',
  );
  /** Half of the banner or more is on screen: then a campaign counts as seen. */
  private readonly visibility = new IntersectionController(this, {
    config: { threshold: [0, 0.5, 1] },
    callback: (entries) => {
      const entry = entries[entries.length - 1];
      return entry.isIntersecting && entry.intersectionRatio >= 0.5;
    },
  });
  private timer?: ReturnType<typeof setInterval>;
  private readonly listen = new ListenController(this, {
    preferences: () => this.locale.preferences,
    ui: () => this.locale.ui,
  });

  /** The urgent campaign (feed URL # id) this banner announces with `role="alert"`, if any. */
  private alerting?: string;

  @state() private index = 0;
  @state() private paused = false;
  @state() private hovered = false;
  @state() private focused = false;
  /** The visitor closed the banner: for the rest of the page view only urgent campaigns show. */
  @state() private closed = false;

  /** `bar` (a slim strip), `card` (image, title, message, call to action) or `hero` (a large image). */
  @property({ reflect: true }) layout: BannerLayout = 'bar';

  /** The partner's country (ISO 3166-1 alpha-2): campaigns aimed at other countries do not show. */
  @property() country = '';

  /** Show this campaign (by id) whenever it is running, whoever it targets. */
  @property() campaign = '';

  /** Take turns between the active campaigns, at a readable pace, with a pause button. */
  @property({ type: Boolean }) rotate = false;

  /** Milliseconds each campaign shows when rotating. */
  @property({ type: Number }) interval = 8000;

  /** Add a close button (never on urgent campaigns): the campaign, or with `rotate` all of them, stays hidden in this browser for `dismiss-days`. */
  @property({ type: Boolean }) dismissible = false;

  /** Days a closed campaign stays hidden (0: for the page view only), for campaigns whose feed entry gives no `dismiss_days`. */
  @property({ type: Number, attribute: 'dismiss-days' }) dismissDays = 30;

  /** Heading level (2–6) of campaign titles in the card and hero layouts. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The layout drawn: an unknown `layout` is a bar, as the page's reserve stylesheet assumes. */
  private get shape(): BannerLayout {
    return this.layout === 'card' || this.layout === 'hero' ? this.layout : 'bar';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopRotation();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // An urgent campaign is announced once per page view, by the first banner that shows it.
    const first = this.campaigns[0];
    const key = first && isUrgent(first) ? `${this.feed.result?.url}#${first.id}` : undefined;
    if (key !== this.alerting) {
      this.alerting = key && !alerted.has(key) ? key : undefined;
      if (key) alerted.add(key);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.syncRotation();
    this.reportView();
  }

  private handleClick(campaign: Campaign): void {
    emit(this, 'mi-campaign-click', { campaignId: campaign.id });
  }

  /**
   * The visitor closed the banner: it goes for the rest of the page view, no other campaign
   * taking its place. The campaign on screen — with `rotate`, every campaign of the rotation —
   * stays hidden for its days. (The banner leaves the page; the browser's next Tab goes on from
   * where it was.)
   */
  private handleDismiss(campaign: Campaign): void {
    const url = this.feed.result?.url;
    const hidden = (this.rotate ? this.campaigns : [campaign]).filter((c) => !isUrgent(c));
    if (url) for (const c of hidden) dismiss(url, c.id, this.daysOf(c));
    this.closed = true;
    emit(this, 'mi-campaign-dismiss', {
      campaignId: campaign.id,
      campaignIds: hidden.map((c) => c.id),
    });
  }

  /** How long a dismissal of this campaign lasts: the feed's word for it, else `dismiss-days`. */
  private daysOf(campaign: Campaign): number {
    return campaign.dismiss_days ?? this.dismissDays;
  }

  private handleFocusOut(event: FocusEvent): void {
    this.focused = this.renderRoot.contains(event.relatedTarget as Node | null);
  }

  protected view(feed: Feed, { url, preferences }: ViewContext): Campaign[] {
    const now = new Date();
    const chosen = chooseCampaigns(feed, {
      country: this.country,
      preferences,
      pinned: this.campaign,
      now,
      dismissed: (c) => isDismissed(url, c.id, this.daysOf(c), now.getTime()),
    });
    return this.closed ? chosen.filter(isUrgent) : chosen;
  }

  /** The campaigns that may show now, best first (none until the feed is here). */
  private get campaigns(): readonly Campaign[] {
    const current = this.feed.current;
    return current.state === 'ready' ? current.view : [];
  }

  /** Rotation runs only with `rotate`, several campaigns, no reduced motion, and nobody reading. */
  private get rotating(): boolean {
    return this.rotate && this.campaigns.length > 1 && !this.reducedMotion.matches;
  }

  /** Campaigns change by themselves now: nobody paused, pointed at or focused the banner. */
  private get turning(): boolean {
    return this.rotating && !this.paused && !this.hovered && !this.focused;
  }

  private syncRotation(): void {
    const run = this.turning && this.state === 'ready';
    if (run && !this.timer) {
      this.timer = setInterval(
        () => (this.index = (this.index + 1) % Math.max(1, this.campaigns.length)),
        this.interval,
      );
    } else if (!run) {
      this.stopRotation();
    }
  }

  private stopRotation(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private get active(): Campaign | undefined {
    return this.campaigns.length ? this.campaigns[this.index % this.campaigns.length] : undefined;
  }

  /**
   * `mi-campaign-view`, once per campaign per page view, for a campaign half visible. Not while
   * the copy kept from an earlier visit is on screen and the network has not answered yet: the
   * fresh feed may have withdrawn that campaign (with no network at all, the copy counts).
   */
  private reportView(): void {
    const active = this.active;
    const current = this.feed.current;
    if (this.visibility.value !== true || !active || current.state !== 'ready') return;
    if (current.result.fromCache && current.failed === undefined) return;
    const url = current.result.url;
    const key = `${url}#${active.id}`;
    if (viewed.has(key)) return;
    viewed.add(key);
    emit(this, 'mi-campaign-view', { campaignId: active.id });
  }

  override render(): TemplateResult {
    return this.renderFrame(msg('Campaign', { id: 'banner.label' }), this.renderState());
  }

  /** The box the campaign will fill: the layout's height, and the rotation controls' row. */
  protected override renderLoading(): TemplateResult {
    return html`<div part="loading" class="loading ${this.rotate ? 'rotating' : ''}" role="status">
      <span class="visually-hidden">${msg('Loading…', { id: 'common.loading' })}</span>
    </div>`;
  }

  protected renderReady(campaigns: Campaign[]): TemplateResult {
    // Without rotation only the best campaign is on the page; with it, all of them, stacked.
    if (!this.rotate) campaigns = campaigns.slice(0, 1);
    const active = this.index % campaigns.length;
    return html`<div
      class="banner"
      @mouseenter=${() => (this.hovered = true)}
      @mouseleave=${() => (this.hovered = false)}
      @focusin=${() => (this.focused = true)}
      @focusout=${this.handleFocusOut}
    >
      <div class="slides" aria-live=${ifDefined(this.liveness(campaigns.length))}>
        ${campaigns.map(
          (c, i) =>
            html`<div
              class="slide ${i === active ? 'active' : ''}"
              .inert=${i !== active}
              aria-hidden=${i === active ? 'false' : 'true'}
            >
              ${this.renderCampaign(c)}
            </div>`,
        )}
      </div>
      ${this.renderControls(campaigns.length, active)}
    </div>`;
  }

  /**
   * As in the WAI-ARIA carousel pattern: while campaigns change by themselves nothing is
   * announced; once rotation stops (paused, focus inside, reduced motion) Next campaign's
   * campaign is read out.
   */
  private liveness(count: number): 'off' | 'polite' | undefined {
    if (!this.rotate || count < 2) return undefined;
    return this.turning ? 'off' : 'polite';
  }

  protected renderEmpty(): unknown {
    return nothing; // the element takes no space at all
  }

  private renderCampaign(campaign: Campaign): TemplateResult {
    const { text: title, lang } = this.localized(campaign.title);
    const message = this.localized(campaign.message);
    const image = this.shape === 'bar' ? undefined : this.renderImage(campaign);
    const heading =
      this.shape === 'bar'
        ? html`<strong part="title" class="title" lang=${ifDefined(lang)}>${title}</strong>`
        : html`<div
            part="title"
            class="title"
            role="heading"
            aria-level=${this.headingLevel}
            lang=${ifDefined(lang)}
          >
            ${title}
          </div>`;
    const severity = campaign.severity ?? 'info';
    const closable = this.dismissible && !isUrgent(campaign);
    const alert = `${this.feed.result?.url}#${campaign.id}` === this.alerting;
    return html`<div
      part="campaign"
      class="campaign ${severity} ${image ? 'has-image' : ''} ${closable ? 'closable' : ''}"
    >
      ${image ?? nothing}
      <div class="content">
        <div class="text" role=${ifDefined(alert ? 'alert' : undefined)}>
          ${this.renderSeverity(severity)} ${heading}
          ${
            message.text
              ? html`<p part="message" class="message" lang=${ifDefined(message.lang)}>
                  ${message.text}
                </p>`
              : nothing
          }
        </div>
        ${this.renderActions(campaign)}
      </div>
      ${closable ? this.renderDismiss(campaign) : nothing}
    </div>`;
  }

  /** Warning and urgent campaigns say so in words, not only in colour. */
  private renderSeverity(severity: string): unknown {
    const word =
      severity === 'urgent'
        ? msg('Urgent', { id: 'banner.urgent', desc: 'Mark before the title of an urgent notice' })
        : severity === 'warning'
          ? msg('Warning', {
              id: 'banner.warning',
              desc: 'Mark before the title of a warning (e.g. about fraudsters)',
            })
          : '';
    return word ? html`<span part="severity" class="severity">${word}</span>` : nothing;
  }

  /** One press closes the banner: with `rotate`, all its campaigns, and its label says so. */
  private renderDismiss(campaign: Campaign): TemplateResult {
    const label = this.rotate
      ? msg('Close all campaigns', { id: 'banner.dismiss-all' })
      : msg('Close', { id: 'banner.dismiss' });
    return html`<button
      part="dismiss-button"
      class="dismiss"
      type="button"
      aria-label=${label}
      title=${label}
      @click=${() => this.handleDismiss(campaign)}
    >
      <span aria-hidden="true">×</span>
    </button>`;
  }

  private renderImage(campaign: Campaign): TemplateResult | undefined {
    const src = safeUrl(campaign.image?.url);
    if (!campaign.image || !src) return undefined;
    const [width, height] = this.shape === 'hero' ? [1200, 514] : [640, 360];
    const alt = this.localized(campaign.image.alt);
    return html`<div class="media">
      <img
        part="image"
        src=${src}
        alt=${alt.text}
        lang=${ifDefined(alt.lang)}
        loading="lazy"
        referrerpolicy="no-referrer"
        decoding="async"
        width=${width}
        height=${height}
      />
    </div>`;
  }

  /** The call to action and the Listen button, on the call to action's line. */
  private renderActions(campaign: Campaign): unknown {
    const cta = this.renderCta(campaign);
    const listen = this.listen.render(
      campaign.id,
      [campaign.title, campaign.message],
      campaign.audio,
      campaign.languages?.length === 1 ? campaign.languages[0] : this.feed.result?.feed.language,
    );
    if (cta === nothing && listen === nothing) return nothing;
    return html`<div class="actions">${cta} ${listen}</div>`;
  }

  private renderCta(campaign: Campaign): unknown {
    const url = safeUrl(campaign.cta?.url);
    if (!campaign.cta || !url) return nothing;
    const label = this.localized(campaign.cta.label);
    return html`<a
      part="cta"
      class="cta"
      href=${url}
      target=${ifDefined(linkTarget())}
      rel="noopener"
      @click=${() => this.handleClick(campaign)}
    >
      <span lang=${ifDefined(label.lang)}>${label.text}</span>
    </a>`;
  }

  /** With `rotate`, the row of controls is there even for one campaign: the box keeps its height. */
  private renderControls(count: number, active: number): unknown {
    if (!this.rotate) return nothing;
    if (count < 2) return html`<div class="controls"></div>`;
    return html`<div class="controls">
      <span class="position"
        >${msg(str`${active + 1} of ${count}`, { id: 'banner.position' })}</span
      >
      ${this.reducedMotion.matches ? nothing : this.renderPause()}
      <button type="button" class="secondary" @click=${() => (this.index = (active + 1) % count)}>
        ${msg('Next campaign', { id: 'banner.next' })}
      </button>
    </div>`;
  }

  /**
   * The WAI-ARIA carousel pattern's rotation control: its label says what it will do (Pause
   * rotation, Resume rotation), so it has no `aria-pressed`; its icon and look change with it.
   * Where the row is too narrow for its words (Spanish or French at 320px) it keeps its icon,
   * the words still its name and its tooltip.
   */
  private renderPause(): TemplateResult {
    const paused = this.paused;
    const label = paused
      ? msg('Resume rotation', { id: 'banner.resume' })
      : msg('Pause rotation', { id: 'banner.pause' });
    return html`<button
      title=${label}
      part=${paused ? 'pause-button pause-button-paused' : 'pause-button'}
      type="button"
      class=${paused ? 'resume' : 'pause secondary'}
      @click=${() => (this.paused = !paused)}
    >
      <span class="fit"
        ><span class="icon" aria-hidden="true"></span><span class="label">${label}</span></span
      >
    </button>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mi-campaign-view': CustomEvent<{ campaignId: string }>;
    'mi-campaign-click': CustomEvent<{ campaignId: string }>;
    'mi-campaign-dismiss': CustomEvent<{ campaignId: string; campaignIds: string[] }>;
  }
}
