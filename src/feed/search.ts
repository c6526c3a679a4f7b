/** What a visitor's search in the hub locator looks in. Framework-free. */
import { fold } from './forms.js';
import type { Hub } from './schema.js';

/**
 * A hub's name, organization, locality and address, in every language the feed gives them,
 * folded (lower case, no accents): what every word of a search must be found in. The feed
 * reader's worker computes it for each hub, so the page does not (10,000 hubs: 150 ms of a 4×
 * throttled CPU).
 */
export function hubSearchText(hub: Hub): string {
  return fold(
    [hub.name, hub.organization, hub.locality, hub.address]
      .flatMap((t) => (t === undefined ? [] : typeof t === 'string' ? [t] : Object.values(t)))
      .join(' '),
  );
}
