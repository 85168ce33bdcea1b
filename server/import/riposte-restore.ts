/**
 * Restores a Riposte export (see export/riposte-format.ts) into an empty database: read
 * with a streaming JSON parser, each row checked (riposte-rows.ts) and written with its id,
 * then the replies' parents checked. Any problem refuses the whole file: the import's
 * transaction is rolled back and the database stays as it was.
 */
import { Tokenizer, TokenizerError, TokenParser, TokenParserError, TokenType } from '@streamparser/json';
import { RIPOSTE_FORMAT, RIPOSTE_FORMAT_VERSION } from '../export/riposte-format.ts';
import type { ImportTransaction } from '../store/index.ts';
import { EXPORTED_TABLE_NAMES, type ExportedTableName, type ExportRow } from '../store/transfer.ts';
import { ImportError } from './import-error.ts';
import { addWarning, type ImportSummary } from './import-summary.ts';
import { checkRestoreRow } from './riposte-rows.ts';

/** Rows are written this many at a time (one INSERT each). */
const BATCH = 200;

/**
 * The deepest an export nests is 4 (document > table > row > a list such as origins). A file
 * nested much deeper is not one, and checking or quoting its values would overflow the stack.
 */
const MAX_JSON_DEPTH = 8;

const isTable = (name: unknown): name is ExportedTableName => EXPORTED_TABLE_NAMES.some((table) => table === name);

/** Why a header's version cannot be read here, or undefined when it can. */
function versionProblem(version: unknown): string | undefined {
  if (typeof version === 'number' && Number.isSafeInteger(version) && version > RIPOSTE_FORMAT_VERSION) {
    return `this export is version ${version}; this Riposte reads versions up to ${RIPOSTE_FORMAT_VERSION} (upgrade Riposte first).`;
  }
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    return `"version" must be a whole number from 1 to ${RIPOSTE_FORMAT_VERSION}, not ${JSON.stringify(version) ?? 'missing'}.`;
  }
  return undefined;
}

/** Rows of one table, written together (one INSERT). */
interface Batch {
  table: ExportedTableName;
  rows: ExportRow[];
  /** The line each row ended on. */
  lines: number[];
}

const TREE_PROBLEMS = {
  missing: 'there is no such comment',
  'other-thread': 'that comment is in another thread',
  loop: 'its chain of parents loops back on itself',
} as const;

