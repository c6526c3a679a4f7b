#!/usr/bin/env node
/**
 * mi-feed: tools for the people who publish a Migration Info Widgets feed.
 *
 *   mi-feed validate <file-or-url>            every problem, and what each widget would show
 *   mi-feed hubs-from-csv <file.csv> [--out]  a spreadsheet of hubs → GeoJSON for the feed
 *
 * It runs the widgets' own rules: the compiled schemas in ../lib/feed/ (`npm run build:lib`).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const EXIT_OK = 0;
const EXIT_PROBLEMS = 1;
const EXIT_USAGE = 2;

const HELP = `mi-feed — check a Migration Info Widgets feed, and build its hubs from a spreadsheet

Usage:
  mi-feed validate <file-or-url> [--now <date>]
  mi-feed hubs-from-csv <file.csv> [--out <file.geojson>] [--lang <tag>]
  mi-feed --help | --version

mi-feed validate <file-or-url>
  Reads a feed (a JSON Feed 1.1 document with _migration_info, or a bare GeoJSON
  FeatureCollection of hubs) from a file or an http(s) URL, and checks it with the
  widgets' own rules. Prints every problem with its JSON path (items[2].date_published),
  what was expected and what was found, then what each widget would show: news items by
  language, quizzes and their valid statements, hubs by country, campaigns running now.
    --now <date>   count the campaigns running at this date (ISO 8601) instead of now

mi-feed hubs-from-csv <file.csv>
  Turns a spreadsheet export (CSV) into a GeoJSON FeatureCollection of hubs, written to
  standard output, or to a file with --out. Every bad row is reported on standard error
  with its line number and left out; the good rows are still written.
    --out <file>   write the GeoJSON to this file
    --lang <tag>   the language of the plain name, organization, address, locality and
                   notes columns, when the sheet also has translations of them
                   (name_en, …); e.g. --lang es

  The file: UTF-8 (with or without BOM), comma- or semicolon-separated (detected), a
  header row naming the columns, in any order and any case; values with the separator,
  quotes or line breaks in double quotes ("a ""quoted"" word"); empty lines are skipped.

  Columns (* required):
    id             unique id of the hub (optional; must not repeat)
    name *         the hub's name
    name_es, name_en, …
                   its name in a language (any language tag after "name_"); the same
                   suffix works on organization, address, locality and notes
    organization, address, locality
    country *      ISO 3166-1 alpha-2 code: GT, HN, SV, MX, …
    latitude *     decimal degrees, -90 to 90 (e.g. 16.7833; a decimal comma is fine)
    longitude *    decimal degrees, -180 to 180 (west is negative: -90.1167)
    services       separated by ; or | — information, legal, psychosocial, health,
                   shelter, documentation, or your own
    languages      language tags separated by ; or | — es; kek; en
    phone, whatsapp
                   international form with the country code: +50212345678
    email, url     url must start with https:// or http://
    timezone       IANA time zone: America/Guatemala
    hours          e.g. "mo-fr 08:00-16:00; sa 08:00-12:00" (days mo tu we th fr sa su,
                   or lu ma mi ju vi sa do; several times: "mo-fr 08:00-12:00, 14:00-17:00")
    notes
  Spanish names work too (nombre, nombre_en, organización, dirección, localidad, país,
  latitud, longitud, servicios, idiomas, teléfono, correo, web, zona_horaria, horario,
  notas), and lat, lon or lng.

  Example (mi-feed hubs-from-csv hubs.csv --out hubs.geojson):
    id,name_es,name_en,country,latitude,longitude,services,hours
    la-libertad,Centro La Libertad,La Libertad Hub,GT,16.7833,-90.1167,information;legal,mo-fr 08:00-16:00

Exit codes:
  0  no problems (validate), every row converted (hubs-from-csv)
  1  problems: entries the widgets would skip, a document they cannot use, bad rows
  2  usage error, or input that cannot be read (missing file, network error, not UTF-8,
     a CSV without the required columns)
`;

class UsageError extends Error {}

/** Reads the compiled library lazily, to say what to do when it is missing. */
async function loadLib() {
  try {
    const [schema, problems, validate, text, campaigns] = await Promise.all([
      import('../lib/feed/schema.js'),
      import('../lib/feed/problems.js'),
      import('../lib/feed/validate.js'),
      import('../lib/feed/text.js'),
      import('../lib/campaign-banner/campaigns.js'),
    ]);
    const v = await import('valibot');
    return { ...schema, ...problems, ...validate, ...text, ...campaigns, v };
  } catch (error) {
    throw new UsageError(
      `cannot load the compiled library (${error.message}); run \`npm run build:lib\` first`,
    );
  }
}

