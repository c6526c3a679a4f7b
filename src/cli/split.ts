/// <reference types="node" />
/**
 * `mi-feed split <feed-file-or-url> --out <dir>`: the hubs of a big feed in one GeoJSON file per
 * country, and the feed with `_migration_info.hubs` pointing at them, so that a page fetches only
 * the hubs it shows — a news-only page none. The features are written as the publisher wrote
 * them; only their grouping is the split's. Every file is written whole or not at all.
 */
import { Buffer } from 'node:buffer';
import { mkdir, readdir, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { countryCode, webAddress } from '../feed/forms.js';
import type { Problem } from '../feed/problems.js';
import { readFeed, type ReadResult } from '../feed/read.js';
import { describeProblem, summarizeProblems } from '../feed/report.js';
import { JSON_FEED_VERSION } from '../feed/schema.js';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  formatDuration,
  formatSize,
  parseJson,
  parseSize,
  parseTimeout,
  readInput,
} from './input.js';
import {
  escapeControl,
  EXIT,
  plural,
  UsageError,
  writeLine,
  type ExitCode,
  type Io,
} from './io.js';

export const SPLIT_USAGE =
  'mi-feed split <feed-file-or-url> --out <dir> [--pretty] [--max-size <size>] [--timeout <time>]';

export const SPLIT_HELP = `mi-feed split <feed-file-or-url> --out <dir>
  Splits the hubs of a big feed into one GeoJSON file per country, so that each page fetches
  only the hubs it shows: a hub locator set to a country fetches that country's file first,
  a news-only page no hubs at all. Reads a feed whose _migration_info.hubs is a FeatureCollection, from a
  file or an http(s) URL, and writes to <dir>:
    hubs/gt.geojson, hubs/mx.geojson, …  the hubs of each country, each feature as the feed
                                         has it; the country read as the widgets read it
                                         ("gt" and "Guatemala" are GT)
    hubs/other.geojson                   the hubs with no country the widgets can read
    <the feed's file name or feed.json>  the feed, its _migration_info.hubs now one URL per
                                         country: {"GT": "hubs/gt.geojson", …, "other":
                                         "hubs/other.geojson"}, relative to the feed, so the
                                         folder can be served anywhere
  Every file is written whole or not at all (a temporary file, then renamed), the hub files
  before the feed. Files hubs/<xx>.geojson and hubs/other.geojson of an earlier split that the
  feed no longer names are removed, each said; nothing else is. A bare FeatureCollection is
  split too: then only the hub files are written, and the _migration_info.hubs to paste into
  the feed is printed. Prints the hubs and the size of each file and the feed's size before and
  after, and reads the new feed back as the widgets do. Problems in the hubs themselves stay
  as they are: see them with mi-feed validate.
    --out <dir>        the folder to write to; created if missing
    --pretty           indented JSON (default: compact, the smallest)
    --max-size <size>  read at most this much (default ${formatSize(DEFAULT_MAX_BYTES).replace(' ', '')}; e.g. 200MB, 512KB)
    --timeout <time>   a URL must be read whole within this time (default ${formatDuration(DEFAULT_TIMEOUT_MS).replace(' ', '')})
  Serving the folder:
    the feed         a short cache, so a change shows soon: Cache-Control: max-age=300, or
                     no-cache with an ETag, so browsers revalidate cheaply (a 304, no body)
    hubs/*.geojson   likewise, with an ETag (most CDNs and static hosts send ETag and
                     Last-Modified by themselves)
    compression      gzip or brotli on .json and .geojson; .geojson as application/geo+json
    CORS             Access-Control-Allow-Origin: * when partners' pages are on other origins
`;

/** The hubs of no country the widgets can read. */
const OTHER = 'other';
/** The files a split writes in `hubs/`, and the only ones it ever removes there. */
const PART_FILE = /^(?:[a-z]{2}|other)\.geojson$/;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

interface Part {
  /** `GT`, or `other`. */
  key: string;
  /** Relative to the feed: `hubs/gt.geojson`. */
  url: string;
  features: unknown[];
  text: string;
}

