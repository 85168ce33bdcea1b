/**
 * The thread's words for HTML the server draws: the widget's own catalogues
 * (widget/locales/LANG/thread.ts, plain data), so a thread reads the same whether the server
 * or the widget drew it, and a language added for the widget is there for the server too.
 */
import { readdirSync } from 'node:fs';
import { FALLBACK, matchLanguage } from '../../widget/i18n/languages.ts';
import type { ThreadStrings } from '../../widget/i18n/strings.ts';
import { projectPath } from '../runtime/project-root.ts';

const LOCALES = projectPath('widget/locales');

/** The languages there are catalogues for (one folder each), read once. */
export const THREAD_LANGUAGES: readonly string[] = readdirSync(LOCALES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const loaded = new Map<string, Promise<ThreadStrings>>();

/** The catalogue nearest to `tag` ("fr-CA" finds "fr"), else English, and its language. */
export async function threadWords(tag: string | undefined): Promise<{ lang: string; t: ThreadStrings }> {
  const lang = matchLanguage(tag, THREAD_LANGUAGES) ?? FALLBACK;
  let words = loaded.get(lang);
  if (!words) {
    // A path the server's build can follow: it bundles every catalogue this pattern matches.
    words = import(`../../widget/locales/${lang}/thread.ts`).then((module: { default: ThreadStrings }) => module.default);
    loaded.set(lang, words);
  }
  return { lang, t: await words };
}
