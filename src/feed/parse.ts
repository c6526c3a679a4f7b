/**
 * A feed's bytes → what the widgets use: decode, parse, read. One function, run in the feed
 * reader's worker (parse-worker.ts) so a big feed never freezes the page, or on the main thread
 * where a worker cannot start (a Content-Security-Policy without `worker-src` for the bundle, or
 * Trusted Types without a policy for it). Framework-free.
 */
import { readFeed, type ReadResult } from './read.js';

export type ParseOutcome =
  | ({ ok: true } & ReadResult)
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
  return { ok: true, ...readFeed(raw, url) };
}
