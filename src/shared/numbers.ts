/**
 * Numeric attributes a webmaster types by hand: `interval="8s"`, `limit="ten"`,
 * `timeout="Infinity"`, `heading-level=""`. Lit reads them with `Number()`, which gives `NaN`,
 * `Infinity` or `0` — and `NaN` slips through `Math.max` and `Math.min`: a rotating banner
 * once changed campaign about 220 times a second on `interval="8s"`. Every such value falls
 * back to the property's default instead, with one console warning naming it.
 */

/** What a numeric property accepts. */
export interface NumberRule {
  /** Its default, used in place of anything else. */
  fallback: number;
  min: number;
  max: number;
  /** Whole numbers only (`2.5` is refused, not rounded). */
  integer?: boolean;
}

const warned = new Set<string>();

/** Is `value` a number this rule accepts? */
export function acceptable(value: unknown, rule: NumberRule): value is number {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= rule.min &&
    value <= rule.max &&
    (!rule.integer || Number.isInteger(value))
  );
}

/**
 * `value` when the rule accepts it, else the rule's default — with a console warning, once per
 * element name, attribute and value.
 */
export function checkedNumber(
  value: unknown,
  rule: NumberRule,
  where: { tag: string; attribute: string; raw?: string | null },
): number {
  if (acceptable(value, rule)) return value;
  const shown = where.raw ?? String(value);
  const key = `${where.tag}|${where.attribute}|${shown}`;
  if (!warned.has(key)) {
    warned.add(key);
    const range = `${rule.integer ? 'a whole number' : 'a number'} from ${rule.min} to ${rule.max}`;
    console.warn(
      `[mi-widgets] <${where.tag}> ${where.attribute}="${shown}" is not ${range}; using ${rule.fallback}.`,
    );
  }
  return rule.fallback;
}

/** A numeric property's rule, and the attribute a webmaster writes it as. */
export interface NumericAttribute extends NumberRule {
  attribute: string;
}

/** Milliseconds to wait for a feed: 10 s by default, at most 5 minutes. */
export const TIMEOUT: NumberRule = { fallback: 10_000, min: 1, max: 300_000 };
/** The news feed's page: 5 items by default, up to 100. */
export const NEWS_LIMIT: NumberRule = { fallback: 5, min: 1, max: 100, integer: true };
/** A rotating banner's pace: 8 s by default, never under 3 s (readable, and no flashing). */
export const INTERVAL: NumberRule = { fallback: 8000, min: 3000, max: 3_600_000 };
/** A heading level that fits the page's outline: 2 to 6. */
export const headingLevel = (fallback: number): NumericAttribute => ({
  attribute: 'heading-level',
  fallback,
  min: 2,
  max: 6,
  integer: true,
});
