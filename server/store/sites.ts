/** Queries about sites: the blogs this server stores threads for. */
import { eq, sql } from 'drizzle-orm';
import { siteSettings, type SiteSettings } from '../../shared/site-settings.ts';
import type { Db } from './database.ts';
import { sites, type SiteRow } from './schema.ts';

export function siteQueries(db: Db) {
  // Read on every API request: prepared once, not per call.
  const byId = db
    .select()
    .from(sites)
    .where(eq(sites.id, sql.placeholder('id')))
    .prepare();
  const all = db.select().from(sites).prepare();
  return {
    list(): SiteRow[] {
      return all.all();
    },
    get(id: string): SiteRow | undefined {
      return byId.get({ id });
    },
    /** Creates the site if missing; leaves an existing one as it is. */
    ensure(id: string, name: string): SiteRow {
      db.insert(sites).values({ id, name }).onConflictDoNothing().run();
      return this.get(id)!;
    },
    /** The site's settings with defaults filled in (the defaults if the site is unknown). */
    settings(id: string): SiteSettings {
      return siteSettings(byId.get({ id })?.settings);
    },
    /** Changes some settings, keeping the others as they were. */
    updateSettings(id: string, changes: Partial<SiteSettings>): SiteSettings {
      const stored = byId.get({ id })?.settings ?? {};
      db.update(sites)
        .set({ settings: { ...stored, ...changes } })
        .where(eq(sites.id, id))
        .run();
      return this.settings(id);
    },
  };
}
