// What the CLI's tests share: an output stream that keeps what is written to it, the line of an
// output that says something, and the characters no output may carry raw.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { setImmediate } from 'node:timers';

/** A stream that keeps what is written to it; `slow` makes it take each write later (backpressure). */
export function collector({ slow = false } = {}) {
  const chunks = [];
  const stream = new Writable({
    highWaterMark: slow ? 1024 : 16 * 1024,
    write(chunk, _encoding, callback) {
      chunks.push(chunk.toString());
      if (slow) setImmediate(callback);
      else callback();
    },
  });
  return { stream, chunks, text: () => chunks.join('') };
}

/** The output line that mentions `needle`. */
export function lineWith(text, needle) {
  const line = text.split('\n').find((l) => l.includes(needle));
  assert.ok(line, `no line with ${JSON.stringify(needle)} in:\n${text}`);
  return line;
}

/**
 * Characters that must never reach a terminal raw: C0 controls but the line feed, DEL, C1
 * controls, bidirectional marks, overrides and isolates, line and paragraph separators.
 */
export const RAW_CONTROL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
