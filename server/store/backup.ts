/** `riposte backup`: a consistent copy of a database that may be in use by a running server. */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Copies through SQLite's online backup. The source is opened read-only and never migrated,
 * so backing up with a newer riposte cannot change a database an older server is using. The
 * copy is made readable by its owner only, as the export is: it holds readers' emails and the
 * hashing key. Throws EEXIST for a file that exists: no backup is overwritten.
 */
export async function backupDatabase(source: string, destination: string): Promise<void> {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    mkdirSync(dirname(destination), { recursive: true });
    // Made empty (a valid, empty database to SQLite) with its mode set before any byte is in it.
    closeSync(openSync(destination, 'wx', 0o600));
    await db.backup(destination);
  } finally {
    db.close();
  }
}
