/** Server-wide settings stored in the database. */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from './database.ts';
import { settings } from './schema.ts';

export function settingQueries(db: Db) {
  return {
    /** The key for hashing IPs, liker ids and avatar seeds: made once, then kept with the data. */
    hashKey(): string {
      db.insert(settings)
        .values({ key: 'hash_key', value: randomBytes(32).toString('base64url') })
        .onConflictDoNothing()
        .run();
      return db.select().from(settings).where(eq(settings.key, 'hash_key')).get()!.value;
    },
  };
}
