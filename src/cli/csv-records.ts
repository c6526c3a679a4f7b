/// <reference types="node" />
/**
 * A CSV file read as a stream of records, each with the line of the file it starts on: the
 * bytes checked as UTF-8 without holding the file, the separator found (Excel's `sep=` line, or
 * the header's commas and semicolons), then a tokenizer fed one chunk at a time.
 *
 * The tokenizer is written here rather than taken from papaparse: the line of each record has to
 * count the line breaks inside quoted values (papaparse reports offsets, not lines), every kind
 * of line break has to count (`\r\n`, `\n`, `\r`, even mixed), a record that is wrong must not
 * stop the others, and a quote that is never closed must cost neither quadratic time (papaparse
 * re-reads a pending row from its start on every chunk) nor memory.
 */
import { createReadStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';

/** One record of the file. */
export interface CsvRecord {
  /** Its values, as written (quotes removed, `""` read as `"`, line breaks in values as `\n`). */
  cells: string[];
  /** The line of the file it starts on, from 1. */
  line: number;
  /** Why the record cannot be trusted, if it cannot. */
  error?: CsvError;
}

export type CsvError =
  /** A quoted value is never closed: it runs to the end of the file. */
  | 'MissingQuotes'
  /** A quoted value is followed by more text before the separator: `"a"b`. */
  | 'InvalidQuotes'
  /** A value longer than {@link MAX_VALUE} characters (only that much of it is kept). */
  | 'TooLong';

/** The longest value kept: 1 Mi characters; past it, a record is reported, not held. */
export const MAX_VALUE = 1 << 20;

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;

const enum State {
  /** At the start of a value. */
  Start,
  /** In a value without quotes. */
  Plain,
  /** In a quoted value. */
  Quoted,
  /** Just after a quote in a quoted value: the end of the value, or the first of `""`. */
  QuoteSeen,
  /** After the closing quote, in spaces before the separator. */
  AfterQuote,
}

/**
 * A CSV tokenizer fed text in chunks: `push` returns the records completed by each chunk, `end`
 * the last one. Linear in the input; holds only the record being read.
 */
export class CsvTokenizer {
  /** The separator, as a character code. */
  private readonly delimiter: number;
  private state = State.Start;
  private cells: string[] = [];
  private value = '';
  private line: number;
  private recordLine: number;
  /** The last character was a `\r`: a `\n` right after it is the same line break. */
  private afterCR = false;
  private error: CsvError | undefined;

  /**
   * @param separator the one character between values: `,` `;` or what `sep=` says.
   * @param firstLine the line of the file the text starts on (2 after a `sep=` line).
   */
  constructor(
    readonly separator: string,
    firstLine = 1,
  ) {
    if (separator.length !== 1) throw new Error('the separator must be one character');
    this.delimiter = separator.charCodeAt(0);
    this.line = firstLine;
    this.recordLine = firstLine;
  }

  push(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    const n = text.length;
    const delimiter = this.delimiter;
    /** Where the pending part of the current value starts in `text`. */
    let from = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (this.afterCR) {
        this.afterCR = false;
        if (c === LF) {
          from = i + 1;
          continue;
        }
      }
      switch (this.state) {
        case State.Start:
          if (c === QUOTE) {
            this.state = State.Quoted;
            from = i + 1;
          } else if (c === delimiter) {
            this.cells.push('');
          } else if (c === CR || c === LF) {
            this.cells.push('');
            out.push(this.endRecord(c));
          } else {
            this.state = State.Plain;
            from = i;
          }
          break;
        case State.Plain:
          if (c === delimiter) {
            this.endValue(text, from, i);
            this.state = State.Start;
          } else if (c === CR || c === LF) {
            this.endValue(text, from, i);
            out.push(this.endRecord(c));
          }
          break;
        case State.Quoted:
          if (c === QUOTE) {
            this.append(text, from, i);
            this.state = State.QuoteSeen;
          } else if (c === CR) {
            // A line break in a value: `\n`, however the file writes it.
            this.append(text, from, i);
            this.appendText('\n');
            this.line++;
            this.afterCR = true;
            from = i + 1;
          } else if (c === LF) {
            this.line++;
          }
          break;
        case State.QuoteSeen:
          if (c === QUOTE) {
            this.appendText('"');
            this.state = State.Quoted;
            from = i + 1;
          } else if (c === delimiter) {
            this.endValue(text, 0, 0);
            this.state = State.Start;
          } else if (c === CR || c === LF) {
            this.endValue(text, 0, 0);
            out.push(this.endRecord(c));
          } else if (c === SPACE || c === TAB) {
            this.state = State.AfterQuote;
          } else {
            // `"a"b`: keep reading the value as written, and say the record is not to be trusted.
            this.error ??= 'InvalidQuotes';
            this.appendText('"');
            this.state = State.Plain;
            from = i;
          }
          break;
        case State.AfterQuote:
          if (c === delimiter) {
            this.endValue(text, 0, 0);
            this.state = State.Start;
          } else if (c === CR || c === LF) {
            this.endValue(text, 0, 0);
            out.push(this.endRecord(c));
          } else if (c !== SPACE && c !== TAB) {
            this.error ??= 'InvalidQuotes';
            this.state = State.Plain;
            from = i;
          }
          break;
      }
    }
    if (this.state === State.Plain || this.state === State.Quoted) this.append(text, from, n);
    return out;
  }

  /** The record still open at the end of the file, if any. */
  end(): CsvRecord[] {
    this.afterCR = false;
    if (this.state === State.Start && this.cells.length === 0) return [];
    if (this.state === State.Quoted) this.error ??= 'MissingQuotes';
    this.endValue('', 0, 0);
    const record = this.record();
    this.state = State.Start;
    return [record];
  }

  private append(text: string, from: number, to: number): void {
    if (to > from) this.appendText(text.slice(from, to));
  }

  private appendText(part: string): void {
    if (this.value.length + part.length <= MAX_VALUE) this.value += part;
    else if (this.error !== 'MissingQuotes') this.error = 'TooLong';
  }

  private endValue(text: string, from: number, to: number): void {
    this.append(text, from, to);
    this.cells.push(this.value);
    this.value = '';
  }

  private endRecord(breakChar: number): CsvRecord {
    const record = this.record();
    this.line++;
    this.recordLine = this.line;
    this.afterCR = breakChar === CR;
    this.state = State.Start;
    return record;
  }

  private record(): CsvRecord {
    const record: CsvRecord = { cells: this.cells, line: this.recordLine };
    if (this.error) record.error = this.error;
    this.cells = [];
    this.error = undefined;
    return record;
  }
}

