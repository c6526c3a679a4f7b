/// <reference types="node" />
/**
 * One row of a hubs sheet → a GeoJSON feature for the feed reader, with what only a sheet can
 * get wrong: coordinates written as text (a decimal comma, swapped, a lost minus sign), lists in
 * one cell, opening hours in words, translations in columns of their own, a web address
 * without its scheme. Everything else (telephone numbers, country names, time zones, e-mail
 * addresses, language tags) is left as written for the reader, whose rules have the last word.
 */
import { countryCode, numberFromText, webAddress } from '../feed/forms.js';
import { freeCost } from '../feed/schema.js';
import type { Columns } from './csv-columns.js';
import {
  CLOSED_EXAMPLE,
  readClosedOn,
  readSpecialHours,
  readStatus,
  SPECIAL_EXAMPLE,
  type HoursException,
} from './exceptions.js';
import { HOURS_EXAMPLE, parseHours } from './hours.js';

/** What a message about a row means for it. */
export type NoteKind =
  /** The row is left out. */
  | 'bad'
  /** A value is left out; the row is kept. */
  | 'dropped'
  /** A value is written in its normal form. */
  | 'normalized'
  /** Something to check; nothing is changed. */
  | 'advice';

export interface RowNote {
  kind: NoteKind;
  text: string;
}

/** A hub as GeoJSON, before the reader has read it. */
export interface RawFeature {
  type: 'Feature';
  id?: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, unknown>;
}

export interface RowResult {
  /** The feature; undefined when the row cannot make a hub (then a `bad` note says why). */
  feature?: RawFeature;
  notes: RowNote[];
}

/** A value as quoted in a message. */
export const q = (text: string): string => JSON.stringify(text);

/**
 * Rough boxes (south, north, west, east; a little generous) of the countries where the widgets
 * are used, to catch swapped coordinates and a lost minus sign that are still within ±90/±180.
 */
const BOXES: Record<string, readonly number[]> = {
  MX: [14.2, 33, -118.7, -86.4],
  GT: [13.5, 18, -92.4, -88],
  BZ: [15.7, 18.7, -89.4, -87.3],
  SV: [13, 14.6, -90.3, -87.5],
  HN: [12.8, 17.6, -89.5, -83],
  NI: [10.6, 15.2, -87.8, -82.5],
  CR: [5.3, 11.4, -87.3, -82.4],
  PA: [7, 9.8, -83.2, -77],
};

const inBox = (box: readonly number[], lat: number, lon: number) =>
  lat >= box[0] && lat <= box[1] && lon >= box[2] && lon <= box[3];

/** `information; legal | health` → its items. */
const list = (text: string) =>
  text
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A `#geo+coord` cell, `14.6349, -90.5069` (or with `;`, spaces, decimal commas) → its two numbers as written. */
function splitCoordinates(text: string): [string, string] | undefined {
  for (const separator of [/\s*;\s*/, /,\s+/, /,/, /\s+/]) {
    const parts = text.trim().split(separator);
    if (parts.length === 2 && parts.every((p) => numberFromText(p) !== undefined))
      return parts as [string, string];
  }
  return undefined;
}

/**
 * A data row → a feature, and notes on what was wrong with it.
 *
 * @param lang the language of the plain text columns when the sheet has translations too.
 */
