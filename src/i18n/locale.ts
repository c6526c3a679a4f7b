/**
 * Which language a widget speaks. Framework-free.
 *
 * A widget's language is its own `lang` attribute, else the nearest ancestor's `lang` (crossing
 * shadow roots), else the browser's languages, else English. From that tag come three things:
 * - the interface locale: one of the translated locales (en, es, fr, pt);
 * - the formatting locale for `Intl` (dates, numbers) — never silently en-US for a language
 *   `Intl` has no data for: Haitian Creole formats as fr-HT, Mayan languages as es-GT;
 * - the content preferences used to choose feed items and text.
 */
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';

export type UiLocale = typeof sourceLocale | (typeof targetLocales)[number];
export const UI_LOCALES: readonly UiLocale[] = [sourceLocale, ...targetLocales];

/**
 * Regional languages of Mexico, Central America and the Caribbean that `Intl` and our
 * translations do not cover, with the locales their speakers most often also read.
 */
const FALLBACKS: Record<string, readonly string[]> = {
  ht: ['fr-HT', 'fr'], // Haitian Creole
  quc: ['es-GT', 'es'], // K'iche'
  kek: ['es-GT', 'es'], // Q'eqchi'
  mam: ['es-GT', 'es'], // Mam
  cak: ['es-GT', 'es'], // Kaqchikel
  ixl: ['es-GT', 'es'], // Ixil
  poh: ['es-GT', 'es'], // Poqomchi'
  cab: ['es-HN', 'es'], // Garifuna
  miq: ['es-NI', 'es'], // Miskito
  nah: ['es-MX', 'es'], // Nahuatl
  yua: ['es-MX', 'es'], // Yucatec Maya
  tzo: ['es-MX', 'es'], // Tzotzil
  tzh: ['es-MX', 'es'], // Tzeltal
  zap: ['es-MX', 'es'], // Zapotec
  mix: ['es-MX', 'es'], // Mixtec
};

const primary = (tag: string) => tag.toLowerCase().split('-')[0];

/** The fallback chain of a tag, without the tag itself. */
export function fallbackChain(tag: string): readonly string[] {
  const code = primary(tag);
  return Object.hasOwn(FALLBACKS, code) ? FALLBACKS[code] : [];
}

function isUiLocale(tag: string): tag is UiLocale {
  return (UI_LOCALES as readonly string[]).includes(tag);
}

/** The interface locale for a language tag: es-MX → es, quc → es, ht → fr, de → en. */
export function uiLocaleFor(tag: string): UiLocale {
  for (const candidate of [tag, ...fallbackChain(tag)]) {
    const p = primary(candidate);
    if (isUiLocale(p)) return p;
  }
  return sourceLocale;
}

function intlSupports(tag: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false; // not even a well-formed tag
  }
}

/** The locale to hand to `Intl` for a language tag. */
export function formatLocaleFor(tag: string): string {
  for (const candidate of [tag, ...fallbackChain(tag)]) {
    if (intlSupports(candidate)) return candidate;
  }
  return uiLocaleFor(tag);
}

/** The nearest `lang` attribute at or above a node, crossing shadow roots. */
export function inheritedLang(node: Node): string | undefined {
  let current: Node | null = node;
  while (current) {
    if (current instanceof Element) {
      const lang = current.getAttribute('lang')?.trim();
      if (lang) return lang;
    }
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return undefined;
}

/** The browser's first language we can speak in some way, else its first, else English. */
export function browserLang(languages: readonly string[] = navigator.languages ?? []): string {
  const usable = languages.find((l) => isUiLocale(primary(l)) || fallbackChain(l).length > 0);
  return usable ?? languages[0] ?? sourceLocale;
}

/** The language of a widget, by the rule in this module's header. */
export function resolveLang(element: Element): string {
  return inheritedLang(element) ?? browserLang();
}
