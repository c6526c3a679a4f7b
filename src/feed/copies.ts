/**
 * The offline copy of each feed: the last good answer, kept through the Cache API, so that a
 * visitor whose connection fails sees what the widgets showed last time. Framework-free.
 *
 * - Asynchronous from end to end: nothing is serialized or written on the main thread while the
 *   page is busy (localStorage, used before, blocked the page ~134 ms for a 586 K-character feed).
 * - Read and parsed once per URL per page, whatever the number of widgets reading it.
 * - Bounded: one copy at most {@link MAX_COPY_BYTES}, all copies of a site together at most
 *   {@link MAX_TOTAL_BYTES} (the oldest go first), none older than {@link MAX_AGE_MS}. They live in
 *   the Cache API under {@link CACHE_NAME}, never in the partner's own localStorage, and a copy
 *   left there by an earlier version is removed.
 * - Where the Cache API is missing (a page served over plain http), there is no offline copy.
 */
import { removeItem } from '../shared/storage.js';

export const CACHE_NAME = 'mi-widgets-feeds-v1';
/** A larger feed gets no offline copy: split it (`mi-feed split`) instead. */
export const MAX_COPY_BYTES = 3_000_000;
/** All kept copies of one site together. */
export const MAX_TOTAL_BYTES = 8_000_000;
/** An older copy is not shown, and removed: a withdrawn campaign must not come back. */
export const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

const FETCHED_AT = 'x-mi-fetched-at';
const BYTES = 'x-mi-bytes';
/** Where copies were kept before (localStorage), to clear for the partner's own use. */
const OLD_PREFIX = 'mi-widgets:feed:';

export interface KeptCopy {
  text: string;
  /** When it was fetched from the network (ms since epoch). */
  fetchedAt: number;
}

const available = () => typeof caches !== 'undefined';

async function open(): Promise<Cache | undefined> {
  try {
    return available() ? await caches.open(CACHE_NAME) : undefined;
  } catch {
    return undefined; // storage blocked (privacy settings, an opaque origin)
  }
}

/**
 * The copy kept of this (absolute) URL, if there is one young enough to show. A damaged or
 * too old one is removed.
 */
export async function readCopy(url: string): Promise<KeptCopy | undefined> {
  removeItem('local', OLD_PREFIX + url);
  const cache = await open();
  try {
    const response = await cache?.match(url);
    if (!cache || !response) return undefined;
    const fetchedAt = Number(response.headers.get(FETCHED_AT));
    if (!(fetchedAt > 0) || Date.now() - fetchedAt > MAX_AGE_MS) {
      await cache.delete(url);
      return undefined;
    }
    return { text: await response.text(), fetchedAt };
  } catch {
    return undefined;
  }
}

/** Forget the copy of this URL (it could not be read). */
export async function dropCopy(url: string): Promise<void> {
  await (await open())?.delete(url).catch(() => false);
}

/**
 * Keep this answer as the URL's offline copy. Returns false when it is not kept: too large,
 * no Cache API, storage refused.
 */
export async function keepCopy(
  url: string,
  answer: string | ArrayBuffer,
  fetchedAt: number,
): Promise<boolean> {
  const body = new Blob([answer], { type: 'application/json' });
  if (body.size > MAX_COPY_BYTES) return false;
  const cache = await open();
  if (!cache) return false;
  try {
    const headers = { [FETCHED_AT]: String(fetchedAt), [BYTES]: String(body.size) };
    await cache.put(url, new Response(body, { headers }));
    await evict(cache, url);
    return true;
  } catch {
    return false; // quota, or storage gone meanwhile
  }
}

/** Remove the oldest copies (never `keep`) until all of them fit {@link MAX_TOTAL_BYTES}. */
async function evict(cache: Cache, keep: string): Promise<void> {
  const copies = await Promise.all(
    (await cache.keys()).map(async (request) => {
      const headers = (await cache.match(request))?.headers;
      return {
        url: request.url,
        bytes: Number(headers?.get(BYTES)) || 0,
        fetchedAt: Number(headers?.get(FETCHED_AT)) || 0,
      };
    }),
  );
  let total = copies.reduce((sum, copy) => sum + copy.bytes, 0);
  for (const copy of copies.sort((a, b) => a.fetchedAt - b.fetchedAt)) {
    if (total <= MAX_TOTAL_BYTES) return;
    if (copy.url === keep) continue;
    await cache.delete(copy.url);
    total -= copy.bytes;
  }
}
