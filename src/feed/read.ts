/**
 * The one reader of a feed document: `readFeed(raw, baseUrl)` walks the valibot definition in
 * `schema.ts` field by field and keeps every good field. What it cannot use it names as a
 * {@link Problem} with its JSON path and what it did about it:
 *
 * - a bad optional field is dropped and its entry kept (`field dropped`);
 * - an obvious other form is read as the normal one (`value normalized`);
 * - an entry goes only when what makes it useful is missing or its id repeats (`entry dropped`);
 * - a document that is not a feed at all is `document unusable`.
 *
 * The widgets, `mi-feed validate` and the JSON Schema all come from this walk and that
 * definition. Framework-free: runs in browsers and in Node.
 */
import * as v from 'valibot';
import { countryTimeZone } from './forms.js';
import { formatPath, shorten, type Outcome, type Problem, type Section } from './problems.js';
import {
  FeatureCollectionSchema,
  HubFeatureSchema,
  JsonFeedSchema,
  type Campaign,
  type Feed,
  type Hub,
  type NewsItem,
  type Quiz,
  type ReadingRules,
} from './schema.js';

export interface ReadResult {
  /** What the widgets can use; `undefined` when the document is unusable. */
  feed: Feed | undefined;
  /** Every problem, in document order (a document-level one first). */
  problems: Problem[];
}

type Key = string | number;
/** A place in the document: one link per step down (the walk makes 150,000 of them for 10,000 hubs). */
interface Link {
  readonly up: Path;
  readonly key: Key;
}
/** The document itself is `undefined`. */
type Path = Link | undefined;
const down = (up: Path, key: Key): Link => ({ up, key });

function keysOf(path: Path): Key[] {
  const keys: Key[] = [];
  for (let link = path; link; link = link.up) keys.push(link.key);
  return keys.reverse();
}
const pathText = (path: Path) => formatPath(keysOf(path));
/** A pipe action (check, minimum length, transform), run on a value read part by part. */
interface Action {
  readonly kind: string;
  readonly type: string;
  '~run'(
    dataset: { typed: boolean; value: unknown },
    config: v.Config<v.BaseIssue<unknown>>,
  ): { typed: boolean; value: unknown; issues?: v.BaseIssue<unknown>[] };
}
type Schema = v.GenericSchema & {
  readonly pipe?: readonly { kind: string; type: string; metadata?: { reading?: ReadingRules } }[];
  readonly message?: unknown;
};

/** Why a value could not be read. */
interface Failure {
  path: Path;
  expected: string;
  found: unknown;
  note?: string;
  /** The loss of this value sinks its entry even though the field is optional. */
  sinksEntry?: boolean;
  /** More bad required values of the same object, found reading on. */
  also?: Failure[];
}
type Read = { ok: true; value: unknown } | { ok: false; failure: Failure };

interface Context {
  base: string;
  problems: Problem[];
  /** The entry being read (its place and its raw value), for problems to name it: `items[3] (id "x")`. */
  entry: { path: Path; raw: unknown };
}

const ok = (value: unknown): Read => ({ ok: true, value });
const fail = (failure: Failure): Read => ({ ok: false, failure });

const isObject = (raw: unknown): raw is Record<string, unknown> =>
  raw !== null && typeof raw === 'object' && !Array.isArray(raw);

const NO_RULES: ReadingRules = {};

interface Parts {
  base: Schema;
  actions: readonly Action[];
  rules: ReadingRules;
  /**
   * Nothing inside needs the walk when the value is valid (no URL to resolve, no list of
   * entries): one `safeParse` reads it, and the walk runs only to say what is wrong.
   */
  plain: boolean;
  /** For an object: its fields, with whether each is optional and the schema inside. */
  fields?: readonly { key: string; optional: boolean; schema: Schema }[];
}
/** Each schema's parts, worked out once: a feed of 10,000 hubs asks 150,000 times. */
const partsCache = new WeakMap<Schema, Parts>();

