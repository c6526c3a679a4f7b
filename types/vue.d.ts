// Written by scripts/framework-types.js from custom-elements.json (npm run analyze): do not edit.
// Vue's template types for the widgets' tags (vue-tsc, Vue - Official). In any .ts file of the app:
// `import type {} from 'migration-info-widgets/vue';`. Vue must also treat mi-* tags as custom elements
// (compilerOptions.isCustomElement: see the README, "Vue").
import type { MiCampaignBanner, MiHubLocator, MiNewsFeed, MiQuiz } from '../lib/index.js';
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';

/** A custom element as a Vue component type: its props and its events, for templates only. */
export type MiVueElement<
  Element extends HTMLElement,
  Props,
  Events extends Record<string, Event>,
> = new () => Element & {
  /** For template type checks only: set attributes in the template. */
  $props: Omit<HTMLAttributes, keyof Props> & Props & PublicProps;
  /** For template type checks only: listen with `@event-name`. */
  $emit: EmitFn<{ [K in keyof Events]: (event: Events[K]) => void }>;
};

/**
 * `<mi-campaign-banner>`'s attributes, by their camelCase names (a template may write either). A number
 * is bound, `:heading-level="2"`: Vue sets `draw="3"` on the element as the string "3".
 */
export interface MiCampaignBannerVueProps {
  /** `bar` (a slim strip), `card` (image, title, message, call to action) or `hero` (a large image). Default: `bar`. */
  layout?: 'bar' | 'card' | 'hero';
  /** The partner's country (ISO 3166-1 alpha-2): campaigns aimed at other countries do not show. */
  country?: string;
  /** Show this campaign (by id) whenever it is running, whoever it targets. */
  campaign?: string;
  /** Take turns between the active campaigns, at a readable pace, with a pause button. Default: `false`. */
  rotate?: boolean;
  /** Milliseconds each campaign shows when rotating. Default: `8000`. */
  interval?: number;
  /** Add a close button (never on urgent campaigns): the campaign, or with `rotate` all of them, stays hidden in this browser for `dismiss-days`. Default: `false`. */
  dismissible?: boolean;
  /** Days a closed campaign stays hidden (0: for the page view only), for campaigns whose feed entry gives no `dismiss_days`. Default: `30`. */
  dismissDays?: number;
  /** Heading level (2–6) of campaign titles in the card and hero layouts. Default: `2`. */
  headingLevel?: number;
  /** Language of the widget; defaults to the nearest `lang` on the page, then the browser's languages. */
  lang?: string;
  /** URL of the feed (JSON Feed 1.1, or a document of the widget's own kind). Defaults to the page's `<meta name="mi-widgets:feed">`. */
  src?: string;
  /** Colour theme: `light`, `dark`, or `auto` to follow the visitor's system setting. Default: `light`. */
  theme?: 'light' | 'dark' | 'auto';
  /** Milliseconds to wait for the feed before giving up. Default: `10000`. */
  timeout?: number;
  /** Name of the widget's region (its `aria-label`), for a page with several widgets of a kind: `label="Noticias de Guatemala"`. By default the widget's own name ("Migration news"). */
  label?: string;
}

/** `<mi-campaign-banner>`'s events, by name: `@mi-campaign-view="…"`. */
export interface MiCampaignBannerVueEvents {
  /** A campaign was at least half visible, once per campaign per page view (from the kept copy, once the network confirmed it or failed). `detail: { campaignId }`. */
  'mi-campaign-view': GlobalEventHandlersEventMap['mi-campaign-view'];
  /** The visitor followed a campaign's call to action. `detail: { campaignId }`. */
  'mi-campaign-click': GlobalEventHandlersEventMap['mi-campaign-click'];
  /** The visitor closed the banner: `campaignId` is the campaign on screen, `campaignIds` every campaign it hid (all those of a rotating banner). `detail: { campaignId, campaignIds }`. */
  'mi-campaign-dismiss': GlobalEventHandlersEventMap['mi-campaign-dismiss'];
}

/**
 * `<mi-hub-locator>`'s attributes, by their camelCase names (a template may write either). A number
 * is bound, `:heading-level="2"`: Vue sets `draw="3"` on the element as the string "3".
 */
export interface MiHubLocatorVueProps {
  /** Only hubs in this country (ISO 3166-1 alpha-2); the visitor can change it. */
  country?: string;
  /** Only hubs offering this service (e.g. `legal`); the visitor can change it. */
  service?: string;
  /** Show a map beside the list (Leaflet, loaded only then). Default: `false`. */
  map?: boolean;
  /** Tile URL template of the map. Default: `https://tile.openstreetmap.org/{z}/{x}/{y}.png`. */
  tiles?: string;
  /** Attribution of the map tiles (text). Default: `© OpenStreetMap contributors`. */
  tilesAttribution?: string;
  /** Where the Directions link of each card opens: `auto` (the visitor's maps app on Android and iOS, Google Maps elsewhere), `app`, `google` or `osm` (OpenStreetMap). The details offer the others too. Default: `auto`. */
  directions?: 'auto' | 'app' | 'google' | 'osm';
  /** Heading level (2–6) of hub names, to fit the outline of the host page. Default: `3`. */
  headingLevel?: number;
  /** Language of the widget; defaults to the nearest `lang` on the page, then the browser's languages. */
  lang?: string;
  /** URL of the feed (JSON Feed 1.1, or a document of the widget's own kind). Defaults to the page's `<meta name="mi-widgets:feed">`. */
  src?: string;
  /** Colour theme: `light`, `dark`, or `auto` to follow the visitor's system setting. Default: `light`. */
  theme?: 'light' | 'dark' | 'auto';
  /** Milliseconds to wait for the feed before giving up. Default: `10000`. */
  timeout?: number;
  /** Name of the widget's region (its `aria-label`), for a page with several widgets of a kind: `label="Noticias de Guatemala"`. By default the widget's own name ("Migration news"). */
  label?: string;
}

