/**
 * The PostgreSQL schema is the SQLite one in PostgreSQL's types: the migrated databases have
 * the same tables, columns, defaults, keys, indexes and foreign keys.
 */
import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../server/store/database.ts';
import type { PostgresConnection } from '../../../server/store/postgres-database.ts';
import * as sqliteSchema from '../../../server/store/schema.ts';
import { usePostgresDatabase } from '../../helpers/postgres.ts';
import { PAIRED_TABLES, useDialectConnections } from '../../helpers/sql-dialects.ts';

/** One table as both databases describe it, in a common form. */
interface TableShape {
  columns: string[];
  indexes: string[];
  foreignKeys: string[];
}

const NOW = 'now as ISO 8601 text';
/** A default as text both sides share: casts dropped, the two spellings of "now" made one. */
const defaultText = (value: string | null) =>
  value === null
    ? 'none'
    : value
        .replace(/^\(?strftime\('%Y-%m-%dT%H:%M:%fZ', 'now'\)\)?$/, NOW)
        .replace(/^to_char\(\(statement_timestamp\(\) AT TIME ZONE 'UTC'::text\), 'YYYY-MM-DD"T"HH24:MI:SS\.MS"Z"'::text\)$/, NOW)
        .replace(/::[a-z ]+$/, '');
/** An index's definition without quotes, schema, method or spaces between columns (and a partial index's condition as written). */
const indexText = (definition: string) =>
  definition
    .replace(/[`"]/g, '')
    .replace(/ ON public\./, ' ON ')
    .replace(/ USING btree/, '')
    .replace(/,\s+/g, ',')
    .replace(/ WHERE \((.*)\)$/, ' WHERE $1')
    .replace(/'::text/g, "'");

async function sqliteShape(connection: Connection, table: string): Promise<TableShape> {
  const { sqlite } = connection;
  const create = (sqlite.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) as { sql: string }).sql;
  const columns = sqlite.prepare('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid').all(table) as {
    name: string;
    type: string;
    notnull: number;
    dflt_value: string | null;
    pk: number;
  }[];
  // The drizzle column says which SQLite integers are booleans and which texts hold JSON.
  const paired = PAIRED_TABLES.find((t) => t.name === table)!;
  const modes = new Map(Object.values(getTableColumns(paired.sqlite)).map((c) => [c.name, c.columnType]));
  const type = (name: string, declared: string) =>
    modes.get(name) === 'SQLiteBoolean' ? 'boolean' : modes.get(name) === 'SQLiteTextJson' ? 'json' : declared.toLowerCase();
  const indexes = sqlite.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`).all(table) as {
    sql: string;
  }[];
  const foreignKeys = sqlite.prepare('SELECT "table", "from", "to", on_delete FROM pragma_foreign_key_list(?)').all(table) as {
    table: string;
    from: string;
    to: string;
    on_delete: string;
  }[];
  return {
    columns: columns
      .map((c) =>
        [
          c.name,
          type(c.name, c.type),
          c.notnull || c.pk ? 'not null' : 'null',
          defaultText(c.dflt_value),
          c.pk ? `key ${c.pk}` : '',
          c.pk && /AUTOINCREMENT/.test(create) ? 'generated' : '',
        ].join(' '),
      )
      // SQLite appends a column added later; its place has no meaning (queries name their columns).
      .sort(),
    indexes: indexes.map((i) => indexText(i.sql)).sort(),
    foreignKeys: foreignKeys.map((f) => `${f.from} -> ${f.table}(${f.to}) on delete ${f.on_delete.toLowerCase()}`).sort(),
  };
}

async function postgresShape(connection: PostgresConnection, table: string): Promise<TableShape> {
  const query = async <T>(text: string) => (await connection.pool.query(text, [table])).rows as T[];
  const columns = await query<{
    name: string;
    type: string;
    nullable: string;
    default: string | null;
    identity: string;
    key: number | null;
  }>(`
    SELECT c.column_name AS name, c.data_type AS type, c.is_nullable AS nullable, c.column_default AS default, c.is_identity AS identity,
      (SELECT array_position(k.conkey, a.attnum) FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid
        WHERE k.conrelid = $1::regclass AND k.contype = 'p' AND a.attname = c.column_name) AS key
    FROM information_schema.columns c WHERE c.table_schema = 'public' AND c.table_name = $1::text ORDER BY c.ordinal_position`);
  // Not compared: the search's GIN trigram indexes, whose SQLite twin is an FTS5 table (the postgres-database test checks both).
  const indexes = await query<{ definition: string }>(`
    SELECT indexdef AS definition FROM pg_indexes WHERE schemaname = 'public' AND tablename = $1::text
      AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype = 'p') AND indexdef NOT LIKE '%USING gin%'`);
  const foreignKeys = await query<{ definition: string }>(
    `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f'`,
  );
  return {
    columns: columns
      .map((c) =>
        [
          c.name,
          c.type,
          c.nullable === 'NO' ? 'not null' : 'null',
          defaultText(c.default),
          c.key ? `key ${c.key}` : '',
          c.identity === 'YES' ? 'generated' : '',
        ].join(' '),
      )
      .sort(),
    indexes: indexes.map((i) => indexText(i.definition)).sort(),
    foreignKeys: foreignKeys
      .map((f) => {
        const [, from, to, columns, onDelete] =
          /^FOREIGN KEY \((.+)\) REFERENCES (\w+)\((.+)\)(?: ON DELETE (\w+(?: NULL| DEFAULT)?))?/.exec(f.definition) ?? [];
        return `${from} -> ${to}(${columns}) on delete ${(onDelete ?? 'no action').toLowerCase()}`;
      })
      .sort(),
  };
}

describe('the PostgreSQL schema', () => {
  const database = usePostgresDatabase();
  const connections = useDialectConnections(() => database.url);

  it('is built from every table of schema.ts, under the same names', () => {
    const tables = Object.keys(sqliteSchema).filter((key) => !/^[A-Z]|Row$/.test(key));
    expect(PAIRED_TABLES.map((t) => t.exportName).sort()).toEqual(tables.sort());
  });

  it.each(PAIRED_TABLES.map((t) => t.name))('migrates %s to the same columns, defaults, keys and indexes as SQLite', async (table) => {
    const expected = await sqliteShape(connections.sqlite, table);
    expect(expected.columns.length).toBeGreaterThan(1);
    expect(await postgresShape(connections.postgres, table)).toEqual(expected);
  });
});
