/**
 * The database schema: the source of truth for tables, columns and inferred row types, on SQLite
 * and on PostgreSQL (postgres-tables.ts builds those tables from these).
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { StoredSiteSettings } from '../../shared/site-settings.ts';
import { AUDIT_ACTIONS, BAN_KINDS, type HeldReason } from '../../shared/moderation.ts';
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
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    pageKey: text('page_key').notNull(),
    url: text('url'),
    title: text('title'),
    /**
     * The page's id where it came from (WordPress post id, Disqus identifier), so a widget
     * with `page-id` set to it finds the thread keyed by the page's URL.
     */
    externalId: text('external_id'),
    /**
     * Bumped by database triggers on every change to the thread's comments (their votes and
     * pins included), likes, address or its site's settings (see the thread_version,
     * site_settings and vote_counts migrations), so any writer, even another process, makes
     * cached answers stale.
     */
    version: integer('version').notNull().default(0),
    /** Set by the owner: the thread takes no new comments (those already there stay). */
    locked: integer('locked', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('threads_site_page').on(t.siteId, t.pageKey), uniqueIndex('threads_site_external').on(t.siteId, t.externalId)],
);

/** A person who signed in with a provider: one row per provider identity (`provider:subject`). */
export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The configured provider's id, e.g. "github" or "gitlab". */
    provider: text('provider').notNull(),
    /** The provider's stable id for the person (OpenID `sub`, GitHub's numeric user id). */
    subject: text('subject').notNull(),
    /** From the provider's profile, refreshed at each sign-in. */
    name: text('name').notNull(),
    /** From the profile when the provider gives one; for the owner, never sent to readers. */
    email: text('email'),
    website: text('website'),
    createdAt: text('created_at').notNull().default(now),
    signedInAt: text('signed_in_at').notNull().default(now),
  },
  (t) => [uniqueIndex('users_provider_subject').on(t.provider, t.subject)],
);

/** A signed-in browser. The bearer token is stored only as its SHA-256; log out deletes the row. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/**
 * A sign-in under way, keyed by its OAuth `state`: what the callback must check (PKCE
 * verifier, nonce, the page origin the token may go to). The full-page flow then keeps the
 * row for a minute more, holding the hash of the one-time code the page exchanges.
 */
export const authRequests = sqliteTable(
  'auth_requests',
  {
    state: text('state').primaryKey(),
    provider: text('provider').notNull(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    /** The embedding page's origin, checked against the site's: the only postMessage target. */
    origin: text('origin').notNull(),
    /** Full-page flow: the page to come back to; null for the popup. */
    returnUrl: text('return_url'),
    /**
     * Full-page flow: SHA-256 (base64url) of a secret the starting tab keeps; the one-time code
     * is exchanged only with that secret, so a code planted in another reader's page is useless.
     */
    returnChallenge: text('return_challenge'),
    codeVerifier: text('code_verifier').notNull(),
    /** OpenID Connect only. */
    nonce: text('nonce'),
    /** Full-page flow, after the callback: SHA-256 of the one-time code, and who signed in. */
    codeHash: text('code_hash'),
    userId: integer('user_id').references(() => users.id),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [uniqueIndex('auth_requests_code').on(t.codeHash)],
);

export const comments = sqliteTable(
  'comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id),
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
    /** The signed-in author; null for a guest's comment (and for imported ones). */
    userId: integer('user_id').references(() => users.id),
    /** SHA-256 of the secret a guest got back when posting, to edit or delete within the window. */
    guestSecretHash: text('guest_secret_hash'),
    /** Why the spam defence or the site's rules held the comment (pending or spam), for the owner; null if none did. */
    heldReasons: text('held_reasons', { mode: 'json' }).$type<HeldReason[]>(),
    /** Set by the owner: the comment comes first among its siblings (a response to the page: first in the thread) in every order. */
    pinned: integer('pinned', { mode: 'boolean' }).notNull().default(false),
    /**
     * Readers' votes, counted by database triggers on comment_votes (see the vote_counts
     * migration), so every writer keeps them right and a vote bumps the thread's version.
     */
    upvotes: integer('upvotes').notNull().default(0),
    downvotes: integer('downvotes').notNull().default(0),
  },
  (t) => [
    index('comments_thread_created').on(t.threadId, t.createdAt, t.id),
    uniqueIndex('comments_import_key').on(t.importKey),
    // The admin view's queue and status filters: newest first within a status.
    index('comments_status_created').on(t.status, t.createdAt),
    // The admin view's list of all comments, newest first.
    index('comments_created').on(t.createdAt, t.id),
    // "First-time commenters only" and email bans look authors up by email, in any case.
    index('comments_author_email').on(sql`lower(${t.authorEmail})`),
  ],
);

/** One row per browser that likes a page; the browser's id is stored hashed. */
export const pageLikes = sqliteTable(
  'page_likes',
  {
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id),
    likerHash: text('liker_hash').notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.likerHash] })],
);

