import { css, unsafeCSS } from 'lit';
import {
  BANNER_CARD_IMAGE_EM,
  BANNER_WIDE_PX,
  bannerBarHeight,
  bannerBarWideHeight,
  bannerCardHeight,
  bannerControlsHeight,
  bannerHeroHeight,
  cssOf,
} from '../shared/styles.js';
import { bannerDarkTokens, bannerLightTokens } from '../generated/banner-tokens.js';

/**
 * Each layout has a fixed height (texts clamped, the image in a box of its own), the same while
 * loading and once shown, and the same as the page's reserve stylesheet (src/embed/reserve.ts).
 * With nothing to show the banner takes no space at all.
 *
 * Warning and urgent campaigns have a mark in words before the title and an edge of its colour;
 * their colours are the design tokens' (src/tokens/tokens.json, see `baseStyles` for the rest),
 * and in both themes each mark's text has AA contrast on its own background.
 * In the hero, the close button (4px from the edges, 44px wide) has a column of its own beside
 * the text, however narrow the hero, however tall its text and whatever `--mi-space`: the
 * panel's margin and padding (two spaces) and the text's padding leave 52px. Pause rotation
 * (outlined, two bars) becomes Resume rotation (filled, a triangle); too narrow a row (the
 * position gives way first) leaves the icon alone: the words wrap to a second line of the
 * button that is never shown.
 */
