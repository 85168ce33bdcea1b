/**
 * Size check of /admin: the page, what it loads at once (its script and every file that imports
 * statically, its styles) and its strings in one language (prints the figures, per language).
 * Screens other than the comment lists load when opened, and are printed apart.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WIDGET_DIR } from '../../server/main.ts';
import { LANGUAGES } from '../../widget/i18n/thread-catalogues.ts';
import { brotliBytes, sizeLine, sizes, staticImportClosure } from '../helpers/bundle-files.ts';

const ADMIN_DIR = `${DEFAULT_WIDGET_DIR}/../admin`;
/** The admin view is opened by the owner, not readers: a looser budget than the widget's. */
const BUDGET_BROTLI = 24 * 1024;

describe('admin view bundle (built by npm test before the tests run)', () => {
  it(`keeps /admin and everything it loads at once, in each language, within ${BUDGET_BROTLI} bytes brotli`, () => {
    const page = readFileSync(`${ADMIN_DIR}/index.html`, 'utf8');
    // Vite writes the entry as <script src="/admin/assets/…"> and the styles as <link href="/admin/assets/…">.
    const referenced = [...page.matchAll(/(?:src|href)="\/admin\/(assets\/[^"]+)"/g)].map((match) => match[1]!);
    const atOnce = new Map([['index.html', sizes(ADMIN_DIR, 'index.html')]]);
    for (const file of referenced) {
      for (const chunk of file.endsWith('.js') ? staticImportClosure(ADMIN_DIR, file) : [sizes(ADMIN_DIR, file)])
        atOnce.set(chunk.file, chunk);
    }
    for (const chunk of atOnce.values()) console.log(`  /admin/${chunk.file}: ${sizeLine([chunk])}`);
    const assets = readdirSync(`${ADMIN_DIR}/assets`);
    for (const lang of LANGUAGES.sort()) {
      const catalogue = assets.find((file) => file.startsWith(`${lang}-admin-`));
      expect(catalogue, lang).toBeDefined();
      const all = [...atOnce.values(), sizes(ADMIN_DIR, `assets/${catalogue}`)];
      console.log(`/admin in ${lang}: ${sizeLine(all)} (its strings: ${all.at(-1)!.brotli} B)`);
      expect(brotliBytes(all), lang).toBeLessThanOrEqual(BUDGET_BROTLI);
    }
    const isCatalogue = (file: string) => LANGUAGES.some((lang) => file.startsWith(`${lang}-admin-`));
    const later = assets.filter((file) => !atOnce.has(`assets/${file}`) && !isCatalogue(file));
    for (const file of later) console.log(`  when its screen opens: ${file}: ${sizeLine([sizes(ADMIN_DIR, `assets/${file}`)])}`);
  });
});
