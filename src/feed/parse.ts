/**
 * A feed's bytes → what the widgets use: decode, parse, read. One function, run in the feed
 * reader's worker (parse-worker.ts) so a big feed never freezes the page, or on the main thread
 * where a worker cannot start (a Content-Security-Policy without `worker-src` for the bundle, or
 * Trusted Types without a policy for it). Framework-free.
 */
import { readFeed, type ReadResult } from './read.js';
import { hubSearchText } from './search.js';

export type ParseOutcome =
  /** `hubSearch`: each hub's {@link hubSearchText}, in the order of `feed.hubs`. */
  | ({ ok: true; hubSearch: string[] } & ReadResult)
  /** Not JSON; `html` when it looks like a web page (a login or maintenance page). */
  | { ok: false; html: boolean };

export function parseFeed(body: ArrayBuffer | string, url: string): ParseOutcome {
  const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, html: /^\s*</.test(text) };
  }
  const read = readFeed(raw, url);
  return { ok: true, ...read, hubSearch: read.feed?.hubs.map(hubSearchText) ?? [] };
}
