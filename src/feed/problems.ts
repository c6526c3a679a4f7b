/**
 * Every problem of a feed document, for publishers (`mi-feed validate`). It reads a document the
 * way `validateFeed` does (same schemas, same order, same entry-by-entry rules) but, instead of
 * the first issue of each skipped entry, it lists all of them, each with its JSON path.
 */
import * as v from 'valibot';
import {
  CampaignSchema,
  FeatureCollectionSchema,
  HubFeatureSchema,
  JsonFeedSchema,
  MigrationInfoSchema,
  NewsItemSchema,
  QuestionSchema,
  QuizSchema,
} from './schema.js';

/** What a problem costs. */
export type ProblemEffect =
  /** The widgets skip this entry (a news item, a quiz, a statement, a hub, a campaign). */
  | 'skipped'
  /** The widgets ignore this part of `_migration_info` (quizzes, hubs or campaigns). */
  | 'ignored'
  /** The document is unusable as a whole: the widgets show their error state. */
  | 'unusable';

export interface Problem {
  /** JSON path of the bad value, e.g. `items[2].date_published`; '' for the document itself. */
  path: string;
  /** What was expected, in the schema's words: `must be an ISO 8601 date such as …`. */
  message: string;
  /** What was found, shortened: `"8 Nov 2022"`, `12`, `{id, title}`, or `nothing`. */
  found: string;
  /** The entry or part this costs, e.g. `items[2] (id "bad-date")`; '' for the document. */
  entry: string;
  effect: ProblemEffect;
}

/** `items[2].title["es-MX"]`: JavaScript-like, as a publisher finds it in the document. */
export function formatPath(keys: readonly unknown[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key))
      out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** A value, shortened for one line of output. */
export function shorten(value: unknown, max = 60): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') {
    const json = JSON.stringify(value);
    return json.length <= max ? json : `${JSON.stringify(value.slice(0, max - 3)).slice(0, -1)}…"`;
  }
  let text: string;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    text = `{${Object.keys(value).join(', ')}}`;
  } else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  Object: 'an object',
  Array: 'a list',
};

/** The issue's message, with valibot's default wording ("Invalid type: …") made plain. */
function messageOf(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.type === 'object' && issue.received === 'undefined') {
    if (issue.path?.length && issue.expected?.startsWith('"')) return 'is required';
  }
  if (/^Invalid \w+: Expected /.test(issue.message) && issue.expected) {
    return `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
  }
  return issue.message;
}

function idLabel(raw: unknown): string {
  if (raw && typeof raw === 'object' && 'id' in raw) {
    const id = (raw as { id: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number')
      return ` (id ${JSON.stringify(String(id).slice(0, 80))})`;
  }
  return '';
}

class Collector {
  readonly problems: Problem[] = [];

  /** Add a schema's issues about `raw`, found at `at` (the path of `raw` in the document). */
  issues(
    issues: readonly v.BaseIssue<unknown>[],
    at: readonly (string | number)[],
    entry: string,
    effect: ProblemEffect,
  ): void {
    for (const issue of issues) {
      const keys = [...at, ...(issue.path ?? []).map((item) => item.key)];
      this.problems.push({
        path: formatPath(keys),
        message: messageOf(issue),
        found: shorten(issue.input),
        entry,
        effect,
      });
    }
  }

  /**
   * Check each entry of a list as `validateFeed` does: an entry that fails its schema is skipped,
   * and so is one whose id repeats an earlier entry's. Returns the entries' outputs (undefined
   * for a failed one), for checks of what is inside them.
   */
  list<S extends v.GenericSchema>(
    list: readonly unknown[],
    schema: S,
    at: readonly (string | number)[],
    idFor: (output: v.InferOutput<S>, index: number) => string = (output) =>
      String((output as { id: unknown }).id),
  ): (v.InferOutput<S> | undefined)[] {
    const seen = new Map<string, number>();
    return list.map((raw, index) => {
      const where = [...at, index];
      const entry = `${formatPath(where)}${idLabel(raw)}`;
      const result = v.safeParse(schema, raw);
      if (!result.success) {
        this.issues(result.issues, where, entry, 'skipped');
        return undefined;
      }
      const id = idFor(result.output, index);
      const first = seen.get(id);
      if (first !== undefined) {
        this.problems.push({
          path: formatPath([...where, 'id']),
          message: `must not repeat the id of ${formatPath([...at, first])}`,
          found: shorten(id),
          entry,
          effect: 'skipped',
        });
      } else {
        seen.set(id, index);
      }
      return result.output;
    });
  }

  hubs(features: readonly unknown[], at: readonly string[]): void {
    this.list(features, HubFeatureSchema, at, (feature, index) => feature.id ?? `hub-${index + 1}`);
  }
}

const isObject = (raw: unknown): raw is Record<string, unknown> =>
  raw !== null && typeof raw === 'object' && !Array.isArray(raw);

/**
 * Every problem of a parsed JSON document, in document order of its parts: a JSON Feed 1.1
 * document (with the optional `_migration_info` extension), or a bare GeoJSON FeatureCollection
 * of hubs. An empty list means the widgets use all of it.
 */
export function findProblems(raw: unknown): Problem[] {
  const out = new Collector();

  if (isObject(raw) && raw.type === 'FeatureCollection') {
    const collection = v.safeParse(FeatureCollectionSchema, raw);
    if (collection.success) out.hubs(collection.output.features, ['features']);
    else out.issues(collection.issues, [], '', 'unusable');
    return out.problems;
  }

  const doc = v.safeParse(JsonFeedSchema, raw);
  if (!doc.success) {
    if (isObject(raw) && ('items' in raw || 'version' in raw)) {
      out.issues(doc.issues, [], '', 'unusable');
    } else {
      out.problems.push({
        path: '',
        message:
          'must be a JSON Feed 1.1 document (with "version" and "items") or a GeoJSON FeatureCollection',
        found: shorten(raw),
        entry: '',
        effect: 'unusable',
      });
    }
    return out.problems;
  }

  out.list(doc.output.items, NewsItemSchema, ['items']);

  const info = doc.output._migration_info;
  if (info === undefined) return out.problems;
  if (!isObject(info)) {
    out.problems.push({
      path: '_migration_info',
      message: 'must be an object',
      found: shorten(info),
      entry: '_migration_info',
      effect: 'ignored',
    });
    return out.problems;
  }
  const parts: v.InferOutput<typeof MigrationInfoSchema> = {};
  for (const [key, schema] of Object.entries(MigrationInfoSchema.entries)) {
    if (info[key] === undefined) continue;
    const parsed = v.safeParse(schema, info[key]);
    if (parsed.success) Object.assign(parts, { [key]: parsed.output });
    else out.issues(parsed.issues, ['_migration_info', key], `_migration_info.${key}`, 'ignored');
  }

  if (parts.quizzes) {
    const at = ['_migration_info', 'quizzes'];
    out.list(parts.quizzes, QuizSchema, at);
    // A skipped quiz's statements too, so that one run shows every mistake.
    parts.quizzes.forEach((quiz, index) => {
      const questions = isObject(quiz) ? quiz.questions : undefined;
      if (Array.isArray(questions))
        out.list(questions, QuestionSchema, [...at, index, 'questions']);
    });
  }
  if (parts.hubs) out.hubs(parts.hubs.features, ['_migration_info', 'hubs', 'features']);
  if (parts.campaigns) out.list(parts.campaigns, CampaignSchema, ['_migration_info', 'campaigns']);
  return out.problems;
}
