/// <reference types="node" />
/**
 * `mi-feed validate <file-or-url>`: every problem of a feed as the widgets' own reader sees it —
 * path, what was expected, what was found, what the widgets do about it — then what each widget
 * would show. `--json` prints the same as one JSON document, for a publisher's CI.
 */
import { parseArgs } from 'node:util';
import { isRunning } from '../campaign-banner/campaigns.js';
import type { Problem, Section } from '../feed/problems.js';
import { summarizeProblems } from '../feed/report.js';
import { readFeed } from '../feed/read.js';
import type { Feed } from '../feed/schema.js';
import { pickText } from '../feed/text.js';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  formatDuration,
  formatSize,
  parseJson,
  parseSize,
  parseTimeout,
  readInput,
  type JsonSyntaxError,
} from './input.js';
import { escapeControl, EXIT, UsageError, writeLine, type ExitCode, type Io } from './io.js';

export const VALIDATE_USAGE =
  'mi-feed validate <file-or-url> [--now <date>] [--json] [--max-size <size>] [--timeout <time>]';

export const VALIDATE_HELP = `mi-feed validate <file-or-url>
  Reads a feed (a JSON Feed 1.1 document with _migration_info, or a bare GeoJSON
  FeatureCollection of hubs) from a file or an http(s) URL, and reads it as the widgets do.
  Prints every problem with its JSON path (items[2].date_published), what was expected, what
  was found and what the widgets do about it (a field dropped, a value normalized, an entry
  dropped, the document unusable), then what each widget would show: news items by language,
  quizzes and their valid statements, hubs by country, campaigns running now.
    --now <date>       count the campaigns running, and judge how old the hubs' verified dates
                       are, at this date (ISO 8601) instead of now
    --json             print one JSON document instead, for CI:
                       { source, usable, problems: [{ path, expected, found, outcome, entry,
                       section, dropped?, normalized?, note? }], summary, stale? }
  Hubs whose verified date is more than a year before now are listed apart, to be checked
  again (in --json: stale: [{ path, id, verified }], only when there are some). They are no
  problem: the widgets still show them, and the exit code stays what it is.
    --max-size <size>  read at most this much (default ${formatSize(DEFAULT_MAX_BYTES).replace(' ', '')}; e.g. 200MB, 512KB)
    --timeout <time>   a URL must be read whole within this time: connecting, the headers and
                       the body (default ${formatDuration(DEFAULT_TIMEOUT_MS).replace(' ', '')}; e.g. 60, 90s, 500ms)
`;

const WIDGETS: Record<Section, string> = {
  news: '<mi-news-feed>',
  quizzes: '<mi-quiz>',
  hubs: '<mi-hub-locator>',
  campaigns: '<mi-campaign-banner>',
  document: 'every widget',
};

const UNUSABLE = 'The document is unusable: every widget would show its error state.';

/** What `--json` prints. */
export interface ValidateReport {
  /** The file or URL, as given. */
  source: string;
  /** Can the widgets use the document at all? */
  usable: boolean;
  problems: Problem[];
  /** Where the text stops being JSON, when it does. */
  jsonError?: { line: number; column: number; message: string };
  /** What each widget would show; null for an unusable document. */
  summary: FeedSummary | null;
  /**
   * The hubs last verified more than a year before `--now`, to be checked again; present only
   * when there are some. Not problems: they change neither `usable` nor the exit code.
   */
  stale?: StaleHub[];
}

/** A hub whose `verified` date is more than a year old. */
export interface StaleHub {
  /** JSON path of its `verified` value: `_migration_info.hubs.features[3].properties.verified`. */
  path: string;
  /** The hub's id, as the widgets name it (`hub-4` for the fourth, when it has none). */
  id: string;
  /** The date, `2024-11-02`. */
  verified: string;
}

export interface FeedSummary {
  /** `feed`: a JSON Feed document; `hubs`: a bare GeoJSON FeatureCollection. */
  kind: 'feed' | 'hubs';
  news: { count: number; byLanguage: Record<string, number> };
  quizzes: { count: number; list: { id: string; title: string; statements: number }[] };
  hubs: { count: number; byCountry: Record<string, number> };
  campaigns: { count: number; now: string; running: string[] };
}

