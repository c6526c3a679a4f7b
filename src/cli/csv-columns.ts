/// <reference types="node" />
/**
 * Which column of a sheet holds what: from its header row (names in any case, English or
 * Spanish, `name_es`-style translations), from a row of HXL hashtags in its place, or from both
 * (a hashtag row right under the header: the hashtags decide, the names serve the columns
 * without one).
 */
import { fold, LANG_TAG } from '../feed/forms.js';
import { hxlRule, parseHashtag } from './hxl.js';
import { escapeControl, UsageError } from './io.js';

/** Text columns: they may have translations (`name_es`, `#loc+name+i_es`). */
export const TEXT_COLUMNS = [
  'name',
  'organization',
  'address',
  'locality',
  'notes',
  'status_notice',
  'eligibility',
  'cost',
  'documents',
  'accessibility',
] as const;
export const OTHER_COLUMNS = [
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
  'closed_on',
  'special_hours',
  'status',
  'reopens',
  'verified',
  'report',
] as const;

/** Other names a sheet may use for a column: short ones, and Spanish ones (accents folded). */
export const ALIASES: Readonly<Record<string, string>> = {
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
  closed_dates: 'closed_on',
  cerrado_el: 'closed_on',
  dias_cerrado: 'closed_on',
  horario_especial: 'special_hours',
  estado: 'status',
  aviso_estado: 'status_notice',
  reopens_on: 'reopens',
  reabre: 'reopens',
  reapertura: 'reopens',
  who: 'eligibility',
  who_can_go: 'eligibility',
  a_quien_atiende: 'eligibility',
  requisitos: 'eligibility',
  elegibilidad: 'eligibility',
  costo: 'cost',
  coste: 'cost',
  precio: 'cost',
  price: 'cost',
  documentos: 'documents',
  que_llevar: 'documents',
  what_to_bring: 'documents',
  accesibilidad: 'accessibility',
  verified_on: 'verified',
  last_verified: 'verified',
  verificado: 'verified',
  verificado_el: 'verified',
  report_errors: 'report',
  reportar: 'report',
  reportar_errores: 'report',
};

const KNOWN = new Set<string>([...TEXT_COLUMNS, ...OTHER_COLUMNS]);
const isTextColumn = (name: string) => (TEXT_COLUMNS as readonly string[]).includes(name);

/** Where each hub column is read from. */
export interface Columns {
  /**
   * Hub column (`name`, `name@es` for a translation, `latitude`, `coordinates` for an HXL
   * `#geo+coord` cell holding both) → the sheet's columns (0-based) that hold it, best first: a
   * value is read from the first of them that is not empty.
   */
  readonly sources: ReadonlyMap<string, readonly number[]>;
  /** How many columns the header has. */
  readonly width: number;
  /** Whether a row of HXL hashtags named (some of) the columns. */
  readonly hxl: boolean;
}

export interface ColumnsResult {
  columns: Columns;
  /** What the header rows say that is not used, for the user to check; and which row says it. */
  warnings: { row: 'header' | 'hashtags'; text: string }[];
}

/** A header name → the hub column it names (`name`, `name@es`); undefined when none. */
export function headerColumn(cell: string): string | undefined {
  const name = fold(cell.replace(/^\ufeff/, '')).replace(/[\s-]+/g, '_');
  // Own keys only: a header is the publisher's text, and `ALIASES['constructor']` is Object's.
  const known = (n: string) => (Object.hasOwn(ALIASES, n) ? ALIASES[n] : n);
  if (KNOWN.has(known(name))) return known(name);
  // `name_es`, `name_es_mx`, `status_notice_en`: a text column, `_`, a language tag.
  for (let at = name.indexOf('_'); at > 0; at = name.indexOf('_', at + 1)) {
    const field = known(name.slice(0, at));
    const tag = name.slice(at + 1).replace(/_/g, '-');
    if (isTextColumn(field) && LANG_TAG.test(tag)) return `${field}@${tag.toLowerCase()}`;
  }
  return undefined;
}

const quoted = (text: string) => JSON.stringify(text.trim());

interface Source {
  key: string;
  index: number;
  rank: number;
  /** From a hashtag (rather than a header name). */
  tagged: boolean;
  label: string;
}

/**
 * The columns of a sheet from its header row, its hashtag row, or both (either may be missing,
 * not both). A cell of a hashtag row that is not a hashtag counts as a header name.
 *
 * @param lang the language of the plain text columns (`--lang`), needed when there are
 *   translations too.
 * @throws UsageError when the sheet lacks a required column, names a column twice, or needs
 *   `--lang`.
 */
