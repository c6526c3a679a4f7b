/// <reference types="node" />
/**
 * What `mi-feed` reads: a file or an http(s) URL, read safely (a size cap, a timeout for URLs,
 * UTF-8 only), and the JSON in it, with the line and column of a syntax error. Everything that
 * goes wrong here is a `UsageError`: one clean line, exit 2.
 */
import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { escapeControl, UsageError } from './io.js';

/** The largest document read unless `--max-size` says otherwise: 50 MB. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/** How long a URL may take unless `--timeout` says otherwise — connecting, the headers and the whole body: 30 s. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** The longest timeout `setTimeout` can keep. */
const MAX_TIMEOUT_MS = 2_147_483_647;
const CHUNK = 64 * 1024;

export interface ReadOptions {
  /** The folder relative paths are read from. */
  cwd: string;
  /** Reading stops, with an error, past this many bytes. Default: `DEFAULT_MAX_BYTES`. */
  maxBytes?: number;
  /** A URL must be read completely within this time. Default: `DEFAULT_TIMEOUT_MS`. */
  timeoutMs?: number;
  /** The HTTP `Accept` header. */
  accept?: string;
  /** Said after "… is not UTF-8 text", e.g. how to save a sheet as UTF-8. */
  utf8Hint?: string;
}

export interface Input {
  /** The text, decoded as UTF-8 (a byte order mark removed). */
  text: string;
  /** What relative URLs in it are relative to: the file's `file:` URL, or the URL after redirects. */
  base: string;
  /** Its size in bytes. */
  bytes: number;
}