export const campaignBannerStyles = css`
  :host([state='empty']) {
    display: none;
  }
  :host {
    --_banner-height: ${unsafeCSS(cssOf(bannerBarHeight))};
    ${bannerLightTokens}
  }
  :host([theme='dark']) {
    ${bannerDarkTokens}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${bannerDarkTokens}
    }
  }
  @media (min-width: ${BANNER_WIDE_PX}px) {
    :host {
      --_banner-height: ${unsafeCSS(cssOf(bannerBarWideHeight))};
    }
  }
  :host([layout='card']) {
    --_banner-height: ${unsafeCSS(cssOf(bannerCardHeight))};
  }
  :host([layout='hero']) {
    --_banner-height: ${unsafeCSS(cssOf(bannerHeroHeight))};
  }
  .base {
    padding: 0;
  }
  .loading {
    height: var(--_banner-height);
  }
  .loading.rotating {
    height: calc(var(--_banner-height) + ${unsafeCSS(cssOf(bannerControlsHeight))});
  }
  .error,
  .notice {
    padding: var(--_space);
  }
  .error {
    min-height: var(--_banner-height);
  }
  /* Every campaign in one grid cell: the box is as tall as the tallest, so rotating moves nothing. */
  .slides {
    display: grid;
  }
  .slide {
    grid-area: 1 / 1;
    visibility: hidden;
  }
  .slide.active {
    visibility: visible;
  }
  @media (prefers-reduced-motion: no-preference) {
    .slide {
      transition:
        visibility 0s linear 0.3s,
        opacity 0.3s ease;
      opacity: 0;
    }
    .slide.active {
      transition-delay: 0s;
      opacity: 1;
    }
  }
  .campaign {
    position: relative;
    height: var(--_banner-height);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    overflow: hidden;
  }
  .title {
    font-weight: 700;
    line-height: 1.25;
  }
  .message {
    margin: 0;
  }
  /* The call to action and the Listen button, on the call to action's line. */
  .actions {
    display: flex;
    align-items: center;
    gap: 0.75em;
    min-width: 0;
    height: 1.5em;
  }
  .cta {
    font-weight: 700;
    justify-self: start;
    min-width: 0;
    max-width: 100%;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .text,
  .title,
  .message {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }
  .message {
    -webkit-line-clamp: 3;
  }
  .campaign.warning {
    --_severity: var(--_warning);
    --_on-severity: var(--_on-warning);
  }
  .campaign.urgent {
    --_severity: var(--_urgent);
    --_on-severity: var(--_on-urgent);
  }
  .severity {
    display: inline-block;
    justify-self: start;
    margin-inline-end: 0.5em;
    padding: 0 0.45em;
    border-radius: 4px;
    background: var(--_severity);
    color: var(--_on-severity);
    font-size: 0.8125em;
    font-weight: 700;
    line-height: 1.5;
  }
  .warning .content,
  .urgent .content {
    position: relative;
  }
  .warning .content::before,
  .urgent .content::before {
    content: '';
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    width: 6px;
    background: var(--_severity);
    border-start-start-radius: inherit;
    border-end-start-radius: inherit;
  }
  @media (forced-colors: active) {
    .severity {
      border: 1px solid;
    }
  }
  .dismiss {
    position: absolute;
    top: 4px;
    inset-inline-end: 4px;
    padding: 0;
    width: 44px;
    height: 44px;
    border: 0;
    background: transparent;
    color: inherit;
    font-size: 1.5em;
    line-height: 1;
  }

  /* bar: the title and the message in two lines at most, the call to action under them (one
     row from ${BANNER_WIDE_PX}px) */
  .content {
    height: 100%;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    align-content: center;
    gap: 0.25em 0.75em;
    padding: 0.6em var(--_space);
    padding-inline-end: calc(var(--_space) + 44px);
  }
  .text .title,
  .text .message {
    display: inline;
  }
  @media (min-width: ${BANNER_WIDE_PX}px) {
    .content {
      grid-template-columns: minmax(0, 1fr) auto;
      align-items: center;
    }
  }

  /* card and hero: title (two lines) and message (three), then the call to action */
  :host([layout='card']) .text,
  :host([layout='hero']) .text {
    display: grid;
    gap: 0.5em;
  }
  :host([layout='card']) .text .title,
  :host([layout='hero']) .text .title,
  :host([layout='card']) .text .message,
  :host([layout='hero']) .text .message {
    display: -webkit-box;
  }
  :host([layout='card']) .content,
  :host([layout='hero']) .content {
    height: auto;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.5em;
    padding: var(--_space);
  }

  /* card */
  :host([layout='card']) .campaign {
    display: flex;
    flex-direction: column;
    border: 1px solid var(--_border);
  }
  :host([layout='card']) .content {
    flex: 1;
    min-height: 0;
    align-content: start;
  }
  /* Without an image the text sits in the middle of the card's box. */
  :host([layout='card']) .campaign:not(.has-image) .content {
    align-content: center;
  }
  :host([layout='card']) .title {
    font-size: 1.25em;
    padding-inline-end: 40px;
  }
  .media {
    background: var(--_skeleton);
  }
  :host([layout='card']) .media {
    flex: none;
    height: ${BANNER_CARD_IMAGE_EM}em;
  }
  .media img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }

  /* hero: a large image, the text on a dark panel over it (AA contrast whatever the image) */
  :host([layout='hero']) .campaign {
    display: grid;
    background: var(--_primary);
    color: var(--_on-primary);
  }
  :host([layout='hero']) .media {
    grid-area: 1 / 1;
    height: 100%;
  }
  :host([layout='hero']) .content {
    grid-area: 1 / 1;
    align-self: end;
    margin: var(--_space);
    max-width: 36em;
    border-radius: var(--_radius);
    background: rgba(0, 0, 0, 0.72);
    color: #ffffff;
  }
  :host([layout='hero']) .title {
    font-size: 1.75em;
  }
  :host([layout='hero']) .cta,
  :host([layout='hero']) .listen-button {
    color: #ffffff;
    border-color: #ffffff;
  }
  :host([layout='hero']) .dismiss {
    color: #ffffff;
    background: rgba(0, 0, 0, 0.72);
    border-radius: 50%;
  }
  :host([layout='hero']) .closable .text {
    padding-inline-end: max(0px, calc(52px - 2 * var(--_space)));
  }

  /* rotation: one row of fixed height, whatever the width (the position gives way first) */
  .controls {
    display: flex;
    gap: 0.4em;
    align-items: center;
    justify-content: flex-end;
    height: ${unsafeCSS(cssOf(bannerControlsHeight))};
    padding: 0.5em 0 0;
  }
  .position {
    min-width: 0;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    color: var(--_muted);
    font-size: 0.875em;
    margin-inline-end: auto;
  }
  .controls button {
    flex: none;
    white-space: nowrap;
    min-height: 36px;
    padding: 0.3em 0.6em;
    font-size: 0.875em;
  }
  .position {
    flex-shrink: 1000;
  }
  .controls .pause,
  .controls .resume {
    flex: 0 1 auto;
    min-width: 44px;
  }
  .fit {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    align-items: center;
    align-content: flex-start;
    column-gap: 0.4em;
    height: 1.25em;
    overflow: hidden;
  }
  .fit .label {
    flex: none;
  }
  .controls .icon {
    flex: none;
    width: 0.75em;
    height: 0.8em;
    margin-block: 0.225em;
    box-sizing: border-box;
    forced-color-adjust: none;
  }
  .pause .icon {
    border-inline: 0.25em solid currentColor;
  }
  .resume .icon {
    width: 0;
    height: 0;
    border-block: 0.42em solid transparent;
    border-left: 0.7em solid currentColor;
  }
`;
