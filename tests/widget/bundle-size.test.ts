/**
 * Size check: what a reader downloads before the first comment shows, for each language: embed.js,
 * whatever it imports at once, and that language's thread strings (prints the figures).
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WIDGET_DIR } from '../../server/main.ts';
import { LANGUAGES } from '../../widget/i18n/thread-catalogues.ts';
import { brotliBytes, STATIC_IMPORT, sizeLine as line, sizes as sizesIn, staticImportClosure } from '../helpers/bundle-files.ts';

const BUDGET_BROTLI = 12 * 1024;
const sizes = (file: string) => sizesIn(DEFAULT_WIDGET_DIR, file);

const assets = readdirSync(`${DEFAULT_WIDGET_DIR}/assets`).filter((file) => file.endsWith('.js'));
const catalogue = (lang: string, kind: string) => assets.find((file) => file.startsWith(`${lang}-${kind}-`));

describe('widget bundle (built by npm test before the tests run)', () => {
  it('finds static imports in minified code, and lazy import() apart from them', () => {
    expect([...'import{a as e}from"./assets/x.js";import"./y.js";import("./z.js")'.matchAll(STATIC_IMPORT)].map((m) => m[1])).toEqual([
      './assets/x.js',
      './y.js',
    ]);
  });

  it('has one thread catalogue and one form catalogue per language, and a chunk for nothing else that is a language', () => {
    expect(LANGUAGES.sort()).toEqual(['de', 'en', 'fr']);
    for (const lang of LANGUAGES) {
      expect(catalogue(lang, 'thread'), lang).toBeDefined();
      expect(catalogue(lang, 'form'), lang).toBeDefined();
    }
  });

  it(`keeps each language's first load (embed.js, its static imports, its strings) within ${BUDGET_BROTLI} bytes brotli`, () => {
    const entry = staticImportClosure(DEFAULT_WIDGET_DIR, 'embed.js');
    for (const chunk of entry) console.log(`${chunk.file}: ${line([chunk])} (CSS is inside, as text)`);
    const later = assets.filter((file) => !entry.some((chunk) => chunk.file === `assets/${file}`) && !/^[a-z-]+-thread-/.test(file));
    for (const lang of LANGUAGES.sort()) {
      const first = [...entry, sizes(`assets/${catalogue(lang, 'thread')}`)];
      console.log(`first load in ${lang}: ${line(first)} (its strings: ${line(first.slice(-1))})`);
      expect(brotliBytes(first), lang).toBeLessThanOrEqual(BUDGET_BROTLI);
    }
    for (const file of later) console.log(`  after the comments show: ${file}: ${line([sizes(`assets/${file}`)])}`);
  });
});
