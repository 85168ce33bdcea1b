/** Running imports in tests: the real exports under tests/fixtures/import, or text made from them. */
import { createReadStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importComments } from '../../server/import/import-comments.ts';
import type { ImportFormat, ImportSummary } from '../../server/import/import-summary.ts';
import type { Store } from '../../server/store/index.ts';
import type { ExportRow } from '../../server/store/transfer.ts';

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));
}

export function fixtureText(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

export function importFixture(store: Store, format: ImportFormat, name: string, site = 'default'): Promise<ImportSummary> {
  return importComments(store, { now: new Date(), format, input: createReadStream(fixturePath(name)), site, sourceName: name });
}

/** Imports text given in pieces of `chunk` characters, as a stream would deliver it. */
export function importText(store: Store, format: ImportFormat, text: string, site = 'default', chunk = 1000): Promise<ImportSummary> {
  async function* pieces() {
    for (let i = 0; i < text.length; i += chunk) yield new TextEncoder().encode(text.slice(i, i + chunk));
  }
  return importComments(store, { now: new Date(), format, input: pieces(), site, sourceName: 'upload.xml' });
}

/** Every row of a table, as an export holds it. */
export async function tableRows(store: Store, table: string): Promise<ExportRow[]> {
  const rows: ExportRow[] = [];
  for await (const entry of store.exportRows()) if (entry.table === table) rows.push(entry.row);
  return rows;
}

/** A comment's depth in its thread: 1 for a response to the page. */
export function depthOf(comments: ExportRow[], id: unknown): number {
  const byId = new Map(comments.map((c) => [c.id, c]));
  let depth = 0;
  for (let c = byId.get(id); c; c = c.parentId === null ? undefined : byId.get(c.parentId)) depth++;
  return depth;
}