export function readColumns(
  header: readonly string[] | undefined,
  hashtags: readonly string[] | undefined,
  lang: string | undefined,
): ColumnsResult {
  const warnings: ColumnsResult['warnings'] = [];
  const warn = (row: 'header' | 'hashtags', text: string) => warnings.push({ row, text });
  const width = Math.max(header?.length ?? 0, hashtags?.length ?? 0);
  const sources: Source[] = [];
  for (let index = 0; index < width; index++) {
    const tagCell = hashtags?.[index]?.trim() ?? '';
    const nameCell = header?.[index]?.trim() ?? (tagCell.startsWith('#') ? '' : tagCell);
    if (tagCell.startsWith('#')) {
      const hashtag = parseHashtag(tagCell);
      const rule = hashtag && hxlRule(hashtag);
      if (!hashtag) {
        warn('hashtags', `${quoted(tagCell)} is not an HXL hashtag: its column is ignored`);
      } else if (!rule) {
        warn(
          'hashtags',
          `the hashtag ${tagCell} is not one mi-feed reads: its column is ignored (see mi-feed --help)`,
        );
      } else {
        const key =
          hashtag.language && isTextColumn(rule.column)
            ? `${rule.column}@${hashtag.language}`
            : rule.column;
        sources.push({ key, index, rank: rule.rank ?? 0, tagged: true, label: tagCell });
      }
      continue;
    }
    if (!nameCell) continue;
    const key = headerColumn(nameCell);
    if (!key) {
      warn(
        header ? 'header' : 'hashtags',
        `column ${quoted(nameCell)} is not one of mi-feed's columns: ignored (see mi-feed --help)`,
      );
      continue;
    }
    const twin = sources.find((s) => s.key === key && !s.tagged);
    if (twin) {
      throw new UsageError(
        escapeControl(`the header names the column ${quoted(nameCell)} twice`) +
          (twin.label.trim() !== nameCell ? escapeControl(` (also as ${quoted(twin.label)})`) : ''),
      );
    }
    sources.push({ key, index, rank: 0, tagged: false, label: nameCell });
  }

  const byKey = new Map<string, Source[]>();
  for (const source of sources) byKey.set(source.key, [...(byKey.get(source.key) ?? []), source]);
  const resolved = new Map<string, number[]>();
  for (const [key, list] of byKey) {
    list.sort(
      (a, b) => a.rank - b.rank || Number(b.tagged) - Number(a.tagged) || a.index - b.index,
    );
    for (let i = 1; i < list.length; i++) {
      if (list[i].rank !== list[0].rank) continue;
      warn(
        hashtags ? 'hashtags' : 'header',
        `${list[0].label} and ${list[i].label} both hold ${key.replace('@', '_')}: ` +
          `${list[i].label} is read only where ${list[0].label} is empty`,
      );
    }
    resolved.set(
      key,
      list.map((s) => s.index),
    );
  }

  const has = (key: string) => resolved.has(key);
  const missing: string[] = [];
  if (!has('name') && ![...resolved.keys()].some((k) => k.startsWith('name@')))
    missing.push('name');
  if (!has('coordinates')) {
    if (!has('latitude')) missing.push('latitude');
    if (!has('longitude')) missing.push('longitude');
  }
  if (missing.length) {
    const found = [...(header ?? []), ...(hashtags ?? [])].map((c) => c.trim()).filter(Boolean);
    const tags = hashtags ? ` (HXL: ${missing.map(hashtagFor).join(', ')})` : '';
    throw new UsageError(
      escapeControl(
        `the header has no ${missing.map((c) => `"${c}"`).join(', ')} column` +
          `${missing.length > 1 ? 's' : ''}${tags} (found: ${found.map(quoted).join(', ') || 'nothing'})`,
      ),
    );
  }

  for (const field of TEXT_COLUMNS) {
    const translations = [...resolved.keys()].filter((k) => k.startsWith(`${field}@`));
    if (!resolved.has(field) || !translations.length) continue;
    if (!lang) {
      throw new UsageError(
        `the sheet has "${field}" and "${translations[0].replace('@', '_')}": say which language ` +
          `the plain "${field}" column is in with --lang (e.g. --lang es)`,
      );
    }
    if (resolved.has(`${field}@${lang.toLowerCase()}`)) {
      throw new UsageError(
        `--lang ${lang}: the sheet has both "${field}" and "${field}_${lang}"; leave out one of them`,
      );
    }
  }
  return { columns: { sources: resolved, width, hxl: hashtags !== undefined }, warnings };
}

const hashtagFor = (column: string): string =>
  column === 'name' ? '#loc+name' : column === 'latitude' ? '#geo+lat' : '#geo+lon';
