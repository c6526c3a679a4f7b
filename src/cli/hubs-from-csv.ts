/// <reference types="node" />
/**
 * `mi-feed hubs-from-csv <file.csv>`: a spreadsheet of hubs → the GeoJSON FeatureCollection of a
 * feed, streamed: the file is read in chunks and each row written as soon as it is read, so a
 * sheet of a million rows runs in bounded memory. Each row is read by the widgets' own reader
 * (`readFeed`): a row without a name or a usable position is left out, a bad optional value is
 * left out of its row, an obvious other form is written in its normal one — each said on stderr
 * with the line of the file.
 */
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { access, constants, open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { LANG_TAG } from '../feed/forms.js';
import type { Problem } from '../feed/problems.js';
import { readFeed } from '../feed/read.js';
import { readColumns, TEXT_COLUMNS, type Columns } from './csv-columns.js';
import { IdLines } from './csv-ids.js';
import {
  checkUtf8,
  CsvTokenizer,
  detectDelimiter,
  hasFirstLine,
  MAX_VALUE,
  NotUtf8Error,
  type CsvError,
  type CsvRecord,
} from './csv-records.js';
import { q, rowToFeature, type NoteKind, type RawFeature, type RowNote } from './csv-row.js';
import { HXL_RULES, isHashtagRow, ruleText } from './hxl.js';
import { escapeControl, EXIT, plural, UsageError, type ExitCode, type Io } from './io.js';

/** The HXL part of the help: each hub column and the hashtags that fill it, from {@link HXL_RULES}. */
function hxlTable(): string {
  const byColumn = new Map<string, string[]>();
  for (const rule of HXL_RULES) {
    byColumn.set(rule.column, [...(byColumn.get(rule.column) ?? []), ruleText(rule)]);
  }
  return [...byColumn]
    .map(([column, tags]) => `    ${column.padEnd(13)}  ${tags.join(', ')}`)
    .join('\n');
}

export const CSV_HELP = `mi-feed hubs-from-csv <file.csv>
  Turns a spreadsheet export (CSV) into a GeoJSON FeatureCollection of hubs, written to
  standard output, or to a file with --out, read row by row by the widgets' own rules. On
  standard error, with its line in the file: every row left out (no name, no usable position,
  a repeated id, a broken row) and why; every value left out of a row that is still written
  ("warning:", e.g. a telephone number without its country code); every value written in its
  normal form ("note:", e.g. "+502 2233-4455" as "+50222334455", "gt" as "GT").
    --out <file>   write the GeoJSON to this file (written whole or not at all)
    --lang <tag>   the language of the plain text columns (name, organization, address,
                   locality, notes, status_notice, eligibility, cost, documents,
                   accessibility), when the sheet also has translations of them (name_en, …);
                   e.g. --lang es

  The file: UTF-8 (with or without BOM), comma- or semicolon-separated (detected; Excel's
  "sep=;" first line too), a header row naming the columns, in any order and any case; values
  with the separator, quotes or line breaks in double quotes ("a ""quoted"" word"); empty
  lines are skipped. It is read as a stream and each hub written as soon as its row is read:
  memory stays bounded whatever the number of rows, only a 12-byte fingerprint of each id is
  kept, to find repeated ones. A million rows (213 MB of CSV, 1 GB of GeoJSON) peaked at
  149 MB of memory (145 MB with node --max-old-space-size=64), in about a minute.

  Columns (* required):
    id             unique id of the hub (optional; must not repeat)
    name *         the hub's name
    name_es, name_en, …
                   its name in a language (any language tag after "name_"); the same
                   suffix works on organization, address, locality, notes, status_notice,
                   eligibility, cost, documents and accessibility
    organization, address, locality
    country        ISO 3166-1 alpha-2 code: GT, HN, SV, MX, … (gt or Guatemala are read as GT)
    latitude *     decimal degrees, -90 to 90 (e.g. 16.7833; a decimal comma is fine)
    longitude *    decimal degrees, -180 to 180 (west is negative: -90.1167)
    services       separated by ; or | — information, legal, psychosocial, health,
                   shelter, documentation, or your own
    languages      language tags separated by ; or | — es; kek; en
    phone, whatsapp
                   international form with the country code: +50212345678 (spaces, dashes
                   and brackets are fine: +502 1234-5678)
    email, url     url must start with https:// or http:// (www.… is read as https://www.…)
    timezone       IANA time zone: America/Guatemala
    hours          e.g. "mo-fr 08:00-16:00; sa 08:00-12:00" (days mo tu we th fr sa su,
                   or lu ma mi ju vi sa do; several times: "mo-fr 08:00-12:00, 14:00-17:00")
    closed_on      dates (year-month-day, in the hub's time zone) when the hub is closed
                   although its hours say open, separated by ; or | — ranges with ".." (or
                   "/", "–", " - ", "to", "al"), each perhaps with why after it:
                   "2026-12-24; 2026-12-25 Navidad; 2026-12-31..2027-01-01 New Year"
    special_hours  dates with other hours than the weekly ones, the same way, then times:
                   "2026-12-31 08:00-12:00; 2027-01-02..2027-01-03 09:00-12:00, 14:00-16:00"
                   (perhaps with why after the times). A bad date or range is left out, the
                   others kept; both columns give the feed's hours_exceptions
    status         "active" or "temporarily closed" (any case; "activo", "cerrado
                   temporalmente" too)
    status_notice  what a temporarily closed hub tells visitors (where to go meanwhile)
    reopens        the date it opens again: 2026-08-03
    eligibility    who the hub serves: "Personas migrantes y sus familias"
    cost           what a visit costs: "Consulta Q25"; free, gratis, gratuito, gratuita,
                   gratuit, grátis, sin costo or 0 (any case) are written as "free"
    documents      documents to bring: "DPI o pasaporte, si lo tiene"
    accessibility  access for people with disabilities: "Entrada sin escalones"
    verified       the day someone last checked the row: 2026-11-20 (mi-feed validate
                   lists the hubs verified more than a year ago)
    report         where to report wrong information: an https:// URL or an e-mail address
    notes
  Spanish names work too (nombre, nombre_en, organización, dirección, localidad, país,
  latitud, longitud, servicios, idiomas, teléfono, correo, web, zona_horaria, horario,
  notas, cerrado_el, horario_especial, estado, aviso_estado, reabre, a_quien_atiende or
  requisitos, costo, documentos, accesibilidad, verificado, reportar), and lat, lon or lng.

  HXL: a row of HXL hashtags (#loc+name, #geo+lat, …) can take the header's place, or go
  right under it (then the hashtags decide, and the names serve the columns without one).
  Attributes in any order and case, extra ones allowed (#loc +name +facility is a name); the
  rule with the most attributes wins; a rule without attributes takes only the bare hashtag.
  +i_es, +i_en, … give a text column's language (#loc+name+i_es is name_es). Where several
  columns fill one hub column, the first listed (then the leftmost) that is not empty is read:
  locality comes from #adm5 … #adm1, the most precise first. Other hashtags are ignored, with
  a warning.
${hxlTable()}
    (#geo+coord holds "latitude, longitude" in one cell.)

  Example (mi-feed hubs-from-csv hubs.csv --out hubs.geojson):
    id,name_es,name_en,country,latitude,longitude,services,hours
    la-libertad,Centro La Libertad,La Libertad Hub,GT,16.7833,-90.1167,information;legal,mo-fr 08:00-16:00
  Holidays, other hours on a day, a closure for a while:
    id,name,latitude,longitude,closed_on,special_hours,status,reopens
    coban,Centro Cobán,15.4725,-90.3707,2026-12-25 Navidad,2026-12-31 08:00-12:00,,
    salama,Centro Salamá,15.1031,-90.3186,,,temporarily closed,2026-08-03

  Exit: 0 every row and value written (some perhaps in their normal form, each with a note);
  1 a row or a value left out; 2 a file that cannot be read (missing, a directory, not UTF-8),
  a sheet without the required columns, or an --out that cannot be written.
`;

const CHUNK = 64 * 1024;
/** How many lines of bad rows the summary lists. */
const SHOWN_LINES = 20;

const BROKEN_ROW: Record<CsvError, string> = {
  MissingQuotes:
    'a quoted value is not closed (a " is missing): the rest of the file was read as part of it',
  InvalidQuotes:
    'a value has a " inside but is not quoted as a whole: put the value in quotes and double its quotes ("")',
  TooLong: `a value is longer than ${MAX_VALUE.toLocaleString('en')} characters`,
};

const WRAP_START = '{\n  "f": [\n'.length;
const WRAP_END = '\n  ]\n}'.length;

/** Where the GeoJSON goes: written in pieces, waiting for the stream to take them. */
class Output {
  private buffer = '';
  private count = 0;

  constructor(private readonly stream: Writable) {}

  get features(): number {
    return this.count;
  }

  start(): void {
    this.buffer += '{\n  "type": "FeatureCollection",\n  "features": [';
  }

  /** One feature, indented as `JSON.stringify(collection, null, 2)` would. */
  add(feature: object): void {
    // Indented by JSON.stringify itself, as the first element of a list in an object.
    const json = JSON.stringify({ f: [feature] }, null, 2);
    this.buffer += `${this.count ? ',' : ''}\n${json.slice(WRAP_START, -WRAP_END)}`;
    this.count++;
  }

  finish(): void {
    this.buffer += this.count ? '\n  ]\n}\n' : ']\n}\n';
  }

  async flush(): Promise<void> {
    await write(this.stream, this.buffer);
    this.buffer = '';
  }
}

/** Write, and wait when the stream asks to (backpressure). */
async function write(stream: Writable, text: string): Promise<void> {
  if (!text) return;
  // A stream that has failed (a full disk) would never ask for more: say why instead.
  if (stream.errored) throw stream.errored;
  if (!stream.write(text)) await once(stream, 'drain');
}

/** The column a problem of the reader is about: `features[0].properties.phone` → `phone`. */
function columnOf(path: string): string {
  const rest = path.replace(/^features\[0\]\.?/, '');
  if (rest.startsWith('geometry')) return 'position';
  const m = /^properties\.(\w+)(?:\.([A-Za-z][\w-]*)|\["([^"]+)"\])?/.exec(rest);
  if (!m) return rest || 'row';
  const field = m[1] === 'opening_hours' ? 'hours' : m[1];
  const lang = m[2] ?? m[3];
  return lang && (TEXT_COLUMNS as readonly string[]).includes(field) ? `${field}_${lang}` : field;
}

/** A problem of the reader as a note on the row. */
function problemNote(problem: Problem, feature: RawFeature): RowNote {
  const column = columnOf(problem.path);
  const more = problem.note ? `; ${problem.note}` : '';
  if (problem.outcome === 'value normalized') {
    return {
      kind: 'normalized',
      text: `${column} ${problem.found} written as ${problem.normalized ?? '?'}${more}`,
    };
  }
  if (problem.outcome === 'field dropped') {
    const raw = feature.properties[column];
    const hint =
      (column === 'phone' || column === 'whatsapp') && typeof raw === 'string' && /^\d+$/.test(raw)
        ? ' (format the column as text so the spreadsheet keeps the "+")'
        : '';
    return {
      kind: 'dropped',
      text: `${column} ${problem.found} left out: expected ${problem.expected}${hint}${more}`,
    };
  }
  const found = problem.found === 'nothing' ? 'is missing' : problem.found;
  return { kind: 'bad', text: `${column} ${found}: expected ${problem.expected}${more}` };
}

interface Destination {
  stream: Writable;
  /** Make the output final (close and rename a file); undefined for stdout. */
  commit?: () => Promise<void>;
  /** Throw the output away (a file half written). */
  discard?: () => Promise<void>;
  /** What relative URLs would resolve against. */
  base: string;
}

/** `--out`: checked before anything is read, written to a file beside it, renamed at the end. */
async function openOut(out: string, cwd: string): Promise<Destination> {
  const path = resolve(cwd, out);
  const label = `--out ${escapeControl(out)}`;
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) {
    throw new UsageError(`${label} is a directory: give a file name, such as hubs.geojson`);
  }
  const folder = dirname(path);
  const folderInfo = await stat(folder).catch(() => undefined);
  if (!folderInfo) {
    throw new UsageError(`${label}: the directory ${escapeControl(folder)} does not exist`);
  }
  if (!folderInfo.isDirectory()) {
    throw new UsageError(`${label}: ${escapeControl(folder)} is not a directory`);
  }
  if (info) {
    try {
      await access(path, constants.W_OK);
    } catch {
      throw new UsageError(`${label} cannot be written: permission denied`);
    }
  }
  const temporary = join(folder, `.${basename(path)}.${process.pid}.tmp`);
  let handle: FileHandle;
  try {
    handle = await open(temporary, 'w');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason =
      code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'permission denied'
        : escapeControl(String((error as Error).message).split('\n', 1)[0]);
    throw new UsageError(`${label} cannot be written: ${reason}`);
  }
  const stream = handle.createWriteStream();
  // Its errors are read from `stream.errored` at the next write, or when it is finished.
  stream.on('error', () => undefined);
  return {
    stream,
    base: pathToFileURL(path).href,
    commit: async () => {
      stream.end();
      await finished(stream);
      await rename(temporary, path);
    },
    discard: async () => {
      stream.destroy();
      await handle.close().catch(() => undefined);
      await unlink(temporary).catch(() => undefined);
    },
  };
}

