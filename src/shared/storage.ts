/**
 * The browser storage the widgets use, never failing: storage blocked by privacy settings or
 * full is the same as no storage. Everything is keyed `mi-widgets:…`.
 */
type Area = 'local' | 'session';

function area(which: Area): Storage | undefined {
  try {
    return which === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** The text stored under a key, or undefined. */
export function readText(which: Area, key: string): string | undefined {
  try {
    return area(which)?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Store text; false when the browser would not keep it (full, blocked). */
export function writeText(which: Area, key: string, text: string): boolean {
  try {
    const storage = area(which);
    storage?.setItem(key, text);
    return storage !== undefined;
  } catch {
    return false;
  }
}

/** The parsed JSON stored under a key, or undefined. */
export function readJson<T>(which: Area, key: string): T | undefined {
  try {
    const text = readText(which, key);
    return text ? (JSON.parse(text) as T) : undefined;
  } catch {
    return undefined;
  }
}

/** Store a value as JSON; false when the browser would not keep it. */
export function writeJson(which: Area, key: string, value: unknown): boolean {
  return writeText(which, key, JSON.stringify(value));
}

export function removeItem(which: Area, key: string): void {
  try {
    area(which)?.removeItem(key);
  } catch {
    // nothing stored, nothing to remove
  }
}
