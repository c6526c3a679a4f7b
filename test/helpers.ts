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

/**
 * Forget what earlier tests of this file left on the page: the feed client's memory and
 * localStorage (the banner's dismissals, copies an earlier version kept there). No other file
 * sees this page's storage, and the next file on it finds it wiped (scripts/test-browser.js):
 * what this clears is the file's own. Copies kept in the Cache API stay, under URLs no later
 * test uses (see {@link fixture}).
 */
export function resetFeeds(): void {
  clearFeedMemory();
  localStorage.clear();
}

/** The first element matching `selector` in a widget's shadow root. */
export function $<E extends Element = HTMLElement>(host: Element, selector: string): E | null {
  return host.shadowRoot!.querySelector<E>(selector);
}

/** Every element matching `selector` in a widget's shadow root. */
export function $$<E extends Element = HTMLElement>(host: Element, selector: string): E[] {
  return [...host.shadowRoot!.querySelectorAll<E>(selector)];
}

/** The text of a node as a reader sees it: white space collapsed, trimmed. */
export function text(node: Node | null | undefined): string | undefined {
  return node?.textContent?.replace(/\s+/g, ' ').trim();
}

type ConsoleMethod = 'error' | 'warn' | 'info' | 'groupCollapsed' | 'groupEnd';
export type ConsoleStubs<M extends ConsoleMethod> = Readonly<Record<M, sinon.SinonStub>>;

/**
 * Stub these console methods around each test of the enclosing `describe` (where the widgets
 * tell the webmaster what is wrong with a feed, on purpose): the test's output stays clean and
 * the test can check what was said. Returns the stubs of the test that is running.
 */
export function stubConsole<M extends ConsoleMethod>(...methods: M[]): ConsoleStubs<M> {
  const sandbox = sinon.createSandbox();
  const stubs = {} as Record<M, sinon.SinonStub>;
  beforeEach(() => {
    for (const method of methods) stubs[method] = sandbox.stub(console, method);
  });
  afterEach(() => sandbox.restore());
  return stubs;
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

/**
 * How long a widget may take to reach a state: its code, its feed and the feed reader's worker
 * load first. The one bound of every such wait (a test's own budget is mocha's 5 s).
 */
export const STATE_TIMEOUT = 4000;

/** Wait until a widget reaches a state (ready by default) and has rendered it. */
export async function settled<T extends MiElement<unknown>>(
  el: T,
  state: WidgetState = 'ready',
): Promise<T> {
  await waitUntil(() => el.state === state, undefined, { timeout: STATE_TIMEOUT }).catch(() =>
    expect.fail(`state never became ${state} (is ${el.state})`),
  );
  await el.updateComplete;
  return el;
}

/**
 * Wait until the widget `find` returns shows one of `states` in its `state` attribute: a widget
 * of the bundle or of a frame, whose class this page does not have, and which may not be on its
 * page yet.
 */
export async function reached(
  find: () => Element | null | undefined,
  ...states: WidgetState[]
): Promise<void> {
  const state = () => find()?.getAttribute('state');
  await waitUntil(() => (states as unknown[]).includes(state()), undefined, {
    timeout: STATE_TIMEOUT,
  }).catch(() =>
    expect.fail(
      `${find()?.localName ?? 'the widget'} never became ${states.join(' or ')} (is ${state()})`,
    ),
  );
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
