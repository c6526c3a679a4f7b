import type { LocalizedText } from './schema.js';

const primary = (tag: string) => tag.toLowerCase().split('-')[0];

/**
 * The visitor's language preferences for content, best first: the element's language, then the
 * fallback languages its community reads (K'iche' → Spanish, Haitian Creole → French), then
 * English.
 */
export function contentPreferences(lang: string, fallbacks: readonly string[]): string[] {
  return [...new Set([lang, ...fallbacks, 'en'].map((t) => t.toLowerCase()))];
}

/** How well a content language tag matches the preference list: lower is better. */
export function languageRank(tag: string | undefined, preferences: readonly string[]): number {
  if (!tag) return preferences.length; // neutral: after every preferred language
  const t = tag.toLowerCase();
  for (let i = 0; i < preferences.length; i++) {
    if (preferences[i] === t) return i;
    if (primary(preferences[i]) === primary(t)) return i + 0.5;
  }
  return Number.POSITIVE_INFINITY;
}

/** A text as shown, and its language when the feed says (a key of its map). */
export interface PickedText {
  text: string;
  lang?: string;
}

/**
 * Resolve a localized text field: the best language in the map by the visitor's preferences,
 * otherwise whatever text there is (something rather than nothing), with the language it is in.
 */
export function pickLocalized(
  text: LocalizedText | undefined,
  preferences: readonly string[],
): PickedText {
  if (text === undefined) return { text: '' };
  if (typeof text === 'string') return { text };
  let best: PickedText = { text: '' };
  let bestRank = Number.POSITIVE_INFINITY;
  for (const [tag, value] of Object.entries(text)) {
    if (!value.trim()) continue;
    const rank = languageRank(tag, preferences);
    if (rank < bestRank || !best.text) {
      best = { text: value, lang: tag };
      bestRank = rank;
    }
  }
  return best;
}

/** {@link pickLocalized}'s text alone. */
export function pickText(text: LocalizedText | undefined, preferences: readonly string[]): string {
  return pickLocalized(text, preferences).text;
}

/** Whether two language tags are one language (`es` and `es-MX`). */
export const sameLanguage = (a: string, b: string): boolean => primary(a) === primary(b);

/** The URL when it is absolute http(s), else undefined: nothing else reaches `href`/`src`. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
