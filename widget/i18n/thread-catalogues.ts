/// <reference types="vite/client" />
/**
 * The thread's catalogues, one chunk per language (widget/locales/LANG/thread.ts): a page
 * fetches only the one it speaks, alongside its comments.
 */
import { byLanguage } from './languages.ts';
import type { ThreadStrings } from './strings.ts';

export const threadCatalogues = byLanguage(import.meta.glob<ThreadStrings>('../locales/*/thread.ts', { import: 'default' }));

/** The languages the widget speaks: one per folder of widget/locales/. */
export const LANGUAGES = Object.keys(threadCatalogues);
