// Written by scripts/framework-types.js from custom-elements.json (npm run analyze): do not edit.
// Preact's JSX for the widgets' tags. In a .tsx file: `import type {} from 'migration-info-widgets/preact-jsx';`
import type { MiCampaignBanner, MiHubLocator, MiNewsFeed, MiQuiz } from '../lib/index.js';
import type { JSX } from 'preact';

/** `<mi-campaign-banner>`: A campaign banner: a slim bar, a card or a hero. */
export interface MiCampaignBannerPreactProps extends Omit<
  JSX.HTMLAttributes<MiCampaignBanner>,
  | 'layout'
  | 'country'
  | 'campaign'
  | 'rotate'
  | 'interval'
  | 'dismissible'
  | 'dismiss-days'
  | 'heading-level'
  | 'lang'
  | 'src'
  | 'theme'
  | 'timeout'
  | 'label'
> {
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
  'dismiss-days'?: number;
  /** Heading level (2–6) of campaign titles in the card and hero layouts. Default: `2`. */
  'heading-level'?: number;
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
  /** A campaign was at least half visible, once per campaign per page view (from the kept copy, once the network confirmed it or failed). `detail: { campaignId }`. */
  'onmi-campaign-view'?: (event: GlobalEventHandlersEventMap['mi-campaign-view']) => void;
  /** The visitor followed a campaign's call to action. `detail: { campaignId }`. */
  'onmi-campaign-click'?: (event: GlobalEventHandlersEventMap['mi-campaign-click']) => void;
  /** The visitor closed the banner: `campaignId` is the campaign on screen, `campaignIds` every campaign it hid (all those of a rotating banner). `detail: { campaignId, campaignIds }`. */
  'onmi-campaign-dismiss'?: (event: GlobalEventHandlersEventMap['mi-campaign-dismiss']) => void;
}

/** `<mi-hub-locator>`: The information-hub locator: list first, map when wanted. */
export interface MiHubLocatorPreactProps extends Omit<
  JSX.HTMLAttributes<MiHubLocator>,
  | 'country'
  | 'service'
  | 'map'
  | 'tiles'
  | 'tiles-attribution'
  | 'directions'
  | 'heading-level'
  | 'lang'
  | 'src'
  | 'theme'
  | 'timeout'
  | 'label'
> {
  /** Only hubs in this country (ISO 3166-1 alpha-2); the visitor can change it. */
  country?: string;
  /** Only hubs offering this service (e.g. `legal`); the visitor can change it. */
  service?: string;
  /** Show a map beside the list (Leaflet, loaded only then). Default: `false`. */
  map?: boolean;
  /** Tile URL template of the map. Default: `https://tile.openstreetmap.org/{z}/{x}/{y}.png`. */
  tiles?: string;
  /** Attribution of the map tiles (text). Default: `© OpenStreetMap contributors`. */
  'tiles-attribution'?: string;
  /** Where the Directions link of each card opens: `auto` (the visitor's maps app on Android and iOS, Google Maps elsewhere), `app`, `google` or `osm` (OpenStreetMap). The details offer the others too. Default: `auto`. */
  directions?: 'auto' | 'app' | 'google' | 'osm';
  /** Heading level (2–6) of hub names, to fit the outline of the host page. Default: `3`. */
  'heading-level'?: number;
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
  /** The visitor selected a hub: opened its details, asked to see it on the map, or chose its marker. `detail: { hubId }`. */
  'onmi-hub-select'?: (event: GlobalEventHandlersEventMap['mi-hub-select']) => void;
}

/** `<mi-news-feed>`: A list or grid of news items from a JSON Feed 1.1, in the visitor's language. */
export interface MiNewsFeedPreactProps extends Omit<
  JSX.HTMLAttributes<MiNewsFeed>,
  'limit' | 'layout' | 'tag' | 'heading-level' | 'lang' | 'src' | 'theme' | 'timeout' | 'label'
> {
  /** Items per page: how many show at first and how many each "More" adds. Default: `5`. */
  limit?: number;
  /** `list` (one column) or `cards` (a responsive grid). Default: `list`. */
  layout?: 'list' | 'cards';
  /** Show only items with this tag. */
  tag?: string;
  /** Heading level of item titles (2–6), to fit the outline of the host page. Default: `3`. */
  'heading-level'?: number;
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
  /** The visitor asked for more items. `detail: { shown, total }`. */
  'onmi-news-more'?: (event: GlobalEventHandlersEventMap['mi-news-more']) => void;
  /** The visitor followed an item's link. `detail: { itemId, url }`. */
  'onmi-news-open'?: (event: GlobalEventHandlersEventMap['mi-news-open']) => void;
}

/** `<mi-quiz>`: The myth-buster quiz: "myth" or "fact", and why. */
export interface MiQuizPreactProps extends Omit<
  JSX.HTMLAttributes<MiQuiz>,
  'quiz' | 'shuffle' | 'draw' | 'heading-level' | 'lang' | 'src' | 'theme' | 'timeout' | 'label'
> {
  /** Id of the quiz to show; by default the first quiz available in the visitor's language. */
  quiz?: string;
  /** Ask the statements in a new random order on each attempt. Default: `false`. */
  shuffle?: boolean;
  /** Ask this many statements on each attempt, drawn at random from the quiz's; all of them when the quiz has no more, or with `0` (the default). Default: `0`. */
  draw?: number;
  /** Heading level (2–6) of the quiz title, to fit the outline of the host page. Default: `2`. */
  'heading-level'?: number;
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
  /** The visitor started an attempt. `detail: { quizId }`. */
  'onmi-quiz-start'?: (event: GlobalEventHandlersEventMap['mi-quiz-start']) => void;
  /** The visitor answered a statement. `detail: { quizId, questionId, answer, correct }`. */
  'onmi-quiz-answer'?: (event: GlobalEventHandlersEventMap['mi-quiz-answer']) => void;
  /** The visitor reached the result. `detail: { quizId, score, total }`. */
  'onmi-quiz-complete'?: (event: GlobalEventHandlersEventMap['mi-quiz-complete']) => void;
}

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'mi-campaign-banner': MiCampaignBannerPreactProps;
      'mi-hub-locator': MiHubLocatorPreactProps;
      'mi-news-feed': MiNewsFeedPreactProps;
      'mi-quiz': MiQuizPreactProps;
    }
  }
}
