/** A built bundle's files as a browser fetches them: an entry and every file it imports statically, with their sizes. */
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/** Minified, a static import reads `import{a as b}from"./x.js"` or `import"./x.js"`; `import(` is lazy. */
export const STATIC_IMPORT = /\bimport\s*(?:[{*\w$][^;]*?\bfrom\s*)?["']([^"']+)["']/g;

/** `file` (relative to `dir`) with its raw, gzip and brotli sizes and its text. */
export function sizes(dir: string, file: string) {
  const bytes = readFileSync(`${dir}/${file}`);
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes).length,
    text: bytes.toString(),
  };
}

export type Sizes = ReturnType<typeof sizes>;

/** `entry` and every file it imports statically, however deep: all fetched before anything runs. */
export function staticImportClosure(dir: string, entry: string): Sizes[] {
  const seen = new Map<string, Sizes>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const chunk = sizes(dir, file);
    seen.set(file, chunk);
    for (const [, path] of chunk.text.matchAll(STATIC_IMPORT)) visit(new URL(path!, `file:///${file}`).pathname.slice(1));
  };
  visit(entry);
  return [...seen.values()];
}

const sum = (chunks: Sizes[], key: 'raw' | 'gzip' | 'brotli') => chunks.reduce((total, chunk) => total + chunk[key], 0);

/** "N B raw, N B gzip, N B brotli" for the files together. */
export const sizeLine = (chunks: Sizes[]) =>
  `${sum(chunks, 'raw')} B raw, ${sum(chunks, 'gzip')} B gzip, ${sum(chunks, 'brotli')} B brotli`;

/** Their brotli bytes together. */
export const brotliBytes = (chunks: Sizes[]) => sum(chunks, 'brotli');
