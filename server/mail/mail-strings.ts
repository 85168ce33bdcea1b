/**
 * The words of every mail and link page, in the thread's language: one catalogue per language
 * in widget/locales/LANG/mail.ts (shape: widget/i18n/mail-strings.ts), English where the page
 * declared none or one Riposte does not speak.
 */
import type { MailStrings } from '../../widget/i18n/mail-strings.ts';
import { FALLBACK, matchLanguage } from '../../widget/i18n/languages.ts';
import de from '../../widget/locales/de/mail.ts';
import en from '../../widget/locales/en/mail.ts';
import fr from '../../widget/locales/fr/mail.ts';

export type { MailStrings, NotificationWords, Subscription } from '../../widget/i18n/mail-strings.ts';

/** A new language's mail.ts is added here too (the widget finds its own files by itself). */
const CATALOGUES: Record<string, MailStrings> = { de, en, fr };

/** The catalogue for a language tag (`fr-CA` finds `fr`), else English. */
export function mailStrings(lang?: string | null): MailStrings {
  return CATALOGUES[matchLanguage(lang, Object.keys(CATALOGUES)) ?? FALLBACK] ?? en;
}
