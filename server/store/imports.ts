/**
 * Queries an import makes (WordPress, Disqus): find or make each page's thread, add a
 * comment unless its import key is known already, and attach replies to their parents.
 */
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from './database.ts';
import { comments, threads, type NewCommentRow, type ThreadRow } from './schema.ts';

export interface ImportedThreadRow {
  siteId: string;
  pageKey: string;
  url: string | null;
  title: string | null;
  externalId: string | null;
  createdAt?: string;
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

export function importQueries(db: Db) {
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
    findThread(siteId: string, pageKey: string, externalId: string | null): ThreadRow | undefined {
      return (externalId ? byExternalId.get({ siteId, externalId }) : undefined) ?? byPageKey.get({ siteId, pageKey });
    },
    createThread(row: ImportedThreadRow): ThreadRow {
      return db.insert(threads).values(row).returning().get();
    },
    /** Fills in what a matched thread lacks (url, title, external id); never overwrites. */
    completeThread(thread: ThreadRow, row: ImportedThreadRow): void {
      db.update(threads)
        .set({ url: thread.url ?? row.url, title: thread.title ?? row.title })
        .where(eq(threads.id, thread.id))
        .run();
      if (row.externalId && !thread.externalId && !byExternalId.get({ siteId: thread.siteId, externalId: row.externalId })) {
        db.update(threads)
          .set({ externalId: row.externalId })
          .where(and(eq(threads.id, thread.id), isNull(threads.externalId)))
          .run();
      }
    },
    commentByImportKey(key: string): { id: number; threadId: number } | undefined {
      return byImportKey.get({ key });
    },
    /** Adds the comment; undefined when a comment with its import key is there already. */
    insertComment(row: ImportedCommentRow): number | undefined {
      return insertComment.get(row)?.id;
    },
    parentOf(id: number): number | null | undefined {
      return parentOf.get({ id })?.parentId;
    },
    setParent(id: number, parentId: number): void {
      setParent.run({ id, parentId });
    },
  };
}

export type ImportQueries = ReturnType<typeof importQueries>;
