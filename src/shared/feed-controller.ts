import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { FeedError, loadFeed, readCachedFeed, type FeedResult } from '../feed/client.js';
import type { Feed } from '../feed/schema.js';
import type { Problem, Section } from '../feed/problems.js';

export type WidgetState = 'loading' | 'ready' | 'empty' | 'error';

/**
 * What a widget shows of its feed, decided before it renders. `failed`: the network's error
 * while a copy kept from an earlier visit is on screen.
 */
export type FeedView<View> =
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'empty'; result: FeedResult; failed?: unknown }
  | { state: 'ready'; view: View; result: FeedResult; failed?: unknown };

/** What a widget's `view()` may depend on besides the feed and its own properties. */
export interface ViewContext {
  /** The feed's absolute URL. */
  url: string;
  /** Content languages, best first. */
  preferences: readonly string[];
}

/** What the controller asks of its widget. */
export interface FeedSource<View> {
  /** Which part of the feed the widget shows, for its problems. */
  section(): Section;
  /** The feed URL in use now. */
  url(): string;
  /** Milliseconds to wait for the feed. */
  timeout(): number;
  /** False while the widget cannot show anything yet (its translations are loading). */
  ready(): boolean;
  /** Content languages, best first. */
  preferences(): readonly string[];
  /** What the widget shows of a feed: a pure function; `undefined` or `[]` means `empty`. */
  view(feed: Feed, context: ViewContext): View | undefined;
  /** Called with each feed before its view: start what else the widget needs (hub files). */
  prepare?(result: FeedResult): void;
  /** A part of the feed in a file of its own is still on its way. */
  partPending?(feed: Feed): boolean;
  /** Why the parts of the feed the widget needs could not be had, if none could. */
  partError?(feed: Feed): unknown;
}

/** A promise settled in a later task (after what the page has queued meanwhile). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve));

const logged = new WeakSet<object>();

/** Tell the webmaster, in the console, what went wrong — once per failure, not per widget. */
function logOnce(error: unknown): void {
  if (typeof error !== 'object' || error === null || logged.has(error)) return;
  logged.add(error);
  if ((error as Error).name === 'AbortError') return;
  if (error instanceof FeedError && error.kind === 'schema') return; // logged with the feed's problems
  console.error(`[mi-widgets] ${error instanceof FeedError ? error.message : String(error)}`);
}

/**
 * A widget's feed: loads it through `@lit/task` (one request per URL per page, see
 * src/feed/client.ts), shows the copy kept from an earlier visit until the network answers,
 * and decides — in {@link sync}, which the widget calls from `willUpdate` — its state and
 * the view its `render()` draws. Every load it starts replaces the one before: the widget
 * ends in the state of the latest, whatever the order of reloads, `src` changes and moves
 * in and out of the page.
 */
export class FeedController<View> implements ReactiveController {
  /** The state and view decided by the last {@link sync}. */
  current: FeedView<View> = { state: 'loading' };

  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly source: FeedSource<View>;
  private readonly task: Task<[url: string, reload: boolean], FeedResult>;
  /** The URL loading or loaded. */
  private url?: string;
  /** The copy kept from an earlier visit of that URL, once it is read. */
  private kept?: { url: string; result?: FeedResult };
  /** The signal of the latest load: aborted when the widget left the page during it. */
  private signal?: AbortSignal;

  constructor(host: ReactiveControllerHost & HTMLElement, source: FeedSource<View>) {
    this.host = host;
    this.source = source;
    this.task = new Task(host, {
      task: async ([url, reload], { signal }) => {
        this.signal = signal;
        const result = await loadFeed(url, { signal, timeout: source.timeout(), reload });
        // Each widget renders the feed in a task of its own: the widgets of a page share one
        // request, and would otherwise all render in the one task that hands it over (at 4×
        // CPU, four widgets took 140–200 ms there together).
        await nextTask();
        signal.throwIfAborted();
        return result;
      },
      autoRun: false,
    });
    host.addController(this);
  }

  hostConnected(): void {
    // Back on the page after a load was given up on leaving it: load again.
    if (this.signal?.aborted && this.url !== undefined) void this.load(this.url, false);
  }

  hostDisconnected(): void {
    // A move within the page reconnects in the same task; only a real removal aborts.
    queueMicrotask(() => {
      if (!this.host.isConnected) this.task.abort();
    });
  }

  /** The feed on screen: this page's load when it is done, else the copy kept from before. */
  get result(): FeedResult | undefined {
    if (this.task.status === TaskStatus.COMPLETE) return this.task.value;
    return this.kept?.url === this.url ? this.kept?.result : undefined;
  }

  /** What the reader found wrong in the widget's part of the feed and in the document. */
  get problems(): readonly Problem[] {
    const result = this.result;
    if (!result) {
      const error = this.task.status === TaskStatus.ERROR ? this.task.error : undefined;
      return error instanceof FeedError ? error.problems : [];
    }
    const section = this.source.section();
    return result.problems.filter((p) => p.section === section || p.section === 'document');
  }

  /**
   * Start loading when the URL changed, then decide the state and view from what is there.
   * Called by the widget in `willUpdate`, so that everything `render()` reads is decided.
   */
  sync(): void {
    const url = this.source.url();
    if (url !== this.url) void this.load(url, false);
    this.current = this.decide();
    if (this.current.state === 'error') logOnce(this.current.error);
  }

  /** Load the feed again from the network. */
  reload(): Promise<void> {
    return this.load(this.source.url(), true);
  }

  private load(url: string, reload: boolean): Promise<void> {
    if (url !== this.url) {
      this.url = url;
      this.readKept(url);
    }
    return this.task.run([url, reload]);
  }

  /** The copy kept from an earlier visit comes asynchronously (Cache API). */
  private readKept(url: string): void {
    const kept: { url: string; result?: FeedResult } = { url };
    this.kept = kept;
    if (!url) return;
    void readCachedFeed(url).then((copy) => {
      if (copy && this.kept === kept) {
        kept.result = copy;
        this.host.requestUpdate();
      }
    });
  }

  private decide(): FeedView<View> {
    const failed = this.task.status === TaskStatus.ERROR ? this.task.error : undefined;
    const result = this.result;
    if (!this.source.ready() || (!result && failed === undefined)) return { state: 'loading' };
    if (!result) return { state: 'error', error: failed };
    this.source.prepare?.(result);
    const { feed } = result;
    const view = this.source.view(feed, {
      url: result.url,
      preferences: this.source.preferences(),
    });
    const empty = view === undefined || (Array.isArray(view) && view.length === 0);
    if (!empty) return { state: 'ready', view, result, failed };
    if (this.source.partPending?.(feed)) return { state: 'loading' };
    const partError = this.source.partError?.(feed);
    if (partError) return { state: 'error', error: partError };
    return { state: 'empty', result, failed };
  }
}
