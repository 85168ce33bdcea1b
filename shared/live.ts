/**
 * Live updates (GET /api/v1/threads/events, Server-Sent Events): the names and data of its
 * events (its query is in schemas.ts), shared by the server that sends them and the widget that reads them.
 * Every event's `id` is the thread's version, so a client that comes back names what it saw.
 */
import type { CommentStatus, WireComment } from './wire.ts';

/** The names of the events a thread's stream sends. */
export const LIVE_EVENTS = { ready: 'ready', change: 'change', refetch: 'refetch' } as const;

/**
 * `ready`, first on every stream: `refetch` is true when the thread changed since the version
 * the client named (or it named none): it should read the thread again and compare.
 */
export interface LiveReady {
  refetch: boolean;
}

/**
 * `change`: one comment was posted, edited, approved, deleted or voted on, or the page's
 * likes changed. `comment` is the comment as the thread shows it now; `gone` names one the
 * thread no longer shows (deleted without replies, held, marked as spam).
 */
export interface LiveChange {
  /** The thread's count and likes after the change. */
  count: number;
  likes: number;
  comment?: WireComment;
  gone?: number;
}

/** The admin stream's `comment` event (GET /api/v1/admin/events): a comment changed somewhere. */
export interface LiveAdminChange {
  id: number;
  site: string;
  status: CommentStatus;
}
