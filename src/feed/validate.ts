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
  type Feed,
  type Hub,
  type Quiz,
} from './schema.js';

/** Thrown when a document is unusable as a whole. */
export class FeedSchemaError extends Error {
  override name = 'FeedSchemaError';
}

interface Context {
  base: string;
  warnings: string[];
  quiet: boolean;
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  return path ? `field "${path}" ${issue.message}` : issue.message;
}

function warn(ctx: Context, message: string): void {
  ctx.warnings.push(message);
  if (!ctx.quiet) console.warn(`[mi-widgets] ${message}`);
}

function idOf(raw: unknown): string {
  if (raw && typeof raw === 'object' && 'id' in raw) {
    const id = (raw as { id: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number')
      return ` (id "${String(id).slice(0, 80)}")`;
  }
  return '';
}

/**
 * Validate each entry of a list; an invalid entry is skipped with one warning that names it and
 * its first bad field, and so is an entry whose id repeats an earlier one.
 */
function validateList<S extends v.GenericSchema, T = v.InferOutput<S>>(
  ctx: Context,
  list: readonly unknown[],
  schema: S,
  where: string,
  finish: (value: v.InferOutput<S>, index: number) => T = (value) => value as T,
  idFor: (value: T) => string = (value) => (value as { id: string }).id,
): T[] {
  const out: T[] = [];
  const seen = new Set<string>();
  list.forEach((raw, index) => {
    const result = v.safeParse(schema, raw);
    const label = `${where}[${index}]${idOf(raw)}`;
    if (!result.success) {
      warn(ctx, `Skipped ${label}: ${describeIssue(result.issues[0])}.`);
      return;
    }
    const value = finish(result.output, index);
    const id = idFor(value);
    if (seen.has(id)) {
      warn(ctx, `Skipped ${label}: its id repeats an earlier entry's.`);
      return;
    }
    seen.add(id);
    out.push(value);
  });
  return out;
}

/** Make a URL the schema accepted (absolute, or relative to the feed) absolute. */
function absolute(ctx: Context, url: string): string;
function absolute(ctx: Context, url: string | undefined): string | undefined;
function absolute(ctx: Context, url: string | undefined): string | undefined {
  return url === undefined ? undefined : new URL(url, ctx.base).href;
}

function validateHubs(ctx: Context, features: readonly unknown[], where: string): Hub[] {
  return validateList(ctx, features, HubFeatureSchema, where, (feature, index) => ({
    ...feature.properties,
    url: absolute(ctx, feature.properties.url),
    id: feature.id ?? `hub-${index + 1}`,
    lon: feature.geometry.coordinates[0],
    lat: feature.geometry.coordinates[1],
  }));
}

function validateQuizzes(ctx: Context, quizzes: readonly unknown[]): Quiz[] {
  return validateList(ctx, quizzes, QuizSchema, '_migration_info.quizzes', (quiz, index) => ({
    ...quiz,
    questions: validateList(
      ctx,
      quiz.questions,
      QuestionSchema,
      `_migration_info.quizzes[${index}].questions`,
      (q) => ({ ...q, source: q.source && { ...q.source, url: absolute(ctx, q.source.url) } }),
    ),
  }));
}

/** Read each part of `_migration_info` on its own, so one bad part does not hide the others. */
function migrationInfo(ctx: Context, raw: unknown): v.InferOutput<typeof MigrationInfoSchema> {
  if (raw === undefined) return {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    warn(ctx, 'Ignored _migration_info: must be an object.');
    return {};
  }
  const info: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(MigrationInfoSchema.entries)) {
    const value = (raw as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const parsed = v.safeParse(schema, value);
    if (parsed.success) info[key] = parsed.output;
    else warn(ctx, `Ignored _migration_info.${key}: ${describeIssue(parsed.issues[0])}.`);
  }
  return info;
}

/**
 * Turn a parsed JSON document into a {@link Feed}. Accepts a JSON Feed 1.1 document (with the
 * optional `_migration_info` extension) or a bare GeoJSON FeatureCollection of hubs.
 *
 * @param base the URL the document came from; relative URLs in it resolve against it.
 * @throws FeedSchemaError when the document is unusable as a whole.
 */
export function validateFeed(raw: unknown, base: string, { quiet = false } = {}): Feed {
  const ctx: Context = { base, warnings: [], quiet };
  const empty: Feed = { items: [], quizzes: [], hubs: [], campaigns: [], warnings: ctx.warnings };

  const collection = v.safeParse(FeatureCollectionSchema, raw);
  if (collection.success) {
    return { ...empty, hubs: validateHubs(ctx, collection.output.features, 'features') };
  }

  const doc = v.safeParse(JsonFeedSchema, raw);
  if (!doc.success) {
    const looksLikeFeed =
      raw !== null && typeof raw === 'object' && ('items' in raw || 'version' in raw);
    throw new FeedSchemaError(
      looksLikeFeed
        ? `Not a valid JSON Feed: ${describeIssue(doc.issues[0])}.`
        : 'Not a JSON Feed 1.1 document nor a GeoJSON FeatureCollection.',
    );
  }
  const feed = doc.output;
  const items = validateList(ctx, feed.items, NewsItemSchema, 'items', (item) => ({
    ...item,
    url: absolute(ctx, item.url),
    external_url: absolute(ctx, item.external_url),
    image: absolute(ctx, item.image),
    banner_image: absolute(ctx, item.banner_image),
    authors: item.authors?.map((a) => ({
      ...a,
      url: absolute(ctx, a.url),
      avatar: absolute(ctx, a.avatar),
    })),
  }));

  const info = migrationInfo(ctx, feed._migration_info);
  return {
    ...empty,
    title: feed.title,
    language: typeof feed.language === 'string' ? feed.language : undefined,
    items,
    quizzes: validateQuizzes(ctx, info.quizzes ?? []),
    hubs: validateHubs(ctx, info.hubs?.features ?? [], '_migration_info.hubs.features'),
    campaigns: validateList(
      ctx,
      info.campaigns ?? [],
      CampaignSchema,
      '_migration_info.campaigns',
      (c) => ({
        ...c,
        image: c.image && { ...c.image, url: absolute(ctx, c.image.url) },
        cta: c.cta && { ...c.cta, url: absolute(ctx, c.cta.url) },
      }),
    ),
  };
}
