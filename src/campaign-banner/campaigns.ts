import type { Campaign, Feed } from '../feed/schema.js';
import { languageRank } from '../feed/text.js';
import { readText, writeText } from '../shared/storage.js';

export interface CampaignChoice {
  /** The partner's country (ISO 3166-1 alpha-2), or '' when the page names none. */
  country: string;
  /** The visitor's content language preferences, best first. */
  preferences: readonly string[];
  /** Pin this campaign: it shows whenever it is running, whoever it targets. */
  pinned: string;
  now: Date;
  /** Campaigns the visitor has dismissed. */
  dismissed: (id: string) => boolean;
}

/** Is the campaign's window open now? `starts` is inclusive, `ends` exclusive. */
export function isRunning(campaign: Campaign, now: Date): boolean {
  const t = now.getTime();
  return (
    (!campaign.starts || Date.parse(campaign.starts) <= t) &&
    (!campaign.ends || t < Date.parse(campaign.ends))
  );
}

/**
 * The campaigns to show, best first: running now, not dismissed, aimed at the visitor's language
 * (or at no language) and at the partner's country (or at no country — a page that names no
 * country gets only campaigns that name none), highest `priority` first. A pinned campaign is
 * the only one, if it is running.
 */
export function chooseCampaigns(feed: Feed, choice: CampaignChoice): Campaign[] {
  const country = choice.country.toUpperCase();
  return feed.campaigns
    .filter((c) => (choice.pinned ? c.id === choice.pinned : true))
    .filter((c) => isRunning(c, choice.now) && !choice.dismissed(c.id))
    .filter(
      (c) =>
        choice.pinned ||
        ((!c.languages?.length ||
          c.languages.some((l) => languageRank(l, choice.preferences) < 1)) &&
          (!c.countries?.length || (country !== '' && c.countries.includes(country)))),
    )
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (b.c.priority ?? 0) - (a.c.priority ?? 0) || a.i - b.i)
    .map(({ c }) => c);
}

const dismissKey = (feedUrl: string, id: string) =>
  `mi-widgets:campaign-dismissed:${feedUrl}#${id}`;

/**
 * Dismissals of this page view: a campaign the visitor dismissed stays hidden until the page
 * goes, even where the browser keeps nothing (storage blocked by privacy settings, or full).
 */
const dismissedHere = new Set<string>();

/** Did the visitor dismiss this campaign (on this page, or in this browser on any visit)? */
export function isDismissed(feedUrl: string, id: string): boolean {
  const key = dismissKey(feedUrl, id);
  return dismissedHere.has(key) || readText('local', key) !== undefined;
}

/** Hide this campaign from now on: for this page view at least, and for good where storage works. */
export function dismiss(feedUrl: string, id: string): void {
  const key = dismissKey(feedUrl, id);
  dismissedHere.add(key);
  writeText('local', key, String(Date.now()));
}