// --- validate ------------------------------------------------------------------------------------

/** Where a JSON text stops being JSON: the offset of the first character that is wrong. */
function jsonErrorOffset(text) {
  let i = 0;
  const fail = () => {
    throw i;
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c < ' ') fail();
      if (c === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 5;
        } else if (i < text.length && '"\\/bfnrt'.includes(text[i])) i++;
        else fail();
      } else i++;
    }
    fail();
  };
  const value = () => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') return void i++;
      for (;;) {
        space();
        if (text[i] !== '"') fail();
        string();
        space();
        if (text[i] !== ':') fail();
        i++;
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number) return void (i += number[0].length);
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) return void (i += word.length);
    }
    fail();
  };
  try {
    value();
    space();
    if (i < text.length) fail();
    return undefined;
  } catch (offset) {
    if (typeof offset === 'number') return offset;
    throw offset;
  }
}

/** Line and column (both from 1) of an offset in a text. */
function lineAndColumn(text, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1, lineStart };
}

/** The line of the error, cut around it, with a caret under the spot. */
function excerpt(text, lineStart, column) {
  let end = text.indexOf('\n', lineStart);
  if (end === -1) end = text.length;
  const full = text.slice(lineStart, end).replace(/\r$/, '');
  const from = Math.max(0, column - 1 - 40);
  const shown = full.slice(from, from + 80).replace(/\t/g, ' ');
  const prefix = from > 0 ? '…' : '';
  return `    ${prefix}${shown}${from + 80 < full.length ? '…' : ''}\n    ${' '.repeat(prefix.length + column - 1 - from)}^`;
}

function describeJsonError(text, error) {
  const reason = error.message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, ".*" is not valid JSON$/s, '');
  const fromV8 = /at position (\d+)/.exec(error.message);
  let offset = fromV8 ? Number(fromV8[1]) : (jsonErrorOffset(text) ?? text.length);
  // "Unexpected end": point just after the last thing written, not at an empty last line.
  offset = Math.min(offset, text.trimEnd().length);
  const { line, column, lineStart } = lineAndColumn(text, offset);
  return `not valid JSON at line ${line}, column ${column}: ${reason}\n${excerpt(text, lineStart, column)}`;
}

