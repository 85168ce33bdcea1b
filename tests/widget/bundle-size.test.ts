/** Size check: what a reader downloads before the first comment shows (prints the figures). */
import { readFileSync, readdirSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WIDGET_DIR } from '../../server/main.ts';

const BUDGET_BROTLI = 16 * 1024;

/** Minified, a static import reads `import{a as b}from"./x.js"` or `import"./x.js"`; `import(` is lazy. */
const STATIC_IMPORT = /\bimport\s*(?:[{*\w$][^;]*?\bfrom\s*)?["'][^"']+["']/g;

function sizes(path: string) {
  const bytes = readFileSync(path);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes).length,
    text: bytes.toString(),
  };
}

describe('widget bundle (built by npm test before the tests run)', () => {
  it(`keeps embed.js and what it imports at once within ${BUDGET_BROTLI} bytes brotli`, () => {
    const entry = sizes(`${DEFAULT_WIDGET_DIR}/embed.js`);
    // Static imports would be fetched before anything shows; lazy parts use import().
    expect('import{a as e}from"./assets/x.js";import"./y.js";import("./z.js")'.match(STATIC_IMPORT)).toEqual([
      'import{a as e}from"./assets/x.js"',
      'import"./y.js"',
    ]);
    const staticImports = entry.text.match(STATIC_IMPORT) ?? [];
    expect(staticImports).toEqual([]);
    const chunks = readdirSync(`${DEFAULT_WIDGET_DIR}/assets`).map((file) => ({ file, ...sizes(`${DEFAULT_WIDGET_DIR}/assets/${file}`) }));
    console.log(`embed.js: ${entry.raw} B raw, ${entry.gzip} B gzip, ${entry.brotli} B brotli (CSS is inside, in Lit's css\`\`)`);
    for (const chunk of chunks) console.log(`  lazy ${chunk.file}: ${chunk.raw} B raw, ${chunk.gzip} B gzip, ${chunk.brotli} B brotli`);
    expect(entry.brotli).toBeLessThanOrEqual(BUDGET_BROTLI);
  });
});
