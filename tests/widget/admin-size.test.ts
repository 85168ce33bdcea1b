/** Size check of /admin: the page and everything it loads, its strings in one language (prints the figures, per language). */
import { readFileSync, readdirSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WIDGET_DIR } from '../../server/main.ts';
import { LANGUAGES } from '../../widget/i18n/thread-catalogues.ts';

const ADMIN_DIR = `${DEFAULT_WIDGET_DIR}/../admin`;
/** The admin view is opened by the owner, not readers: a looser budget than the widget's. */
const BUDGET_BROTLI = 24 * 1024;

function sizes(file: string) {
  const bytes = readFileSync(`${ADMIN_DIR}/${file}`);
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
}

describe('admin view bundle (built by npm test before the tests run)', () => {
  it(`keeps /admin and everything it loads, in each language, within ${BUDGET_BROTLI} bytes brotli`, () => {
    const assets = readdirSync(`${ADMIN_DIR}/assets`);
    const isCatalogue = (file: string) => /^[a-z-]+-admin-/.test(file);
    const shared = ['index.html', ...assets.filter((file) => !isCatalogue(file)).map((file) => `assets/${file}`)].map(sizes);
    for (const size of shared) console.log(`  /admin/${size.file}: ${size.raw} B raw, ${size.gzip} B gzip, ${size.brotli} B brotli`);
    for (const lang of LANGUAGES.sort()) {
      const catalogue = assets.find((file) => file.startsWith(`${lang}-admin-`));
      expect(catalogue, lang).toBeDefined();
      const all = [...shared, sizes(`assets/${catalogue}`)];
      const total = (key: 'raw' | 'gzip' | 'brotli') => all.reduce((sum, size) => sum + size[key], 0);
      console.log(
        `/admin in ${lang}: ${total('raw')} B raw, ${total('gzip')} B gzip, ${total('brotli')} B brotli (its strings: ${all.at(-1)!.brotli} B)`,
      );
      expect(total('brotli'), lang).toBeLessThanOrEqual(BUDGET_BROTLI);
    }
  });
});
