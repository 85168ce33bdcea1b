/** Server-wide settings stored in the database. */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { first, one, type Executor } from './executor.ts';

export function settingQueries(x: Executor) {
  const { settings } = x.tables;
  return {
    /** The key for hashing IPs, liker ids and avatar seeds: made once, then kept with the data. */
    async hashKey(): Promise<string> {
      // Read first: a server started during an import (which holds the write lock) needs no write.
      const found = first(await x.read.select().from(settings).where(eq(settings.key, 'hash_key')));
      if (found) return found.value;
      return x.write(async (db) => {
        await db
          .insert(settings)
          .values({ key: 'hash_key', value: randomBytes(32).toString('base64url') })
          .onConflictDoNothing();
        return one(await db.select().from(settings).where(eq(settings.key, 'hash_key'))).value;
      });
    },
  };
}
