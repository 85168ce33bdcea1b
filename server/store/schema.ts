/**
 * The database schema: the source of truth for tables, columns and inferred row types, on SQLite
 * and on PostgreSQL (postgres-tables.ts builds those tables from these).
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { StoredSiteSettings } from '../../shared/site-settings.ts';
import { AUDIT_ACTIONS, BAN_KINDS, type HeldReason } from '../../shared/moderation.ts';
import {
  COMMENT_EVENTS,
  DELIVERY_CHANNELS,
  DELIVERY_KINDS,
  DELIVERY_STATUSES,
  MENTION_STATUSES,
  MENTION_TYPES,
  SUBSCRIPTION_KINDS,
} from '../../shared/notifications.ts';
import { AUTHOR_BADGES, COMMENT_KINDS, COMMENT_STATUSES } from '../../shared/wire.ts';
import { bodyEnds } from './sql-words.ts';

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
     * The language the page declared (its `lang`, as a BCP 47 tag) when it was first written
     * to, corrected by later posts from the blog's own pages: the language of mails about it.
     */
    lang: text('lang'),
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
    /**
     * The last comment changes, newest first, written by the same triggers that bump `version`
     * on a comment's insert, update or delete: each 24 digits, the version it made (12) and the
     * comment's id (12), at most 16. A reader holding the thread at an older version re-reads
     * only those comments when every version since is listed (server/threads/thread-changes.ts);
     * any other bump (likes, address, settings) lists nothing, so it reads the thread whole.
     */
    changes: text('changes').notNull().default(''),
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
    /** The provider vouches that `email` is the person's (OpenID `email_verified`, GitHub's public email, a sign-in by mail). */
    emailVerified: integer('email_verified', { mode: 'boolean' }).notNull().default(false),
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
    // The duplicate check of every new comment looks for the same text in the thread: by the
    // text's ends, it reads the few comments that begin and end alike, not the whole thread (at
    // 100,000 comments, 75-120 ms inside the write transaction without it).
    index('comments_thread_body_ends').on(t.threadId, bodyEnds(t.bodyMarkdown)),
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

/**
 * An email address Riposte may mail, lower-cased: nothing but a confirmation goes to it before
 * its owner confirmed it (a link in that mail, a sign-in by mail, or a provider's verified email).
 */
export const mailAddresses = sqliteTable('mail_addresses', {
  address: text('address').primaryKey(),
  confirmedAt: text('confirmed_at'),
  /** When a mail server refused a mail to it for good: nothing more is sent until an admin retries one. */
  bouncedAt: text('bounced_at'),
  /** The start of the day (24 hours) in which `confirmationsSent` confirmation mails went out: a per-address limit. */
  confirmationsSince: text('confirmations_since'),
  confirmationsSent: integer('confirmations_sent').notNull().default(0),
  createdAt: text('created_at').notNull().default(now),
});

/** "No more mail from this site": the address gets nothing more from the site, not even a confirmation. */
export const mailStops = sqliteTable(
  'mail_stops',
  {
    address: text('address').notNull(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.address, t.siteId] })],
);

/** A reader's wish to be mailed about a page: replies to their comment, or every new comment. */
export const subscriptions = sqliteTable(
  'subscriptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id),
    kind: text('kind', { enum: SUBSCRIPTION_KINDS }).notNull(),
    /** For `replies`: the reader's comment; null for `thread`. */
    commentId: integer('comment_id').references(() => comments.id),
    /** Lower-cased; mailed only once confirmed (mail_addresses). Never shown to anyone but its owner. */
    address: text('address').notNull(),
    /** The signed-in reader who subscribed, so they can list and end their subscriptions. */
    userId: integer('user_id').references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    // One subscription per comment and address for replies (a thread's rows have no comment: NULLs never clash)...
    uniqueIndex('subscriptions_replies').on(t.commentId, t.address),
    // ...and one per thread and address for every new comment.
    uniqueIndex('subscriptions_thread').on(t.threadId, t.address).where(sql`kind = 'thread'`),
    index('subscriptions_address').on(t.address),
  ],
);