/** The schema a pipe starts from, the actions after it, and its {@link ReadingRules}. */
function partsOf(schema: Schema): Parts {
  let parts = partsCache.get(schema);
  if (!parts) {
    const [base, ...rest] = (schema.pipe ?? [schema]) as unknown as [Schema, ...Action[]];
    const reading = schema.pipe?.find((p) => p.type === 'metadata' && p.metadata?.reading);
    const rules: ReadingRules = reading?.metadata?.reading ?? NO_RULES;
    const fields =
      base.type === 'object'
        ? Object.entries((base as unknown as { entries: Record<string, Schema> }).entries).map(
            ([key, entry]) => {
              const optional = entry.type === 'optional';
              const inner = optional ? (entry as unknown as { wrapped: Schema }).wrapped : entry;
              return { key, optional, schema: inner };
            },
          )
        : undefined;
    const nested = base as unknown as {
      item: Schema;
      key: Schema;
      value: Schema;
      options: Schema[];
    };
    const inside: Schema[] =
      base.type === 'object'
        ? fields!.map((f) => f.schema)
        : base.type === 'array'
          ? [nested.item]
          : base.type === 'record'
            ? [nested.key, nested.value]
            : base.type === 'union'
              ? nested.options
              : [];
    parts = {
      base,
      actions: rest.filter((a) => a.kind !== 'metadata'),
      rules,
      plain: !rules.url && !rules.entries && inside.every((s) => partsOf(s).plain),
      fields,
    };
    partsCache.set(schema, parts);
  }
  return parts;
}

const rulesOf = (schema: Schema): ReadingRules => partsOf(schema).rules;

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  Object: 'an object',
  Array: 'a list',
};

/** An issue's message as what was expected (valibot's own wording, "Invalid type: …", made plain). */
function expectedOf(issue: v.BaseIssue<unknown>): string {
  if (/^Invalid \w+: /.test(issue.message)) {
    return issue.expected ? (TYPE_WORDS[issue.expected] ?? issue.expected) : 'something else';
  }
  return issue.message;
}

function schemaWords(schema: Schema, fallback: string): string {
  return typeof schema.message === 'string' ? schema.message : fallback;
}

const sectionOf = (path: string): Section =>
  path.startsWith('items')
    ? 'news'
    : path.startsWith('_migration_info.quizzes')
      ? 'quizzes'
      : path.startsWith('_migration_info.hubs') || path.startsWith('features')
        ? 'hubs'
        : path.startsWith('_migration_info.campaigns')
          ? 'campaigns'
          : 'document';

function idLabel(raw: unknown): string {
  const id = isObject(raw) ? raw.id : undefined;
  return typeof id === 'string' || typeof id === 'number'
    ? ` (id ${JSON.stringify(String(id).slice(0, 80))})`
    : '';
}

/** Note a problem (and the other bad values found with it) with what was done about it. */
function report(
  ctx: Context,
  failure: Failure,
  outcome: Outcome,
  dropped?: Path,
  normalized?: unknown,
): void {
  const path = pathText(failure.path);
  const droppedPath = dropped && pathText(dropped);
  ctx.problems.push({
    path,
    expected: failure.expected,
    found: shorten(failure.found),
    outcome,
    entry: ctx.entry.path ? `${pathText(ctx.entry.path)}${idLabel(ctx.entry.raw)}` : '',
    section: sectionOf(path),
    ...(droppedPath !== undefined && droppedPath !== path ? { dropped: droppedPath } : {}),
    ...(normalized !== undefined ? { normalized: shorten(normalized) } : {}),
    ...(failure.note ? { note: failure.note } : {}),
  });
  for (const more of failure.also ?? []) report(ctx, more, outcome, dropped);
}

/** Run a pipe's actions after its schema (checks, minimum lengths, transforms) on a value read part by part. */
function runActions(actions: readonly Action[], value: unknown, path: Path, raw: unknown): Read {
  let dataset: ReturnType<Action['~run']> = { typed: true, value };
  for (const action of actions) {
    dataset = action['~run'](dataset, v.getGlobalConfig());
    if (dataset.issues) return fail({ path, expected: expectedOf(dataset.issues[0]), found: raw });
  }
  return ok(dataset.value);
}

/** A value read whole by its schema, with its obvious other form when it fails. */
function readLeaf(ctx: Context, schema: Schema, raw: unknown, path: Path): Read {
  const rules = rulesOf(schema);
  const result = v.safeParse(schema, raw);
  if (result.success) return ok(resolve(ctx, rules, result.output));
  if (rules.normalize) {
    const candidate = rules.normalize(raw);
    const second = v.safeParse(schema, candidate);
    if (second.success) {
      const value = resolve(ctx, rules, second.output);
      const [issue] = result.issues;
      const expected = issue.path
        ? schemaWords(partsOf(schema).base, expectedOf(issue))
        : expectedOf(issue);
      report(ctx, { path, expected, found: raw }, 'value normalized', undefined, value);
      return ok(value);
    }
  }
  const issue = result.issues[0];
  const keys = (issue.path ?? []).map((item) => item.key as Key);
  return fail({
    path: keys.reduce<Path>(down, path),
    expected: expectedOf(issue),
    found: keys.length ? issue.input : raw,
  });
}