/** `52428800` → `50 MB`, `1536` → `1.5 KB`. */
export function formatSize(bytes: number): string {
  const units: [number, string][] = [
    [1024 ** 3, 'GB'],
    [1024 ** 2, 'MB'],
    [1024, 'KB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}

/** `50MB`, `512k`, `1.5 MB`, `100000` (bytes) → bytes; units are powers of 1024. */
export function parseSize(text: string, option = '--max-size'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\s*$/i.exec(text);
  const factor: Record<string, number> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
  const bytes = m ? Math.floor(Number(m[1]) * factor[(m[2] ?? 'b')[0].toLowerCase()]) : NaN;
  if (!(bytes >= 1) || !Number.isSafeInteger(bytes)) {
    throw new UsageError(
      `${option} ${escapeControl(JSON.stringify(text))} is not a size such as "50MB" or "512KB"`,
    );
  }
  return bytes;
}

/** `30` or `30s` (seconds), `500ms`, `2m` → milliseconds. */
export function parseTimeout(text: string, option = '--timeout'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/i.exec(text);
  const factor: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };
  const ms = m ? Math.round(Number(m[1]) * factor[(m[2] ?? 's').toLowerCase()]) : NaN;
  if (!(ms >= 1) || ms > MAX_TIMEOUT_MS) {
    throw new UsageError(
      `${option} ${escapeControl(JSON.stringify(text))} is not a time such as "30" (seconds), "30s" or "500ms"`,
    );
  }
  return ms;
}

/** `30 s`, `1.5 s`, `200 ms`. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

const isUrl = (source: string) => /^https?:\/\//i.test(source);

/**
 * Read a file (relative to `options.cwd`, or a `file:` URL) or an http(s) URL, whole, as UTF-8
 * text. Throws a `UsageError` with one line for anything that stops it: a missing file, a
 * directory, a file or a body over the size cap, a URL that does not answer or finish within
 * the timeout, an HTTP error, text that is not UTF-8.
 */
export async function readInput(source: string, options: ReadOptions): Promise<Input> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const label = escapeControl(source);
  let bytes: Uint8Array;
  let base: string;
  if (isUrl(source)) {
    ({ bytes, base } = await fetchBytes(source, label, maxBytes, options));
  } else if (/^[a-z][a-z\d+.-]+:\/\//i.test(source) && !/^file:/i.test(source)) {
    throw new UsageError(`cannot read ${label}: only files and http(s) URLs can be read`);
  } else {
    let path: string;
    try {
      path = /^file:/i.test(source) ? fileURLToPath(source) : resolve(options.cwd, source);
    } catch (error) {
      throw new UsageError(`cannot read ${label}: ${messageOf(error)}`);
    }
    bytes = await readFileBytes(path, label, maxBytes);
    base = pathToFileURL(path).href;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(
      `${label} is not UTF-8 text${options.utf8Hint ? `: ${options.utf8Hint}` : ''}`,
    );
  }
  return { text, base, bytes: bytes.byteLength };
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return escapeControl(text.split('\n', 1)[0]);
}

function overCap(label: string, maxBytes: number, size?: number): UsageError {
  return new UsageError(
    `${label} is ${size === undefined ? 'larger than' : `${formatSize(size)}, over`} the ` +
      `${formatSize(maxBytes)} limit (raise it with --max-size)`,
  );
}

function fileError(label: string, error: unknown): UsageError {
  const code = (error as { code?: unknown } | null)?.code;
  const reason =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'it is a directory, not a file'
          : code === 'ENOTDIR'
            ? 'a part of the path is not a directory'
            : messageOf(error);
  return new UsageError(`cannot read ${label}: ${reason}`);
}

/**
 * A file, at most `maxBytes` long: its size is checked before it is read, and the reading stops
 * past the cap anyway (a file that grows meanwhile, a pipe, a device such as /dev/zero).
 */
async function readFileBytes(path: string, label: string, maxBytes: number): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw fileError(label, error);
  }
  if (info.isDirectory())
    throw new UsageError(`cannot read ${label}: it is a directory, not a file`);
  if (info.isFile() && info.size > maxBytes) throw overCap(label, maxBytes, info.size);

  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fileError(label, error);
  }
  try {
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const buffer = new Uint8Array(Math.min(CHUNK, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw overCap(label, maxBytes);
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return concat(chunks, total);
  } catch (error) {
    throw error instanceof UsageError ? error : fileError(label, error);
  } finally {
    await handle.close();
  }
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

class Timeout extends Error {}

/**
 * A URL's body, at most `maxBytes` long, all of it within the timeout: the one deadline covers
 * connecting, waiting for the headers and reading the body, which is read as a stream and
 * counted, so a server that hangs, or sends forever, is cut off (and its connection closed).
 */
async function fetchBytes(
  url: string,
  label: string,
  maxBytes: number,
  options: ReadOptions,
): Promise<{ bytes: Uint8Array; base: string }> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Timeout()), timeoutMs);
  const timedOut = () => controller.signal.reason instanceof Timeout;
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: options.accept ?? 'application/json, */*;q=0.5' },
        signal: controller.signal,
      });
    } catch (error) {
      if (timedOut()) {
        throw new UsageError(
          `cannot fetch ${label}: no answer within ${formatDuration(timeoutMs)} (change it with --timeout)`,
        );
      }
      const cause = (error as { cause?: unknown }).cause;
      throw new UsageError(`cannot fetch ${label}: ${messageOf(cause ?? error)}`);
    }
    if (!response.ok) {
      controller.abort();
      throw new UsageError(
        `cannot fetch ${label}: HTTP ${response.status} ${escapeControl(response.statusText)}`.trim(),
      );
    }
    const length = Number(response.headers.get('content-length') ?? NaN);
    if (length > maxBytes) {
      controller.abort();
      throw overCap(label, maxBytes, length);
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    if (response.body) {
      const reader = response.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          total += value.byteLength;
          if (total > maxBytes) {
            controller.abort();
            throw overCap(label, maxBytes);
          }
          chunks.push(value);
        }
      } catch (error) {
        if (error instanceof UsageError) throw error;
        if (timedOut()) {
          throw new UsageError(
            `cannot fetch ${label}: the download did not finish within ${formatDuration(timeoutMs)} ` +
              `(${formatSize(total)} received; change it with --timeout)`,
          );
        }
        const cause = (error as { cause?: unknown }).cause;
        throw new UsageError(
          `cannot fetch ${label}: the download broke off: ${messageOf(cause ?? error)}`,
        );
      }
    }
    return { bytes: concat(chunks, total), base: response.url || url };
  } finally {
    clearTimeout(timer);
  }
}

// --- JSON ----------------------------------------------------------------------------------

export interface JsonSyntaxError {
  /** Both from 1; the column counts UTF-16 code units, as editors do. */
  line: number;
  column: number;
  /** What is wrong there, in words: `a comma (,) or a closing ] expected`. */
  message: string;
  /** The line of the error (cut around the spot, escaped for a terminal), and a caret line under the spot. */
  excerpt: [string, string];
}

