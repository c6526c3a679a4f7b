import { expect, fixture as render, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { clearFeedMemory } from '../src/feed/client.js';
import type { MiElement, WidgetState } from '../src/shared/mi-element.js';

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

export interface FetchLog {
  /** The URL of each call to window.fetch, in order. */
  urls: string[];
  /** The abort signal each call was given. */
  signals: (AbortSignal | undefined)[];
}

/** Watch the calls to window.fetch made during `run` (they still go through). */
export async function watchFetch<T>(run: (log: FetchLog) => Promise<T>): Promise<T> {
  const original = window.fetch;
  const log: FetchLog = { urls: [], signals: [] };
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    log.urls.push(String(input instanceof Request ? input.url : input));
    log.signals.push(init?.signal ?? undefined);
    return original(input, init);
  };
  try {
    return await run(log);
  } finally {
    window.fetch = original;
  }
}

/** Wait until a widget reaches a state (ready by default) and has rendered it. */
export async function settled<T extends MiElement<unknown>>(
  el: T,
  state: WidgetState = 'ready',
): Promise<T> {
  await waitUntil(() => el.state === state, `state never became ${state} (is ${el.state})`, {
    timeout: 4000,
  });
  await el.updateComplete;
  return el;
}

/**
 * The states every widget shares, checked the same way for each: loading (held) and error
 * (a server error) both accessible, the error with an alert and Retry.
 */
export function itHasAccessibleLoadingAndErrorStates(tag: string): void {
  it('is accessible while loading and in the error state, with Retry', async () => {
    const error = sinon.stub(console, 'error');
    try {
      const loading = await render<MiElement<unknown>>(
        `<${tag} timeout="3000" src="${fault('hang')}"></${tag}>`,
      );
      await loading.updateComplete;
      expect(loading.getAttribute('state')).to.equal('loading');
      await expect(loading).to.be.accessible();
      const failed = await settled(
        await render<MiElement<unknown>>(`<${tag} src="${fault('status/500')}"></${tag}>`),
        'error',
      );
      expect(failed.shadowRoot!.querySelector('[role="alert"]')).to.exist;
      expect(failed.shadowRoot!.querySelector('[part="retry-button"]')).to.exist;
      await expect(failed).to.be.accessible();
    } finally {
      error.restore();
    }
  });
}
