import { MiNewsFeed } from './news-feed.js';

export { MiNewsFeed };

if (!customElements.get('mi-news-feed')) customElements.define('mi-news-feed', MiNewsFeed);

declare global {
  interface HTMLElementTagNameMap {
    'mi-news-feed': MiNewsFeed;
  }
}