/** The input file: exists, is a file. */
async function checkInput(source: string, cwd: string): Promise<string> {
  const path = resolve(cwd, source);
  const label = escapeControl(source);
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new UsageError(`cannot read ${label}: it is a directory`);
    await access(path, constants.R_OK);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as { code?: unknown }).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'ENOTDIR'
            ? 'a part of the path is not a directory'
            : escapeControl(String((error as Error).message).split('\n', 1)[0]);
    throw new UsageError(`cannot read ${label}: ${reason}`);
  }
  return path;
}

const UTF8_HINT =
  'in Excel save it as "CSV UTF-8"; in LibreOffice choose the character set "Unicode (UTF-8)"';

/**
 * `mi-feed hubs-from-csv <file.csv> [--out <file>] [--lang <tag>]`.
 *
 * @returns 0 when every row was written as it is in the sheet, 1 when a row or a value was left
 *   out or a value normalized.
 * @throws UsageError (exit 2) for bad arguments, a file that cannot be read or is not UTF-8, a
 *   sheet without the required columns, an `--out` that cannot be written.
 */
export async function hubsFromCsv(args: string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    options: { out: { type: 'string', short: 'o' }, lang: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length !== 1)
    throw new UsageError('hubs-from-csv needs one CSV file: mi-feed hubs-from-csv <file.csv>');
  const lang = values.lang;
  if (lang !== undefined && !LANG_TAG.test(lang)) {
    throw new UsageError(
      `--lang ${escapeControl(JSON.stringify(lang))} is not a language tag such as "es"`,
    );
  }
  const [source] = positionals;
  const path = await checkInput(source, io.cwd);
  const destination: Destination = values.out
    ? await openOut(values.out, io.cwd)
    : { stream: io.stdout, base: pathToFileURL(path).href };
  try {
    try {
      await checkUtf8(path);
    } catch (error) {
      if (error instanceof NotUtf8Error) {
        throw new UsageError(
          `${escapeControl(source)} is not UTF-8 text (line ${error.line}): ${UTF8_HINT}`,
        );
      }
      throw error;
    }
    const { code, summary } = await convert(path, source, values.out, lang, destination, io);
    await destination.commit?.();
    await write(io.stderr, summary);
    return code;
  } catch (error) {
    await destination.discard?.();
    throw error;
  }
}

