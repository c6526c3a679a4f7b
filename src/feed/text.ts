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

/**
 * Resolve a localized text field: the best language in the map by the visitor's preferences,
 * otherwise whatever text there is (something rather than nothing).
 */
export function pickText(text: LocalizedText | undefined, preferences: readonly string[]): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  let best = '';
  let bestRank = Number.POSITIVE_INFINITY;
  for (const [tag, value] of Object.entries(text)) {
    if (!value.trim()) continue;
    const rank = languageRank(tag, preferences);
    if (rank < bestRank || !best) {
      best = value;
      bestRank = rank;
    }
  }
  return best;
}

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
