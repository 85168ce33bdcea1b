/**
 * Builds a PostgreSQL table from a SQLite table of schema.ts, so the schema is described once
 * and each dialect gets its natural types; what drizzle cannot carry over on its own (a SQL
 * default, an expression index) is mapped here, and anything it cannot map throws as the module
 * loads, so a new kind of column fails the tests and drizzle-kit, never a running server.
 */
import { Column, type ColumnBuilderBaseConfig, type ColumnDataType, getTableColumns, is, SQL, sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  json,
  type PgColumn,
  type PgColumnBuilder,
  type PgColumnBuilderBase,
  type PgTable,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { getTableConfig, SQLiteBaseInteger, SQLiteSyncDialect, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';

/**
 * SQLite's `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`: the time the statement started, in UTC, as
 * ISO 8601 text with milliseconds, so timestamps (and so exports) are the same text on both.
 */
const POSTGRES_NOW = sql`to_char(statement_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** SQL defaults by their SQLite text; a plain quoted literal (`'[]'`) means the same on both. */
const SQL_DEFAULTS = new Map([["(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))", POSTGRES_NOW]]);

const sqlite = new SQLiteSyncDialect();

/** The PostgreSQL column with the same name, nullability, default and key as the SQLite one. */
function column(table: string, source: SQLiteColumn): PgColumnBuilderBase {
  const where = `${table}.${source.name}`;
  switch (source.columnType) {
    case 'SQLiteText':
      return withConstraints(text(source.name), source, where);
    // JSON keeps its text as written (jsonb would reorder keys), so an export reads the same on both.
    case 'SQLiteTextJson':
      return withConstraints(json(source.name), source, where);
    case 'SQLiteBoolean':
      return withConstraints(boolean(source.name), source, where);
    case 'SQLiteInteger':
      // Explicit ids stay possible (a restore keeps them); a restore then moves the sequence past them.
      return is(source, SQLiteBaseInteger) && source.autoIncrement
        ? withConstraints(integer(source.name).generatedByDefaultAsIdentity(), source, where)
        : withConstraints(integer(source.name), source, where);
    default:
      throw new Error(`${where}: no PostgreSQL type for ${source.columnType}; add one in postgres-tables.ts`);
  }
}

/** Nullability, key, uniqueness and default, as the SQLite column has them. */
function withConstraints<T extends ColumnBuilderBaseConfig<ColumnDataType, string>>(
  target: PgColumnBuilder<T>,
  source: SQLiteColumn,
  where: string,
): PgColumnBuilderBase {
  let built = target;
  if (source.notNull) built = built.notNull();
  if (source.primary) built = built.primaryKey();
  if (source.isUnique) built = built.unique(source.uniqueName);
  if (source.defaultFn) throw new Error(`${where}: a default computed in JavaScript is not carried over; add it in postgres-tables.ts`);
  // The value was checked against the column's type in schema.ts; both columns hold the same JS type.
  if (source.default !== undefined) built = built.default(defaultValue(where, source.default) as T['data'] | SQL);
  return built;
}

function defaultValue(where: string, value: unknown): unknown {
  if (!is(value, SQL)) return value;
  const text = sqlite.sqlToQuery(value).sql;
  if (/^'[^']*'$/.test(text)) return value;
  const twin = SQL_DEFAULTS.get(text);
  if (!twin) throw new Error(`${where}: no PostgreSQL twin for the default ${text}; add one in postgres-tables.ts`);
  return twin;
}

/** The same SQL with each SQLite column replaced by the PostgreSQL column of that name. */
function expression(value: SQL, columns: Record<string, PgColumn>): SQL {
  return new SQL(value.queryChunks.map((chunk) => (is(chunk, Column) ? columns[chunk.name]! : chunk)));
}

function nonEmpty<T>(items: T[]): [T, ...T[]] {
  const [first, ...rest] = items;
  if (first === undefined) throw new Error('an index or key without columns');
  return [first, ...rest];
}

/**
 * The PostgreSQL twin of a SQLite table: same table, column, index and key names. `twins` maps
 * every SQLite table to its twin, for foreign keys; it is read lazily (by drizzle-kit, by
 * queries), so tables may refer to one made after them.
 */
export function postgresTable(source: SQLiteTable, twins: ReadonlyMap<SQLiteTable, PgTable>): PgTable {
  const config = getTableConfig(source);
  const columns = Object.fromEntries(Object.entries(getTableColumns(source)).map(([key, c]) => [key, column(config.name, c)]));
  return pgTable(config.name, columns, (table) => {
    const byName: Record<string, PgColumn> = Object.fromEntries(Object.values(table).map((c: PgColumn) => [c.name, c]));
    const to = (c: SQLiteColumn | SQL): PgColumn | SQL => (is(c, SQL) ? expression(c, byName) : byName[c.name]!);
    const twinColumn = (c: SQLiteColumn): PgColumn => {
      const twin = twins.get(c.table);
      const found = twin && Object.values(getTableColumns(twin)).find((t) => t.name === c.name);
      if (!found) throw new Error(`${config.name}: ${getTableConfig(c.table).name}.${c.name} has no PostgreSQL twin`);
      return found;
    };
    return [
      ...config.indexes.map(({ config: i }) => {
        const built = (i.unique ? uniqueIndex : index)(i.name).on(...nonEmpty(i.columns.map(to)));
        return i.where ? built.where(expression(i.where, byName)) : built;
      }),
      ...config.primaryKeys.map((pk) => primaryKey({ columns: nonEmpty(pk.columns.map((c) => byName[c.name]!)) })),
      ...config.foreignKeys.map((fk) => {
        const ref = fk.reference();
        const built = foreignKey({
          columns: nonEmpty(ref.columns.map((c) => byName[c.name]!)),
          foreignColumns: nonEmpty(ref.foreignColumns.map(twinColumn)),
        });
        if (fk.onDelete) built.onDelete(fk.onDelete);
        if (fk.onUpdate) built.onUpdate(fk.onUpdate);
        return built;
      }),
    ];
  });
}
