// Written by scripts/framework-types.js from custom-elements.json (npm run analyze): do not edit.
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { MiHubLocator as MiHubLocatorElement } from '../hub-locator/mi-hub-locator.js';

/**
 * `<mi-hub-locator>` as a React component (React 18 or 19): The information-hub locator: list first, map when wanted. Props are the element's
 * properties, by their camelCase names (`headingLevel={2}`); events are props:
 * `onMiHubSelect`.
 * Importing this module registers the tag.
 */
export const MiHubLocator = createComponent({
  react: React,
  tagName: 'mi-hub-locator',
  elementClass: MiHubLocatorElement,
  displayName: 'MiHubLocator',
  events: {
    /** The visitor selected a hub: opened its details, asked to see it on the map, or chose its marker. `detail: { hubId }`. */
    onMiHubSelect: 'mi-hub-select' as EventName<GlobalEventHandlersEventMap['mi-hub-select']>,
  },
});
