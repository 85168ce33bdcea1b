/**
 * A thread's model from the thread cache, at the version the reader found or later. A stale
 * model catches up by re-reading only the comments changed since (the thread's list of its
 * last comment changes, read with those comments in one snapshot); when the list cannot
 * account for every version since (likes, address, settings, mentions, or more changes than
 * it keeps), or the thread moved on meanwhile three times over, the thread is read whole.
 */
import type { AppDeps } from '../http/app-env.ts';
import type { Store } from '../store/index.ts';
import type { ThreadRow } from '../store/schema.ts';
import { catchUp } from './thread-catch-up.ts';
import { commentsChangedSince } from './thread-changes.ts';
import { loadThreadModel, modelBytes, rememberGone, type ThreadModel } from './thread-model.ts';

const TRIES = 3;

async function caughtUp(store: Store, model: ThreadModel, thread: ThreadRow): Promise<ThreadModel> {
  let target = thread;
  for (let i = 0; i < TRIES && target.version > model.thread.version; i++) {
    const ids = commentsChangedSince(target.changes, model.thread.version, target.version);
    if (!ids) break;
    const read = await store.comments.threadWithOutlines(target.id, ids);
    if (!read) break;
    // The thread changed again after `target` was read: catch up to where it is now instead.
    if (read.thread.version !== target.version) {
      target = read.thread;
      continue;
    }
    catchUp(model, read.thread, ids, read.outlines);
    return model;
  }
  if (target.version <= model.thread.version) return model;
  const fresh = await loadThreadModel(store, target);
  fresh.changing = true;
  // What the thread lost for good while held is not in the fresh read: remembered, with what went since.
  fresh.gone = model.gone;
  for (const [id, row] of model.all) if (!fresh.all.has(id)) rememberGone(fresh, row);
  return fresh;
}

export function threadModel(deps: Pick<AppDeps, 'store' | 'threadCache'>, thread: ThreadRow): Promise<ThreadModel> {
  return deps.threadCache.partFrom(
    thread,
    'model',
    async (previous) => {
      // A build that failed is not built on: its own readers had its error, this one reads the thread whole.
      const held = await previous?.catch(() => undefined);
      return held ? caughtUp(deps.store, held, thread) : loadThreadModel(deps.store, thread);
    },
    modelBytes,
  );
}
