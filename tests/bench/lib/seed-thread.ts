/**
 * Fills a thread through the store for the in-process benchmarks (bench, bench:write-cost), in
 * the browser benchmark's shape: a third answer the page, a third an earlier response, a third
 * an earlier reply, each with a typical body (a quote, emphasis, a link).
 */
import { renderMarkdown } from '../../../server/render/markdown.ts';
import type { Store } from '../../../server/store/index.ts';
import { threadShape } from './export-file.ts';

export const TYPICAL_BODY =
  'A reply that quotes:\n\n> something said *before*\n\nand adds a [link](https://example.com) and a few more words to be typical.';
export const TYPICAL_HTML = renderMarkdown(TYPICAL_BODY);

/** Inserts `size` approved comments into thread `threadId` in one transaction; returns their ids in order. */
export async function seedThread(store: Store, threadId: number, size: number): Promise<number[]> {
  const ids: number[] = [];
  await store.transaction(async (tx) => {
    for (const [i, parent] of threadShape(size, 1).entries()) {
      const row = await tx.comments.insert({
        threadId,
        parentId: parent === null ? null : ids[parent]!,
        status: 'approved',
        authorName: `Reader ${i}`,
        authorEmail: `r${i}@example.org`,
        bodyMarkdown: TYPICAL_BODY,
        bodyHtml: TYPICAL_HTML,
        createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      });
      ids.push(row.id);
    }
  });
  return ids;
}