/** A URL made absolute against the feed. */
function resolve(ctx: Context, rules: ReadingRules, value: unknown): unknown {
  return rules.url && typeof value === 'string' ? new URL(value, ctx.base).href : value;
}

/** Schemas with parts of their own, which the walk reads part by part. */
const CONTAINERS = { object: 1, array: 1, record: 1, union: 1 };

function readValue(ctx: Context, schema: Schema, raw: unknown, path: Path): Read {
  const { base, actions, rules, plain } = partsOf(schema);
  if (plain && base.type in CONTAINERS) {
    // A valid value of a plain schema is read in one go; the walk is for what is wrong.
    const result = v.safeParse(schema, raw);
    if (result.success) return ok(result.output);
  }
  switch (base.type) {
    case 'object':
      return readObject(
        ctx,
        base as Schema & v.ObjectSchema<v.ObjectEntries, undefined>,
        actions,
        raw,
        path,
      );
    case 'array':
      return rules.atomic
        ? readLeaf(ctx, schema, raw, path)
        : readArray(
            ctx,
            base as Schema & v.ArraySchema<Schema, undefined>,
            actions,
            rules,
            raw,
            path,
          );
    case 'record':
      return readRecord(ctx, base as Schema & { key: Schema; value: Schema }, actions, raw, path);
    case 'union':
      return readUnion(ctx, base as Schema & v.UnionSchema<Schema[], undefined>, schema, raw, path);
    default:
      return readLeaf(ctx, schema, raw, path);
  }
}

/** An object, field by field: a bad optional field is dropped, a bad required one fails the object. */
function readObject(
  ctx: Context,
  schema: Schema & v.ObjectSchema<v.ObjectEntries, undefined>,
  actions: readonly Action[],
  raw: unknown,
  path: Path,
): Read {
  if (!isObject(raw)) return fail({ path, expected: schemaWords(schema, 'an object'), found: raw });
  const out: Record<string, unknown> = {};
  // Read on past a bad required field, so that one run names every mistake of the entry.
  let failure: Failure | undefined;
  for (const { key, optional, schema: field } of partsOf(schema).fields!) {
    const value = Object.hasOwn(raw, key) ? raw[key] : undefined;
    if (value === undefined && optional) continue;
    const result = readValue(ctx, field, value, down(path, key));
    if (result.ok) {
      if (result.value !== undefined) out[key] = result.value;
      continue;
    }
    const { dropsEntry } = rulesOf(field);
    if (optional && !dropsEntry && !result.failure.sinksEntry) {
      report(ctx, result.failure, 'field dropped', down(path, key));
    } else if (failure) {
      (failure.also ??= []).push(result.failure);
    } else {
      failure = dropsEntry
        ? { ...result.failure, note: dropsEntry, sinksEntry: true }
        : result.failure;
    }
  }
  if (failure) return fail(failure);
  return runActions(actions, out, path, raw);
}

function readArray(
  ctx: Context,
  schema: Schema & v.ArraySchema<Schema, undefined>,
  actions: readonly Action[],
  rules: ReadingRules,
  raw: unknown,
  path: Path,
): Read {
  if (!Array.isArray(raw))
    return fail({ path, expected: schemaWords(schema, 'a list'), found: raw });
  if (rules.entries)
    return runActions(actions, readEntries(ctx, schema.item, rules.entries, raw, path), path, raw);
  const out: unknown[] = [];
  for (let i = 0; i < raw.length; i++) {
    const result = readValue(ctx, schema.item, raw[i], down(path, i));
    if (result.ok) out.push(result.value);
    else if (rules.wholeList) return fail(result.failure);
    else report(ctx, result.failure, 'field dropped', down(path, i));
  }
  if (rules.dropsEntryWhenEmptied && raw.length > 0 && out.length === 0) {
    return fail({
      path,
      expected: schemaWords(schema, 'a list'),
      found: raw,
      note: rules.dropsEntryWhenEmptied,
      sinksEntry: true,
    });
  }
  return runActions(actions, out, path, raw);
}

/**
 * A list of entries: each read on its own; one that fails, or repeats an earlier id, is
 * dropped with every problem found in it; the others are kept.
 */
