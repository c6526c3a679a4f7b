import { css } from 'lit';
import { darkTokens, lightTokens } from '../generated/tokens.js';

/** The dark theme, used by `theme="dark"` and by `theme="auto"` in a dark OS. */
const dark = css`
  ${darkTokens}
  --_skeleton: #2e323a;
  color-scheme: dark;
`;

/**
 * Shared by every widget. The colours, radius and spacing are the design tokens'
 * (src/tokens/tokens.json, written here by scripts/tokens.js). Everything inside is sized in px/em (never rem: host pages set
 * `html { font-size: 62.5% }`). The text follows the visitor: the font size is the page's (at
 * least 16px: a page's `html { font-size: 62.5% }` does not make 10px widgets; `--mi-font-size`
 * sets it outright), and so are the letter and word spacing and the line height when it is
 * taller than 1.5 — a larger default font or a text-spacing override (WCAG 1.4.12) reaches
 * inside. Every other inherited property the host could set is pinned on `.base` inside the
 * shadow root, so a host's global CSS (even `* { … !important }`, which reaches the host
 * element) cannot break the layout; the font family is inherited on purpose too.
 *
 * The line height is a length, `max(1.5em, 1lh)` (`1lh` there is the page's), inherited as such
 * by all the text inside that has no line height of its own: the lengths below count its lines
 * in `var(--_lh)`, `1lh` of the element they size, or `1.5em` in browsers without `lh` (whose
 * line height is then `1.5em`).
 */
