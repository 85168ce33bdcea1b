/**
 * The store: every query Riposte makes, over one database, SQLite (a file) or PostgreSQL (a
 * postgres:// URL), the same query code on both. The only module that knows SQL.
 */
import { adminCommentQueries } from './admin-comments.ts';
import { adminSessionQueries } from './admin-sessions.ts';
import { adminQueries } from './admins.ts';
import { auditQueries } from './audit.ts';
import { authRequestQueries } from './auth-requests.ts';
import type { Backend } from './backend.ts';
import { banQueries } from './bans.ts';
import { commentQueries } from './comments.ts';
import type { Executor } from './executor.ts';
import { emailSignInQueries } from './email-sign-ins.ts';
import { importQueries } from './imports.ts';
import { likeQueries } from './likes.ts';
import { listingQueries } from './listings.ts';
import { mailAddressQueries } from './mail-addresses.ts';
import { mentionQueries } from './mentions.ts';
import { outboxQueries } from './outbox.ts';
import { isPostgresUrl } from './database-url.ts';
import type { PostgresStoreOptions } from './postgres-store.ts';
import { privacyQueries } from './privacy.ts';
import type { StoreOptions } from './database.ts';
import { sessionQueries } from './sessions.ts';
import { settingQueries } from './settings.ts';
import { siteQueries } from './sites.ts';
import { openSqliteBackend } from './sqlite-store.ts';
import { subscriptionQueries } from './subscriptions.ts';
import { threadQueries } from './threads.ts';
import { rateLimitQueries } from './rate-limits.ts';
import { restoreQueries } from './transfer.ts';
import { userQueries } from './users.ts';
import { voteQueries } from './votes.ts';

export { isPostgresUrl, type StoreOptions };
export { isBusy, isFull, isUnstorable } from './store-errors.ts';

/**
 * Every query group, one per table (the admin view's comment lists apart), over one executor:
 * the store's own (reads outside transactions, each write its own transaction) or a transaction's.
 */
function queryGroups(x: Executor) {
  return {
    sites: siteQueries(x),
    threads: threadQueries(x),
    comments: commentQueries(x),
    adminComments: adminCommentQueries(x),
    likes: likeQueries(x),
    listings: listingQueries(x),
    votes: voteQueries(x),
    settings: settingQueries(x),
    users: userQueries(x),
    sessions: sessionQueries(x),
    authRequests: authRequestQueries(x),
    admins: adminQueries(x),
    adminSessions: adminSessionQueries(x),
    bans: banQueries(x),
    audit: auditQueries(x),
    rateLimits: rateLimitQueries(x),
    mailAddresses: mailAddressQueries(x),
    subscriptions: subscriptionQueries(x),
    emailSignIns: emailSignInQueries(x),
    outbox: outboxQueries(x),
    mentions: mentionQueries(x),
    privacy: privacyQueries(x),
  };
}

/** What a transaction's callback gets: the same query groups, all on the transaction. */
export type StoreTransaction = ReturnType<typeof queryGroups>;

/** What an import may do inside its transaction. */
export interface ImportTransaction {
  sites: ReturnType<typeof siteQueries>;
  imports: ReturnType<typeof importQueries>;
  restore: ReturnType<typeof restoreQueries>;
}

export type Store = ReturnType<typeof storeOver>;

/**
 * Opens (and migrates) the database: a postgres:// URL, else a SQLite file (':memory:' keeps it
 * on one connection). Each side takes its own options.
 */
export async function openStore(db: string, options: PostgresStoreOptions & StoreOptions = {}) {
  // PostgreSQL's driver and store load only for a postgres:// URL: a server on SQLite does not carry them.
  const backend = isPostgresUrl(db)
    ? await (await import('./postgres-store.ts')).openPostgresBackend(db, options)
    : await openSqliteBackend(db, options);
  return storeOver(backend);
}

function storeOver(backend: Backend) {
  let closed: Promise<void> | undefined;
  // Each executor gets its query groups once: on SQLite every transaction runs on the one
  // writer (so they are built once, statements prepared once); a pool gives each transaction its own.
  const groupsOf = new WeakMap<Executor, StoreTransaction>();
  const groups = (tx: Executor): StoreTransaction => {
    const made = groupsOf.get(tx) ?? queryGroups(tx);
    groupsOf.set(tx, made);
    return made;
  };
  return {
    /** 'sqlite' or 'postgres'. */
    dialect: backend.dialect,
    /** The SQLite file; null on PostgreSQL. */
    file: backend.file,
    /** The database as messages name it (a URL without its password). */
    description: backend.description,
    ...queryGroups(backend.queued),
    /**
     * Runs fn in one transaction: all of its writes land, or none. Inside, use `tx`, never the
     * store itself: on SQLite a write on the store would wait for the transaction that waits
     * for it. fn does database work only: on PostgreSQL it may run again (after a deadlock).
     */
    transaction<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T> {
      return backend.transaction((tx) => fn(groups(tx)));
    },
    /**
     * Runs an import that reads its file as it goes: one transaction on a connection of its
     * own, so requests served meanwhile never write inside it, and a failure rolls it all back.
     * Imports take turns; readers go on; writers wait for what it holds (and give up in time).
     */
    importTransaction<T>(fn: (tx: ImportTransaction) => Promise<T>): Promise<T> {
      return backend.importTransaction((tx) => fn({ sites: groups(tx).sites, imports: importQueries(tx), restore: restoreQueries(tx) }));
    },
    /** Every row of every exported table, from one consistent snapshot, while the server keeps writing. */
    exportRows: () => backend.exportRows(),
    /** Waits for queries in flight, then closes the database (once, however often it is called). */
    close(): Promise<void> {
      closed ??= backend.close();
      return closed;
    },
  };
}