export function rowToFeature(
  columns: Columns,
  cells: readonly string[],
  lang: string | undefined,
): RowResult {
  const notes: RowNote[] = [];
  const note = (kind: NoteKind, text: string) => notes.push({ kind, text });
  const get = (key: string): string => {
    for (const index of columns.sources.get(key) ?? []) {
      const value = cells[index]?.trim();
      if (value) return value;
    }
    return '';
  };
  const text = (field: string): string | Record<string, string> | undefined => {
    const map: Record<string, string> = {};
    for (const key of columns.sources.keys()) {
      if (!key.startsWith(`${field}@`)) continue;
      const value = get(key);
      if (value) map[key.slice(field.length + 1)] = value;
    }
    const plain = get(field);
    if (!Object.keys(map).length) return plain || undefined;
    if (plain && lang) map[lang.toLowerCase()] = plain;
    return map;
  };

  const properties: Record<string, unknown> = {};
  const name = text('name');
  if (name === undefined) note('bad', 'name is missing');
  properties.name = name;
  for (const field of ['organization', 'address', 'locality'] as const) {
    properties[field] = text(field);
  }
  const countryText = get('country');
  if (countryText) properties.country = countryText;

  // The position: what makes a hub useful, with the mistakes a sheet makes.
  let latText = get('latitude');
  let lonText = get('longitude');
  const pair = get('coordinates');
  if (!latText && !lonText && pair) {
    const parts = splitCoordinates(pair);
    if (parts) [latText, lonText] = parts;
    else
      note('bad', `coordinates ${q(pair)} are not "latitude, longitude" such as "14.63, -90.51"`);
  }
  const lat = numberFromText(latText);
  const lon = numberFromText(lonText);
  if (!pair || latText || lonText) {
    if (!latText) note('bad', 'latitude is missing');
    else if (lat === undefined) note('bad', `latitude ${q(latText)} is not a number`);
    if (!lonText) note('bad', 'longitude is missing');
    else if (lon === undefined) note('bad', `longitude ${q(lonText)} is not a number`);
  }
  if (lat !== undefined && lon !== undefined) {
    const country = countryCode(countryText);
    const box = country ? BOXES[country] : undefined;
    if (Math.abs(lat) > 90 && Math.abs(lon) <= 90 && Math.abs(lat) <= 180)
      note('bad', 'latitude and longitude look swapped');
    else if (Math.abs(lat) > 90) note('bad', `latitude ${q(latText)} is out of range (-90 to 90)`);
    else if (Math.abs(lon) > 180)
      note('bad', `longitude ${q(lonText)} is out of range (-180 to 180)`);
    else if (lat === 0 && lon === 0)
      note('bad', 'latitude and longitude are both 0 (a missing position?)');
    else if (box && !inBox(box, lat, lon)) {
      if (inBox(box, lon, lat)) note('bad', 'latitude and longitude look swapped');
      else if (inBox(box, lat, -lon))
        note('bad', `longitude ${q(lonText)} has lost its minus sign (west is negative)`);
      else if (inBox(box, -lat, lon))
        note('bad', `latitude ${q(latText)} has the wrong sign (north is positive)`);
      else note('advice', `the position ${lat}, ${lon} is outside ${country}: check it`);
    }
  }

  const services = list(get('services'));
  if (services.length) properties.services = services;
  const languages = list(get('languages'));
  if (languages.length) properties.languages = languages;
  for (const field of ['phone', 'whatsapp', 'email', 'timezone'] as const) {
    const value = get(field);
    if (value) properties[field] = value;
  }
  const url = get('url');
  if (url) {
    const web = webAddress(url);
    if (/^https?:\/\//i.test(url)) properties.url = url;
    else if (web) {
      properties.url = web;
      note('normalized', `url ${q(url)} written as ${q(web)}`);
    } else {
      // A sheet has no address of its own: what the reader would take as relative is a mistake.
      note('dropped', `url ${q(url)} left out: it must start with https:// or http://`);
    }
  }
  const hoursText = get('hours');
  if (hoursText) {
    const hours = parseHours(hoursText);
    if (typeof hours === 'string')
      note('dropped', `hours ${q(hoursText)} left out: ${hours}; write them like ${HOURS_EXAMPLE}`);
    else properties.opening_hours = hours;
  }
  // Dated exceptions: a bad date or range is left out, the others are kept (as the reader does).
  const exceptions: HoursException[] = [];
  for (const [column, read, example] of [
    ['closed_on', readClosedOn, CLOSED_EXAMPLE],
    ['special_hours', readSpecialHours, SPECIAL_EXAMPLE],
  ] as const) {
    for (const item of read(get(column))) {
      if ('error' in item) {
        note(
          'dropped',
          `${column} ${q(item.part)} left out: ${item.error}; write them like ${example}`,
        );
      } else exceptions.push(item.exception);
    }
  }
  if (exceptions.length)
    properties.hours_exceptions = exceptions.sort((a, b) =>
      a.from < b.from ? -1 : a.from > b.from ? 1 : 0,
    );
  const statusText = get('status');
  if (statusText) {
    const status = readStatus(statusText);
    if (status) properties.status = status;
    else
      note(
        'dropped',
        `status ${q(statusText)} left out: write "active" or "temporarily closed" ` +
          '("activo", "cerrado temporalmente")',
      );
  }
  properties.status_notice = text('status_notice');
  const reopens = get('reopens');
  if (reopens) properties.reopens = reopens;
  // What to know before going. A sheet writes "free" in words: "Gratis" (and a row's every
  // translation of it) is the feed's "free", with nothing to say; the reader has the rest.
  properties.eligibility = text('eligibility');
  const cost = text('cost');
  properties.cost =
    cost !== undefined &&
    (typeof cost === 'string' ? [cost] : Object.values(cost)).every((c) => freeCost(c))
      ? 'free'
      : cost;
  properties.documents = text('documents');
  properties.accessibility = text('accessibility');
  for (const field of ['verified', 'report'] as const) {
    const value = get(field);
    if (value) properties[field] = value;
  }
  properties.notes = text('notes');
  for (const key of Object.keys(properties)) {
    if (properties[key] === undefined) delete properties[key];
  }

  if (notes.some((n) => n.kind === 'bad') || lat === undefined || lon === undefined)
    return { notes };
  const id = get('id');
  return {
    feature: {
      type: 'Feature',
      ...(id ? { id } : {}),
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties,
    },
    notes,
  };
}
