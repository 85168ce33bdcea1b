/**
 * `riposte copy --from DB --to DB`: moves a whole install between databases, SQLite to
 * PostgreSQL or back, by streaming an export of one into a restore of the other, so the copy
 * holds exactly what `riposte export` holds, with the same ids and hashing key.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from './config.ts';
import { riposteExport } from './export/riposte-export.ts';
import { isPostgresUrl, openStore, type Store } from './store/index.ts';

export const COPY_USAGE = `  copy --from DB --to DB
           Copy every site, user, thread, comment, like, ban, audit entry and setting from
           one database into another that is empty, each a SQLite file or a postgres:// URL
           (e.g. from SQLite to PostgreSQL). Stop the servers first; add admins again after.`;

/** Streams an export of `from` into a restore of `to` (which must hold no threads, comments, users, bans or log yet). */
export async function copyStore(from: Store, to: Store, now: Date) {
  const { importComments } = await import('./import/import-comments.ts');
  return importComments(to, {
    now,
    format: 'riposte',
    // A copy is the same install on another database: its hashing key goes with it (IP hashes, likes and avatars stay as they are).
    input: riposteExport(from, now, { hashKey: true }),
    site: 'default',
    sourceName: `the export of ${from.description}`,
  });
}

/** A file path made absolute, or a URL as it is. */
const located = (db: string) => (isPostgresUrl(db) ? db : resolve(db));

export async function copyCommand(args: string[]): Promise<void> {
  let values: { from?: string | undefined; to?: string | undefined };
  try {
    ({ values } = parseArgs({ args, options: { from: { type: 'string' }, to: { type: 'string' } }, strict: true }));
  } catch (err) {
    throw new ConfigError(`${err instanceof Error ? err.message : String(err)}\nusage:\n${COPY_USAGE}`);
  }
  if (!values.from || !values.to) throw new ConfigError(`copy needs both databases: riposte copy --from data/riposte.db --to postgres://…`);
  const [source, target] = [located(values.from), located(values.to)];
  if (source === target) throw new ConfigError('--from and --to name the same database.');
  if (!isPostgresUrl(source) && !existsSync(source)) throw new ConfigError(`there is no database at ${source}.`);

  const from = await openStore(source);
  try {
    const to = await openStore(target);
    try {
      const summary = await copyStore(from, to, new Date());
      const counts = Object.entries(summary.restored ?? {}).map(([table, n]) => `${n.toLocaleString('en')} ${table}`);
      console.log(`Copied ${from.description} to ${to.description}:\n  ${counts.join(', ')}`);
      for (const warning of summary.warnings) console.log(`  warning: ${warning}`);
      console.log('Admins are not copied: add them again with riposte admin add EMAIL --db (the new database).');
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}
