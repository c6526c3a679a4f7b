/**
 * A partner's theme — the colours the theme builder sets, in the light and the dark theme — its
 * contrast checks, and the CSS block of `--mi-*` properties that applies it to a page. Shared by
 * the Storybook theme builder and the snippet configurator (demo/theme-builder.ts); no widget
 * imports this module.
 */
import { COLOR_DEFAULTS } from '../generated/token-values.js';
import { WIDGETS } from '../generated/widgets.js';
import { AA_TEXT, contrast, nearestPassing } from './contrast.js';

export type Mode = 'light' | 'dark';
export const MODES: readonly Mode[] = ['light', 'dark'];

/** The colours a theme sets: what the designer picks, and what the contrast checks may adjust. */
export const THEME_COLORS = [
  'primary',
  'text',
  'background',
  'surface',
  'muted',
  'on-primary',
  'error',
] as const;
export type ThemeColor = (typeof THEME_COLORS)[number];
export type Palette = Record<ThemeColor, string>;
export type Theme = Record<Mode, Palette>;

/** Foreground on background, each as the widgets use them, and the ratio WCAG AA asks of it. */
export interface Pair {
  readonly fg: ThemeColor;
  readonly bg: ThemeColor;
  readonly min: number;
  readonly label: string;
}

/** Every pair of colours the widgets put text on (all text: WCAG 1.4.3, 4.5 : 1). */
export const PAIRS: readonly Pair[] = [
  { fg: 'text', bg: 'background', min: AA_TEXT, label: 'Text on background' },
  { fg: 'text', bg: 'surface', min: AA_TEXT, label: 'Text on surface' },
  { fg: 'muted', bg: 'background', min: AA_TEXT, label: 'Muted text on background' },
  { fg: 'muted', bg: 'surface', min: AA_TEXT, label: 'Muted text on surface' },
  { fg: 'primary', bg: 'background', min: AA_TEXT, label: 'Primary (links) on background' },
  { fg: 'primary', bg: 'surface', min: AA_TEXT, label: 'Primary (links) on surface' },
  { fg: 'on-primary', bg: 'primary', min: AA_TEXT, label: 'Button text on primary' },
  { fg: 'error', bg: 'background', min: AA_TEXT, label: 'Error on background' },
];

/**
 * A pair's check: its ratio, whether it passes and, if not, the nearest shade of its foreground
 * that passes on each background that foreground is used on (primary: background and surface).
 */
export interface Check extends Pair {
  readonly ratio: number;
  readonly ok: boolean;
  readonly suggestion?: string;
}

export function checkPalette(palette: Palette): Check[] {
  return PAIRS.map((pair) => {
    const ratio = contrast(palette[pair.fg], palette[pair.bg]);
    const ok = ratio >= pair.min;
    return {
      ...pair,
      ratio,
      ok,
      // One shade for every pair of this foreground: it fixes them all at once.
      suggestion: ok
        ? undefined
        : nearestPassing(
            palette[pair.fg],
            PAIRS.filter((p) => p.fg === pair.fg).map((p) => palette[p.bg]),
            pair.min,
          ),
    };
  });
}

const pick = (colors: Readonly<Record<string, string>>): Palette =>
  Object.fromEntries(THEME_COLORS.map((c) => [c, colors[c]])) as Palette;

/** The widgets' own colours (the design tokens). */
export const defaultTheme = (): Theme => ({
  light: pick(COLOR_DEFAULTS.light),
  dark: pick(COLOR_DEFAULTS.dark),
});

/**
 * The dark theme's primary for a brand colour: the shade of it (same hue and saturation) nearest
 * to it that reads on the dark theme's background and surface — a lighter one, for a brand
 * colour chosen on white — or the dark theme's default primary when no shade of it does.
 */
export function darkPrimaryFor(brand: string, dark: Palette): string {
  return (
    nearestPassing(brand, [dark.background, dark.surface], AA_TEXT) ?? COLOR_DEFAULTS.dark.primary
  );
}

/** The widgets' tags, from the widget registry. */
export const WIDGET_TAGS: readonly string[] = Object.values(WIDGETS).map((w) => w.tag);

/**
 * The CSS that gives a page's widgets `theme`: the colours that differ from the widgets' defaults
 * in either theme, set on every widget's tag for the light theme, and for `theme="dark"` (and
 * `theme="auto"` in a dark system) again with the dark values — a page's value of a property
 * applies to both themes unless it is set again for the dark one. `scope`, a selector, limits it
 * to the widgets inside (the builder's own preview). Empty when the theme is the default one.
 */
export function themeCss(theme: Theme, scope = ''): string {
  const defaults = defaultTheme();
  const changed = THEME_COLORS.filter((c) =>
    MODES.some((mode) => theme[mode][c].toLowerCase() !== defaults[mode][c]),
  );
  if (!changed.length) return '';
  const selectors = (suffix: string, indent: string) =>
    WIDGET_TAGS.map((tag) => `${indent}${scope ? `${scope} ` : ''}${tag}${suffix}`).join(',\n');
  const block = (mode: Mode, suffix: string, indent = '') =>
    `${selectors(suffix, indent)} {\n${changed
      .map((c) => `${indent}  --mi-color-${c}: ${theme[mode][c].toLowerCase()};`)
      .join('\n')}\n${indent}}`;
  return [
    block('light', ''),
    block('dark', `[theme='dark']`),
    `@media (prefers-color-scheme: dark) {\n${block('dark', `[theme='auto']`, '  ')}\n}`,
  ].join('\n');
}
