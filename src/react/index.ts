// Written by scripts/framework-types.js from custom-elements.json (npm run analyze): do not edit.
/**
 * The widgets as React components (React 18 or 19), through @lit/react: `import { MiQuiz } from
 * 'migration-info-widgets/react'`. Each also has a module of its own (`migration-info-widgets/react/mi-quiz.js`)
 * that registers only its tag.
 */
export { MiCampaignBanner } from './mi-campaign-banner.js';
export { MiHubLocator } from './mi-hub-locator.js';
export { MiNewsFeed } from './mi-news-feed.js';
export { MiQuiz } from './mi-quiz.js';