export async function validate(args: string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      now: { type: 'string' },
      json: { type: 'boolean' },
      'max-size': { type: 'string' },
      timeout: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) {
    throw new UsageError('validate needs one file or http(s) URL: mi-feed validate <file-or-url>');
  }
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime())) {
    throw new UsageError(
      `--now ${escapeControl(JSON.stringify(values.now))} is not a date such as 2026-03-01`,
    );
  }
  const maxBytes =
    values['max-size'] === undefined ? DEFAULT_MAX_BYTES : parseSize(values['max-size']);
  const timeoutMs =
    values.timeout === undefined ? DEFAULT_TIMEOUT_MS : parseTimeout(values.timeout);

  const [source] = positionals;
  const { text, base } = await readInput(source, {
    cwd: io.cwd,
    maxBytes,
    timeoutMs,
    accept: 'application/feed+json, application/geo+json, application/json;q=0.9, */*;q=0.5',
  });

  const parsed = parseJson(text);
  if ('error' in parsed) {
    if (values.json) writeJson(io, jsonErrorReport(source, parsed.error));
    else printJsonError(io, source, parsed.error);
    return EXIT.unusable;
  }

  let result;
  try {
    result = readFeed(parsed.value, base);
  } catch (error) {
    // A document nested thousands of levels deep overflows the stack: no feed is like that.
    if (!(error instanceof RangeError)) throw error;
    throw new UsageError(
      `cannot read ${escapeControl(source)}: it is nested too deeply (${escapeControl(error.message)})`,
    );
  }
  const { feed, problems } = result;
  const summary = feed ? summarize(feed, now) : null;
  const stale = feed ? staleHubs(feed, parsed.value, now) : [];
  if (values.json) {
    writeJson(io, {
      source,
      usable: feed !== undefined,
      problems,
      summary,
      ...(stale.length ? { stale } : {}),
    });
  } else {
    printProblems(io, source, problems, feed !== undefined);
    printStale(io, stale, now);
    if (summary) {
      writeLine(io.stdout);
      writeLine(io.stdout, 'What the widgets would show:');
      for (const line of summaryLines(summary)) writeLine(io.stdout, line);
    }
  }
  if (!feed) return EXIT.unusable;
  return problems.length ? EXIT.problems : EXIT.ok;
}

// --- Text output ---------------------------------------------------------------------------

function printJsonError(io: Io, source: string, error: JsonSyntaxError): void {
  const out = io.stdout;
  writeLine(
    out,
    `${escapeControl(source)}: not valid JSON at line ${error.line}, column ${error.column}: ${error.message}`,
  );
  writeLine(out, `    ${error.excerpt[0]}`);
  writeLine(out, `    ${error.excerpt[1]}`);
  writeLine(out, UNUSABLE);
}

/** `expected …; found … → field dropped`, one line, every bit of it escaped. */
export function problemLine(p: Problem): string {
  const e = escapeControl;
  let outcome: string = p.outcome;
  if (p.normalized !== undefined) {
    outcome +=
      p.outcome === 'value normalized' ? ` to ${e(p.normalized)}` : ` (read as ${e(p.normalized)})`;
  }
  // What else went with it, unless that is just the entry the group heading names.
  if (p.dropped !== undefined && p.dropped !== p.entry.replace(/ \(id .*\)$/, '')) {
    outcome += ` (left out: ${e(p.dropped)})`;
  }
  return `${e(p.path) || '(the document)'}: expected ${e(p.expected)}; found ${e(p.found)} → ${outcome}`;
}

function printProblems(io: Io, source: string, problems: readonly Problem[], usable: boolean) {
  const out = io.stdout;
  writeLine(out, `${escapeControl(source)}: ${escapeControl(summarizeProblems(problems))}`);
  const byEntry = new Map<string, Problem[]>();
  for (const p of problems) {
    const group = byEntry.get(p.entry) ?? [];
    group.push(p);
    byEntry.set(p.entry, group);
  }
  for (const [entry, group] of byEntry) {
    writeLine(out);
    const widget = WIDGETS[group[0].section] ?? 'the widgets';
    const dropped = group.some((p) => p.outcome === 'entry dropped');
    if (group.some((p) => p.outcome === 'document unusable')) writeLine(out, UNUSABLE);
    else if (!entry) writeLine(out, `The document, in ${widget}:`);
    else if (dropped) writeLine(out, `${escapeControl(entry)}, left out by ${widget}:`);
    else writeLine(out, `${escapeControl(entry)}, in ${widget}:`);
    for (const p of group) {
      writeLine(out, `  ${problemLine(p)}`);
      if (p.note) writeLine(out, `      ${escapeControl(p.note)}`);
    }
  }
  if (!usable && !problems.some((p) => p.outcome === 'document unusable')) {
    writeLine(out);
    writeLine(out, UNUSABLE);
  }
}

function printStale(io: Io, stale: readonly StaleHub[], now: Date): void {
  if (!stale.length) return;
  const out = io.stdout;
  writeLine(out);
  writeLine(
    out,
    `${plural(stale.length, 'hub')} last verified more than a year before ${now.toISOString().slice(0, 10)}, ` +
      'in <mi-hub-locator> (still shown, not a problem: check them, then update verified):',
  );
  for (const hub of stale) {
    writeLine(out, `  ${escapeControl(hub.path)}: ${hub.verified} (id ${quoted(hub.id)})`);
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const counted = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, n]) => `${escapeControl(k)} ${n}`)
    .join(', ');
const quoted = (text: string) => escapeControl(JSON.stringify(text));