export const baseStyles = css`
  :host {
    ${lightTokens}
    --_skeleton: #e3e7ec;
    --_lh: 1.5em;
    color-scheme: light;

    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  @supports (height: 1lh) {
    :host {
      --_lh: 1lh;
    }
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
    font-size: var(--mi-font-size, max(1em, 16px));
    font-weight: normal;
    font-style: normal;
    line-height: 1.5em;
    line-height: max(1.5em, 1lh);
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
  /* The fallback content over the top of the loading placeholder, on the widget's background. */
  .overlay {
    display: grid;
  }
  .overlay > * {
    grid-area: 1 / 1;
  }
  .overlay > .fallback {
    align-self: start;
    position: relative;
    background: var(--_bg);
  }
  .error > .fallback.filled {
    margin-top: 0.75em;
  }
  /* The widget's link colour, in both themes, unless the page styles its links. */
  .fallback ::slotted(a) {
    color: var(--_primary);
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

/* ------------------------------------------------------------------------------------------ *
 * Reserved sizes: one source for the height a widget's box has before its code arrives (the   *
 * page's reserve stylesheet, src/embed/reserve.ts) and the heights the widget then keeps in   *
 * its loading and ready states (its own styles). Both are written from the lengths below.     *
 * ------------------------------------------------------------------------------------------ */

/** The font size and spacing assumed where a number is needed (the iframe's `height`). */
const DEFAULT_PX = 16;
/** The line height of the widgets' text: 1.5 times the font size, unless the page's is taller. */
const LINE = 1.5;

/**
 * A length, written as CSS for a font-size unit and a line-height unit — `1em` and `1lh` of
 * the element that uses it, whose font size and line height are the widget's (inside the
 * widget, and the block that holds its box on the page) — and its value in px with the default
 * font size, line height and spacing (the iframe's `height`).
 */
export interface Size {
  css(font: string, line: string): string;
  readonly px: number;
}

/** A sum: em, lines, `--mi-space`, px, em or lines per line of a line-count property, and other lengths. */
interface Terms {
  e: number;
  h: number;
  s: number;
  p: number;
  l: readonly (readonly [name: string, fallback: number, em: number, unit: 'em' | 'lh'])[];
  o: readonly Size[];
}

const round = (n: number): number => Math.round(n * 1e5) / 1e5;
const pxPer = (unit: 'em' | 'lh') => (unit === 'lh' ? LINE * DEFAULT_PX : DEFAULT_PX);

const linear = (t: Terms): Size & { t: Terms } => ({
  t,
  px: round(
    (t.e + t.s) * DEFAULT_PX +
      t.h * LINE * DEFAULT_PX +
      t.p +
      t.l.reduce((total, [, fallback, k, unit]) => total + fallback * k * pxPer(unit), 0) +
      t.o.reduce((total, o) => total + o.px, 0),
  ),
  css(font, line) {
    const per = (unit: 'em' | 'lh') => (unit === 'lh' ? line : font);
    const ems = [
      t.e ? `${round(t.e)}` : '',
      ...t.l.filter((l) => l[3] === 'em').map(([n, d, k]) => `${round(k)} * var(${n}, ${d})`),
    ].filter(Boolean);
    const lhs = [
      t.h ? `${round(t.h)}` : '',
      ...t.l.filter((l) => l[3] === 'lh').map(([n, d, k]) => `${round(k)} * var(${n}, ${d})`),
    ].filter(Boolean);
    const parts = [
      ems.length ? `(${ems.join(' + ')}) * ${per('em')}` : '',
      lhs.length ? `(${lhs.join(' + ')}) * ${per('lh')}` : '',
      t.s ? `${t.s} * var(--mi-space, 16px)` : '',
      t.p ? `${round(t.p)}px` : '',
      ...t.o.map((o) => o.css(font, line)),
    ];
    return `(${parts.filter(Boolean).join(' + ')})`;
  },
});
const terms = (t: Partial<Terms>) => linear({ e: 0, h: 0, s: 0, p: 0, l: [], o: [], ...t });

/** `n` times the widget's font size (`--mi-font-size`, else the page's, at least 16px). */
export const em = (e: number): Size => terms({ e });
/** `n` lines of the widget's text: its line height (1.5 times its font size, or the page's if taller). */
export const line = (h: number): Size => terms({ h });
/** `n` times the widget's spacing unit (`--mi-space`, 16px). */
export const space = (s = 1): Size => terms({ s });
export const px = (p: number): Size => terms({ p });
/**
 * A number of lines a partner may change (`--mi-news-title-lines`): each `k` em tall (text with
 * a line height of its own, such as a title), or `k` lines of the widget's text (`unit` `lh`).
 */
export const lines = (name: string, fallback: number, k: number, unit: 'em' | 'lh' = 'em'): Size =>
  terms({ l: [[name, fallback, k, unit]] });
export const sum = (...parts: Size[]): Size =>
  linear(
    parts.reduce<Terms>(
      (a, part) => {
        const t = (part as { t?: Terms }).t;
        return t
          ? {
              e: a.e + t.e,
              h: a.h + t.h,
              s: a.s + t.s,
              p: a.p + t.p,
              l: [...a.l, ...t.l],
              o: [...a.o, ...t.o],
            }
          : { ...a, o: [...a.o, part] };
      },
      { e: 0, h: 0, s: 0, p: 0, l: [], o: [] },
    ),
  );
export const max = (a: Size, b: Size): Size => ({
  css: (f, l) => `max(${a.css(f, l)}, ${b.css(f, l)})`,
  px: Math.max(a.px, b.px),
});
/** A length a partner can set outright with a custom property; `fallback` otherwise. */
export const settable = (name: string, fallback: Size): Size => ({
  css: (f, l) => `var(${name}, ${fallback.css(f, l)})`,
  px: fallback.px,
});
/**
 * The CSS value of a length inside a widget, on an element with the widget's font size and line
 * height. A line is `var(--_lh)`: `1lh`, or `1.5em` in browsers without the `lh` unit, whose
 * line height is then 1.5em (see {@link baseStyles}).
 */
export const cssOf = (length: Size, font = '1em', lineUnit = 'var(--_lh)'): string =>
  `calc(${length.css(font, lineUnit)})`;

/** A button's height: its line (1.25), padding (0.6em twice) and border (2px twice), at least 44px. */
export const buttonHeight = max(px(44), sum(em(2.45), px(4)));

/** News: an item's rows. Title and summary are clamped to a number of lines; the date is one line. */
const newsTitle = lines('--mi-news-title-lines', 3, 1.125 * 1.3);
const newsDate = line(1);
const newsSummary = lines('--mi-news-summary-lines', 3, 1, 'lh');
const newsGap = em(0.35);

/** Height of the image on top of a card (`cards` layout). */
export const NEWS_CARD_IMAGE_EM = 9;
/** Cards without an image show this many more lines of summary, in the image's place. */
export const NEWS_CARD_EXTRA_LINES = 4;
/** The most news items a box holds before the feed arrives; a longer first page grows below them. */
export const NEWS_RESERVED_ITEMS = 10;
/**
 * Narrowest card, and the widths (of the widget) from which the `cards` grid has 2, 3, …
 * columns, with the default card width and spacing.
 */
export const NEWS_CARD_MIN_WIDTH = 240;
export const newsColumnsFrom = (columns: number): number =>
  columns * NEWS_CARD_MIN_WIDTH + (columns - 1) * DEFAULT_PX + 2 * DEFAULT_PX;

export const newsItemHeight = settable(
  '--mi-news-item-height',
  sum(newsTitle, newsGap, newsDate, newsGap, newsSummary, space(), px(1)),
);
export const newsCardHeight = settable(
  '--mi-news-card-height',
  sum(
    px(2),
    em(NEWS_CARD_IMAGE_EM),
    newsGap,
    newsTitle,
    newsGap,
    newsDate,
    newsGap,
    newsSummary,
    space(),
  ),
);
/** The row under the items that holds "More news" (kept when there is no more, so nothing moves). */
export const newsMoreHeight = buttonHeight;

/**
 * The quiz's box, in every state: the start screen at its tallest — a two-line title, the
 * "Sample content" label, the intro (clamped), the number of statements and Start.
 */
export const quizHeight = settable(
  '--mi-quiz-height',
  sum(
    space(2),
    em(2 * 1.375 * 1.25 + 1.375 * 0.5),
    sum(line(1), em(0.875 * (0.2 + 0.75)), px(2)),
    lines('--mi-quiz-intro-lines', 4, 1, 'lh'),
    em(0.75),
    line(1),
    em(0.75),
    buttonHeight,
  ),
);

/** From this viewport width the bar is one row (text, then the call to action); below, two. */
export const BANNER_WIDE_PX = 640;
export const bannerBarHeight = settable('--mi-banner-bar-height', sum(em(1.2 + 0.25), line(3)));
export const bannerBarWideHeight = settable('--mi-banner-bar-height', sum(em(1.2), line(2)));
/** Height of a card's image. */
export const BANNER_CARD_IMAGE_EM = 8;
export const bannerCardHeight = settable(
  '--mi-banner-card-height',
  sum(px(2), em(BANNER_CARD_IMAGE_EM), space(2), em(1.25 * 1.25 * 2 + 0.5 + 0.5), line(3 + 1)),
);
export const bannerHeroHeight = settable('--mi-banner-hero-height', em(20));
/** The rotation controls under the campaigns (with `rotate`). */
export const bannerControlsHeight = sum(em(0.5), max(px(36), sum(em(0.875 * 1.85), px(4))));

/**
 * The hub locator is taller than a phone's screen: it holds this much (at least a screen) until
 * the visitor uses it, and its list grows below — out of sight, so nothing the visitor sees moves.
 */
export const hubHeight = settable('--mi-hub-height', em(58));
