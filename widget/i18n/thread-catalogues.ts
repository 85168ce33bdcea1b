/// <reference types="vite/client" />
/**
 * The thread's catalogues, one chunk per language (widget/locales/LANG/thread.ts): a page
 * fetches only the one it speaks, alongside its comments.
 */
import type { ThreadStrings } from './strings.ts';

const files = import.meta.glob<ThreadStrings>('../locales/*/thread.ts', { import: 'default' });

/** The languages the widget speaks: one per folder of widget/locales/. */
export const LANGUAGES = Object.keys(files).map((path) => path.split('/')[2] ?? '');

/** Fetches one language's thread strings (`lang` is one of LANGUAGES). */
export const loadThreadStrings = (lang: string) => files[`../locales/${lang}/thread.ts`]!();
