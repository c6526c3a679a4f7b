/**
 * The hubs a feed keeps in files of their own (`_migration_info.hubs` as a URL, or a URL per
 * country, as `mi-feed split` writes them): fetched only when the locator shows them — the
 * country it is set to first, the others when the visitor widens the filter — each through the
 * feed client (one request per URL, the worker, the offline copy).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadFeed, type HubSource, type LoadOptions } from '../feed/client.js';
import type { Problem } from '../feed/problems.js';
import type { HubPart } from '../feed/schema.js';

/** The parts a filter needs: the country's own file when there is one, else all of them. */
export function partsFor(parts: readonly HubPart[], country: string): readonly HubPart[] {
  const code = country.toUpperCase();
  const own = parts.filter((part) => part.country === code);
  return code && own.length ? own : parts;
}

export class HubPartsController implements ReactiveController {
  private readonly loaded = new Map<string, { hubs: HubSource; problems: readonly Problem[] }>();
  private readonly failed = new Map<string, unknown>();
  private readonly pending = new Set<string>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: () => LoadOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Ask for the parts this filter needs (each once; a failed one again only after {@link retry}). */
  want(parts: readonly HubPart[], country: string): void {
    for (const { url } of partsFor(parts, country)) {
      if (this.loaded.has(url) || this.failed.has(url) || this.pending.has(url)) continue;
      this.pending.add(url);
      loadFeed(url, this.options())
        .then(
          ({ hubs, problems }) => this.loaded.set(url, { hubs, problems }),
          (error: unknown) => this.failed.set(url, error),
        )
        .finally(() => {
          this.pending.delete(url);
          this.host.requestUpdate();
        });
    }
  }

  /** The hubs of the parts that have arrived (where they were read), in the order they came. */
  hubs(): HubSource[] {
    return [...this.loaded.values()].map((part) => part.hubs);
  }

  /** Is a part this filter needs still on its way, with none of them here yet? */
  waiting(parts: readonly HubPart[], country: string): boolean {
    const needed = partsFor(parts, country);
    return (
      needed.some(({ url }) => this.pending.has(url)) &&
      !needed.some(({ url }) => this.loaded.has(url))
    );
  }

  /** Why the parts this filter needs could not be had, when none of them could. */
  error(parts: readonly HubPart[], country: string): unknown {
    const needed = partsFor(parts, country);
    return needed.length && needed.every(({ url }) => this.failed.has(url))
      ? this.failed.get(needed[0].url)
      : undefined;
  }

  /** What the reader found wrong in the parts that arrived. */
  problems(): Problem[] {
    return [...this.loaded.values()].flatMap((part) => part.problems);
  }

  /** Forget the failures, for Retry. */
  retry(): void {
    this.failed.clear();
  }
}