/**
 * The conversion proper, once the input and the output are known to be usable: the exit code,
 * and the last line to print once the output is in place.
 */
async function convert(
  path: string,
  source: string,
  out: string | undefined,
  lang: string | undefined,
  destination: Destination,
  io: Io,
): Promise<{ code: ExitCode; summary: string }> {
  const label = escapeControl(source);
  const output = new Output(destination.stream);
  let messages = '';
  const say = (line: number | undefined, text: string) => {
    messages += `${label}: ${line === undefined ? '' : `line ${line}: `}${escapeControl(text)}\n`;
  };
  const counts: Record<NoteKind, number> = { bad: 0, dropped: 0, normalized: 0, advice: 0 };
  /** The first lines of bad rows, for the summary. */
  const badLines: number[] = [];
  const ids = new IdLines();

  let tokenizer: CsvTokenizer | undefined;
  let header: CsvRecord | undefined;
  let columns: Columns | undefined;
  const useColumns = (head: CsvRecord | undefined, tags: CsvRecord | undefined): Columns => {
    const result = readColumns(head?.cells, tags?.cells, lang);
    for (const { row, text } of result.warnings) {
      say((row === 'header' ? head : tags)?.line, `warning: ${text}`);
    }
    output.start();
    return (columns = result.columns);
  };

  const dataRow = (record: CsvRecord, columns: Columns) => {
    const notes: RowNote[] = [];
    if (record.error) notes.push({ kind: 'bad', text: BROKEN_ROW[record.error] });
    if (record.cells.slice(columns.width).some((c) => c.trim())) {
      notes.push({
        kind: 'bad',
        text:
          `${record.cells.length} values but the header has ${columns.width} columns: ` +
          `a value with a "${tokenizer?.separator ?? ','}" in it must be in double quotes`,
      });
    }
    let written: object | undefined;
    if (!notes.length) {
      const row = rowToFeature(columns, record.cells, lang);
      notes.push(...row.notes);
      if (row.feature) {
        const { feed, problems } = readFeed(
          { type: 'FeatureCollection', features: [row.feature] },
          destination.base,
        );
        for (const problem of problems) notes.push(problemNote(problem, row.feature));
        const hub = feed?.hubs[0];
        if (hub) {
          const { id, lon, lat, ...properties } = hub;
          // A hub without an id is called hub-<its place in the collection> by the widgets.
          const given = row.feature.id !== undefined;
          const name = given ? id : `hub-${output.features + 1}`;
          const first = ids.firstSeen(name, record.line, !given);
          if (first) {
            notes.push({
              kind: 'bad',
              text: !given
                ? `this row has no id, and the widgets would call it ${q(name)}, the id of ` +
                  `line ${first.line}: give it an id of its own`
                : first.derived
                  ? `id ${q(id)} is the one the widgets give the row without an id on line ` +
                    `${first.line}: use another`
                  : `id ${q(id)} repeats line ${first.line}`,
            });
          } else {
            written = {
              type: 'Feature',
              ...(given ? { id } : {}),
              geometry: { type: 'Point', coordinates: [lon, lat] },
              properties,
            };
          }
        } else if (!notes.some((n) => n.kind === 'bad')) {
          notes.push({ kind: 'bad', text: 'the widgets cannot use this row' });
        }
      }
    }
    if (written) output.add(written);
    else if (++counts.bad <= SHOWN_LINES) badLines.push(record.line);
    for (const note of notes) {
      if (written) counts[note.kind]++;
      // A row left out: why, and what else to fix in it (not what would have been normalized).
      else if (note.kind === 'normalized' || note.kind === 'advice') continue;
      const prefix = { bad: '', dropped: 'warning: ', advice: 'warning: ', normalized: 'note: ' };
      say(record.line, `${prefix[note.kind]}${note.text}`);
    }
  };

  const take = async (records: readonly CsvRecord[]) => {
    for (const record of records) {
      if (!record.error && record.cells.every((c) => !c.trim())) continue;
      if (columns) dataRow(record, columns);
      else if (!header) {
        if (isHashtagRow(record.cells)) useColumns(undefined, record);
        else header = record;
      } else if (isHashtagRow(record.cells)) useColumns(header, record);
      else dataRow(record, useColumns(header, undefined));
    }
    await output.flush();
    await write(io.stderr, messages);
    messages = '';
  };

  const decoder = new TextDecoder('utf-8', { fatal: true });
  let head = '';
  const pushText = async (text: string, last: boolean) => {
    if (!tokenizer) {
      head += text;
      if (!last && !hasFirstLine(head) && head.length < MAX_VALUE) return;
      const { delimiter, start } = detectDelimiter(head);
      tokenizer = new CsvTokenizer(delimiter, start ? 2 : 1);
      text = head.slice(start);
      head = '';
    }
    await take(tokenizer.push(text));
  };
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
      await pushText(decoder.decode(chunk as Buffer, { stream: true }), false);
    }
    await pushText(decoder.decode(), true);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
      throw new UsageError(`${label} is not UTF-8 text (it changed while it was read)`);
    }
    throw error;
  }
  await take(tokenizer?.end() ?? []);
  if (!columns) {
    if (!header) throw new UsageError(`${label} has no header row`);
    useColumns(header, undefined);
  }

  output.finish();
  await output.flush();
  const where = out ? ` to ${escapeControl(out)}` : '';
  const shown = badLines.join(', ') + (counts.bad > SHOWN_LINES ? ', …' : '');
  const parts = [`${plural(output.features, 'hub')} written${where}`];
  if (counts.bad) {
    parts.push(
      `${plural(counts.bad, 'bad row')} left out (line${counts.bad > 1 ? 's' : ''} ${shown})`,
    );
  }
  const values: string[] = [];
  if (counts.dropped) values.push(`${plural(counts.dropped, 'value')} left out`);
  if (counts.normalized) values.push(`${plural(counts.normalized, 'value')} normalized`);
  if (values.length) parts.push(`in the rows written: ${values.join(', ')}`);
  await write(io.stderr, messages);
  return {
    // A sheet is written by people: its values in their usual forms are converted, not faults.
    code: counts.bad || counts.dropped ? EXIT.problems : EXIT.ok,
    summary: `${label}: ${parts.join('; ')}\n`,
  };
}