function readEntries(
  ctx: Context,
  item: Schema,
  { idPrefix }: NonNullable<ReadingRules['entries']>,
  raw: readonly unknown[],
  path: Path,
): unknown[] {
  const out: unknown[] = [];
  const seen = new Map<string, number>();
  const outer = ctx.entry;
  const finish = finishers.get(item);
  for (let i = 0; i < raw.length; i++) {
    const where = down(path, i);
    ctx.entry = { path: where, raw: raw[i] };
    const mark = ctx.problems.length;
    const result = readValue(ctx, item, raw[i], where);
    if (!result.ok) {
      // What was found in a dropped entry is lost with it.
      for (const problem of ctx.problems.slice(mark)) {
        if (problem.outcome === 'entry dropped') continue;
        problem.outcome = 'entry dropped';
        problem.dropped = pathText(where);
      }
      report(ctx, result.failure, 'entry dropped', where);
      continue;
    }
    const value = result.value as { id?: string };
    if (value.id === undefined && idPrefix !== undefined) value.id = `${idPrefix}${i + 1}`;
    const id = String(value.id);
    const first = seen.get(id);
    if (first !== undefined) {
      report(
        ctx,
        {
          path: down(where, 'id'),
          expected: `an id not already used by ${pathText(down(path, first))}`,
          found: id,
        },
        'entry dropped',
        where,
      );
      continue;
    }
    seen.set(id, i);
    out.push(finish ? finish(ctx, value, where, mark) : value);
  }
  ctx.entry = outer;
  return out;
}

/** A map (language tag → text): a bad key or value is dropped, the rest kept. */
function readRecord(
  ctx: Context,
  schema: Schema & { key: Schema; value: Schema },
  actions: readonly Action[],
  raw: unknown,
  path: Path,
): Read {
  if (!isObject(raw)) return fail({ path, expected: schemaWords(schema, 'an object'), found: raw });
  const entries: [string, unknown][] = [];
  for (const [rawKey, rawValue] of Object.entries(raw)) {
    const at = down(path, rawKey);
    const key = readValue(ctx, schema.key, rawKey, at);
    if (!key.ok) {
      report(ctx, { ...key.failure, found: rawKey }, 'field dropped', at);
      continue;
    }
    const value = readValue(ctx, schema.value, rawValue, at);
    if (value.ok) entries.push([key.value as string, value.value]);
    else report(ctx, value.failure, 'field dropped', at);
  }
  return runActions(actions, Object.fromEntries(entries), path, raw);
}

const jsonType = (raw: unknown) =>
  Array.isArray(raw) ? 'array' : raw === null ? 'null' : isObject(raw) ? 'object' : typeof raw;

const OPTION_TYPES: Record<string, string> = { object: 'object', record: 'object', array: 'array' };

/** A union (text or a map; text or a number): read by the one option the value's type fits. */
function readUnion(
  ctx: Context,
  base: Schema & v.UnionSchema<Schema[], undefined>,
  schema: Schema,
  raw: unknown,
  path: Path,
): Read {
  const type = jsonType(raw);
  let fits = base.options.filter((option) => {
    const inner = partsOf(option).base as Schema & { literal?: unknown };
    const optionType = inner.type === 'literal' ? typeof inner.literal : inner.type;
    return (OPTION_TYPES[optionType] ?? optionType) === type;
  });
  if (fits.length > 1 && isObject(raw)) {
    // Objects told apart by their `type` (a GeoJSON FeatureCollection, or a map of files).
    const typed = fits.filter((option) => literalType(option) !== undefined);
    const match =
      typed.find((option) => literalType(option) === raw.type) ??
      ('type' in raw && typed.length === 1 ? typed[0] : undefined); // a `type` mistyped
    fits = match ? [match] : fits.filter((option) => !typed.includes(option));
  } else if (fits.length > 1) {
    // Text for a country code or "other": the option that takes it as it is, else the one
    // with an obvious other form for it.
    const exact = fits.find((option) => v.is(option, raw));
    const normalizing = fits.filter((option) => rulesOf(option).normalize);
    if (exact) fits = [exact];
    else if (normalizing.length === 1) fits = normalizing;
  }
  if (fits.length === 1) return readValue(ctx, fits[0], raw, path);
  const result = readLeaf(ctx, schema, raw, path);
  if (result.ok) return result;
  const expected = schemaWords(base, result.failure.expected);
  // A value of no option's type (a list for text: valibot's record takes arrays) is wrong whole.
  return fail(fits.length ? { ...result.failure, expected } : { path, expected, found: raw });
}

/** For an object schema whose `type` field is a literal: that literal. */
function literalType(schema: Schema): unknown {
  const type = partsOf(schema).fields?.find((f) => f.key === 'type')?.schema;
  return type && partsOf(type).base.type === 'literal'
    ? (partsOf(type).base as unknown as { literal: unknown }).literal
    : undefined;
}

