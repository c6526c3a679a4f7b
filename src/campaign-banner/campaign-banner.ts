import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { IntersectionController } from '@lit-labs/observers/intersection-controller.js';
import type { Campaign, Feed } from '../feed/schema.js';
import { safeUrl } from '../feed/text.js';
import { emit } from '../shared/events.js';
import { linkTarget } from '../shared/links.js';
import { MediaQueryController } from '../shared/media-query.js';
import { MiElement, type ViewContext } from '../shared/mi-element.js';
import { headingLevel, INTERVAL } from '../shared/numbers.js';
import { chooseCampaigns, dismiss, isDismissed } from './campaigns.js';
import { campaignBannerStyles } from './campaign-banner.styles.js';

export type BannerLayout = 'bar' | 'card' | 'hero';

/** Campaigns already seen on this page view, by feed and id: `mi-campaign-view` fires once each. */
const viewed = new Set<string>();

/**
 * The campaign that is current for this page's audience: running now, in the visitor's language,
 * for the partner's country, the highest priority first; closable for good.
 *
 * @summary A campaign banner: a slim bar, a card or a hero.
 * @title Campaign
 *
 * @fires mi-campaign-view - A campaign was at least half visible, once per campaign per page view (from the kept copy, once the network confirmed it or failed). `detail: { campaignId }`.
 * @fires mi-campaign-click - The visitor followed a campaign's call to action. `detail: { campaignId }`.
 * @fires mi-campaign-dismiss - The visitor dismissed a campaign. `detail: { campaignId }`.
 *
 * @csspart campaign - One campaign.
 * @csspart image - A campaign's image.
 * @csspart title - A campaign's title.
 * @csspart message - A campaign's message.
 * @csspart cta - The call-to-action link.
 * @csspart dismiss-button - The Dismiss button.
 * @csspart pause-button - The button that pauses and resumes rotation.
 *
 * @cssprop [--mi-banner-bar-height] - Height of the `bar` layout (two lines of text and the call to action; one row from 640px), computed from the font size by default.
 * @cssprop [--mi-banner-card-height] - Height of the `card` layout (image 8em, a two-line title, three lines of message, the call to action).
 * @cssprop [--mi-banner-hero-height=20em] - Height of the `hero` layout.
 */
export class MiCampaignBanner extends MiElement<Campaign[]> {
  static override styles = [...MiElement.styles, campaignBannerStyles];
  /** @internal */
  static override numbers = {
    ...MiElement.numbers,
    interval: { attribute: 'interval', ...INTERVAL },
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

  @state() private index = 0;
  @state() private paused = false;
  @state() private hovered = false;
  @state() private focused = false;

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

  /** Add a Dismiss button; a dismissed campaign stays dismissed in this browser. */
  @property({ type: Boolean }) dismissible = false;

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

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.syncRotation();
    this.reportView();
  }

  private handleClick(campaign: Campaign): void {
    emit(this, 'mi-campaign-click', { campaignId: campaign.id });
  }

  private handleDismiss(campaign: Campaign): void {
    const url = this.feed.result?.url;
    if (url) dismiss(url, campaign.id);
    emit(this, 'mi-campaign-dismiss', { campaignId: campaign.id });
    this.requestUpdate();
    // What replaces it (another campaign, or nothing) takes the focus the button had.
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('.base')?.focus(),
    );
  }

  private handleFocusOut(event: FocusEvent): void {
    this.focused = this.renderRoot.contains(event.relatedTarget as Node | null);
  }

  protected view(feed: Feed, { url, preferences }: ViewContext): Campaign[] {
    return chooseCampaigns(feed, {
      country: this.country,
      preferences,
      pinned: this.campaign,
      now: new Date(),
      dismissed: (id) => isDismissed(url, id),
    });
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

  private syncRotation(): void {
    const run =
      this.rotating && this.state === 'ready' && !this.paused && !this.hovered && !this.focused;
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
      <div class="slides">
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
    return html`<div part="campaign" class="campaign ${image ? 'has-image' : ''}">
      ${image ?? nothing}
      <div class="content">
        <div class="text">
          ${heading}
          ${
            message.text
              ? html`<p part="message" class="message" lang=${ifDefined(message.lang)}>
                  ${message.text}
                </p>`
              : nothing
          }
        </div>
        ${this.renderCta(campaign)}
      </div>
      ${
        this.dismissible
          ? html`<button
              part="dismiss-button"
              class="dismiss"
              type="button"
              aria-label=${msg('Dismiss', { id: 'banner.dismiss' })}
              @click=${() => this.handleDismiss(campaign)}
            >
              <span aria-hidden="true">×</span>
            </button>`
          : nothing
      }
    </div>`;
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
      ${
        this.reducedMotion.matches
          ? nothing
          : html`<button
              part="pause-button"
              type="button"
              class="secondary"
              aria-pressed=${this.paused ? 'true' : 'false'}
              @click=${() => (this.paused = !this.paused)}
            >
              ${msg('Pause rotation', { id: 'banner.pause' })}
            </button>`
      }
      <button type="button" class="secondary" @click=${() => (this.index = (active + 1) % count)}>
        ${msg('Next campaign', { id: 'banner.next' })}
      </button>
    </div>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mi-campaign-view': CustomEvent<{ campaignId: string }>;
    'mi-campaign-click': CustomEvent<{ campaignId: string }>;
    'mi-campaign-dismiss': CustomEvent<{ campaignId: string }>;
  }
}
