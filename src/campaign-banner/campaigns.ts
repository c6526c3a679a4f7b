import type { Campaign, Feed } from '../feed/schema.js';
import { languageRank } from '../feed/text.js';
import { readText, removeItem, writeText } from '../shared/storage.js';

export interface CampaignChoice {
  /** The partner's country (ISO 3166-1 alpha-2), or '' when the page names none. */
  country: string;
  /** The visitor's content language preferences, best first. */
  preferences: readonly string[];
  /** Pin this campaign: it shows whenever it is running, whoever it targets. */
  pinned: string;
  now: Date;
  /** Campaigns the visitor has dismissed (urgent ones are never asked about). */
  dismissed: (campaign: Campaign) => boolean;
}

/** An urgent campaign: never dismissible, announced once, shown alone before any other. */
export const isUrgent = (campaign: Campaign): boolean => campaign.severity === 'urgent';

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
 *
 * An urgent campaign wins over any priority and takes the banner alone (the most important one
 * when there are several): it stays on screen rather than rotate away, and is announced once.
 * The others come back when it ends.
 */
export function chooseCampaigns(feed: Feed, choice: CampaignChoice): Campaign[] {
  const chosen = chooseAll(feed, choice);
  return chosen[0] && isUrgent(chosen[0]) ? chosen.slice(0, 1) : chosen;
}

function chooseAll(feed: Feed, choice: CampaignChoice): Campaign[] {
  const country = choice.country.toUpperCase();
  return feed.campaigns
    .filter((c) => (choice.pinned ? c.id === choice.pinned : true))
    .filter((c) => isRunning(c, choice.now) && (isUrgent(c) || !choice.dismissed(c)))
    .filter(
      (c) =>
        choice.pinned ||
        ((!c.languages?.length ||
          c.languages.some((l) => languageRank(l, choice.preferences) < 1)) &&
          (!c.countries?.length || (country !== '' && c.countries.includes(country)))),
    )
    .map((c, i) => ({ c, i }))
    .sort(
      (a, b) =>
        Number(isUrgent(b.c)) - Number(isUrgent(a.c)) ||
        (b.c.priority ?? 0) - (a.c.priority ?? 0) ||
        a.i - b.i,
    )
    .map(({ c }) => c);
}

const DAY = 86_400_000;

const dismissKey = (feedUrl: string, id: string) =>
  `mi-widgets:campaign-dismissed:${feedUrl}#${id}`;

/**
 * Dismissals of this page view, with when they were made: a campaign the visitor dismissed stays
 * hidden until the page goes (or its days are over), even where the browser keeps nothing
 * (storage blocked by privacy settings, or full) or `days` is 0.
 */
const dismissedHere = new Map<string, number>();

/**
 * Did the visitor dismiss this campaign less than `days` days ago (on this page, or in this
 * browser on an earlier visit)? With `days` 0, only on this page. A dismissal that is over is
 * forgotten: the browser keeps nothing longer than it needs.
 */
export function isDismissed(feedUrl: string, id: string, days: number, now = Date.now()): boolean {
  const key = dismissKey(feedUrl, id);
  const here = dismissedHere.get(key);
  const stored = readText('local', key);
  const at = here ?? (stored === undefined ? NaN : Number(stored));
  // A clock set back counts as much as one set forward: no dismissal outlasts its days.
  const live = days > 0 ? Math.abs(now - at) < days * DAY : here !== undefined;
  if (!live) {
    dismissedHere.delete(key);
    if (stored !== undefined) removeItem('local', key);
  }
  return live;
}

/**
 * Hide this campaign from now on: for this page view at least, and where storage works for
 * `days` days (the moment is stored, `mi-widgets:campaign-dismissed:<feed>#<id>` → milliseconds
 * since 1970, in `localStorage` only; nothing is stored with `days` 0).
 */
export function dismiss(feedUrl: string, id: string, days: number, now = Date.now()): void {
  const key = dismissKey(feedUrl, id);
  dismissedHere.set(key, now);
  if (days > 0) writeText('local', key, String(now));
}