async function readInput(source) {
  if (/^https?:\/\//i.test(source)) {
    let response;
    try {
      response = await fetch(source, {
        headers: { accept: 'application/feed+json, application/geo+json, application/json' },
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new UsageError(`cannot fetch ${source}: ${error.cause?.message ?? error.message}`);
    }
    if (!response.ok) {
      throw new UsageError(
        `cannot fetch ${source}: HTTP ${response.status} ${response.statusText}`.trim(),
      );
    }
    return { text: await response.text(), base: response.url || source };
  }
  const path = resolve(source);
  let buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    throw new UsageError(
      `cannot read ${source}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`,
    );
  }
  return { text: new TextDecoder().decode(buffer), base: pathToFileURL(path).href };
}

const WIDGETS = [
  ['items', '<mi-news-feed>'],
  ['_migration_info.quizzes', '<mi-quiz>'],
  ['_migration_info.hubs', '<mi-hub-locator>'],
  ['features', '<mi-hub-locator>'],
  ['_migration_info.campaigns', '<mi-campaign-banner>'],
];

function widgetOf(path) {
  return WIDGETS.find(([prefix]) => path.startsWith(prefix))?.[1] ?? 'the widgets';
}

function consequence(problem) {
  if (problem.effect === 'unusable')
    return 'The document is unusable: every widget would show its error state.';
  if (problem.effect === 'ignored')
    return `${problem.entry} is ignored: ${widgetOf(problem.entry)} would show none of it.`;
  return `${problem.entry} is skipped by ${widgetOf(problem.entry)}.`;
}

function countBy(list, key) {
  const counts = new Map();
  for (const entry of list) counts.set(key(entry), (counts.get(key(entry)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
}

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const counted = (counts) => counts.map(([k, n]) => `${k} ${n}`).join(', ');

function summary(lib, feed, now, isHubCollection) {
  const prefs = [feed.language ?? 'en', 'en'];
  const lines = [];
  if (!isHubCollection) {
    lines.push(
      `  <mi-news-feed>        ${plural(feed.items.length, 'news item')}` +
        (feed.items.length
          ? `: ${counted(countBy(feed.items, (i) => i.language ?? feed.language ?? '(no language)'))}`
          : ''),
    );
    lines.push(`  <mi-quiz>             ${plural(feed.quizzes.length, 'quiz', 'quizzes')}`);
    for (const quiz of feed.quizzes) {
      lines.push(
        `                          ${JSON.stringify(quiz.id)} ${JSON.stringify(lib.pickText(quiz.title, prefs))}: ` +
          `${plural(quiz.questions.length, 'valid statement')}` +
          (quiz.questions.length ? '' : ' (the widget would show it as empty)'),
      );
    }
  }
  lines.push(
    `  <mi-hub-locator>      ${plural(feed.hubs.length, 'hub')}` +
      (feed.hubs.length ? `: ${counted(countBy(feed.hubs, (h) => h.country))}` : ''),
  );
  if (!isHubCollection) {
    const running = feed.campaigns.filter((c) => lib.isRunning(c, now));
    lines.push(
      `  <mi-campaign-banner>  ${plural(feed.campaigns.length, 'campaign')}, ` +
        `${running.length} running at ${now.toISOString().slice(0, 16)}Z` +
        (running.length ? `: ${running.map((c) => JSON.stringify(c.id)).join(', ')}` : ''),
    );
  }
  return lines.join('\n');
}

async function validate(args) {
  const { values, positionals } = parseArgs({
    args,
    options: { now: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length !== 1)
    throw new UsageError('validate needs one file or http(s) URL: mi-feed validate <file-or-url>');
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime()))
    throw new UsageError(`--now ${JSON.stringify(values.now)} is not a date`);

  const lib = await loadLib();
  const [source] = positionals;
  const { text, base } = await readInput(source);
  const out = [];
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    console.log(`${source}: ${describeJsonError(text, error)}`);
    console.log('The document is unusable: every widget would show its error state.');
    return EXIT_PROBLEMS;
  }

  const problems = lib.findProblems(doc);
  const byEntry = new Map();
  for (const problem of problems) {
    const group = byEntry.get(problem.entry) ?? [];
    group.push(problem);
    byEntry.set(problem.entry, group);
  }
  out.push(
    problems.length ? `${source}: ${plural(problems.length, 'problem')}` : `${source}: no problems`,
  );
  for (const group of byEntry.values()) {
    out.push('', consequence(group[0]));
    for (const p of group) {
      out.push(`  ${p.path || '(the document)'}: ${p.message}; found ${p.found}`);
    }
  }

  if (!problems.some((p) => p.effect === 'unusable')) {
    const feed = lib.validateFeed(doc, base, { quiet: true });
    const isHubCollection = doc?.type === 'FeatureCollection';
    out.push('', 'What the widgets would show:', summary(lib, feed, now, isHubCollection));
  }
  console.log(out.join('\n'));
  return problems.length ? EXIT_PROBLEMS : EXIT_OK;
}

// --- hubs-from-csv -------------------------------------------------------------------------------

const TEXT_COLUMNS = ['name', 'organization', 'address', 'locality', 'notes'];
const OTHER_COLUMNS = [
  'id',
  'country',
  'latitude',
  'longitude',
  'services',
  'languages',
  'phone',
  'whatsapp',
  'email',
  'url',
  'timezone',
  'hours',
];
const REQUIRED = ['name', 'country', 'latitude', 'longitude'];
/** Other names a sheet may use for a column: short ones, and Spanish ones. */
const ALIASES = {
  lat: 'latitude',
  lon: 'longitude',
  lng: 'longitude',
  long: 'longitude',
  nombre: 'name',
  organizacion: 'organization',
  organisation: 'organization',
  direccion: 'address',
  localidad: 'locality',
  pais: 'country',
  latitud: 'latitude',
  longitud: 'longitude',
  servicios: 'services',
  idiomas: 'languages',
  telefono: 'phone',
  correo: 'email',
  e_mail: 'email',
  web: 'url',
  website: 'url',
  sitio_web: 'url',
  zona_horaria: 'timezone',
  horario: 'hours',
  notas: 'notes',
};
const LANG_SUFFIX = /^([a-z]{2,3}(?:-[a-z0-9]{2,8})*)$/i;

/**
 * Rough boxes (south, north, west, east; a little generous) of the countries where the widgets
 * are used, to catch swapped coordinates and a lost minus sign that are still within ±90/±180.
 */
const COUNTRIES = {
  MX: { names: ['mexico', 'mex'], box: [14.2, 33, -118.7, -86.4] },
  GT: { names: ['guatemala', 'gtm'], box: [13.5, 18, -92.4, -88] },
  BZ: { names: ['belize', 'belice', 'blz'], box: [15.7, 18.7, -89.4, -87.3] },
  SV: { names: ['el salvador', 'salvador', 'slv'], box: [13, 14.6, -90.3, -87.5] },
  HN: { names: ['honduras', 'hnd'], box: [12.8, 17.6, -89.5, -83] },
  NI: { names: ['nicaragua', 'nic'], box: [10.6, 15.2, -87.8, -82.5] },
  CR: { names: ['costa rica', 'cri'], box: [5.3, 11.4, -87.3, -82.4] },
  PA: { names: ['panama', 'pan'], box: [7, 9.8, -83.2, -77] },
  US: { names: ['united states', 'estados unidos', 'usa', 'eeuu', 'ee. uu.'], box: null },
};

const fold = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

function suggestCountry(value) {
  const name = fold(value).replace(/\.$/, '');
  return Object.entries(COUNTRIES).find(([, c]) => c.names.includes(name))?.[0];
}

const inBox = (box, lat, lon) => lat >= box[0] && lat <= box[1] && lon >= box[2] && lon <= box[3];

const DAY_NAMES = [
  ['monday', 'mo'],
  ['tuesday', 'tu'],
  ['wednesday', 'we'],
  ['thursday', 'th'],
  ['friday', 'fr'],
  ['saturday', 'sa'],
  ['sunday', 'su'],
  ['lunes', 'mo'],
  ['martes', 'tu'],
  ['miercoles', 'we'],
  ['jueves', 'th'],
  ['viernes', 'fr'],
  ['sabado', 'sa'],
  ['domingo', 'su'],
];
const WEEK = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];

/** `mo`, `Mon`, `lunes`, `sáb.` → the feed's two-letter day code. */
function dayCode(word) {
  const w = fold(word).replace(/\.$/, '');
  if (w.length < 2) return undefined;
  const codes = new Set(DAY_NAMES.filter(([name]) => name.startsWith(w)).map(([, code]) => code));
  return codes.size === 1 ? [...codes][0] : undefined;
}

/** `8`, `8:30`, `08:30`, `8h30`, `4pm`, `4:30 pm` → `HH:MM`. */
function clock(text) {
  const m = /^(\d{1,2})(?:[:.h](\d{2}))?\s*([ap])?\.?\s*(?:m\.?)?$/i.exec(text.trim());
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  if (m[3]) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (m[3].toLowerCase() === 'p' ? 12 : 0);
  }
  if (hour > 24 || minute > 59 || (hour === 24 && minute > 0)) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

const DASH = /\s*[-–—]\s*|\s+(?:a|to|al)\s+/i;
const HOURS_EXAMPLE = '"mo-fr 08:00-16:00; sa 08:00-12:00"';

/** `mo-fr 08:00-16:00; sa 08:00-12:00` → opening_hours; a string says what is wrong. */
function parseHours(text) {
  const hours = [];
  for (const segment of text.split(/[;|\n]/)) {
    const part = segment.trim();
    if (!part) continue;
    const firstDigit = part.search(/\d/);
    const daysText = (firstDigit === -1 ? part : part.slice(0, firstDigit)).trim();
    const timesText = firstDigit === -1 ? '' : part.slice(firstDigit).trim();
    const closed = /^(.*?)\s+(closed|cerrado)$/i.exec(daysText);
    const days = new Set();
    for (const item of (closed ? closed[1] : daysText).split(/\s*[,/&]\s*|\s+(?:y|and|e)\s+/i)) {
      if (!item) continue;
      const range = item.split(DASH);
      if (range.length > 2) return `cannot read the days "${item}"`;
      const codes = range.map(dayCode);
      if (codes.some((c) => c === undefined))
        return `cannot read the day "${range[codes.indexOf(undefined)]}" (use mo tu we th fr sa su)`;
      const [from, to = from] = codes;
      for (let d = WEEK.indexOf(from); ; d = (d + 1) % 7) {
        days.add(WEEK[d]);
        if (WEEK[d] === to) break;
      }
    }
    if (!days.size) return `"${part}" names no day`;
    if (closed) {
      if (timesText) return `"${part}" is closed and has times`;
      continue;
    }
    if (!timesText) return `"${part}" has no times`;
    for (const span of timesText.split(/\s*,\s*|\s+(?:y|and|e)\s+/i)) {
      const ends = span.split(DASH);
      const [opens, closes] = ends.map(clock);
      if (ends.length !== 2 || !opens || !closes) return `cannot read the times "${span}"`;
      hours.push({ days: WEEK.filter((d) => days.has(d)), opens, closes });
    }
  }
  return hours.length ? hours : 'has no opening times';
}

/** A coordinate as written in a sheet: `-90.1167`, `−90,1167`, `+16.78`. */
function parseDegrees(text) {
  const t = text
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/^([+-]?\d+),(\d+)$/, '$1.$2');
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : undefined;
}

const list = (text) =>
  text
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** `+502 2233-4455` → `+50222334455`; anything else as it was, for the schema to judge. */
const phoneNumber = (text) => {
  const compact = text.replace(/[\s\u00a0().\-–/]/g, '');
  return /^\+\d+$/.test(compact) ? compact : text.trim();
};

/** The column a schema issue is about, from its path in the feature. */
function columnOf(keys) {
  if (keys[0] === 'geometry') return 'position';
  if (keys[0] === 'properties') return keys[1] === 'opening_hours' ? 'hours' : String(keys[1]);
  return String(keys[0] ?? 'row');
}

/** The header: which column index holds what. Throws UsageError when it cannot be used. */
function readHeader(cells, lang, warn) {
  const columns = new Map(); // key (name, name@es, country, …) → index
  cells.forEach((cell, index) => {
    const raw = cell.replace(/^\ufeff/, '').trim();
    const name = fold(raw).replace(/[\s-]+/g, '_');
    if (!name) return;
    const known = (n) => ALIASES[n] ?? n;
    let key;
    if (TEXT_COLUMNS.includes(known(name)) || OTHER_COLUMNS.includes(known(name)))
      key = known(name);
    else {
      const m = /^([a-z]+)_(.+)$/.exec(name);
      const tag = m && LANG_SUFFIX.exec(m[2].replace(/_/g, '-'));
      if (m && TEXT_COLUMNS.includes(known(m[1])) && tag) key = `${known(m[1])}@${tag[1]}`;
    }
    if (!key) {
      warn(`column "${raw}" is not one of mi-feed's columns: ignored (see mi-feed --help)`);
      return;
    }
    if (columns.has(key)) throw new UsageError(`the header names the column "${raw}" twice`);
    columns.set(key, index);
  });
  const missing = REQUIRED.filter(
    (c) =>
      !columns.has(c) && !(c === 'name' && [...columns.keys()].some((k) => k.startsWith('name@'))),
  );
  if (missing.length) {
    const found = cells.map((c) => c.trim()).filter(Boolean);
    throw new UsageError(
      `the header has no ${missing.map((c) => `"${c}"`).join(', ')} column` +
        `${missing.length > 1 ? 's' : ''} (found: ${found.map((c) => `"${c}"`).join(', ') || 'nothing'})`,
    );
  }
  for (const field of TEXT_COLUMNS) {
    const translations = [...columns.keys()].filter((k) => k.startsWith(`${field}@`));
    if (!columns.has(field) || !translations.length) continue;
    if (!lang) {
      throw new UsageError(
        `the sheet has "${field}" and "${translations[0].replace('@', '_')}": say which language ` +
          `the plain "${field}" column is in with --lang (e.g. --lang es)`,
      );
    }
    if (columns.has(`${field}@${lang.toLowerCase()}`)) {
      throw new UsageError(
        `--lang ${lang}: the sheet has both "${field}" and "${field}_${lang}"; leave out one of them`,
      );
    }
  }
  return columns;
}

/** One data row → a feature, or the reasons it is bad. */
function rowToFeature(lib, columns, cells, lang, warn) {
  const get = (key) => (columns.has(key) ? (cells[columns.get(key)] ?? '').trim() : '');
  const errors = new Map(); // column → reason (the first reason per column)
  const fail = (column, reason) => {
    if (!errors.has(column)) errors.set(column, reason);
  };

  const text = (field) => {
    const map = {};
    for (const [key, index] of columns) {
      if (!key.startsWith(`${field}@`)) continue;
      const value = (cells[index] ?? '').trim();
      if (value) map[key.slice(field.length + 1)] = value;
    }
    const plain = get(field);
    if (!Object.keys(map).length) return plain || undefined;
    if (plain) map[lang.toLowerCase()] = plain;
    return map;
  };

  const properties = {};
  const name = text('name');
  if (name === undefined) fail('name', 'name is missing');
  properties.name = name;
  for (const field of ['organization', 'address', 'locality']) properties[field] = text(field);

  const countryText = get('country');
  const country = countryText.toUpperCase();
  if (!countryText) fail('country', 'country is missing');
  else if (!/^[A-Z]{2}$/.test(country)) {
    const guess = suggestCountry(countryText);
    fail(
      'country',
      `country "${countryText}" must be a two-letter ISO 3166-1 code` +
        (guess ? ` (for ${countryText}: "${guess}")` : ' such as "GT"'),
    );
  }
  properties.country = country;

  const latText = get('latitude');
  const lonText = get('longitude');
  const lat = parseDegrees(latText);
  const lon = parseDegrees(lonText);
  if (!latText) fail('position', 'latitude is missing');
  else if (lat === undefined) fail('position', `latitude "${latText}" is not a number`);
  if (!lonText) fail('position', 'longitude is missing');
  else if (lon === undefined) fail('position', `longitude "${lonText}" is not a number`);
  if (lat !== undefined && lon !== undefined) {
    const box = COUNTRIES[country]?.box;
    if (Math.abs(lat) > 90 && Math.abs(lon) <= 90 && Math.abs(lat) <= 180)
      fail('position', 'latitude and longitude look swapped');
    else if (Math.abs(lat) > 90)
      fail('position', `latitude "${latText}" is out of range (-90 to 90)`);
    else if (Math.abs(lon) > 180)
      fail('position', `longitude "${lonText}" is out of range (-180 to 180)`);
    else if (lat === 0 && lon === 0)
      fail('position', 'latitude and longitude are both 0 (a missing position?)');
    else if (box && !inBox(box, lat, lon)) {
      if (inBox(box, lon, lat)) fail('position', 'latitude and longitude look swapped');
      else if (inBox(box, lat, -lon))
        fail('position', `longitude "${lonText}" has lost its minus sign (west is negative)`);
      else if (inBox(box, -lat, lon))
        fail('position', `latitude "${latText}" has the wrong sign (north is positive)`);
      else warn(`the position ${lat}, ${lon} is outside ${country}: check it`);
    }
  }

  const services = list(get('services'));
  if (services.length) properties.services = services;
  const languages = list(get('languages'));
  if (languages.length) properties.languages = languages;
  for (const field of ['phone', 'whatsapp']) {
    const value = get(field);
    if (!value) continue;
    properties[field] = phoneNumber(value);
    if (!lib.v.is(lib.HubPropertiesSchema.entries[field], properties[field])) {
      fail(
        field,
        `${field} "${value}" must be in international form with its country code, such as "+50222334455"` +
          (/^\d+$/.test(value)
            ? ' (format the column as text so the spreadsheet keeps the "+")'
            : ''),
      );
    }
  }
  if (get('email')) properties.email = get('email');
  const url = get('url');
  if (url) {
    properties.url = url;
    if (!/^https?:\/\//i.test(url)) fail('url', `url "${url}" must start with https:// or http://`);
  }
  if (get('timezone')) properties.timezone = get('timezone');
  const hoursText = get('hours');
  if (hoursText) {
    const hours = parseHours(hoursText);
    if (typeof hours === 'string')
      fail('hours', `hours "${hoursText}": ${hours}; write them like ${HOURS_EXAMPLE}`);
    else properties.opening_hours = hours;
  }
  properties.notes = text('notes');
  for (const key of Object.keys(properties)) {
    if (properties[key] === undefined) delete properties[key];
  }

  const feature = { type: 'Feature' };
  if (get('id')) feature.id = get('id');
  feature.geometry = { type: 'Point', coordinates: [lon ?? NaN, lat ?? NaN] };
  feature.properties = properties;

  // The widgets' own rules have the last word.
  const result = lib.v.safeParse(lib.HubFeatureSchema, feature);
  for (const issue of result.issues ?? []) {
    const keys = (issue.path ?? []).map((p) => p.key);
    const column = columnOf(keys);
    const where = column === 'position' ? 'the position' : column;
    fail(column, `${where} ${lib.shorten(issue.input)}: ${issue.message}`);
  }
  return errors.size ? { errors: [...errors.values()] } : { feature: result.output };
}

const PAPA_ERRORS = {
  MissingQuotes: 'a quoted value is not closed (a " is missing)',
  InvalidQuotes:
    'a value has a " inside but is not quoted as a whole: put the value in quotes and double its quotes ("")',
};

async function hubsFromCsv(args) {
  const { values, positionals } = parseArgs({
    args,
    options: { out: { type: 'string', short: 'o' }, lang: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length !== 1)
    throw new UsageError('hubs-from-csv needs one CSV file: mi-feed hubs-from-csv <file.csv>');
  if (values.lang !== undefined && !LANG_SUFFIX.test(values.lang))
    throw new UsageError(
      `--lang ${JSON.stringify(values.lang)} is not a language tag such as "es"`,
    );
  const [source] = positionals;
  const lib = await loadLib();
  const { default: Papa } = await import('papaparse');

  let buffer;
  try {
    buffer = await readFile(source);
  } catch (error) {
    throw new UsageError(
      `cannot read ${source}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`,
    );
  }
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer); // drops a BOM
  } catch {
    throw new UsageError(
      `${source} is not UTF-8 text: in Excel save it as "CSV UTF-8"; in LibreOffice choose the character set "Unicode (UTF-8)"`,
    );
  }

  const newline = text.includes('\n') ? '\n' : '\r';
  let line = 1;
  let counted = 0;
  const lineAt = (offset) => {
    for (
      let i = text.indexOf(newline, counted);
      i !== -1 && i < offset;
      i = text.indexOf(newline, i + 1)
    ) {
      line++;
      counted = i + 1;
    }
    if (counted < offset) counted = offset;
    return line;
  };

  // Excel's "sep=;" first line names the separator; else the header line's commas or semicolons.
  let start = 0;
  let delimiter;
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) {
    delimiter = sep[1];
    start = sep[0].length;
  } else {
    const header = text
      .replace(/^\s+/, '')
      .split(/\r?\n|\r/, 1)[0]
      .replace(/"[^"]*"/g, '');
    delimiter = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
  }

  const rows = [];
  let previous = start;
  Papa.parse(text.slice(start), {
    delimiter,
    step: ({ data, errors, meta }) => {
      rows.push({ cells: data, errors, line: lineAt(previous) });
      previous = start + meta.cursor;
    },
  });

  const messages = [];
  const warn = (message) => messages.push(message);
  const dataRows = rows.filter((row) => row.cells.some((c) => c.trim()));
  if (!dataRows.length) throw new UsageError(`${source} has no header row`);
  const [headerRow, ...body] = dataRows;
  const columns = readHeader(headerRow.cells, values.lang, (m) =>
    warn(`line ${headerRow.line}: ${m}`),
  );

  const features = [];
  const badLines = [];
  const ids = new Map();
  for (const row of body) {
    const errors = [];
    for (const error of row.errors) errors.push(PAPA_ERRORS[error.code] ?? error.message);
    const extra = row.cells.slice(headerRow.cells.length);
    if (extra.some((c) => c.trim())) {
      errors.push(
        `${row.cells.length} values but the header has ${headerRow.cells.length} columns: ` +
          `a value with a "${delimiter}" in it must be in double quotes`,
      );
    }
    if (!errors.length) {
      const result = rowToFeature(lib, columns, row.cells, values.lang, (m) =>
        warn(`line ${row.line}: warning: ${m}`),
      );
      if (result.errors) errors.push(...result.errors);
      else {
        const id = result.feature.id;
        if (id !== undefined && ids.has(id)) errors.push(`id "${id}" repeats line ${ids.get(id)}`);
        else {
          if (id !== undefined) ids.set(id, row.line);
          features.push(result.feature);
        }
      }
    }
    for (const error of errors) messages.push(`line ${row.line}: ${error}`);
    if (errors.length) badLines.push(row.line);
  }

  const geojson = `${JSON.stringify({ type: 'FeatureCollection', features }, null, 2)}\n`;
  if (values.out) await writeFile(values.out, geojson);
  else process.stdout.write(geojson);

  for (const message of messages) console.error(`${source}: ${message}`);
  const where = values.out ? ` to ${values.out}` : '';
  console.error(
    `${source}: ${plural(features.length, 'hub')} written${where}` +
      (badLines.length
        ? `; ${plural(badLines.length, 'bad row')} left out (line${badLines.length > 1 ? 's' : ''} ${badLines.join(', ')})`
        : ''),
  );
  return badLines.length ? EXIT_PROBLEMS : EXIT_OK;
}

// --- main ----------------------------------------------------------------------------------------

async function main(argv) {
  const [command, ...args] = argv;
  if (command === undefined || ['--help', '-h', 'help'].includes(command)) {
    process.stdout.write(HELP);
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (command === '--version' || command === '-v') {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
    console.log(pkg.version);
    return EXIT_OK;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(HELP);
    return EXIT_OK;
  }
  if (command === 'validate') return validate(args);
  if (command === 'hubs-from-csv') return hubsFromCsv(args);
  throw new UsageError(`unknown command "${command}"`);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || error?.code?.startsWith?.('ERR_PARSE_ARGS')) {
    console.error(`mi-feed: ${error.message}`);
    console.error('Try: mi-feed --help');
    process.exitCode = EXIT_USAGE;
  } else {
    console.error(error);
    process.exitCode = EXIT_USAGE;
  }
}