const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'this is not JSON',
  InvalidNumberFormat: 'a number not written as JSON writes numbers',
  PropertyNameExpected: 'a property name in double quotes expected',
  ValueExpected: 'a value expected',
  ColonExpected: 'a colon (:) expected',
  CommaExpected: 'a comma (,) expected',
  CloseBraceExpected: 'a comma (,) or a closing } expected',
  CloseBracketExpected: 'a comma (,) or a closing ] expected',
  EndOfFileExpected: 'the end of the document expected',
  InvalidCommentToken: 'a comment: JSON has none',
  UnexpectedEndOfComment: 'a comment: JSON has none',
  UnexpectedEndOfString: 'a string that is not closed (a " is missing)',
  UnexpectedEndOfNumber: 'a number cut short',
  InvalidUnicode: 'a \\u escape needs four hexadecimal digits',
  InvalidEscapeCharacter:
    'an escape JSON does not have (it has \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
  InvalidCharacter:
    'a control character (a tab, a line break) inside a string: write it as \\t or \\n',
};

/** The parsed document, or where and why it is not JSON. */
export function parseJson(text: string): { value: unknown } | { error: JsonSyntaxError } {
  let fromV8: Error;
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    fromV8 = error as Error;
  }
  const errors: ParseError[] = [];
  try {
    parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false });
  } catch {
    // jsonc-parser recurses: a document nested thousands deep overflows its stack.
    errors.length = 0;
  }
  const first = errors[0];
  let offset: number;
  let message: string;
  if (first) {
    const code = printParseErrorCode(first.error);
    ({ offset, message } = refine(text, code, first.offset, first.length));
  } else {
    // Something jsonc-parser lets through and JSON.parse does not: V8's position, if it gives one.
    const position = /at position (\d+)/.exec(fromV8.message);
    offset = position ? Number(position[1]) : text.length;
    message = messageOf(fromV8).replace(/ in JSON at position \d+.*$/, '');
  }
  // "Unexpected end": point just after the last thing written, not at an empty last line.
  offset = Math.max(0, Math.min(offset, text.trimEnd().length));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const column = offset - lineStart + 1;
  return { error: { line, column, message, excerpt: excerpt(text, lineStart, offset) } };
}

/** A clearer spot and message than the token's start, where the token says more. */
function refine(
  text: string,
  code: string,
  offset: number,
  length: number,
): { offset: number; message: string } {
  const token = text.slice(offset, offset + length);
  if (code === 'InvalidCharacter') {
    // eslint-disable-next-line no-control-regex
    const at = token.slice(1).search(/[\u0000-\u001f]/);
    if (at !== -1) return { offset: offset + 1 + at, message: JSON_ERRORS[code] };
  }
  if (code === 'InvalidEscapeCharacter' || code === 'InvalidUnicode') {
    const bad = /\\(?:u(?![0-9a-fA-F]{4})|[^"\\/bfnrtu])/.exec(token.slice(1));
    if (bad) return { offset: offset + 1 + bad.index, message: JSON_ERRORS[code] };
  }
  if (code === 'PropertyNameExpected' || code === 'ValueExpected') {
    const before = text.slice(0, offset).trimEnd();
    if (before.endsWith(',') && /^[}\]]/.test(token)) {
      return {
        offset: before.length - 1,
        message: `a comma before ${token[0]}: JSON allows no trailing comma`,
      };
    }
  }
  if (code === 'InvalidSymbol') {
    const shown = token.length > 20 ? `${token.slice(0, 19)}…` : token;
    return {
      offset,
      message: `${escapeControl(JSON.stringify(shown))} is not JSON`,
    };
  }
  return { offset, message: JSON_ERRORS[code] ?? code };
}

/** The line of the error, cut around it and escaped, with a caret under the spot. */
function excerpt(text: string, lineStart: number, offset: number): [string, string] {
  let end = text.indexOf('\n', lineStart);
  if (end === -1) end = text.length;
  const full = text.slice(lineStart, end).replace(/\r$/, '');
  const at = offset - lineStart;
  const from = Math.max(0, at - 40);
  const to = Math.min(full.length, from + 80);
  const show = (s: string) => escapeControl(s.replace(/\t/g, ' '));
  const prefix = from > 0 ? '…' : '';
  const before = prefix + show(full.slice(from, at));
  const shown = before + show(full.slice(at, to)) + (to < full.length ? '…' : '');
  return [shown, `${' '.repeat(before.length)}^`];
}