/** The field dropped at `path` while reading the current entry (its problems start at `mark`). */
function findProblem(ctx: Context, mark: number, path: string): Problem | undefined {
  for (let i = mark; i < ctx.problems.length; i++) {
    const problem = ctx.problems[i];
    if (problem.path === path && problem.outcome === 'field dropped') return problem;
  }
  return undefined;
}

/** A hub as the widgets use it: the feature's properties with its id and position. */
function toHub(ctx: Context, value: unknown, where: Path, mark: number): Hub {
  const feature = value as { id: string; geometry: { coordinates: number[] }; properties: Hub };
  const hub = feature.properties; // made by this walk: no one else holds it
  hub.id = feature.id;
  hub.lon = feature.geometry.coordinates[0];
  hub.lat = feature.geometry.coordinates[1];
  const problem =
    hub.timezone === undefined && ctx.problems.length > mark
      ? findProblem(ctx, mark, pathText(down(down(where, 'properties'), 'timezone')))
      : undefined;
  if (problem) {
    // An unknown zone: the hours are read in the country's, where it has only one.
    const zone = countryTimeZone(hub.country);
    if (zone) {
      hub.timezone = zone;
      problem.outcome = 'value normalized';
      problem.normalized = shorten(zone);
      delete problem.dropped;
      problem.note = `opening hours read in ${zone}, the time zone of ${hub.country}`;
    } else {
      problem.note = "opening hours read in the visitor's time zone";
    }
  }
  return hub;
}

/** What an entry becomes once read, by its schema. */
const finishers = new Map<
  unknown,
  (ctx: Context, value: unknown, where: Path, mark: number) => unknown
>([[HubFeatureSchema, toHub]]);

/**
 * Read a parsed JSON document: a JSON Feed 1.1 document (with the optional `_migration_info`
 * extension) or a bare GeoJSON FeatureCollection of hubs.
 *
 * @param baseUrl the URL the document came from; relative URLs in it resolve against it.
 */
export function readFeed(raw: unknown, baseUrl: string): ReadResult {
  const ctx: Context = { base: baseUrl, problems: [], entry: { path: undefined, raw: undefined } };
  const isCollection = isObject(raw) && raw.type === 'FeatureCollection';
  const looksLikeFeed = isObject(raw) && ('items' in raw || 'version' in raw);
  if (!isCollection && !looksLikeFeed) {
    report(
      ctx,
      {
        path: undefined,
        expected:
          'a JSON Feed 1.1 document (with "version" and "items") or a GeoJSON FeatureCollection',
        found: raw,
      },
      'document unusable',
    );
    return { feed: undefined, problems: ctx.problems };
  }
  const result = readValue(
    ctx,
    (isCollection ? FeatureCollectionSchema : JsonFeedSchema) as Schema,
    raw,
    undefined,
  );
  if (!result.ok) {
    const fatal = ctx.problems.length;
    report(ctx, result.failure, 'document unusable');
    ctx.problems.unshift(...ctx.problems.splice(fatal));
    return { feed: undefined, problems: ctx.problems };
  }
  const empty = { items: [], quizzes: [], hubs: [], hubParts: [], campaigns: [] };
  if (isCollection) {
    const { features } = result.value as { features: Hub[] };
    return { feed: { kind: 'hubs', ...empty, hubs: features }, problems: ctx.problems };
  }
  const doc = result.value as {
    title?: Feed['title'];
    language?: string;
    items: NewsItem[];
    _migration_info?: {
      quizzes?: Quiz[];
      hubs?: { features: Hub[] } | string | Record<string, string>;
      campaigns?: Campaign[];
      report?: string;
    };
  };
  const info = doc._migration_info;
  const hubs = info?.hubs;
  return {
    feed: {
      kind: 'feed',
      ...empty,
      title: doc.title,
      language: doc.language,
      items: doc.items,
      quizzes: info?.quizzes ?? [],
      hubs:
        typeof hubs === 'object' && Array.isArray(hubs.features) ? (hubs.features as Hub[]) : [],
      hubParts:
        typeof hubs === 'string'
          ? [{ url: hubs }]
          : hubs && !Array.isArray(hubs.features)
            ? Object.entries(hubs as Record<string, string>).map(([country, url]) => ({
                country,
                url,
              }))
            : [],
      campaigns: info?.campaigns ?? [],
      report: info?.report,
    },
    problems: ctx.problems,
  };
}
