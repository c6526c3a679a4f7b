import { css, unsafeCSS } from 'lit';
import { cssOf, hubHeight } from '../shared/styles.js';

/**
 * Taller than a screen, the locator holds a fixed height (at least a phone's screen) from
 * before it loads until the visitor uses it; its list grows below that, out of sight. The map
 * has its place from the first render, before its code loads.
 */
export const hubLocatorStyles = css`
  .hold {
    display: flow-root; /* its first child's margin stays inside the height it holds */
  }
  .held {
    min-height: calc(${unsafeCSS(cssOf(hubHeight))} - 2 * var(--_space));
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em var(--_space);
    align-items: flex-end;
    margin-bottom: var(--_space);
  }
  .field {
    display: grid;
    gap: 0.25em;
    flex: 1 1 10em;
  }
  .field.search {
    flex: 2 1 14em;
  }
  label {
    font-weight: 600;
    font-size: 0.9375em;
  }
  input[type='search'],
  select {
    font: inherit;
    min-height: 44px;
    width: 100%;
    padding: 0.4em 0.6em;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
  }
  input:focus-visible,
  select:focus-visible,
  .hub:focus-visible {
    outline: 3px solid var(--mi-focus-ring, var(--_primary));
    outline-offset: 2px;
  }
  .toggles {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: center;
  }
  .check {
    display: inline-flex;
    gap: 0.4em;
    align-items: center;
    min-height: 44px;
    font-weight: normal;
  }
  .check input {
    width: 1.25em;
    height: 1.25em;
    margin: 0;
    accent-color: var(--_primary);
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .none-found {
    display: grid;
    justify-items: start;
    gap: calc(var(--_space) / 2);
  }
  .none-found p {
    margin: 0;
  }
  .geo {
    margin: 0 0 var(--_space);
  }
  .geo.problem {
    color: var(--_error);
    font-weight: 600;
  }
  .layout.with-map {
    display: grid;
    gap: var(--_space);
  }
  @media (min-width: 800px) {
    .layout.with-map {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      align-items: start;
    }
    .layout.with-map .map {
      position: sticky;
      top: var(--_space);
    }
  }
  .map,
  .map-placeholder {
    height: var(--mi-hub-map-height, 360px);
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    overflow: hidden;
  }
  .map-placeholder {
    display: grid;
    place-items: center;
  }
  .count {
    margin: 0 0 0.75em;
    color: var(--_muted);
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  .hub {
    padding: 0.75em var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    /* Cards below the screen are laid out and painted only as they come near it: on a phone,
       one page of 20 cards is about 13 screens. Their place is held at about a card's height
       (then at the height they had), so the scrollbar and what follows barely move. Only their
       height: a width of 26em held for them made the list wider than a phone's screen. */
    content-visibility: auto;
    contain-intrinsic-block-size: auto 26em;
  }
  .hub.selected {
    border-color: var(--_primary);
    box-shadow: 0 0 0 2px var(--_primary);
  }
  .hub p {
    margin: 0 0 0.35em;
  }
  .name {
    margin: 0 0 0.25em;
    font-size: 1.125em;
    font-weight: 700;
    line-height: 1.3;
  }
  button.link {
    min-height: 0;
    min-width: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    font-weight: 700;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .org,
  .place,
  .languages,
  .notes {
    color: var(--_muted);
  }
  .status .open {
    color: var(--_success);
  }
  .closure-notice {
    border-inline-start: 3px solid currentColor;
    padding-inline-start: 0.5em;
  }
  .week summary {
    cursor: pointer;
    min-height: 44px;
    display: flex;
    align-items: center;
    color: var(--_primary);
    text-decoration: underline;
  }
  .week table {
    border-collapse: collapse;
  }
  .week th,
  .week td {
    padding: 0.125em 0.75em 0.125em 0;
    text-align: start;
    font-weight: normal;
    vertical-align: top;
  }
  .week .exception {
    font-weight: 600;
  }
  .distance {
    font-weight: 600;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
    list-style: none;
    margin: 0.25em 0 0.5em;
    padding: 0;
  }
  .chips li {
    padding: 0.1em 0.6em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.875em;
    background: var(--_bg);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
  }
  .action {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    font-weight: 600;
  }
  .more {
    display: flex;
    justify-content: center;
    margin-top: var(--_space);
  }
`;
