/** `riposte backup`: a consistent copy of a database that may be in use by a running server. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Copies through SQLite's online backup. The source is opened read-only and never migrated,
 * so backing up with a newer riposte cannot change a database an older server is using.
 */
export async function backupDatabase(source: string, destination: string): Promise<void> {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    mkdirSync(dirname(destination), { recursive: true });
    await db.backup(destination);
  } finally {
    db.close();
  }
}
