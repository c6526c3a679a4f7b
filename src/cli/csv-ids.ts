/// <reference types="node" />
/**
 * The ids seen so far in a sheet, in 12 bytes an id whatever its length: a 64-bit fingerprint
 * and the line it was on, in an open-addressing table of typed arrays. This is all that
 * `hubs-from-csv` keeps per row, so a sheet of a million hubs needs about 24 MB for it (the
 * table is kept at most half full), where a `Map` of the ids themselves takes several times that
 * and would keep alive the chunk of the file each id was sliced from.
 *
 * Two different ids share a fingerprint with a probability of about n² / 2⁶⁵: one in 37 million
 * for a sheet of a million ids. Such a pair would be reported as a repeated id.
 */

/** The 64-bit fingerprint of a string as two 32-bit halves (cyrb53's mixing, both halves kept). */
function fingerprint(text: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** The high bit of a stored line: the id was derived, not written in the sheet. */
const DERIVED = 0x80000000;
const LINE = 0x7fffffff;

export class IdLines {
  /** Per slot: the two halves of a fingerprint. */
  private keys = new Uint32Array(2 * 1024);
  /** Per slot: the line of the id, from 1 (and {@link DERIVED}); 0 for an empty slot. */
  private lines = new Uint32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /**
   * Where an id was first seen: its line, and whether it was the id the widgets give a hub
   * without one (`hub-3`). When it is new, it is remembered with `line` and the result is
   * undefined.
   */
  firstSeen(
    id: string,
    line: number,
    derived = false,
  ): { line: number; derived: boolean } | undefined {
    const [a, b] = fingerprint(id);
    const slot = this.find(a, b);
    const found = this.lines[slot];
    if (found !== 0) return { line: found & LINE, derived: (found & DERIVED) !== 0 };
    this.keys[2 * slot] = a;
    this.keys[2 * slot + 1] = b;
    this.lines[slot] = (line & LINE) | (derived ? DERIVED : 0);
    if (++this.count * 2 > this.lines.length) this.grow();
    return undefined;
  }

  /** The slot holding this fingerprint, or the empty slot where it belongs. */
  private find(a: number, b: number): number {
    const mask = this.lines.length - 1;
    let slot = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    while (this.lines[slot] !== 0 && (this.keys[2 * slot] !== a || this.keys[2 * slot + 1] !== b)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private grow(): void {
    const { keys, lines } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.lines = new Uint32Array(lines.length * 2);
    for (let slot = 0; slot < lines.length; slot++) {
      if (lines[slot] === 0) continue;
      const at = this.find(keys[2 * slot], keys[2 * slot + 1]);
      this.keys[2 * at] = keys[2 * slot];
      this.keys[2 * at + 1] = keys[2 * slot + 1];
      this.lines[at] = lines[slot];
    }
  }
}
