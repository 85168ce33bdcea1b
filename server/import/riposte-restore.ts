/**
 * Restores a Riposte export (see export/riposte-format.ts) into an empty database: read
 * with a streaming JSON parser, checked row by row against the schema, written with ids.
 */
import { JSONParser, TokenizerError, TokenParserError } from '@streamparser/json';
import { RIPOSTE_FORMAT, RIPOSTE_FORMAT_VERSION } from '../export/riposte-format.ts';
import type { ImportTransaction } from '../store/index.ts';
import { checkExportRow, EXPORTED_TABLE_NAMES, type ExportedTableName, type ExportRow } from '../store/transfer.ts';
import { ImportError } from './import-error.ts';
import { addWarning, type ImportSummary } from './import-summary.ts';

/** Rows are written this many at a time (one INSERT each). */
const BATCH = 200;

const isTable = (name: unknown): name is ExportedTableName => EXPORTED_TABLE_NAMES.some((table) => table === name);

export async function restoreRiposte(chunks: AsyncIterable<string>, sourceName: string, tx: ImportTransaction, summary: ImportSummary): Promise<void> {
  if (!tx.restore.isEmpty()) {
    throw new ImportError(`${sourceName}: a Riposte export is restored into an empty database only, and this one has threads, comments or users; point --db at a new file.`);
  }
  const restored: Record<string, number> = Object.fromEntries(EXPORTED_TABLE_NAMES.map((name) => [name, 0]));
  summary.restored = restored;
  const header: { format?: unknown; version?: unknown } = {};
  const ignored = new Set<string>();
  let batch: ExportRow[] = [];
  let batchTable: ExportedTableName | null = null;
  let line = 1;
  const fail = (message: string) => new ImportError(`${sourceName} line ${line}: ${message}`);

  const flush = () => {
    if (batchTable === null || batch.length === 0) return;
    try {
      tx.restore.insert(batchTable, batch);
    } catch (err) {
      // A row that breaks a constraint (a comment of a missing thread, an id twice) is the file's fault.
      const code = err instanceof Error && 'code' in err ? String(err.code) : '';
      if (!code.startsWith('SQLITE_CONSTRAINT')) throw err;
      throw fail(`${batchTable}: ${(err as Error).message}`);
    }
    restored[batchTable] += batch.length;
    batch = [];
  };

  const parser = new JSONParser({ paths: ['$.format', '$.version', '$.*.*'], keepStack: false });
  parser.onValue = ({ value, key, stack }) => {
    if (stack.length === 1) {
      if (key === 'format') header.format = value;
      if (key === 'version') header.version = value;
      return;
    }
    const table = stack[1]?.key;
    if (header.format !== RIPOSTE_FORMAT) throw fail(`not a Riposte export (it must begin with {"format":"${RIPOSTE_FORMAT}","version":...})`);
    if (typeof header.version !== 'number' || header.version > RIPOSTE_FORMAT_VERSION) {
      throw fail(`this export is version ${String(header.version)}; this Riposte reads versions up to ${RIPOSTE_FORMAT_VERSION} (upgrade Riposte first).`);
    }
    if (!isTable(table)) {
      if (typeof table === 'string' && !ignored.has(table)) {
        ignored.add(table);
        addWarning(summary, `"${table}" is not something this Riposte restores; left out.`);
      }
      return;
    }
    const checked = checkExportRow(table, value);
    if ('problem' in checked) throw fail(`${table} row ${Number(key) + 1}: ${checked.problem}`);
    if (table !== batchTable) flush();
    batchTable = table;
    batch.push(checked.row);
    if (batch.length >= BATCH) flush();
  };

  try {
    for await (const chunk of chunks) {
      // Fed a line at a time, so an error can say on which line it is.
      let start = 0;
      for (let newline = chunk.indexOf('\n'); newline !== -1; newline = chunk.indexOf('\n', start)) {
        parser.write(chunk.slice(start, newline + 1));
        start = newline + 1;
        line++;
      }
      if (start < chunk.length) parser.write(chunk.slice(start));
    }
    if (!parser.isEnded) parser.end();
  } catch (err) {
    if (err instanceof TokenizerError || err instanceof TokenParserError) throw fail(`not valid JSON (${err.message})`);
    throw err;
  }
  if (header.format !== RIPOSTE_FORMAT) throw fail(`not a Riposte export (no "format":"${RIPOSTE_FORMAT}" field)`);
  flush();
  summary.threads.created = restored.threads ?? 0;
  summary.comments.imported = restored.comments ?? 0;
}