/**
 * One row per reader's vote on a comment: +1 up, -1 down. The voter is `user:ID` for a
 * signed-in reader, else `liker:HASH`, the keyed hash of the browser's random id (the one
 * page likes use), so one browser or one account counts once per comment.
 */
export const commentVotes = sqliteTable(
  'comment_votes',
  {
    commentId: integer('comment_id')
      .notNull()
      .references(() => comments.id),
    voter: text('voter').notNull(),
    value: integer('value').notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  // A reader's own votes on a page are looked up by voter, then joined to the page's comments.
  (t) => [primaryKey({ columns: [t.commentId, t.voter] }), index('comment_votes_voter').on(t.voter)],
);

export type SiteRow = typeof sites.$inferSelect;
export type ThreadRow = typeof threads.$inferSelect;
export type CommentRow = typeof comments.$inferSelect;
export type NewCommentRow = typeof comments.$inferInsert;
export type UserRow = typeof users.$inferSelect;
export type VoteRow = typeof commentVotes.$inferSelect;
export type AuthRequestRow = typeof authRequests.$inferSelect;

/**
 * A person who may open /admin: made with `riposte admin add EMAIL` (the password kept only as
 * an argon2id hash), or at the first login of a provider identity listed in RIPOSTE_ADMINS.
 */
export const admins = sqliteTable('admins', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** The login name: a lower-cased email, or `provider:subject` for an admin who logs in with a provider. */
  email: text('email').notNull().unique(),
  /** Shown on the owner's replies and in the audit log. */
  name: text('name').notNull(),
  /** Empty for an admin who logs in with a provider (no password can match it). */
  passwordHash: text('password_hash').notNull(),
  createdAt: text('created_at').notNull().default(now),
});

/**
 * A logged-in admin browser: the cookie's token stored only as its SHA-256, with an expiry, and
 * the CSRF token every state-changing request must carry in a header.
 */
export const adminSessions = sqliteTable(
  'admin_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    adminId: integer('admin_id')
      .notNull()
      .references(() => admins.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: text('created_at').notNull().default(now),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('admin_sessions_admin').on(t.adminId)],
);

/** A banned author: by email (lower-cased), signed-in identity (`provider:subject`) or IP hash (as comments keep it). */
export const bans = sqliteTable(
  'bans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: BAN_KINDS }).notNull(),
    value: text('value').notNull(),
    /** Whether the author's existing comments were hidden (marked spam) when the ban was made. */
    hidExisting: integer('hid_existing', { mode: 'boolean' }).notNull().default(false),
    /** The admin's email. */
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('bans_kind_value').on(t.kind, t.value)],
);

/** What admins did: who, what, when, on which comment. Rows are only ever added. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The admin's email. */
    actor: text('actor').notNull(),
    action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
    /** The comment acted on, if any (no foreign key: the log outlives what it names). */
    commentId: integer('comment_id'),
    /** A short readable detail: the site changed, the ban's value, the new status. */
    detail: text('detail'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('audit_log_created').on(t.createdAt)],
);

export type AdminRow = typeof admins.$inferSelect;
export type BanRow = typeof bans.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;

/** Server-wide values kept with the data (so a backup carries them), such as the hashing key. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Rate limits' counts (requests per address, comments per author, failed logins), one row per
 * key and window, kept in the database so every server instance of a PostgreSQL install counts
 * the same hits (with SQLite, one process, the counts stay in memory and this table stays empty).
 */
export const rateLimits = sqliteTable(
  'rate_limits',
  {
    /** The limit's name and what it counts, e.g. `writes:203.0.113.7`. */
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    /** When the window ends (ISO 8601 UTC): the next hit after it starts a new one. */
    resetsAt: text('resets_at').notNull(),
  },
  (t) => [index('rate_limits_resets').on(t.resetsAt)],
);
