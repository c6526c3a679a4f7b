/**
 * Colour maths for choosing a theme: WCAG 2 contrast ratios, and the nearest shade of a colour
 * (same hue and saturation, another lightness) that reaches a ratio. Plain functions over hex
 * strings, shared by the Storybook theme builder and the snippet configurator; no widget imports
 * this module.
 */

/** WCAG 2 AA: 4.5 : 1 for text (1.4.3), 3 : 1 for non-text contrast (1.4.11) and large text. */
export const AA_TEXT = 4.5;
export const AA_NON_TEXT = 3;

type Rgb = readonly [number, number, number];

/** `#rgb` or `#rrggbb` (with or without `#`, any case) → `#rrggbb`; `undefined` if not a hex colour. */
export function normalizeHex(input: string): string | undefined {
  const hex = input.trim().replace(/^#/, '').toLowerCase();
  if (/^[0-9a-f]{3}$/.test(hex)) return `#${[...hex].map((c) => c + c).join('')}`;
  return /^[0-9a-f]{6}$/.test(hex) ? `#${hex}` : undefined;
}

function rgb(hex: string): Rgb {
  const h = normalizeHex(hex);
  if (!h) throw new TypeError(`not a hex colour: ${hex}`);
  return [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as unknown as Rgb;
}

const hexOf = (c: Rgb): string =>
  `#${c
    .map((v) =>
      Math.round(Math.min(255, Math.max(0, v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;

/** WCAG 2 relative luminance (sRGB), 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG 2 contrast ratio of two colours, 1 to 21 (order does not matter). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** A ratio as people read it: truncated (never rounded up past a threshold) to two decimals. */
export const formatRatio = (ratio: number): string => `${Math.floor(ratio * 100) / 100} : 1`;

/** Hue (0–360), saturation and lightness (0–1). */
export function toHsl(hex: string): [number, number, number] {
  const [r, g, b] = rgb(hex).map((v) => v / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  if (!d) return [0, 0, l];
  const s = d / (1 - Math.abs(2 * l - 1));
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [(h * 60 + 360) % 360, s, l];
}

export function fromHsl(h: number, s: number, l: number): string {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] =
    h < 60
      ? [c, x, 0]
      : h < 120
        ? [x, c, 0]
        : h < 180
          ? [0, c, x]
          : h < 240
            ? [0, x, c]
            : h < 300
              ? [x, 0, c]
              : [c, 0, x];
  return hexOf([(r + m) * 255, (g + m) * 255, (b + m) * 255]);
}

/** Whether `color` has at least `min` contrast with every one of `backgrounds`. */
export const passes = (color: string, backgrounds: readonly string[], min: number): boolean =>
  backgrounds.every((bg) => contrast(color, bg) >= min);

/**
 * The shade of `color` nearest to it — the same hue and saturation (HSL), the lightness closest
 * to its own — that has at least `min` contrast with every one of `backgrounds`; `color` itself
 * when it has; `undefined` when no lightness of that hue reaches it (then black or white might).
 */
export function nearestPassing(
  color: string,
  backgrounds: readonly string[],
  min: number,
): string | undefined {
  const hex = normalizeHex(color);
  if (!hex) return undefined;
  if (passes(hex, backgrounds, min)) return hex;
  const [h, s, l] = toHsl(hex);
  // Lightness in steps of 0.1%, outwards from the colour's own: the first that passes is nearest.
  for (let step = 1; step <= 1000; step++)
    for (const candidate of [l - step / 1000, l + step / 1000]) {
      if (candidate < 0 || candidate > 1) continue;
      const shade = fromHsl(h, s, candidate);
      if (passes(shade, backgrounds, min)) return shade;
    }
  return undefined;
}
