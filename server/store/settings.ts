/** Server-wide settings stored in the database. */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { one, type Executor } from './executor.ts';

export function settingQueries(x: Executor) {
  const { settings } = x.tables;
  return {
    /** The key for hashing IPs, liker ids and avatar seeds: made once, then kept with the data. */
    hashKey(): Promise<string> {
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
