// Written by scripts/widget-registry.js from custom-elements.json (npm run analyze): do not edit.
// Change a widget's class or its JSDoc, then run `npm run analyze`.

/** How an attribute is written: its type, the only values it takes (if so), its default. */
export interface AttributeSpec {
  readonly type: 'string' | 'number' | 'boolean';
  /** The only values this `string` attribute takes. */
  readonly values?: readonly string[];
  /** The element's own default; absent where it comes from the page (`lang`). */
  readonly default?: string | number | boolean;
}

/** One widget, as its element declares it. */
export interface WidgetSpec {
  readonly tag: string;
  /** A few words for whoever chooses a widget: the configurator's list, the iframe's title. */
  readonly title: string;
  /** The element's class: exported by `module` and by the package's entry (src/index.ts). */
  readonly className: string;
  /** The class's module, relative to src/ and lib/: no side effects. */
  readonly module: string;
  /** The module that defines the tag, relative to src/ and lib/ (a package export). */
  readonly define: string;
  /** Every attribute, the ones every widget inherits (`lang`, `src`, `theme`, `timeout`) last. */
  readonly attributes: { readonly [name: string]: AttributeSpec };
}

export const WIDGETS = {
  'campaign-banner': {
    tag: 'mi-campaign-banner',
    title: 'Campaign',
    className: 'MiCampaignBanner',
    module: 'campaign-banner/campaign-banner.js',
    define: 'campaign-banner/mi-campaign-banner.js',
    attributes: {
      layout: { type: 'string', values: ['bar', 'card', 'hero'], default: 'bar' },
      country: { type: 'string', default: '' },
      campaign: { type: 'string', default: '' },
      rotate: { type: 'boolean', default: false },
      interval: { type: 'number', default: 8000 },
      dismissible: { type: 'boolean', default: false },
      'dismiss-days': { type: 'number', default: 30 },
      'heading-level': { type: 'number', default: 2 },
      lang: { type: 'string' },
      src: { type: 'string', default: '' },
      theme: { type: 'string', values: ['light', 'dark', 'auto'], default: 'light' },
      timeout: { type: 'number', default: 10000 },
      label: { type: 'string', default: '' },
    },
  },
  'hub-locator': {
    tag: 'mi-hub-locator',
    title: 'Information hubs',
    className: 'MiHubLocator',
    module: 'hub-locator/hub-locator.js',
    define: 'hub-locator/mi-hub-locator.js',
    attributes: {
      country: { type: 'string', default: '' },
      service: { type: 'string', default: '' },
      map: { type: 'boolean', default: false },
      tiles: { type: 'string', default: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' },
      'tiles-attribution': { type: 'string', default: '© OpenStreetMap contributors' },
      directions: { type: 'string', values: ['auto', 'app', 'google', 'osm'], default: 'auto' },
      'heading-level': { type: 'number', default: 3 },
      lang: { type: 'string' },
      src: { type: 'string', default: '' },
      theme: { type: 'string', values: ['light', 'dark', 'auto'], default: 'light' },
      timeout: { type: 'number', default: 10000 },
      label: { type: 'string', default: '' },
    },
  },
  'news-feed': {
    tag: 'mi-news-feed',
    title: 'Migration news',
    className: 'MiNewsFeed',
    module: 'news-feed/news-feed.js',
    define: 'news-feed/mi-news-feed.js',
    attributes: {
      limit: { type: 'number', default: 5 },
      layout: { type: 'string', values: ['list', 'cards'], default: 'list' },
      tag: { type: 'string', default: '' },
      'heading-level': { type: 'number', default: 3 },
      lang: { type: 'string' },
      src: { type: 'string', default: '' },
      theme: { type: 'string', values: ['light', 'dark', 'auto'], default: 'light' },
      timeout: { type: 'number', default: 10000 },
      label: { type: 'string', default: '' },
    },
  },
  quiz: {
    tag: 'mi-quiz',
    title: 'Myth or fact quiz',
    className: 'MiQuiz',
    module: 'quiz/quiz.js',
    define: 'quiz/mi-quiz.js',
    attributes: {
      quiz: { type: 'string', default: '' },
      shuffle: { type: 'boolean', default: false },
      draw: { type: 'number', default: 0 },
      'heading-level': { type: 'number', default: 2 },
      lang: { type: 'string' },
      src: { type: 'string', default: '' },
      theme: { type: 'string', values: ['light', 'dark', 'auto'], default: 'light' },
      timeout: { type: 'number', default: 10000 },
      label: { type: 'string', default: '' },
    },
  },
} as const satisfies { readonly [name: string]: WidgetSpec };

/** A widget's name: its tag without `mi-` (the iframe URL's `widget`). */
export type WidgetName = keyof typeof WIDGETS;

/**
 * What each attribute does (its JSDoc), by widget and attribute: for forms and docs. Kept apart
 * from {@link WIDGETS} so that the iframe page's script, which reads only that, leaves it out.
 */
export const ATTRIBUTE_DOCS: {
  readonly [W in WidgetName]: { readonly [A in keyof (typeof WIDGETS)[W]['attributes']]: string };
} = {
  'campaign-banner': {
    layout:
      '`bar` (a slim strip), `card` (image, title, message, call to action) or `hero` (a large image).',
    country:
      "The partner's country (ISO 3166-1 alpha-2): campaigns aimed at other countries do not show.",
    campaign: 'Show this campaign (by id) whenever it is running, whoever it targets.',
    rotate: 'Take turns between the active campaigns, at a readable pace, with a pause button.',
    interval: 'Milliseconds each campaign shows when rotating.',
    dismissible:
      'Add a close button (never on urgent campaigns): the campaign, or with `rotate` all of them, stays hidden in this browser for `dismiss-days`.',
    'dismiss-days':
      'Days a closed campaign stays hidden (0: for the page view only), for campaigns whose feed entry gives no `dismiss_days`.',
    'heading-level': 'Heading level (2–6) of campaign titles in the card and hero layouts.',
    lang: "Language of the widget; defaults to the nearest `lang` on the page, then the browser's languages.",
    src: 'URL of the feed (JSON Feed 1.1, or a document of the widget\'s own kind). Defaults to the page\'s `<meta name="mi-widgets:feed">`.',
    theme: "Colour theme: `light`, `dark`, or `auto` to follow the visitor's system setting.",
    timeout: 'Milliseconds to wait for the feed before giving up.',
    label:
      'Name of the widget\'s region (its `aria-label`), for a page with several widgets of a kind: `label="Noticias de Guatemala"`. By default the widget\'s own name ("Migration news").',
  },
  'hub-locator': {
    country: 'Only hubs in this country (ISO 3166-1 alpha-2); the visitor can change it.',
    service: 'Only hubs offering this service (e.g. `legal`); the visitor can change it.',
    map: 'Show a map beside the list (Leaflet, loaded only then).',
    tiles: 'Tile URL template of the map.',
    'tiles-attribution': 'Attribution of the map tiles (text).',
    directions:
      "Where the Directions link of each card opens: `auto` (the visitor's maps app on Android and iOS, Google Maps elsewhere), `app`, `google` or `osm` (OpenStreetMap). The details offer the others too.",
    'heading-level': 'Heading level (2–6) of hub names, to fit the outline of the host page.',
    lang: "Language of the widget; defaults to the nearest `lang` on the page, then the browser's languages.",
    src: 'URL of the feed (JSON Feed 1.1, or a document of the widget\'s own kind). Defaults to the page\'s `<meta name="mi-widgets:feed">`.',
    theme: "Colour theme: `light`, `dark`, or `auto` to follow the visitor's system setting.",
    timeout: 'Milliseconds to wait for the feed before giving up.',
    label:
      'Name of the widget\'s region (its `aria-label`), for a page with several widgets of a kind: `label="Noticias de Guatemala"`. By default the widget\'s own name ("Migration news").',
  },
  'news-feed': {
    limit: 'Items per page: how many show at first and how many each "More" adds.',
    layout: '`list` (one column) or `cards` (a responsive grid).',
    tag: 'Show only items with this tag.',
    'heading-level': 'Heading level of item titles (2–6), to fit the outline of the host page.',
    lang: "Language of the widget; defaults to the nearest `lang` on the page, then the browser's languages.",
    src: 'URL of the feed (JSON Feed 1.1, or a document of the widget\'s own kind). Defaults to the page\'s `<meta name="mi-widgets:feed">`.',
    theme: "Colour theme: `light`, `dark`, or `auto` to follow the visitor's system setting.",
    timeout: 'Milliseconds to wait for the feed before giving up.',
    label:
      'Name of the widget\'s region (its `aria-label`), for a page with several widgets of a kind: `label="Noticias de Guatemala"`. By default the widget\'s own name ("Migration news").',
  },
  quiz: {
    quiz: "Id of the quiz to show; by default the first quiz available in the visitor's language.",
    shuffle: 'Ask the statements in a new random order on each attempt.',
    draw: "Ask this many statements on each attempt, drawn at random from the quiz's; all of them when the quiz has no more, or with `0` (the default).",
    'heading-level': 'Heading level (2–6) of the quiz title, to fit the outline of the host page.',
    lang: "Language of the widget; defaults to the nearest `lang` on the page, then the browser's languages.",
    src: 'URL of the feed (JSON Feed 1.1, or a document of the widget\'s own kind). Defaults to the page\'s `<meta name="mi-widgets:feed">`.',
    theme: "Colour theme: `light`, `dark`, or `auto` to follow the visitor's system setting.",
    timeout: 'Milliseconds to wait for the feed before giving up.',
    label:
      'Name of the widget\'s region (its `aria-label`), for a page with several widgets of a kind: `label="Noticias de Guatemala"`. By default the widget\'s own name ("Migration news").',
  },
};
