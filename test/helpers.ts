import { clearFeedMemory } from '../src/feed/client.js';

let counter = 0;

/**
 * A fixture's URL, unique to the calling test (a query string), so no test sees another's
 * page-level or stored copy of a feed.
 */
export function fixture(name: string): string {
  counter += 1;
  return new URL(`/test/fixtures/${name}?case=${Date.now()}-${counter}`, location.href).href;
}

/** A URL on the test server's fault injector (see web-test-runner.config.js). */
export function fault(path: string): string {
  counter += 1;
  return new URL(`/__faults/${path}?case=${Date.now()}-${counter}`, location.href).href;
}

/** Forget every copy of every feed: in memory and in localStorage. */
export function resetFeeds(): void {
  clearFeedMemory();
  localStorage.clear();
}

/** Calls to window.fetch during `run`, by URL. */
export async function countFetches<T>(run: (calls: string[]) => Promise<T>): Promise<T> {
  const original = window.fetch;
  const calls: string[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push(String(input instanceof Request ? input.url : input));
    return original(input, init);
  };
  try {
    return await run(calls);
  } finally {
    window.fetch = original;
  }
}
