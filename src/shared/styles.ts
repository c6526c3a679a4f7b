import { css } from 'lit';

/** Colours of the dark theme, used by `theme="dark"` and by `theme="auto"` in a dark OS. */
const dark = css`
  --_bg: var(--mi-color-background, #16181d);
  --_surface: var(--mi-color-surface, #22252c);
  --_text: var(--mi-color-text, #f1f3f5);
  --_muted: var(--mi-color-muted, #b9bec7);
  --_border: var(--mi-color-border, #4a4f59);
  --_primary: var(--mi-color-primary, #8cc4ff);
  --_on-primary: var(--mi-color-on-primary, #0b1a2b);
  --_error: var(--mi-color-error, #ff9a8f);
  --_success: var(--mi-color-success, #7fd69a);
  --_skeleton: #2e323a;
  color-scheme: dark;
`;

/**
 * Shared by every widget. Everything inside is sized in px/em (never rem: host pages set
 * `html { font-size: 62.5% }`), and every inherited property the host could set is pinned on
 * `.base` inside the shadow root, so a host's global CSS (even `* { … !important }`, which
 * reaches the host element) cannot break the layout; only the font family is inherited on purpose.
 */
export const baseStyles = css`
  :host {
    --_bg: var(--mi-color-background, #ffffff);
    --_surface: var(--mi-color-surface, #f4f6f8);
    --_text: var(--mi-color-text, #1a1a1a);
    --_muted: var(--mi-color-muted, #565b63);
    --_border: var(--mi-color-border, #c9ced6);
    --_primary: var(--mi-color-primary, #0b5cad);
    --_on-primary: var(--mi-color-on-primary, #ffffff);
    --_error: var(--mi-color-error, #a4161a);
    --_success: var(--mi-color-success, #1b6b3a);
    --_skeleton: #e3e7ec;
    --_radius: var(--mi-radius, 8px);
    --_space: var(--mi-space, 16px);
    color-scheme: light;

    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .base {
    box-sizing: border-box;
    font-family: var(--mi-font-family, inherit);
    font-size: var(--mi-font-size, 16px);
    font-weight: normal;
    font-style: normal;
    line-height: 1.5;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    text-shadow: none;
    white-space: normal;
    overflow-wrap: break-word;
    visibility: visible;
    background: var(--_bg);
    color: var(--_text);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .base:focus {
    outline: none;
  }
  a {
    color: var(--_primary);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  a:focus-visible,
  button:focus-visible,
  .base:focus-visible {
    outline: 3px solid var(--mi-focus-ring, var(--_primary));
    outline-offset: 2px;
  }
  button {
    font: inherit;
    font-weight: 600;
    line-height: 1.25;
    min-height: 44px;
    min-width: 44px;
    padding: 0.6em 1.2em;
    margin: 0;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    cursor: pointer;
    text-transform: none;
    letter-spacing: normal;
  }
  button.secondary {
    background: transparent;
    color: var(--_primary);
  }
  .muted {
    color: var(--_muted);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .error,
  .notice,
  .empty {
    margin: 0;
  }
  .error p,
  .notice p,
  .empty p {
    margin: 0 0 0.75em;
  }
  .error .title {
    color: var(--_error);
    font-weight: 700;
  }
  .notice {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
    padding: 0.5em 0.75em;
    margin-bottom: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .notice p {
    margin: 0;
  }
  .skeleton {
    display: block;
    height: 1em;
    margin: 0.6em 0;
    border-radius: 4px;
    background: var(--_skeleton);
  }
  .skeleton.short {
    width: 60%;
  }
  .skeleton-block + .skeleton-block {
    margin-top: var(--_space);
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton {
      animation: mi-pulse 1.6s ease-in-out infinite;
    }
  }
  @keyframes mi-pulse {
    50% {
      opacity: 0.55;
    }
  }
`;
