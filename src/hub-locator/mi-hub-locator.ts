import { MiHubLocator } from './hub-locator.js';

export { MiHubLocator };

if (!customElements.get('mi-hub-locator')) customElements.define('mi-hub-locator', MiHubLocator);

declare global {
  interface HTMLElementTagNameMap {
    'mi-hub-locator': MiHubLocator;
  }
}
