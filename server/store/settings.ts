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
    /** Where the server said at its last start that it is reached (its public URL), if it ever ran on this database. */
    async publicUrl(): Promise<string | null> {
      return first(await x.read.select().from(settings).where(eq(settings.key, 'public_url')))?.value ?? null;
    },
    /** Keeps the server's public URL for the command line (which may not have the server's settings); writes only when it changed. */
    async recordPublicUrl(url: string): Promise<void> {
      const found = first(await x.read.select().from(settings).where(eq(settings.key, 'public_url')));
      if (found?.value === url) return;
      await x.write(async (db) => {
        await db
          .insert(settings)
          .values({ key: 'public_url', value: url })
          .onConflictDoUpdate({ target: settings.key, set: { value: url } });
      });
    },
  };
}
