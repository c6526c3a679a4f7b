/**
 * The library for sites with a bundler: classes and helpers, no side effects, Lit as a peer.
 * Register tags with the define modules (`migration-info-widgets/news-feed/mi-news-feed.js`) or
 * `customElements.define('my-name', MiNewsFeed)`.
 */
export { MiNewsFeed, type NewsLayout } from './news-feed/news-feed.js';
export { MiQuiz } from './quiz/quiz.js';
export { MiHubLocator } from './hub-locator/hub-locator.js';
export { MiCampaignBanner, type BannerLayout } from './campaign-banner/campaign-banner.js';
export { MiElement, FEED_META, type Theme, type WidgetState } from './shared/mi-element.js';
export {
  loadFeed,
  readCachedFeed,
  FeedError,
  type FeedErrorKind,
  type FeedResult,
  type HubSource,
} from './feed/client.js';
export { readFeed, type ReadResult } from './feed/read.js';
export type { Problem, Outcome, Section } from './feed/problems.js';
export { summarizeProblems, describeProblem } from './feed/report.js';
export type {
  Feed,
  NewsItem,
  Quiz,
  Question,
  Hub,
  Campaign,
  LocalizedText,
} from './feed/schema.js';
