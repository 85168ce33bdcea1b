/**
 * Which language to speak: a catalogue is a folder of widget/locales/ named by its language
 * tag in lower case ("fr", "pt-br"), found at build time; the widget and the admin view pick
 * one for a tag such as "fr-CA" and load only that one's files.
 */

/** The language every catalogue is checked against, and the one spoken when no other fits. */
export const FALLBACK = 'en';

/**
 * The catalogue for a language tag: the whole tag if there is one for it, else shorter and
 * shorter prefixes ("fr-CA" -> "fr"), else null.
 */
export function matchLanguage(tag: string | null | undefined, available: readonly string[]): string | null {
  const parts = (tag ?? '').trim().toLowerCase().replace(/_/g, '-').split('-');
  for (let i = parts.length; i > 0; i--) {
    const candidate = parts.slice(0, i).join('-');
    if (available.includes(candidate)) return candidate;
  }
  return null;
}

/** The first of `tags` (most wanted first) that has a catalogue, else English. */
export function pickLanguage(tags: readonly (string | null | undefined)[], available: readonly string[]): string {
  for (const tag of tags) {
    const match = matchLanguage(tag, available);
    if (match) return match;
  }
  return FALLBACK;
}

/** The language an element is written in, as HTML says: its own `lang`, else its nearest ancestor's, else `<html lang>`. */
export function elementLanguage(element: Element): string {
  return (element.closest('[lang]') ?? document.documentElement).getAttribute('lang') ?? '';
}
