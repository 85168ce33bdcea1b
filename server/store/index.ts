/** The store: every query Riposte makes, over one database. The only module that knows SQL. */
import { authRequestQueries } from './auth-requests.ts';
import { commentQueries } from './comments.ts';
import { openDatabase } from './database.ts';
import { likeQueries } from './likes.ts';
import { sessionQueries } from './sessions.ts';
import { settingQueries } from './settings.ts';
import { siteQueries } from './sites.ts';
import { threadQueries } from './threads.ts';
import { userQueries } from './users.ts';

export type Store = ReturnType<typeof openStore>;

export function openStore(file: string) {
  const { db, sqlite } = openDatabase(file);
  return {
    file,
    sites: siteQueries(db),
    threads: threadQueries(db),
    comments: commentQueries(db),
    likes: likeQueries(db),
    settings: settingQueries(db),
    users: userQueries(db),
    sessions: sessionQueries(db),
    authRequests: authRequestQueries(db),
    /** Runs fn in one transaction: all of its writes land, or none. */
    transaction<T>(fn: () => T): T {
      return sqlite.transaction(fn)();
    },
    close(): void {
      sqlite.close();
    },
  };
}