/** What each widget would show, as `summary` in the old CLI: a line per widget. */
export function summaryLines(s: FeedSummary): string[] {
  const lines: string[] = [];
  const pad = (tag: string) => `  ${tag.padEnd(22)}`;
  if (s.kind === 'feed') {
    lines.push(
      pad('<mi-news-feed>') +
        plural(s.news.count, 'news item') +
        (s.news.count ? `: ${counted(s.news.byLanguage)}` : ''),
    );
    lines.push(pad('<mi-quiz>') + plural(s.quizzes.count, 'quiz', 'quizzes'));
    for (const quiz of s.quizzes.list) {
      lines.push(
        `${' '.repeat(26)}${quoted(quiz.id)} ${quoted(quiz.title)}: ` +
          plural(quiz.statements, 'valid statement') +
          (quiz.statements ? '' : ' (the widget would show it as empty)'),
      );
    }
  }
  lines.push(
    pad('<mi-hub-locator>') +
      plural(s.hubs.count, 'hub') +
      (s.hubs.count ? `: ${counted(s.hubs.byCountry)}` : ''),
  );
  if (s.kind === 'feed') {
    const { count, now, running } = s.campaigns;
    lines.push(
      pad('<mi-campaign-banner>') +
        `${plural(count, 'campaign')}, ${running.length} running at ${now.slice(0, 16)}Z` +
        (running.length ? `: ${running.map(quoted).join(', ')}` : ''),
    );
  }
  return lines;
}

// --- The summary ---------------------------------------------------------------------------

/** Counts by key, most first, then by key. */
function countBy<T>(list: readonly T[], key: (entry: T) => string): Record<string, number> {
  const counts = new Map<string, number>();
  for (const entry of list) counts.set(key(entry), (counts.get(key(entry)) ?? 0) + 1);
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

/** What each widget would show of a feed the reader could use. */
export function summarize(feed: Feed, now: Date): FeedSummary {
  const prefs = [feed.language ?? 'en', 'en'];
  return {
    kind: feed.kind,
    news: {
      count: feed.items.length,
      byLanguage: countBy(feed.items, (i) => i.language ?? feed.language ?? '(no language)'),
    },
    quizzes: {
      count: feed.quizzes.length,
      list: feed.quizzes.map((q) => ({
        id: String(q.id),
        title: pickText(q.title, prefs),
        statements: q.questions.length,
      })),
    },
    hubs: {
      count: feed.hubs.length,
      byCountry: countBy(feed.hubs, (h) => h.country ?? '(no country)'),
    },
    campaigns: {
      count: feed.campaigns.length,
      now: now.toISOString(),
      running: feed.campaigns.filter((c) => isRunning(c, now)).map((c) => String(c.id)),
    },
  };
}

/** The day a year before `now` (UTC): a hub verified before it is stale. */
function yearBefore(now: Date): string {
  const day = new Date(now.getTime());
  day.setUTCFullYear(day.getUTCFullYear() - 1);
  return day.toISOString().slice(0, 10);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The hubs of the document whose `verified` date is more than a year before `now`, with the
 * JSON path of that date: the read hub is found among the document's features by its id (or
 * by `hub-<n>`, the name the reader gives a hub without one).
 */
export function staleHubs(feed: Feed, raw: unknown, now: Date): StaleHub[] {
  const cutoff = yearBefore(now);
  const old = feed.hubs.filter((hub) => hub.verified !== undefined && hub.verified < cutoff);
  if (!old.length) return [];
  const info = isObject(raw) ? raw._migration_info : undefined;
  const hubs = isObject(info) ? info.hubs : undefined;
  const [where, features] =
    feed.kind === 'hubs'
      ? ['features', isObject(raw) ? raw.features : undefined]
      : ['_migration_info.hubs.features', isObject(hubs) ? hubs.features : undefined];
  const list: unknown[] = Array.isArray(features) ? features : [];
  return old.map((hub) => {
    const index = list.findIndex((feature, i) => {
      const id = isObject(feature) ? feature.id : undefined;
      return (
        ((typeof id === 'string' || typeof id === 'number') && String(id) === hub.id) ||
        `hub-${i + 1}` === hub.id
      );
    });
    return {
      path: `${where}[${index}].properties.verified`,
      id: hub.id,
      verified: hub.verified!,
    };
  });
}

// --- JSON output ---------------------------------------------------------------------------

function jsonErrorReport(source: string, error: JsonSyntaxError): ValidateReport {
  const where = `line ${error.line}, column ${error.column}`;
  return {
    source,
    usable: false,
    problems: [
      {
        path: '',
        expected: 'a JSON document',
        found: `not valid JSON at ${where}: ${error.message}`,
        outcome: 'document unusable',
        entry: '',
        section: 'document',
      },
    ],
    jsonError: { line: error.line, column: error.column, message: error.message },
    summary: null,
  };
}

/**
 * The report, pretty-printed. `JSON.stringify` escapes C0 controls; the C1 controls, DEL and the
 * bidirectional and line separators it leaves as they are get escaped too (they only occur inside
 * strings, where `\uXXXX` means the same), so a CI log that prints it stays clean.
 */
function writeJson(io: Io, report: ValidateReport): void {
  const json = JSON.stringify(report, null, 2).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  writeLine(io.stdout, json);
}
