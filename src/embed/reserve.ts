/**
 * The space a widget takes before its code arrives. On a slow connection the page paints long
 * before the script has loaded, and an undefined `<mi-news-feed>` has no height: when the widget
 * then renders, everything under it jumps (layout shift). These rules give each undefined
 * widget the box it will have — by widget, and by the attributes that change its size (the news
 * feed's `layout` and `limit`, the banner's `layout` and `rotate`) — computed from the same
 * lengths as the widgets' own styles (src/shared/styles.ts), so the first render fills that box.
 *
 * Two forms, one source: `reserveCss(config)`, the few rules one snippet needs (put in a
 * `<style>` by `scriptSnippet`), and `reserveStylesheet()`, `dist/mi-widgets.css`: every widget's
 * defaults and common attribute values, for pages whose Content-Security-Policy forbids inline
 * styles. Framework-free.
 */
import {
  BANNER_WIDE_PX,
  bannerBarHeight,
  bannerBarWideHeight,
  bannerCardHeight,
  bannerControlsHeight,
  bannerHeroHeight,
  cssOf,
  hubHeight,
  NEWS_RESERVED_ITEMS,
  newsCardHeight,
  newsColumnsFrom,
  newsItemHeight,
  newsMoreHeight,
  quizHeight,
  space,
  type Size,
} from '../shared/styles.js';
import { acceptable, NEWS_LIMIT } from '../shared/numbers.js';
import type { WidgetConfig, WidgetName } from './config.js';

type Options = WidgetConfig['options'];
type Settings = Pick<WidgetConfig, 'widget' | 'options'>;

/**
 * The widgets' lengths are in `em` of the widget's font size and in lines of its text: the block
 * that makes the box has that font size and line height, so it counts them as the widget does
 * (the visitor's default font size, a browser's text scaling and a text-spacing override
 * included). A line is `var(--_mi-lh)`: `1lh`, or `1.5em` where the `lh` unit is not known.
 */
const onPage = (length: Size): string => cssOf(length, '1em', 'var(--_mi-lh)');
/** The widget's font size and line height (src/shared/styles.ts, `.base`). */
const FONT =
  'font-size:var(--mi-font-size,max(1em,16px));line-height:1.5em;line-height:max(1.5em,1lh)';

/** The news feed's first page, as the widget reads `limit` (a whole number 1–100, else 5). */
/** Columns of the `cards` grid the stylesheet knows (from 1,552px wide there are six). */
const NEWS_MAX_COLUMNS = 6;
/** The `limit` values dist/mi-widgets.css knows; others hold the default page. */
const STYLESHEET_LIMITS = 20;

function newsPage(limit: string | boolean | undefined): number {
  const n = typeof limit === 'string' && limit.trim() ? Number(limit) : NaN;
  return acceptable(n, NEWS_LIMIT) ? n : NEWS_LIMIT.fallback;
}

/** The items the box holds: the first page, up to ten (a longer page grows below them). */
const newsRows = (limit: string | boolean | undefined): number =>
  Math.min(NEWS_RESERVED_ITEMS, newsPage(limit));

/** A rule and, for the rules only some settings need, which. */
interface Rule {
  css: string;
  when?: (options: Options) => boolean;
}

/**
 * A widget not drawn yet: its code has not loaded, or it has and the element waits for its first
 * render (a task after the upgrade, src/shared/mi-element.ts), which sets `state`.
 */
const hidden = (tag: string) => `${tag}:not([state])`;
/**
 * The box is the height of an empty float at the start of the element, as wide as nothing: the
 * element (a block formatting context, `display: flow-root`) is as tall as it, whatever the
 * element holds — the partner's fallback content (a link to the same information) and the
 * loader's message show at the top of the box, over it, never under it, and the box keeps its
 * height. Any padding the page gives the element adds to it, as it will to the widget.
 */
const box = (tag: string, height: string) =>
  `${hidden(tag)}::before{content:"";float:left;width:0;${FONT};height:${height}}`;

/** The unit of a line, for the box's lengths: `1lh` where the browser knows it. */
const lineUnit = (tag: string): Rule[] => [
  { css: `${hidden(tag)}{--_mi-lh:1.5em}` },
  { css: `@supports (height:1lh){${hidden(tag)}{--_mi-lh:1lh}}` },
];

