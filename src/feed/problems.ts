/**
 * What the feed reader found wrong in a document, and what it did about each thing: the one list
 * the widgets log, expose as `problems`, and `mi-feed validate` prints. Framework-free.
 */

/** What the reader did about a problem. */
export type Outcome =
  /** A bad optional field (or a bad element of a list field) was left out; its entry is kept. */
  | 'field dropped'
  /** The value was written in an obvious other form and was read as the normal one. */
  | 'value normalized'
  /** What makes the entry useful is missing: the entry (news item, hub, …) is left out. */
  | 'entry dropped'
  /** The document as a whole cannot be used: every widget shows its error state. */
  | 'document unusable';

/** Which widget a problem concerns; `document` concerns them all. */
export type Section = 'news' | 'quizzes' | 'hubs' | 'campaigns' | 'document';

export interface Problem {
  /** JSON path of the bad value, e.g. `items[3].image`; '' for the document itself. */
  path: string;
  /** What was expected there: `an http(s) URL`, `an ISO 8601 date such as …`. */
  expected: string;
  /** What was found, shortened and escaped for one line: `"ftp://x"`, `12`, `{id, title}`, `nothing`. */
  found: string;
  outcome: Outcome;
  /** The entry the problem is in, with its id when it has one: `items[3] (id "bad-url")`; '' for the document. */
  entry: string;
  /** The widget it concerns. */
  section: Section;
  /** What was left out when it is more than the bad value itself: the entry, or the object holding the value. */
  dropped?: string;
  /** For `value normalized`: the value used instead, shortened as `found` is. */
  normalized?: string;
  /** A word more on what the widgets do: `opening hours read in America/Guatemala, GT's time zone`. */
  note?: string;
}

/** `items[2].title["es-MX"]`: JavaScript-like, as a publisher finds it in the document. */
export function formatPath(keys: readonly (string | number)[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** A value, shortened for one line of output; strings are quoted with their control characters escaped. */
export function shorten(value: unknown, max = 60): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') {
    const json = JSON.stringify(value);
    return json.length <= max ? json : `${JSON.stringify(value.slice(0, max - 3)).slice(0, -1)}…"`;
  }
  let text: string;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    text = `{${Object.keys(value)
      .map((k) => (/^[\w$-]+$/.test(k) ? k : JSON.stringify(k)))
      .join(', ')}}`;
  } else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      // Nested too deep to print (or a cycle): say what it is without walking it.
      text = Array.isArray(value)
        ? `[${value.length} values nested too deep to show]`
        : typeof value;
    }
  }
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
