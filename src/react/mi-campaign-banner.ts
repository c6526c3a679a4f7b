// Written by scripts/framework-types.js from custom-elements.json (npm run analyze): do not edit.
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { MiCampaignBanner as MiCampaignBannerElement } from '../campaign-banner/mi-campaign-banner.js';

/**
 * `<mi-campaign-banner>` as a React component (React 18 or 19): A campaign banner: a slim bar, a card or a hero. Props are the element's
 * properties, by their camelCase names (`headingLevel={2}`); events are props:
 * `onMiCampaignView`, `onMiCampaignClick`, `onMiCampaignDismiss`.
 * Importing this module registers the tag.
 */
export const MiCampaignBanner = createComponent({
  react: React,
  tagName: 'mi-campaign-banner',
  elementClass: MiCampaignBannerElement,
  displayName: 'MiCampaignBanner',
  events: {
    /** A campaign was at least half visible, once per campaign per page view (from the kept copy, once the network confirmed it or failed). `detail: { campaignId }`. */
    onMiCampaignView: 'mi-campaign-view' as EventName<
      GlobalEventHandlersEventMap['mi-campaign-view']
    >,
    /** The visitor followed a campaign's call to action. `detail: { campaignId }`. */
    onMiCampaignClick: 'mi-campaign-click' as EventName<
      GlobalEventHandlersEventMap['mi-campaign-click']
    >,
    /** The visitor closed the banner: `campaignId` is the campaign on screen, `campaignIds` every campaign it hid (all those of a rotating banner). `detail: { campaignId, campaignIds }`. */
    onMiCampaignDismiss: 'mi-campaign-dismiss' as EventName<
      GlobalEventHandlersEventMap['mi-campaign-dismiss']
    >,
  },
});