/**
 * A sign-in by mail under way: the code and the link's token (both only as SHA-256), which
 * browser may use them (the SHA-256 of a verifier it keeps), and how many wrong codes were tried.
 */
export const emailSignIns = sqliteTable(
  'email_sign_ins',
  {
    id: text('id').primaryKey(),
    address: text('address').notNull(),
    /** The name the reader gave, for a first sign-in. */
    name: text('name').notNull(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    origin: text('origin').notNull(),
    codeHash: text('code_hash').notNull(),
    linkHash: text('link_hash').notNull(),
    challenge: text('challenge').notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('email_sign_ins_address').on(t.address, t.createdAt)],
);

/**
 * A change to a comment that may have to be told (mail, webhooks), written in the change's own
 * transaction; the outbox worker expands it into one delivery per recipient, then marks it.
 */
export const outboxEvents = sqliteTable(
  'outbox_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    type: text('type', { enum: COMMENT_EVENTS }).notNull(),
    /** Not a foreign key: erasing a person removes comments, and that is told after they are gone. */
    commentId: integer('comment_id').notNull(),
    siteId: text('site_id').notNull(),
    /** The comment's status when it happened. */
    status: text('status', { enum: COMMENT_STATUSES }).notNull(),
    /** What webhooks receive (the comment as readers saw it then); null when the site had none. */
    payload: text('payload', { mode: 'json' }).$type<unknown>(),
    occurredAt: text('occurred_at').notNull(),
    expandedAt: text('expanded_at'),
  },
  (t) => [index('outbox_events_pending').on(t.expandedAt, t.id)],
);

/**
 * One message to send: a mail, a webhook POST, a Webmention verification. Its id towards the
 * world (Message-ID, webhook delivery id) is random and made once, so a retry is recognisable.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    channel: text('channel', { enum: DELIVERY_CHANNELS }).notNull(),
    kind: text('kind', { enum: DELIVERY_KINDS }).notNull(),
    /** An email address (lower-cased), a webhook URL, a Webmention source. */
    recipient: text('recipient').notNull(),
    messageId: text('message_id').notNull().unique(),
    /** At most one delivery per key: one mail per address per comment, one POST per event and URL. */
    dedupeKey: text('dedupe_key').unique(),
    eventId: integer('event_id').references(() => outboxEvents.id, { onDelete: 'set null' }),
    commentId: integer('comment_id'),
    siteId: text('site_id'),
    /** What the sender needs to build the message when its turn comes. */
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    /** A worker is sending it until then; after that (a crash), another may. */
    lockedUntil: text('locked_until'),
    lastError: text('last_error'),
    lastResponse: text('last_response'),
    createdAt: text('created_at').notNull(),
    doneAt: text('done_at'),
  },
  (t) => [index('outbox_due').on(t.status, t.nextAttemptAt), index('outbox_created').on(t.createdAt, t.id)],
);

/** A Webmention received and verified: another page that links to one of ours, moderated like a comment. */
export const mentions = sqliteTable(
  'mentions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id),
    source: text('source').notNull(),
    target: text('target').notNull(),
    status: text('status', { enum: MENTION_STATUSES }).notNull(),
    type: text('type', { enum: MENTION_TYPES }).notNull(),
    url: text('url').notNull(),
    authorName: text('author_name'),
    authorUrl: text('author_url'),
    name: text('name'),
    contentHtml: text('content_html'),
    publishedAt: text('published_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('mentions_thread_source').on(t.threadId, t.source), index('mentions_status_created').on(t.status, t.createdAt)],
);

export type MailAddressRow = typeof mailAddresses.$inferSelect;
export type SubscriptionRow = typeof subscriptions.$inferSelect;
export type EmailSignInRow = typeof emailSignIns.$inferSelect;
export type OutboxEventRow = typeof outboxEvents.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;
export type NewOutboxRow = typeof outbox.$inferInsert;
export type MentionRow = typeof mentions.$inferSelect;