/**
 * The separator of a sheet from its first line: Excel's `sep=;` line names it (and is a line of
 * the file); otherwise `;` when the first line that is not blank has more semicolons than commas
 * (outside quotes), else `,`. `start` is how much of the text the `sep=` line takes.
 */
export function detectDelimiter(head: string): { delimiter: string; start: number } {
  const sep = /^sep=(.)(\r\n|\n|\r)/i.exec(head);
  if (sep) return { delimiter: sep[1], start: sep[0].length };
  const header = head
    .replace(/^\s+/, '')
    .split(/\r\n|\n|\r/, 1)[0]
    .replace(/"[^"]*"/g, '');
  const count = (c: string) => header.split(c).length - 1;
  return { delimiter: count(';') > count(',') ? ';' : ',', start: 0 };
}

/** Is the start of a sheet enough to find its separator: a line that is not blank, and its end? */
export const hasFirstLine = (head: string): boolean => /\S[^\r\n]*[\r\n]/.test(head);

/** Where a file is not UTF-8. */
export class NotUtf8Error extends Error {
  override name = 'NotUtf8Error';
  constructor(readonly line: number) {
    super(`not UTF-8 text at line ${line}`);
  }
}

/** Line breaks in bytes (`\r\n` once), given whether the byte before them was a `\r`. */
function countBreaks(bytes: Uint8Array, afterCR: boolean): { breaks: number; afterCR: boolean } {
  let breaks = 0;
  for (let at = bytes.indexOf(LF); at !== -1; at = bytes.indexOf(LF, at + 1)) breaks++;
  for (let at = bytes.indexOf(CR); at !== -1; at = bytes.indexOf(CR, at + 1)) {
    if (bytes[at + 1] !== LF) breaks++;
  }
  if (afterCR && bytes[0] === LF) breaks--;
  return { breaks, afterCR: bytes.length ? bytes[bytes.length - 1] === CR : afterCR };
}

/**
 * Read a file through once and check that it is UTF-8, holding one chunk (and the line being
 * read) at a time. Throws {@link NotUtf8Error} with the line of the first bad byte; I/O errors
 * as they come.
 */
export async function checkUtf8(path: string): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let afterCR = false;
  /** The bytes since the last line break (up to a limit), to find the bad line in. */
  let tail: Uint8Array = new Uint8Array(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) {
    const bytes = chunk as Buffer;
    try {
      decoder.decode(bytes, { stream: true });
    } catch {
      throw new NotUtf8Error(line + badLineOffset(tail, bytes));
    }
    const counted = countBreaks(bytes, afterCR);
    line += counted.breaks;
    afterCR = counted.afterCR;
    const lastBreak = Math.max(bytes.lastIndexOf(LF), bytes.lastIndexOf(CR));
    tail =
      lastBreak === -1
        ? concatBytes(tail.length < MAX_VALUE ? tail : new Uint8Array(0), bytes)
        : bytes.subarray(lastBreak + 1);
  }
  try {
    decoder.decode();
  } catch {
    throw new NotUtf8Error(line);
  }
}

/** Which line, counted from the start of `tail`, holds the first byte that is not UTF-8. */
function badLineOffset(tail: Uint8Array, bytes: Uint8Array): number {
  const all = concatBytes(tail, bytes);
  let offset = 0;
  let start = 0;
  for (let i = 0; i <= all.length; i++) {
    const b = all[i];
    if (i < all.length && b !== LF && b !== CR) continue;
    if (!isUtf8(all.subarray(start, i))) return offset;
    if (b === CR && all[i + 1] === LF) i++;
    offset++;
    start = i + 1;
  }
  return offset;
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (!a.length) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
