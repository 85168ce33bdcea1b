/** Queries about threads: one per page of a site. */
import { and, eq, sql } from 'drizzle-orm';
import { first, one, type Executor } from './executor.ts';
import type { ThreadRow } from './schema.ts';
import { excluded } from './sql-words.ts';

/** What a comment tells of its page. */
export interface PageDetails {
  url?: string | undefined;
  title?: string | undefined;
  lang?: string | undefined;
}

export function threadQueries(x: Executor) {
  const { threads } = x.tables;
  // The thread lookup of every GET: prepared once, not built per call.
  const byPageKey = x.read
    .select()
    .from(threads)
    .where(and(eq(threads.siteId, sql.placeholder('siteId')), eq(threads.pageKey, sql.placeholder('key'))))
    .prepare();
  const byExternalId = x.read
    .select()
    .from(threads)
    .where(and(eq(threads.siteId, sql.placeholder('siteId')), eq(threads.externalId, sql.placeholder('key'))))
    .prepare();
  const find = async (siteId: string, pageKey: string): Promise<ThreadRow | undefined> =>
    // An imported thread is keyed by its page's URL and also answers to its old id (a page-id).
    first(await byPageKey.execute({ siteId, key: pageKey })) ?? first(await byExternalId.execute({ siteId, key: pageKey }));

  /** Makes a page's thread at `createdAt`; if another writer made it meanwhile, that one, with url, title and language filled in. */
  const create = (siteId: string, pageKey: string, createdAt: string, url?: string, title?: string, lang?: string): Promise<ThreadRow> =>
    x.write(async (db) =>
      one(
        await db
          .insert(threads)
          .values({ siteId, pageKey, url, title, lang, createdAt })
          .onConflictDoUpdate({
            target: [threads.siteId, threads.pageKey],
            set: {
              url: sql`coalesce(${threads.url}, ${excluded(threads.url)})`,
              title: sql`coalesce(${threads.title}, ${excluded(threads.title)})`,
              lang: sql`coalesce(${threads.lang}, ${excluded(threads.lang)})`,
            },
          })
          .returning(),
      ),
    );

  return {
    find,
    create,
    /**
     * The thread of the page at this address, whatever its key: a page whose widget sets
     * `page-id` is keyed by that id, and its address is what the widget sent. The oldest if several.
     */
    async findByUrl(siteId: string, url: string): Promise<ThreadRow | undefined> {
      return first(
        await x.read
          .select()
          .from(threads)
          .where(and(eq(threads.siteId, siteId), eq(threads.url, url)))
          .orderBy(threads.id)
          .limit(1),
      );
    },
    async get(id: number): Promise<ThreadRow | undefined> {
      return first(await x.read.select().from(threads).where(eq(threads.id, id)));
    },
    /** Locks or unlocks the thread (a locked one takes no new comments); undefined if there is no such thread. */
    async setLocked(id: number, locked: boolean): Promise<ThreadRow | undefined> {
      return first(await x.write((db) => db.update(threads).set({ locked }).where(eq(threads.id, id)).returning()));
    },
    /**
     * Takes the page's url, title and language from a new comment. What the blog's own page
     * says (`fromPage`: a browser on an origin the site allows) corrects an earlier guess;
     * anyone else (a script) only fills in what is still unknown. Writes nothing when nothing changes.
     */
    async takePageDetails(thread: ThreadRow, given: PageDetails, fromPage: boolean): Promise<ThreadRow> {
      const changes: PageDetails = {};
      for (const key of ['url', 'title', 'lang'] as const) {
        const value = given[key];
        if (value !== undefined && value !== thread[key] && (fromPage || thread[key] === null)) changes[key] = value;
      }
      if (Object.keys(changes).length === 0) return thread;
      return one(await x.write((db) => db.update(threads).set(changes).where(eq(threads.id, thread.id)).returning()));
    },
    /** The page's thread, made at `createdAt` if it has none yet. */
    async upsert(siteId: string, pageKey: string, createdAt: string): Promise<ThreadRow> {
      return (await find(siteId, pageKey)) ?? (await create(siteId, pageKey, createdAt));
    },
  };
}
