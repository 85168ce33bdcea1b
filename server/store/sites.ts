/** Queries about sites: the blogs this server stores threads for. */
import { eq } from 'drizzle-orm';
import type { Db } from './database.ts';
import { sites, type SiteRow } from './schema.ts';

export function siteQueries(db: Db) {
  return {
    list(): SiteRow[] {
      return db.select().from(sites).all();
    },
    get(id: string): SiteRow | undefined {
      return db.select().from(sites).where(eq(sites.id, id)).get();
    },
    /** Creates the site if missing; leaves an existing one as it is. */
    ensure(id: string, name: string): SiteRow {
      db.insert(sites).values({ id, name }).onConflictDoNothing().run();
      return this.get(id)!;
    },
  };
}