/** `<mi-hub-locator>`'s events, by name: `@mi-hub-select="…"`. */
export interface MiHubLocatorVueEvents {
  /** The visitor selected a hub: opened its details, asked to see it on the map, or chose its marker. `detail: { hubId }`. */
  'mi-hub-select': GlobalEventHandlersEventMap['mi-hub-select'];
}

/**
 * `<mi-news-feed>`'s attributes, by their camelCase names (a template may write either). A number
 * is bound, `:heading-level="2"`: Vue sets `draw="3"` on the element as the string "3".
 */
export interface MiNewsFeedVueProps {
  /** Items per page: how many show at first and how many each "More" adds. Default: `5`. */
  limit?: number;
  /** `list` (one column) or `cards` (a responsive grid). Default: `list`. */
  layout?: 'list' | 'cards';
  /** Show only items with this tag. */
  tag?: string;
  /** Heading level of item titles (2–6), to fit the outline of the host page. Default: `3`. */
  headingLevel?: number;
  /** Language of the widget; defaults to the nearest `lang` on the page, then the browser's languages. */
  lang?: string;
  /** URL of the feed (JSON Feed 1.1, or a document of the widget's own kind). Defaults to the page's `<meta name="mi-widgets:feed">`. */
  src?: string;
  /** Colour theme: `light`, `dark`, or `auto` to follow the visitor's system setting. Default: `light`. */
  theme?: 'light' | 'dark' | 'auto';
  /** Milliseconds to wait for the feed before giving up. Default: `10000`. */
  timeout?: number;
  /** Name of the widget's region (its `aria-label`), for a page with several widgets of a kind: `label="Noticias de Guatemala"`. By default the widget's own name ("Migration news"). */
  label?: string;
}

/** `<mi-news-feed>`'s events, by name: `@mi-news-more="…"`. */
export interface MiNewsFeedVueEvents {
  /** The visitor asked for more items. `detail: { shown, total }`. */
  'mi-news-more': GlobalEventHandlersEventMap['mi-news-more'];
  /** The visitor followed an item's link. `detail: { itemId, url }`. */
  'mi-news-open': GlobalEventHandlersEventMap['mi-news-open'];
}

/**
 * `<mi-quiz>`'s attributes, by their camelCase names (a template may write either). A number
 * is bound, `:heading-level="2"`: Vue sets `draw="3"` on the element as the string "3".
 */
export interface MiQuizVueProps {
  /** Id of the quiz to show; by default the first quiz available in the visitor's language. */
  quiz?: string;
  /** Ask the statements in a new random order on each attempt. Default: `false`. */
  shuffle?: boolean;
  /** Ask this many statements on each attempt, drawn at random from the quiz's; all of them when the quiz has no more, or with `0` (the default). Default: `0`. */
  draw?: number;
  /** Heading level (2–6) of the quiz title, to fit the outline of the host page. Default: `2`. */
  headingLevel?: number;
  /** Language of the widget; defaults to the nearest `lang` on the page, then the browser's languages. */
  lang?: string;
  /** URL of the feed (JSON Feed 1.1, or a document of the widget's own kind). Defaults to the page's `<meta name="mi-widgets:feed">`. */
  src?: string;
  /** Colour theme: `light`, `dark`, or `auto` to follow the visitor's system setting. Default: `light`. */
  theme?: 'light' | 'dark' | 'auto';
  /** Milliseconds to wait for the feed before giving up. Default: `10000`. */
  timeout?: number;
  /** Name of the widget's region (its `aria-label`), for a page with several widgets of a kind: `label="Noticias de Guatemala"`. By default the widget's own name ("Migration news"). */
  label?: string;
}

/** `<mi-quiz>`'s events, by name: `@mi-quiz-start="…"`. */
export interface MiQuizVueEvents {
  /** The visitor started an attempt. `detail: { quizId }`. */
  'mi-quiz-start': GlobalEventHandlersEventMap['mi-quiz-start'];
  /** The visitor answered a statement. `detail: { quizId, questionId, answer, correct }`. */
  'mi-quiz-answer': GlobalEventHandlersEventMap['mi-quiz-answer'];
  /** The visitor reached the result. `detail: { quizId, score, total }`. */
  'mi-quiz-complete': GlobalEventHandlersEventMap['mi-quiz-complete'];
}

declare module 'vue' {
  interface GlobalComponents {
    'mi-campaign-banner': MiVueElement<
      MiCampaignBanner,
      MiCampaignBannerVueProps,
      MiCampaignBannerVueEvents
    >;
    'mi-hub-locator': MiVueElement<MiHubLocator, MiHubLocatorVueProps, MiHubLocatorVueEvents>;
    'mi-news-feed': MiVueElement<MiNewsFeed, MiNewsFeedVueProps, MiNewsFeedVueEvents>;
    'mi-quiz': MiVueElement<MiQuiz, MiQuizVueProps, MiQuizVueEvents>;
  }
}
