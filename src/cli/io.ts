/// <reference types="node" />
/**
 * What every `mi-feed` command shares: where it writes, its exit codes, the usage error, and
 * the escaping of text that comes from a feed or a sheet before it reaches a terminal.
 */
import type { Writable } from 'node:stream';

/** Where a command writes. `process.stdout`/`process.stderr` in the CLI; collectors in tests. */
export interface Io {
  stdout: Writable;
  stderr: Writable;
  /** The folder relative paths are read from and written to. */
  cwd: string;
}

export const EXIT = {
  /** No problems (validate); every row converted (hubs-from-csv). */
  ok: 0,
  /** Problems: something normalized or dropped; bad rows left out. */
  problems: 1,
  /** A document or sheet that cannot be used at all, or a usage error. */
  unusable: 2,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A mistake in how the command was called, or input it cannot read: one line, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Text from a feed, a sheet or a server, made safe for one line of a terminal: C0 and C1 control
 * characters, DEL, and the Unicode bidirectional and line/paragraph separators are shown as
 * `\u001b`-style escapes, so a feed cannot clear the screen, move the cursor, or fake a line
 * of output such as "no problems".
 */
export function escapeControl(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** `1 hub`, `50,000 hubs`: a count with its noun, grouped by thousands. */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Write a line (escaped by the caller where it holds outside text). */
export function writeLine(stream: Writable, line = ''): void {
  stream.write(`${line}\n`);
}
