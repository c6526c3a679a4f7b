/// <reference types="node" />
/**
 * HXL, the Humanitarian Exchange Language (https://hxlstandard.org): a row of hashtags such as
 * `#loc+name`, `#geo+lat`, `#contact+phone` that says what each column of a sheet holds. Here:
 * reading a hashtag, telling a row of them from a row of data, and which hub column a hashtag
 * stands for.
 */
import { LANG_TAG } from '../feed/forms.js';

/** A hashtag read from a cell: `#Org +Name +i_ES` → tag `org`, attributes `name`, language `es`. */
export interface Hashtag {
  /** The hashtag in lower case, without `#`: `loc`. */
  tag: string;
  /** Its attributes in lower case, without `+`, languages (`+i_es`) left out: `name`. */
  attributes: string[];
  /** The language of an `+i_xx` attribute, as a language tag: `es`, `es-mx`. */
  language?: string;
}

const HASHTAG = /^#\s*([a-z][a-z0-9_]*)((?:\s*\+\s*[a-z][a-z0-9_]*)*)$/i;

/** A cell as a hashtag; undefined when it is not one (it does not start with `#`, or is malformed). */
export function parseHashtag(cell: string): Hashtag | undefined {
  const m = HASHTAG.exec(cell.trim());
  if (!m) return undefined;
  const attributes: string[] = [];
  let language: string | undefined;
  for (const attribute of m[2].split('+').slice(1)) {
    const a = attribute.trim().toLowerCase();
    const lang = /^i_(.+)$/.exec(a)?.[1].replace(/_/g, '-');
    if (lang && LANG_TAG.test(lang)) language = lang;
    else attributes.push(a);
  }
  return { tag: m[1].toLowerCase(), attributes, ...(language ? { language } : {}) };
}

/** Is this row a row of hashtags? Yes when most of its non-empty cells start with `#`. */
export function isHashtagRow(cells: readonly string[]): boolean {
  let filled = 0;
  let tagged = 0;
  for (const cell of cells) {
    const text = cell.trim();
    if (!text) continue;
    filled++;
    if (text.startsWith('#')) tagged++;
  }
  return filled > 0 && tagged * 2 > filled;
}

/** One hashtag → hub column rule. */
export interface HxlRule {
  /** The hashtag, lower case, with `#`. */
  tag: string;
  /** Attributes the column must have (it may have more, except where there are none: see below). */
  attributes: readonly string[];
  /** The hub column it fills: `name`, `latitude`, `coordinates` (`lat,lon` in one cell), … */
  column: string;
  /**
   * When several columns fill the same hub column, the lower rank is read first and the others
   * only where it is empty (`#adm3+name` before `#adm2+name`). Default 0.
   */
  rank?: number;
}

/**
 * The mapping. A column matches a rule when it has the rule's hashtag and all of its attributes
 * (in any order, in any case, with more attributes allowed); a rule without attributes matches
 * only a bare hashtag (a language attribute aside): `#org` and `#org+i_es`, not `#org+code`.
 * When several rules match, the one with the most attributes wins.
 */
export const HXL_RULES: readonly HxlRule[] = [
  { tag: '#meta', attributes: ['id'], column: 'id' },
  { tag: '#loc', attributes: ['id'], column: 'id' },
  { tag: '#loc', attributes: ['code'], column: 'id', rank: 1 },
  { tag: '#loc', attributes: ['name'], column: 'name' },
  { tag: '#org', attributes: ['name'], column: 'organization' },
  { tag: '#org', attributes: [], column: 'organization' },
  { tag: '#loc', attributes: ['address'], column: 'address' },
  { tag: '#contact', attributes: ['address'], column: 'address', rank: 1 },
  { tag: '#adm5', attributes: ['name'], column: 'locality', rank: 1 },
  { tag: '#adm4', attributes: ['name'], column: 'locality', rank: 2 },
  { tag: '#adm3', attributes: ['name'], column: 'locality', rank: 3 },
  { tag: '#adm2', attributes: ['name'], column: 'locality', rank: 4 },
  { tag: '#adm1', attributes: ['name'], column: 'locality', rank: 5 },
  { tag: '#country', attributes: ['code'], column: 'country' },
  { tag: '#country', attributes: [], column: 'country' },
  { tag: '#country', attributes: ['name'], column: 'country', rank: 1 },
  { tag: '#geo', attributes: ['lat'], column: 'latitude' },
  { tag: '#geo', attributes: ['lon'], column: 'longitude' },
  { tag: '#geo', attributes: ['coord'], column: 'coordinates' },
  { tag: '#service', attributes: [], column: 'services' },
  { tag: '#service', attributes: ['name'], column: 'services' },
  { tag: '#sector', attributes: [], column: 'services', rank: 1 },
  { tag: '#sector', attributes: ['name'], column: 'services', rank: 1 },
  { tag: '#language', attributes: [], column: 'languages' },
  { tag: '#language', attributes: ['code'], column: 'languages' },
  { tag: '#contact', attributes: ['phone'], column: 'phone' },
  { tag: '#contact', attributes: ['whatsapp'], column: 'whatsapp' },
  { tag: '#contact', attributes: ['phone', 'whatsapp'], column: 'whatsapp' },
  { tag: '#contact', attributes: ['email'], column: 'email' },
  { tag: '#contact', attributes: ['url'], column: 'url' },
  { tag: '#org', attributes: ['url'], column: 'url', rank: 1 },
  { tag: '#meta', attributes: ['timezone'], column: 'timezone' },
  { tag: '#meta', attributes: ['hours'], column: 'hours' },
  { tag: '#service', attributes: ['hours'], column: 'hours' },
  { tag: '#date', attributes: ['closed'], column: 'closed_on' },
  { tag: '#meta', attributes: ['hours', 'special'], column: 'special_hours' },
  { tag: '#meta', attributes: ['status'], column: 'status' },
  { tag: '#meta', attributes: ['status', 'notice'], column: 'status_notice' },
  { tag: '#date', attributes: ['reopens'], column: 'reopens' },
  { tag: '#meta', attributes: ['eligibility'], column: 'eligibility' },
  { tag: '#meta', attributes: ['cost'], column: 'cost' },
  { tag: '#meta', attributes: ['documents'], column: 'documents' },
  { tag: '#meta', attributes: ['accessibility'], column: 'accessibility' },
  { tag: '#date', attributes: ['verified'], column: 'verified' },
  { tag: '#contact', attributes: ['report'], column: 'report' },
  { tag: '#meta', attributes: ['notes'], column: 'notes' },
  { tag: '#description', attributes: [], column: 'notes', rank: 1 },
  { tag: '#description', attributes: ['notes'], column: 'notes', rank: 1 },
];

/** The rule a hashtag matches best; undefined when it matches none. */
export function hxlRule(hashtag: Hashtag): HxlRule | undefined {
  let best: HxlRule | undefined;
  for (const rule of HXL_RULES) {
    if (rule.tag !== `#${hashtag.tag}`) continue;
    const fits = rule.attributes.length
      ? rule.attributes.every((a) => hashtag.attributes.includes(a))
      : hashtag.attributes.length === 0;
    if (fits && (!best || rule.attributes.length > best.attributes.length)) best = rule;
  }
  return best;
}

/** `#contact+phone` — a rule as written in a sheet. */
export const ruleText = (rule: HxlRule): string =>
  `${rule.tag}${rule.attributes.map((a) => `+${a}`).join('')}`;
