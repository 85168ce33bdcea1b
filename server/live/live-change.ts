/**
 * Turns a signal into what streams are sent: the thread it touched, and the change as readers
 * may see it (the thread's model from the thread cache, the comment through to-wire.ts, so
 * only what a GET of the thread would show ever goes out), and for admins the comment's status.
 */
import type { LiveAdminChange, LiveChange } from '../../shared/live.ts';
import { toWireComment } from '../comments/to-wire.ts';
import type { AppDeps } from '../http/app-env.ts';
import type { CommentRow, ThreadRow } from '../store/schema.ts';
import { threadModel } from '../threads/thread-model-cache.ts';
import type { LiveSignal } from './live-signal.ts';

export type ChangeDeps = Pick<AppDeps, 'store' | 'hashKey' | 'threadCache'>;

/** The thread a signal is about, and the comment when it names one; undefined when either is gone. */
export async function signalTarget(
  { store }: ChangeDeps,
  signal: LiveSignal,
): Promise<{ thread: ThreadRow; comment: CommentRow | undefined } | undefined> {
  const comment = 'comment' in signal ? await store.comments.get(signal.comment) : undefined;
  const threadId = 'comment' in signal ? comment?.threadId : signal.thread;
  const thread = threadId === undefined ? undefined : await store.threads.get(threadId);
  return thread ? { thread, comment } : undefined;
}

/** The change as a thread's readers see it, at the thread's version now. */
export async function readerChange(deps: ChangeDeps, thread: ThreadRow, comment: CommentRow | undefined): Promise<LiveChange> {
  const model = await threadModel(deps, thread);
  const change: LiveChange = { count: model.count, likes: model.likes };
  if (!comment) return change;
  const shown = model.byId.get(comment.id);
  // A removed comment kept as a placeholder shows as deleted, whatever it is stored as (as in thread-json.ts).
  if (shown) change.comment = toWireComment({ ...comment, status: shown.status }, deps.hashKey, model.settings.votes);
  else change.gone = comment.id;
  return change;
}

export function adminChange(thread: ThreadRow, comment: CommentRow): LiveAdminChange {
  return { id: comment.id, site: thread.siteId, status: comment.status };
}
