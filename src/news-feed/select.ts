import type { Feed, NewsItem } from '../feed/schema.js';
import { languageRank } from '../feed/text.js';

/**
 * The news a visitor sees: items with the tag (if one is asked for); of the translations of one
 * story (`_migration_info.translation_of`), the one in the best language for the visitor; the
 * stories in the visitor's own language first, then the rest rather than nothing, each group
 * in the feed's order.
 */
export function selectNews(feed: Feed, preferences: readonly string[], tag = ''): NewsItem[] {
  const wanted = tag.trim().toLowerCase();
  const items = wanted
    ? feed.items.filter((i) => i.tags?.some((t) => t.toLowerCase() === wanted))
    : feed.items;
  const langOf = (item: NewsItem) => item.language ?? feed.language;

  const stories = new Map<string, NewsItem[]>();
  for (const item of items) {
    const key = item._migration_info?.translation_of ?? item.id;
    const story = stories.get(key);
    if (story) story.push(item);
    else stories.set(key, [item]);
  }

  const own: NewsItem[] = [];
  const other: NewsItem[] = [];
  for (const story of stories.values()) {
    let best = story.find((i) => i._migration_info?.translation_of === undefined) ?? story[0];
    let bestRank = languageRank(langOf(best), preferences);
    for (const item of story) {
      const rank = languageRank(langOf(item), preferences);
      if (rank < bestRank) [best, bestRank] = [item, rank];
    }
    (bestRank < 1 ? own : other).push(best);
  }
  return [...own, ...other];
}

/** A readable excerpt of long text, cut at a word boundary. */
export function excerpt(text: string, max = 400): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}
