/** Queries about sites: the blogs this server stores threads for. */
import { eq, sql } from 'drizzle-orm';
import { siteSettings, type SiteSettings } from '../../shared/site-settings.ts';
import { first, type Executor } from './executor.ts';
import type { SiteRow } from './schema.ts';

export function siteQueries(x: Executor) {
  const { sites } = x.tables;
  // Read on every API request (the site, and every site's origins for CORS): prepared once, not per call.
  const byId = x.read
    .select()
    .from(sites)
    .where(eq(sites.id, sql.placeholder('id')))
    .prepare();
  const all = x.read.select().from(sites).prepare();
  const get = async (id: string): Promise<SiteRow | undefined> => first(await byId.execute({ id }));
  return {
    async list(): Promise<SiteRow[]> {
      return all.execute();
    },
    get,
    /** Creates the site (at `createdAt`) if missing; leaves an existing one as it is. */
    async ensure(id: string, name: string, createdAt: string): Promise<SiteRow> {
      // Read first: a server started during an import (which holds the write lock) needs no write.
      const found = await get(id);
      if (found) return found;
      await x.write(async (db) => {
        await db.insert(sites).values({ id, name, createdAt }).onConflictDoNothing();
      });
      return (await get(id))!;
    },
    /** The site's settings with defaults filled in (the defaults if the site is unknown). */
    async settings(id: string): Promise<SiteSettings> {
      return siteSettings((await get(id))?.settings);
    },
    /** The origins allowed to embed the site (besides the server's own and, for the default site, RIPOSTE_ORIGINS). */
    setOrigins(id: string, origins: string[]): Promise<void> {
      return x.write(async (db) => {
        await db.update(sites).set({ origins }).where(eq(sites.id, id));
      });
    },
    /** Changes some settings, keeping the others as they were (the row locked between reading and writing them). */
    updateSettings(id: string, changes: Partial<SiteSettings>): Promise<SiteSettings> {
      return x.write(async (db) => {
        await x.dialect.lockRows(db, sites, eq(sites.id, id));
        const stored = first(await db.select().from(sites).where(eq(sites.id, id)))?.settings ?? {};
        const updated = first(
          await db
            .update(sites)
            .set({ settings: { ...stored, ...changes } })
            .where(eq(sites.id, id))
            .returning(),
        );
        return siteSettings(updated?.settings);
      });
    },
  };
}
