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
    container-type: inline-size; /* the layout follows the widget's width, not the page's */
  }
  .held {
    min-height: calc(${unsafeCSS(cssOf(hubHeight))} - 2 * var(--_space));
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em var(--_space);
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
    gap: 0.5em;
    align-items: center;
  }
  .toggles button {
    padding-inline: 1em; /* Open now and Near me share a line on a 360px phone */
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
  /* Narrow (a phone, a sidebar): the list first, the map behind its toggle. */
  .map-toggle {
    margin-bottom: var(--_space);
  }
  .map-area {
    display: none;
    margin-bottom: var(--_space);
  }
  .map-area.open {
    display: block;
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
  /* Wide: the list scrolls in a panel the height of the map, side by side with it. */
  @container (min-width: 40em) {
    .layout.with-map {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      grid-template-areas: 'list map';
      gap: var(--_space);
      align-items: start;
    }
    .layout.with-map .map-toggle {
      display: none;
    }
    .layout.with-map .map-area {
      display: block;
      grid-area: map;
      margin: 0;
    }
    .layout.with-map .results {
      grid-area: list;
      height: var(--mi-hub-map-height, 30em);
      overflow-y: auto;
      overscroll-behavior: contain;
      padding: 3px; /* room for the focus ring of a card */
    }
    .layout.with-map .map,
    .layout.with-map .map-placeholder {
      height: var(--mi-hub-map-height, 30em);
    }
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
    gap: 0.5em;
  }
  .hub {
    /* Tight at the bottom: the Directions row's 44px targets carry their own room. */
    padding: 0.5em var(--_space) 0.25em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    /* Cards below the screen are laid out and painted only as they come near it: on a phone,
       one page of 20 cards is about 13 screens. Their place is held at about a card's height
       (then at the height they had), so the scrollbar and what follows barely move. Only their
       height: a width of 26em held for them made the list wider than a phone's screen. */
    content-visibility: auto;
    contain-intrinsic-block-size: auto 9em;
  }
  .hub.selected {
    border-color: var(--_primary);
    box-shadow: 0 0 0 2px var(--_primary);
  }
  @media (forced-colors: active) {
    /* Box shadows are not drawn in forced colours: the selected card gets an outline. */
    .hub.selected {
      outline: 3px solid Highlight;
      outline-offset: 1px;
    }
  }
  .hub p {
    margin: 0 0 0.25em;
  }
  .name {
    margin: 0 0 0.125em;
    font-size: 1.125em;
    font-weight: 700;
    line-height: 1.3;
  }
  .primary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 1.25em;
  }
  button.link.action,
  .details-button {
    min-height: 44px;
  }
  .details-button[aria-expanded='true'] {
    text-decoration-thickness: 2px;
  }
  .details:not([hidden]) {
    margin-top: 0.5em;
    padding-top: 0.75em;
    border-top: 1px solid var(--_border);
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
  .week {
    border-collapse: collapse;
    margin: 0.5em 0;
  }
  .week caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.25em;
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
  .know dl {
    margin: 0.5em 0;
    display: grid;
    gap: 0.35em;
  }
  .know dt {
    font-weight: 600;
  }
  .know dd {
    margin: 0;
  }
  .verified {
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .directions-choice {
    color: var(--_muted);
  }
  .directions-choice a {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
  }
  .shared p {
    margin: 0 0 0.5em;
    font-weight: 600;
  }
  .more {
    display: flex;
    justify-content: center;
    margin-top: var(--_space);
  }
`;