/** A file written beside its final place, renamed into it once everything is written. */
interface Pending {
  path: string;
  temporary: string;
  text: string;
}

const kb = (bytes: number) =>
  `${(bytes / 1024).toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} KB`;
const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

/** A one-line reason from a file system error. */
function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission denied';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'ENOTDIR') return 'a part of the path is not a directory';
  if (code === 'EEXIST') return 'a file is in the way';
  const message = error instanceof Error ? error.message : String(error);
  return escapeControl(message.split('\n', 1)[0]);
}

/** The country a raw feature's hubs file is for: its `properties.country` as the reader reads it. */
function countryOf(feature: unknown): string {
  const country = isObject(feature) && isObject(feature.properties) && feature.properties.country;
  const code = typeof country === 'string' ? countryCode(country) : undefined;
  return code && /^[A-Z]{2}$/.test(code) ? code : OTHER;
}

/** `https://x.org/mi/feed.json?v=2` → `feed.json`; anything that is not a plain `*.json` name → `feed.json`. */
function feedFileName(source: string, base: string): string {
  let name: string;
  try {
    const url = new URL(base);
    name =
      url.protocol === 'file:'
        ? basename(fileURLToPath(url))
        : decodeURIComponent(url.pathname.split('/').pop() ?? '');
  } catch {
    name = basename(source);
  }
  // eslint-disable-next-line no-control-regex
  const plain = /^[^/\\\u0000-\u001f\u007f]+\.json$/i.test(name) && !name.startsWith('.');
  return plain ? name : 'feed.json';
}

/** A path relative to the feed that the reader resolves differently from `hubs/`: `centro.html`. */
function pathRelativeUrl(feature: unknown): string | undefined {
  const url = isObject(feature) && isObject(feature.properties) && feature.properties.url;
  if (typeof url !== 'string' || !url.trim() || webAddress(url)) return undefined;
  return /^\s*(?:[a-z][a-z\d+.-]*:|\/)/i.test(url) ? undefined : url;
}

/** A feature the reader would give an id of its own (`hub-3`, by its place in its file). */
function hasNoId(feature: unknown): boolean {
  if (!isObject(feature)) return false;
  const { id } = feature;
  return id === undefined || id === null || (typeof id === 'string' && !id.trim());
}

/** Stop with one line on stderr, exit 2: a document the split cannot use. */
function stop(io: Io, text: string): ExitCode {
  writeLine(io.stderr, `mi-feed: ${text}`);
  return EXIT.unusable;
}

/** `readFeed`, with a document nested too deeply said in one line. */
function read(raw: unknown, base: string, label: string): ReadResult {
  try {
    return readFeed(raw, base);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new UsageError(
      `cannot read ${label}: it is nested too deeply (${escapeControl(error.message)})`,
    );
  }
}

/** `--out`: a folder, or nothing yet; never a file. Its path. */
async function checkOut(out: string, cwd: string): Promise<string> {
  const path = resolve(cwd, out);
  const label = `--out ${escapeControl(out)}`;
  const info = await stat(path).catch(() => undefined);
  if (info && !info.isDirectory()) {
    throw new UsageError(`${label} is a file, not a folder: give the folder to write to`);
  }
  const hubs = await stat(join(path, 'hubs')).catch(() => undefined);
  if (hubs && !hubs.isDirectory()) {
    throw new UsageError(`${label}: ${escapeControl(join(out, 'hubs'))} is a file, not a folder`);
  }
  return path;
}

/** Write each file beside its place, then rename them all, in order; none left half written. */
async function writeAll(files: readonly Pending[], out: string): Promise<void> {
  const written: Pending[] = [];
  try {
    for (const file of files) {
      await writeFile(file.temporary, file.text);
      written.push(file);
    }
    for (const file of files) await rename(file.temporary, file.path);
  } catch (error) {
    await Promise.all(written.map((f) => unlink(f.temporary).catch(() => undefined)));
    throw new UsageError(`--out ${escapeControl(out)} cannot be written: ${reasonOf(error)}`);
  }
}

