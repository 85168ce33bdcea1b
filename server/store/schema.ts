/** The database schema: the source of truth for tables, columns and inferred row types. */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { StoredSiteSettings } from '../../shared/site-settings.ts';
import { AUTHOR_BADGES, COMMENT_KINDS, COMMENT_STATUSES } from '../../shared/wire.ts';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** One blog (or several pages of one blog) served by this server. */
export const sites = sqliteTable('sites', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** Origins allowed to call the API and to embed the widget, as a JSON array. */
  origins: text('origins', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
  /** Only the settings an owner changed, as JSON; read through siteSettings() for the defaults. */
  settings: text('settings', { mode: 'json' }).$type<StoredSiteSettings>().notNull().default(sql`'{}'`),
  createdAt: text('created_at').notNull().default(now),
});

/** A page's thread, keyed by the normalised page key within a site. */
export const threads = sqliteTable(
  'threads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    siteId: text('site_id').notNull().references(() => sites.id),
    pageKey: text('page_key').notNull(),
    url: text('url'),
    title: text('title'),
    /**
     * The page's id where it came from (WordPress post id, Disqus identifier), so a widget
     * with `page-id` set to it finds the thread keyed by the page's URL.
     */
    externalId: text('external_id'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('threads_site_page').on(t.siteId, t.pageKey), uniqueIndex('threads_site_external').on(t.siteId, t.externalId)],
);

export const comments = sqliteTable(
  'comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    threadId: integer('thread_id').notNull().references(() => threads.id),
    parentId: integer('parent_id'),
    status: text('status', { enum: COMMENT_STATUSES }).notNull(),
    kind: text('kind', { enum: COMMENT_KINDS }).notNull().default('comment'),
    authorName: text('author_name').notNull(),
    /** Never sent to readers; kept for the owner and for moderation. */
    authorEmail: text('author_email'),
    authorWebsite: text('author_website'),
    authorBadge: text('author_badge', { enum: AUTHOR_BADGES }),
    /** Keyed hash of the sender's IP: lets an owner see "same sender" without raw IPs. */
    ipHash: text('ip_hash'),
    bodyMarkdown: text('body_markdown').notNull(),
    bodyHtml: text('body_html').notNull(),
    createdAt: text('created_at').notNull().default(now),
    editedAt: text('edited_at'),
    /**
     * Where an imported comment came from (site, format, source and its id there), so
     * importing the same export again adds nothing; null for comments posted here.
     */
    importKey: text('import_key'),
  },
  (t) => [index('comments_thread_created').on(t.threadId, t.createdAt, t.id), uniqueIndex('comments_import_key').on(t.importKey)],
);

/** One row per browser that likes a page; the browser's id is stored hashed. */
export const pageLikes = sqliteTable(
  'page_likes',
  {
    threadId: integer('thread_id').notNull().references(() => threads.id),
    likerHash: text('liker_hash').notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.likerHash] })],
);

export type SiteRow = typeof sites.$inferSelect;
export type ThreadRow = typeof threads.$inferSelect;
export type CommentRow = typeof comments.$inferSelect;
export type NewCommentRow = typeof comments.$inferInsert;

/** Server-wide values kept with the data (so a backup carries them), such as the hashing key. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
