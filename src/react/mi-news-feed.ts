// Written by scripts/framework-types.js from custom-elements.json (npm run analyze): do not edit.
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { MiNewsFeed as MiNewsFeedElement } from '../news-feed/mi-news-feed.js';

/**
 * `<mi-news-feed>` as a React component (React 18 or 19): A list or grid of news items from a JSON Feed 1.1, in the visitor's language. Props are the element's
 * properties, by their camelCase names (`headingLevel={2}`); events are props:
 * `onMiNewsMore`, `onMiNewsOpen`.
 * Importing this module registers the tag.
 */
export const MiNewsFeed = createComponent({
  react: React,
  tagName: 'mi-news-feed',
  elementClass: MiNewsFeedElement,
  displayName: 'MiNewsFeed',
  events: {
    /** The visitor asked for more items. `detail: { shown, total }`. */
    onMiNewsMore: 'mi-news-more' as EventName<GlobalEventHandlersEventMap['mi-news-more']>,
    /** The visitor followed an item's link. `detail: { itemId, url }`. */
    onMiNewsOpen: 'mi-news-open' as EventName<GlobalEventHandlersEventMap['mi-news-open']>,
  },
});