/**
 * `mi-feed split <feed-file-or-url> --out <dir> [--pretty] [--max-size <size>] [--timeout <time>]`.
 *
 * @returns 0 when the files are written; 2 (one line on stderr) for a document with no inline
 *   hubs to split (already split, none at all), not a feed, or unusable.
 * @throws UsageError (exit 2) for bad arguments, input that cannot be read or is not JSON, an
 *   `--out` that is a file or cannot be written.
 */
export async function split(args: string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      out: { type: 'string', short: 'o' },
      pretty: { type: 'boolean' },
      'max-size': { type: 'string' },
      timeout: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1 || values.out === undefined) {
    throw new UsageError(
      `split needs one feed and a folder: mi-feed split <feed-file-or-url> --out <dir>`,
    );
  }
  const maxBytes =
    values['max-size'] === undefined ? DEFAULT_MAX_BYTES : parseSize(values['max-size']);
  const timeoutMs =
    values.timeout === undefined ? DEFAULT_TIMEOUT_MS : parseTimeout(values.timeout);
  const out = values.out;
  const outDir = await checkOut(out, io.cwd);
  const [source] = positionals;
  const label = escapeControl(source);

  const input = await readInput(source, {
    cwd: io.cwd,
    maxBytes,
    timeoutMs,
    accept: 'application/feed+json, application/geo+json, application/json;q=0.9, */*;q=0.5',
  });
  const parsed = parseJson(input.text);
  if ('error' in parsed) {
    const { line, column, message } = parsed.error;
    throw new UsageError(
      `${label} is not valid JSON at line ${line}, column ${column}: ${message} (see mi-feed validate)`,
    );
  }
  const doc = parsed.value;

  // What there is to split: the hubs of a feed, or a bare collection.
  const bare = isObject(doc) && doc.type === 'FeatureCollection';
  let collection: unknown;
  if (bare) {
    collection = doc;
  } else if (isObject(doc) && ('items' in doc || 'version' in doc)) {
    const info = doc._migration_info;
    const hubs = isObject(info) ? info.hubs : undefined;
    if (hubs === undefined) {
      return stop(io, `${label} has no hubs to split: it has no _migration_info.hubs`);
    }
    const urls =
      isObject(hubs) &&
      hubs.type === undefined &&
      Object.values(hubs).every((value) => typeof value === 'string');
    if (typeof hubs === 'string' || urls) {
      return stop(
        io,
        `${label} is already split: its _migration_info.hubs is ` +
          `${typeof hubs === 'string' ? 'the URL of a file' : 'one URL per country'}, not the hubs themselves`,
      );
    }
    if (!isObject(hubs) || hubs.type !== 'FeatureCollection') {
      return stop(
        io,
        `${label}: its _migration_info.hubs is not a GeoJSON FeatureCollection (see mi-feed validate)`,
      );
    }
    collection = hubs;
  } else {
    return stop(
      io,
      `${label} is not a feed: expected a JSON Feed 1.1 document with _migration_info.hubs, ` +
        `or a GeoJSON FeatureCollection of hubs`,
    );
  }
  const features = isObject(collection) ? collection.features : undefined;
  const where = bare ? 'it' : 'its _migration_info.hubs';
  if (!Array.isArray(features)) {
    return stop(io, `${label}: ${where} has no list of features to split (see mi-feed validate)`);
  }
  if (!features.length) return stop(io, `${label} has no hubs to split: ${where} has none`);

  // The widgets' reader on the input: an unusable document is not split; its problems are noted.
  const before = read(doc, input.base, label);
  if (!before.feed) {
    const fatal = before.problems.find((p) => p.outcome === 'document unusable');
    return stop(
      io,
      `${label} is unusable: ${escapeControl(fatal ? describeProblem(fatal) : 'the widgets cannot read it')} (see mi-feed validate)`,
    );
  }

  // The features as they are, by country.
  const groups = new Map<string, unknown[]>();
  for (const feature of features) {
    const key = countryOf(feature);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(feature);
  }
  const stringify = (value: unknown) =>
    `${values.pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)}\n`;
  const parts: Part[] = [...groups.keys()].sort().map((key) => {
    const group = groups.get(key) as unknown[];
    const url = `hubs/${key.toLowerCase()}.geojson`;
    return {
      key,
      url,
      features: group,
      text: stringify({ type: 'FeatureCollection', features: group }),
    };
  });
  const map = Object.fromEntries(parts.map((p) => [p.key, p.url]));

  // The feed, its hubs now the map (every other member where it was).
  const feedName = feedFileName(source, input.base);
  const feedPath = join(outDir, feedName);
  let feedText: string | undefined;
  if (!bare) {
    const feed = doc as Json;
    feedText = stringify({
      ...feed,
      _migration_info: { ...(feed._migration_info as Json), hubs: map },
    });
  }

  // Read back as the widgets would read it where it will be: every part named, no problem with it.
  const feedUrl = pathToFileURL(feedPath).href;
  const after = read(
    feedText === undefined
      ? { version: JSON_FEED_VERSION, items: [], _migration_info: { hubs: map } }
      : JSON.parse(feedText),
    feedUrl,
    label,
  );
  const expected = parts.map((p) => `${p.key} ${new URL(p.url, feedUrl).href}`);
  const found = (after.feed?.hubParts ?? []).map((p) => `${p.country} ${p.url}`);
  const hubProblems = after.problems.filter(
    (p) => p.outcome === 'document unusable' || p.path.startsWith('_migration_info.hubs'),
  );
  if (!after.feed || hubProblems.length || found.join('\n') !== expected.join('\n')) {
    const problem = hubProblems[0] ?? after.problems[0];
    return stop(
      io,
      `${label}: the split feed would not read with its hub files` +
        (problem ? `: ${escapeControl(describeProblem(problem))}` : '') +
        '; nothing written',
    );
  }

  // Never write over, or remove, the file being split.
  const hubsDir = join(outDir, 'hubs');
  let inputPath: string | undefined;
  if (input.base.startsWith('file:')) {
    inputPath = await realpath(fileURLToPath(input.base)).catch(() => undefined);
  }
  const real = async (path: string) =>
    join(await realpath(dirname(path)).catch(() => dirname(path)), basename(path));
  const targets = [...parts.map((p) => join(outDir, p.url)), ...(bare ? [] : [feedPath])];
  if (inputPath !== undefined) {
    const clash =
      (await Promise.all(targets.map(real))).includes(inputPath) ||
      (dirname(inputPath) === (await realpath(hubsDir).catch(() => hubsDir)) &&
        PART_FILE.test(basename(inputPath)));
    if (clash) {
      throw new UsageError(
        `--out ${escapeControl(out)} would write over ${label} itself: choose another folder`,
      );
    }
  }

  try {
    await mkdir(hubsDir, { recursive: true });
  } catch (error) {
    throw new UsageError(`--out ${escapeControl(out)} cannot be created: ${reasonOf(error)}`);
  }
  const pending = (path: string, text: string): Pending => ({
    path,
    temporary: join(dirname(path), `.${basename(path)}.${process.pid}.tmp`),
    text,
  });
  // The hub files first, then the feed that names them: a server never serves a feed whose files are missing.
  await writeAll(
    [
      ...parts.map((p) => pending(join(outDir, p.url), p.text)),
      ...(feedText === undefined ? [] : [pending(feedPath, feedText)]),
    ],
    out,
  );

  // Files of an earlier split the feed no longer names.
  const kept = new Set(parts.map((p) => basename(p.url)));
  const removed: string[] = [];
  const failed: string[] = [];
  for (const entry of await readdir(hubsDir, { withFileTypes: true }).catch(() => [])) {
    if (!entry.isFile() || !PART_FILE.test(entry.name) || kept.has(entry.name)) continue;
    try {
      await unlink(join(hubsDir, entry.name));
      removed.push(entry.name);
    } catch (error) {
      failed.push(`${entry.name} (${reasonOf(error)})`);
    }
  }

  report(io, {
    label,
    out,
    bare,
    parts,
    feedName,
    feedBytes: feedText === undefined ? undefined : byteLength(feedText),
    inputBytes: input.bytes,
    total: features.length,
    before: before.problems,
    after: after.problems,
    features,
    removed,
    failed,
    map: values.pretty ? JSON.stringify(map, null, 2) : JSON.stringify(map),
    source,
  });
  return EXIT.ok;
}

