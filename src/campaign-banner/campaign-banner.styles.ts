import { css } from 'lit';

export const campaignBannerStyles = css`
  :host([state='empty']) {
    display: none;
  }
  .base {
    padding: 0;
  }
  .loading {
    min-height: var(--mi-banner-min-height, 0px);
  }
  .error,
  .notice {
    padding: var(--_space);
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
    height: 100%;
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
  .cta {
    font-weight: 700;
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

  /* bar: one slim line that wraps on small screens */
  :host([layout='bar']) .content {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    align-items: baseline;
    padding: 0.6em var(--_space);
    padding-inline-end: calc(var(--_space) + 44px);
  }
  :host([layout='bar']) .cta {
    margin-inline-start: auto;
  }

  /* card */
  :host([layout='card']) .campaign {
    border: 1px solid var(--_border);
  }
  :host([layout='card']) .content {
    display: grid;
    gap: 0.5em;
    padding: var(--_space);
  }
  :host([layout='card']) .title {
    font-size: 1.25em;
    padding-inline-end: 40px;
  }
  .media {
    aspect-ratio: 16 / 9;
    background: var(--_skeleton);
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
    min-height: 240px;
    background: var(--_primary);
    color: var(--_on-primary);
  }
  :host([layout='hero']) .media {
    grid-area: 1 / 1;
    aspect-ratio: 21 / 9;
  }
  :host([layout='hero']) .content {
    grid-area: 1 / 1;
    align-self: end;
    display: grid;
    gap: 0.5em;
    margin: var(--_space);
    padding: var(--_space);
    max-width: 36em;
    border-radius: var(--_radius);
    background: rgba(0, 0, 0, 0.72);
    color: #ffffff;
  }
  :host([layout='hero']) .title {
    font-size: 1.75em;
  }
  :host([layout='hero']) .cta {
    color: #ffffff;
  }
  :host([layout='hero']) .dismiss {
    color: #ffffff;
    background: rgba(0, 0, 0, 0.72);
    border-radius: 50%;
  }

  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    justify-content: flex-end;
    padding: 0.5em 0.5em 0;
  }
  .position {
    color: var(--_muted);
    font-size: 0.875em;
    margin-inline-end: auto;
  }
  .controls button {
    min-height: 36px;
    padding: 0.3em 0.8em;
    font-size: 0.875em;
  }
`;