export async function restoreRiposte(
  chunks: AsyncIterable<string>,
  sourceName: string,
  tx: ImportTransaction,
  summary: ImportSummary,
): Promise<void> {
  if (!(await tx.restore.isEmpty())) {
    throw new ImportError(
      `${sourceName}: a Riposte export is restored into an empty database only, and this one has threads, comments, users, bans or an audit log; point --db at a new file.`,
    );
  }
  const restored: Record<string, number> = Object.fromEntries(EXPORTED_TABLE_NAMES.map((name) => [name, 0]));
  summary.restored = restored;
  const header: { format?: unknown; version?: unknown } = {};
  const ignored = new Set<string>();
  /** Rows read so far per table (restored counts those written). */
  const seen: Record<string, number> = Object.fromEntries(EXPORTED_TABLE_NAMES.map((name) => [name, 0]));
  /** The batch being filled: one table's rows, with the line each ended on, for messages about it. */
  let batch: Batch | null = null;
  /** Batches filled by the line just parsed, written before the next line is read. */
  const full: Batch[] = [];
  let line = 1;
  const fail = (message: string, at = line) => new ImportError(`${sourceName} line ${at}: ${message}`);

  /** Rows are counted per table, from 1, as a person reading the file would. */
  const rowLabel = (table: ExportedTableName, index: number, row: unknown) => {
    const id = typeof row === 'object' && row !== null && 'id' in row && typeof row.id === 'number' ? ` (id ${row.id})` : '';
    return `${table} row ${index + 1}${id}`;
  };

  const write = async ({ table, rows, lines }: Batch) => {
    // A row that breaks a constraint (a comment of a missing thread, an id twice) is the file's fault.
    if ((await tx.restore.insert(table, rows)) !== undefined) {
      // The failed INSERT changed nothing; writing its rows one at a time finds the culprit.
      const first = restored[table]!;
      for (const [i, row] of rows.entries()) {
        const failed = await tx.restore.insert(table, [row]);
        if (failed) throw fail(`${rowLabel(table, first + i, row)}: ${failed.problem}`, lines[i]);
      }
    }
    restored[table] += rows.length;
  };
  const writeFull = async () => {
    for (const done of full.splice(0)) await write(done);
  };
  const closeBatch = () => {
    if (batch) full.push(batch);
    batch = null;
  };

  // JSONParser's own two halves, wired as it wires them, with the nesting counted in between.
  const parser = new Tokenizer();
  const values = new TokenParser({ paths: ['$.format', '$.version', '$.*.*'], keepStack: false });
  let depth = 0;
  parser.onToken = (token) => {
    if (token.token === TokenType.LEFT_BRACE || token.token === TokenType.LEFT_BRACKET) {
      if (++depth > MAX_JSON_DEPTH) throw fail(`values nested more than ${MAX_JSON_DEPTH} deep; not a Riposte export`);
    } else if (token.token === TokenType.RIGHT_BRACE || token.token === TokenType.RIGHT_BRACKET) {
      depth--;
    }
    values.write(token);
  };
  parser.onEnd = () => {
    if (!values.isEnded) values.end();
  };
  values.onError = parser.error.bind(parser);
  values.onEnd = () => {
    if (!parser.isEnded) parser.end();
  };
  values.onValue = ({ value, key, stack }) => {
    if (stack.length === 1) {
      if (key === 'format') header.format = value;
      if (key === 'version') header.version = value;
      return;
    }
    const table = stack[1]?.key;
    if (header.format !== RIPOSTE_FORMAT)
      throw fail(`not a Riposte export (it must begin with {"format":"${RIPOSTE_FORMAT}","version":...})`);
    const badVersion = versionProblem(header.version);
    if (badVersion) throw fail(badVersion);
    if (!isTable(table)) {
      if (typeof table === 'string' && !ignored.has(table)) {
        ignored.add(table);
        addWarning(summary, `${JSON.stringify(table.slice(0, 40))} is not something this Riposte restores; left out.`);
      }
      return;
    }
    if (typeof key !== 'number') throw fail(`"${table}" must be a list of rows.`);
    const index = seen[table]!++;
    const checked = checkRestoreRow(table, value);
    if ('problem' in checked) throw fail(`${rowLabel(table, index, value)}: ${checked.problem}`);
    if (checked.cleaned)
      addWarning(summary, `${rowLabel(table, index, value)}: bodyHtml held markup Riposte does not write; stored sanitised.`);
    if (batch?.table !== table) closeBatch();
    batch ??= { table, rows: [], lines: [] };
    batch.rows.push(checked.row);
    batch.lines.push(line);
    if (batch.rows.length >= BATCH) closeBatch();
  };

  try {
    for await (const chunk of chunks) {
      // Fed a line at a time, so an error can say on which line it is.
      let start = 0;
      for (let newline = chunk.indexOf('\n'); newline !== -1; newline = chunk.indexOf('\n', start)) {
        parser.write(chunk.slice(start, newline + 1));
        if (full.length > 0) await writeFull();
        start = newline + 1;
        line++;
      }
      if (start < chunk.length) parser.write(chunk.slice(start));
      await writeFull();
    }
    if (!parser.isEnded || !values.isEnded) parser.end();
  } catch (err) {
    if (err instanceof TokenizerError || err instanceof TokenParserError) throw fail(`not valid JSON (${err.message})`);
    throw err;
  }
  if (header.format !== RIPOSTE_FORMAT) throw fail(`not a Riposte export (no "format":"${RIPOSTE_FORMAT}" field)`);
  const badVersion = versionProblem(header.version);
  if (badVersion) throw fail(badVersion);
  closeBatch();
  await writeFull();
  await tx.restore.finish();
  // Parents may come after their replies in the file (an import can attach a reply before its
  // parent), so they are checked once every comment is in.
  const stray = await tx.restore.commentTreeProblem();
  if (stray)
    throw new ImportError(`${sourceName}: comments (id ${stray.id}): parentId ${stray.parentId}: ${TREE_PROBLEMS[stray.problem]}.`);
  summary.threads.created = restored.threads ?? 0;
  summary.comments.imported = restored.comments ?? 0;
  if (restored.settings === 0 && ((restored.comments ?? 0) > 0 || (restored.likes ?? 0) > 0)) {
    addWarning(
      summary,
      'the export holds no hashing key (export with --with-hash-key to keep it): this database has its own, so avatars look different, and likes and senders (IP hashes, bans by sender) from before no longer match new ones.',
    );
  }
}
