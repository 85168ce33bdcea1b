/** Size check of /admin: everything the admin page loads (prints the figures). */
import { readFileSync, readdirSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WIDGET_DIR } from '../../server/main.ts';

const ADMIN_DIR = `${DEFAULT_WIDGET_DIR}/../admin`;
/** The admin view is opened by the owner, not readers: a looser budget than the widget's. */
const BUDGET_BROTLI = 24 * 1024;

describe('admin view bundle (built by npm test before the tests run)', () => {
  it(`keeps /admin and everything it loads within ${BUDGET_BROTLI} bytes brotli`, () => {
    const files = ['index.html', ...readdirSync(`${ADMIN_DIR}/assets`).map((file) => `assets/${file}`)];
    const total = { raw: 0, gzip: 0, brotli: 0 };
    for (const file of files) {
      const bytes = readFileSync(`${ADMIN_DIR}/${file}`);
      const size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
      console.log(`  /admin/${file}: ${size.raw} B raw, ${size.gzip} B gzip, ${size.brotli} B brotli`);
      total.raw += size.raw;
      total.gzip += size.gzip;
      total.brotli += size.brotli;
    }
    console.log(`/admin in all: ${total.raw} B raw, ${total.gzip} B gzip, ${total.brotli} B brotli`);
    expect(total.brotli).toBeLessThanOrEqual(BUDGET_BROTLI);
  });
});
