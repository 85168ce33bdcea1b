/**
 * Queries an import makes (WordPress, Disqus): find or make each page's thread, add a
 * comment unless its import key is known already, and attach replies to their parents.
 */
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { first, one, type Executor } from './executor.ts';
import type { NewCommentRow, ThreadRow } from './schema.ts';
import { excluded } from './sql-words.ts';

export interface ImportedThreadRow {
  siteId: string;
  pageKey: string;
  url: string | null;
  title: string | null;
  externalId: string | null;
  createdAt: string;
}

/** What an import sets on a comment; the rest (badge, user, edit time) stays empty. */
export type ImportedCommentRow = Required<
  Pick<
    NewCommentRow,
    | 'threadId'
    | 'parentId'
    | 'status'
    | 'kind'
    | 'authorName'
    | 'authorEmail'
    | 'authorWebsite'
    | 'ipHash'
    | 'bodyMarkdown'
    | 'bodyHtml'
    | 'createdAt'
  >
> & { importKey: string };

/** A value bound when the prepared statement runs. */
const bound = (name: keyof ImportedCommentRow): SQL => sql`${sql.placeholder(name)}`;

/**
 * Over the import's own connection, held for the whole import (store.importTransaction):
 * statements are prepared there once, since an import runs them up to millions of times.
 */
export function importQueries(x: Executor) {
  const { comments, threads } = x.tables;
  const db = x.read;
  const byExternalId = db
    .select()
    .from(threads)
    .where(and(eq(threads.siteId, sql.placeholder('siteId')), eq(threads.externalId, sql.placeholder('externalId'))))
    .prepare();
  const byPageKey = db
    .select()
    .from(threads)
    .where(and(eq(threads.siteId, sql.placeholder('siteId')), eq(threads.pageKey, sql.placeholder('pageKey'))))
    .prepare();
  const byImportKey = db
    .select({ id: comments.id, threadId: comments.threadId })
    .from(comments)
    .where(eq(comments.importKey, sql.placeholder('key')))
    .prepare();
  const parentOf = db
    .select({ parentId: comments.parentId })
    .from(comments)
    .where(eq(comments.id, sql.placeholder('id')))
    .prepare();
  // Prepared once: an import inserts up to millions of rows, and building the SQL each time was half the cost.
  const insertComment = db
    .insert(comments)
    .values({
      threadId: bound('threadId'),
      parentId: bound('parentId'),
      status: bound('status'),
      kind: bound('kind'),
      authorName: bound('authorName'),
      authorEmail: bound('authorEmail'),
      authorWebsite: bound('authorWebsite'),
      ipHash: bound('ipHash'),
      bodyMarkdown: bound('bodyMarkdown'),
      bodyHtml: bound('bodyHtml'),
      createdAt: bound('createdAt'),
      importKey: bound('importKey'),
    })
    .onConflictDoNothing({ target: comments.importKey })
    .returning({ id: comments.id })
    .prepare();
  const setParent = db
    .update(comments)
    .set({ parentId: sql`${sql.placeholder('parentId')}` })
    .where(eq(comments.id, sql.placeholder('id')))
    .prepare();

  return {
    /** The thread a page already has: the one with its old id first (it survives URL changes), else its key. */
    async findThread(siteId: string, pageKey: string, externalId: string | null): Promise<ThreadRow | undefined> {
      return (
        (externalId ? first(await byExternalId.execute({ siteId, externalId })) : undefined) ??
        first(await byPageKey.execute({ siteId, pageKey }))
      );
    },
    /**
     * Makes the page's thread; if a reader's post made it since findThread (on PostgreSQL,
     * requests write while an import runs), that one, with what it lacks filled in.
     */
    createThread(row: ImportedThreadRow): Promise<ThreadRow> {
      return x.write(async (db) =>
        one(
          await db
            .insert(threads)
            .values(row)
            .onConflictDoUpdate({
              target: [threads.siteId, threads.pageKey],
              set: {
                url: sql`coalesce(${threads.url}, ${excluded(threads.url)})`,
                title: sql`coalesce(${threads.title}, ${excluded(threads.title)})`,
                externalId: sql`coalesce(${threads.externalId}, ${excluded(threads.externalId)})`,
              },
            })
            .returning(),
        ),
      );
    },
    /** Fills in what a matched thread lacks (url, title, external id); never overwrites. */
    completeThread(thread: ThreadRow, row: ImportedThreadRow): Promise<void> {
      return x.write(async (db) => {
        await db
          .update(threads)
          .set({ url: thread.url ?? row.url, title: thread.title ?? row.title })
          .where(eq(threads.id, thread.id));
        if (
          row.externalId &&
          !thread.externalId &&
          !first(await byExternalId.execute({ siteId: thread.siteId, externalId: row.externalId }))
        ) {
          await db
            .update(threads)
            .set({ externalId: row.externalId })
            .where(and(eq(threads.id, thread.id), isNull(threads.externalId)));
        }
      });
    },
    async commentByImportKey(key: string): Promise<{ id: number; threadId: number } | undefined> {
      return first(await byImportKey.execute({ key }));
    },
    /** Adds the comment; undefined when a comment with its import key is there already. */
    async insertComment(row: ImportedCommentRow): Promise<number | undefined> {
      return first(await x.write(() => insertComment.execute(row)))?.id;
    },
    async parentOf(id: number): Promise<number | null | undefined> {
      return first(await parentOf.execute({ id }))?.parentId;
    },
    setParent(id: number, parentId: number): Promise<void> {
      return x.write(async () => {
        await setParent.execute({ id, parentId });
      });
    },
  };
}

export type ImportQueries = ReturnType<typeof importQueries>;
