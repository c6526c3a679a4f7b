import { css, unsafeCSS } from 'lit';
import {
  cssOf,
  NEWS_CARD_EXTRA_LINES,
  NEWS_CARD_IMAGE_EM,
  NEWS_CARD_MIN_WIDTH,
  newsCardHeight,
  newsItemHeight,
  newsMoreHeight,
} from '../shared/styles.js';

/**
 * Every item has a fixed height (title and summary clamped, the date on one line, the image in
 * a box of its own), and the row of "More news" is always there: the widget is as tall before
 * its feed arrives as after, and as the page's reserve stylesheet (src/embed/reserve.ts) says.
 */
export const newsFeedStyles = css`
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  :host([layout='cards']) .list {
    grid-template-columns: repeat(
      auto-fill,
      minmax(min(100%, var(--mi-news-card-min-width, ${NEWS_CARD_MIN_WIDTH}px)), 1fr)
    );
  }
  .item {
    height: ${unsafeCSS(cssOf(newsItemHeight))};
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    align-content: start;
    gap: 0.35em 0.75em;
    padding-bottom: var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  .item.filler,
  .shape {
    visibility: hidden;
  }
  .item:focus {
    outline: none;
  }
  .item:focus-visible {
    outline: 3px solid var(--mi-focus-ring, var(--_primary));
    outline-offset: 2px;
  }
  /* list: the image is a thumbnail beside the date and summary; the title has the full width */
  :host(:not([layout='cards'])) .item.has-image {
    grid-template-columns: minmax(0, 1fr) var(--mi-news-thumb-width, 8em);
    grid-template-areas:
      'title title'
      'date media'
      'summary media';
  }
  :host(:not([layout='cards'])) .has-image .media {
    grid-area: media;
    align-self: start;
  }
  :host(:not([layout='cards'])) .has-image .title {
    grid-area: title;
  }
  :host(:not([layout='cards'])) .has-image .meta {
    grid-area: date;
  }
  :host(:not([layout='cards'])) .has-image .summary {
    grid-area: summary;
  }
  :host([layout='cards']) .item {
    height: ${unsafeCSS(cssOf(newsCardHeight))};
    padding: 0 0 var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    overflow: hidden;
  }
  :host([layout='cards']) .item > :not(.media) {
    margin-inline: var(--_space);
  }
  :host([layout='cards']) .item > :first-child:not(.media) {
    margin-top: var(--_space);
  }
  .media {
    aspect-ratio: var(--mi-news-image-ratio, 16 / 9);
    background: var(--_skeleton);
    overflow: hidden;
    border-radius: var(--_radius);
  }
  :host([layout='cards']) .media {
    height: ${NEWS_CARD_IMAGE_EM}em;
    aspect-ratio: auto;
    border-radius: 0;
  }
  .media img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .title {
    margin: 0;
    font-size: 1.125em;
    font-weight: 700;
    line-height: 1.3;
  }
  /* The link itself is the clamped box, so its focus ring is drawn outside the clip. */
  .title .clamp {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--mi-news-title-lines, 3);
    overflow: hidden;
  }
  /* The date and the Listen button, on one line of the date's height. */
  .meta {
    display: flex;
    align-items: center;
    gap: 0 0.75em;
    min-width: 0;
    height: 1.3125em;
  }
  .date {
    font-size: 0.875em;
    color: var(--_muted);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .summary {
    --_lines: var(--mi-news-summary-lines, 3);
    margin: 0;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--_lines);
    max-height: calc(var(--_lines) * var(--_lh));
    overflow: hidden;
  }
  :host([layout='cards']) .item:not(.has-image) .summary {
    --_lines: calc(var(--mi-news-summary-lines, 3) + ${NEWS_CARD_EXTRA_LINES});
  }
  .summary * {
    margin-block: 0; /* an HTML body's paragraphs: every line counts in a clamped summary */
  }
  /* An item without a link: a line of its summary gives way to "Read more", which opens it in
     place (the item grows then, at the visitor's request). */
  .item.toggles .summary {
    --_lines: calc(var(--mi-news-summary-lines, 3) - 1);
  }
  :host([layout='cards']) .item.toggles:not(.has-image) .summary {
    --_lines: calc(var(--mi-news-summary-lines, 3) + ${NEWS_CARD_EXTRA_LINES} - 1);
  }
  .toggle-row {
    grid-column: 1;
    height: var(--_lh);
    margin-top: -0.35em; /* in the summary's last line: no gap of its own */
  }
  .read-more {
    height: 100%;
    min-height: 24px;
    min-width: 24px;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    line-height: inherit;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .item.open,
  :host([layout='cards']) .item.open {
    height: auto;
  }
  .item.open .summary {
    display: block;
    -webkit-line-clamp: none;
    max-height: none;
  }
  .summary img {
    max-width: 100%;
    height: auto;
  }
  .more {
    display: flex;
    justify-content: center;
    align-items: center;
    height: ${unsafeCSS(cssOf(newsMoreHeight))};
    margin-top: var(--_space);
  }
  /* An empty or failed feed keeps the box: its message over an invisible copy of the items. */
  .stack {
    display: grid;
  }
  .stack > * {
    grid-area: 1 / 1;
    align-self: start;
  }
  .skeleton-item {
    overflow: hidden;
  }
  .skeleton-item .skeleton {
    margin: 0.3em 0;
  }
  .skeleton-item .title-bar {
    height: 1.25em;
  }
`;