interface Summary {
  label: string;
  out: string;
  bare: boolean;
  parts: Part[];
  feedName: string;
  feedBytes: number | undefined;
  inputBytes: number;
  total: number;
  before: readonly Problem[];
  after: readonly Problem[];
  features: readonly unknown[];
  removed: string[];
  failed: string[];
  map: string;
  source: string;
}

/** A word as a shell reads it: `feed.json`, `'my feed.json'`. */
const shellWord = (text: string) =>
  /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;

/** What was written, on stdout: a line per file, then what to know. */
function report(io: Io, s: Summary): void {
  const line = (text = '') => writeLine(io.stdout, text);
  const outLabel = escapeControl(s.out);
  line(
    `${s.label}: ${plural(s.total, 'hub')} in ${plural(s.parts.length, 'file')}` +
      `${s.bare ? '' : ' and the feed'}, written to ${outLabel}`,
  );
  const width = Math.max(...s.parts.map((p) => p.url.length), escapeControl(s.feedName).length);
  const countWidth = Math.max(...s.parts.map((p) => plural(p.features.length, 'hub').length));
  for (const p of s.parts) {
    line(
      `  ${p.url.padEnd(width)}  ${p.key.padEnd(5)}  ${plural(p.features.length, 'hub').padStart(countWidth)}` +
        `  ${kb(byteLength(p.text)).padStart(12)}`,
    );
  }
  if (s.feedBytes !== undefined) {
    line(
      `  ${escapeControl(s.feedName).padEnd(width)}  the feed: ${kb(s.inputBytes)} before, ${kb(s.feedBytes)} after`,
    );
    line(
      `Read back as the widgets read it: the feed names its ${plural(s.parts.length, 'hub file')}` +
        (s.after.length ? '' : ', no problems'),
    );
  } else {
    line(`  (the collection: ${kb(s.inputBytes)})`);
    line();
    line(`Put this in the feed as its _migration_info.hubs (the URLs are relative to a feed in`);
    line(`${outLabel}; the feed must be served from that folder):`);
    for (const text of s.map.split('\n')) line(text);
  }
  for (const name of s.removed) {
    line(
      `Removed hubs/${escapeControl(name)}: left from an earlier split, no longer one of the files`,
    );
  }
  for (const name of s.failed) {
    line(`warning: hubs/${escapeControl(name)} of an earlier split could not be removed`);
  }

  // What to know: hubs the split changes the meaning of, and the reader's problems.
  const relative = s.features.flatMap((f, i) => {
    const url = pathRelativeUrl(f);
    return url === undefined ? [] : [{ i, url }];
  });
  if (relative.length) {
    const [first] = relative;
    line(
      `warning: ${plural(relative.length, 'hub')} with a url relative to the feed (features[${first.i}]: ` +
        `${escapeControl(JSON.stringify(first.url))}): in hubs/ it is read relative to the hub ` +
        `file, one folder down; make it absolute, or start it with "/"`,
    );
  }
  const noId = s.features.filter(hasNoId).length;
  if (noId && s.parts.length > 1) {
    line(
      `warning: ${plural(noId, 'hub')} without an id: the widgets number those of each file ` +
        `from hub-1, so hubs of different countries would share an id; give each hub an id`,
    );
  }
  if (s.before.length) {
    line(
      `The widgets' reader finds problems in ${s.label} (${escapeControl(summarizeProblems(s.before))}); ` +
        `the split leaves them as they are: see them with mi-feed validate ${shellWord(s.label)}`,
    );
  }
}
