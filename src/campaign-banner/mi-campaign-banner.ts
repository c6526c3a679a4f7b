import { MiCampaignBanner } from './campaign-banner.js';

export { MiCampaignBanner };

if (!customElements.get('mi-campaign-banner'))
  customElements.define('mi-campaign-banner', MiCampaignBanner);

declare global {
  interface HTMLElementTagNameMap {
    'mi-campaign-banner': MiCampaignBanner;
  }
}