const RULES: Record<WidgetName, (limits: readonly string[]) => Rule[]> = {
  'news-feed': (limits) => {
    const tag = hidden('mi-news-feed');
    const cards = `${tag}[layout="cards"]`;
    const isCards = (o: Options) => o.layout === 'cards';
    return [
      // --_mi-n items of height --_mi-h, in --_mi-r rows (one column, unless the cards' grid has more).
      {
        css: `${tag}{display:flow-root;--_mi-n:${NEWS_LIMIT.fallback};--_mi-r:var(--_mi-n);--_mi-h:${onPage(newsItemHeight)}}`,
      },
      // The box's padding and the gaps between rows (rows + 2 spaces), the rows, "More news".
      {
        css: box(
          'mi-news-feed',
          `calc((var(--_mi-r) + 2) * var(--mi-space, 16px) + var(--_mi-r) * var(--_mi-h) + ${onPage(newsMoreHeight)})`,
        ),
      },
      {
        css: `${cards}{container-type:inline-size;--_mi-h:${onPage(newsCardHeight)}}`,
        when: isCards,
      },
      ...Array.from({ length: NEWS_MAX_COLUMNS - 1 }, (_, i) => ({
        // CSS round() came after the other features (Chrome 125, Firefox 118): without it the
        // box counts one column, taller than the widget, rather than none.
        css: `@supports (width:round(1px,1px)){@container (min-width:${newsColumnsFrom(i + 2)}px){${cards}::before{--_mi-r:round(up,var(--_mi-n)/${i + 2})}}}`,
        when: isCards,
      })),
      ...limits.map((limit) => ({ css: `${tag}[limit="${limit}"]{--_mi-n:${newsRows(limit)}}` })),
    ];
  },
  quiz: () => [
    { css: `${hidden('mi-quiz')}{display:flow-root}` },
    { css: box('mi-quiz', onPage(quizHeight)) },
  ],
  'hub-locator': () => [
    { css: `${hidden('mi-hub-locator')}{display:flow-root}` },
    { css: box('mi-hub-locator', onPage(hubHeight)) },
  ],
  'campaign-banner': () => {
    const tag = hidden('mi-campaign-banner');
    return [
      // --_mi-h for the layout, --_mi-c for the rotation controls.
      { css: `${tag}{display:flow-root;--_mi-h:${onPage(bannerBarHeight)};--_mi-c:0px}` },
      {
        css: `@media (min-width:${BANNER_WIDE_PX}px){${tag}{--_mi-h:${onPage(bannerBarWideHeight)}}}`,
      },
      {
        css: `${tag}[layout="card"]{--_mi-h:${onPage(bannerCardHeight)}}`,
        when: (o) => o.layout === 'card',
      },
      {
        css: `${tag}[layout="hero"]{--_mi-h:${onPage(bannerHeroHeight)}}`,
        when: (o) => o.layout === 'hero',
      },
      {
        css: `${tag}[rotate]{--_mi-c:${onPage(bannerControlsHeight)}}`,
        when: (o) => o.rotate === true,
      },
      { css: box('mi-campaign-banner', 'calc(var(--_mi-h) + var(--_mi-c))') },
    ];
  },
};

/** A widget's rules, with the unit of a line first if they count lines. */
function rulesOf(widget: WidgetName, limits: readonly string[]): Rule[] {
  const rules = RULES[widget](limits);
  return rules.some((rule) => rule.css.includes('var(--_mi-lh)'))
    ? [...lineUnit(`mi-${widget}`), ...rules]
    : rules;
}

/**
 * The rules that hold the box of a widget with these settings until its code has loaded, for
 * a `<style>` beside its element. They apply only to undefined elements; several snippets'
 * rules on one page agree with each other.
 */
export function reserveCss({ widget, options }: Settings): string {
  const limit = typeof options.limit === 'string' ? options.limit.trim() : '';
  // Only a plain number goes into a selector (the snippet is pasted into a page).
  const limits = widget === 'news-feed' && /^\d{1,4}$/.test(limit) ? [limit] : [];
  return rulesOf(widget, limits)
    .filter((rule) => !rule.when || rule.when(options))
    .map((rule) => rule.css)
    .join('\n');
}

/** `dist/mi-widgets.css`: every widget's box, for its defaults and common attribute values. */
export function reserveStylesheet(): string {
  const limits = Array.from({ length: STYLESHEET_LIMITS }, (_, i) => String(i + 1));
  const rules = (Object.keys(RULES) as WidgetName[]).flatMap((widget) =>
    rulesOf(widget, limits).map((rule) => rule.css),
  );
  return [
    '/* Migration Info Widgets: the space each widget takes until its script has loaded, so the page does not move. */',
    ...rules,
    '',
  ].join('\n');
}

/**
 * The reserved height in px, with the default font size and spacing, on a phone (the news
 * cards in one column, the bar in two rows): the iframe mode's `height`.
 */
export function reservedHeight({ widget, options }: Settings): number {
  switch (widget) {
    case 'news-feed': {
      const rows = newsRows(options.limit);
      const item = options.layout === 'cards' ? newsCardHeight : newsItemHeight;
      return space(rows + 2).px + rows * item.px + newsMoreHeight.px;
    }
    case 'quiz':
      return quizHeight.px;
    case 'hub-locator':
      return hubHeight.px;
    case 'campaign-banner': {
      const layout =
        options.layout === 'card'
          ? bannerCardHeight
          : options.layout === 'hero'
            ? bannerHeroHeight
            : bannerBarHeight;
      return layout.px + (options.rotate === true ? bannerControlsHeight.px : 0);
    }
  }
}
