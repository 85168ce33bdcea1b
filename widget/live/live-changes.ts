/**
 * What a live change does to the comments on screen, as pure functions (the live chunk's
 * controller, live-updates.ts, calls them): a comment already shown is replaced where it
 * stands (an edit, votes, a deletion, its approval), so nothing moves under the reader's eyes;
 * a new one waits among the "fresh" until the reader asks to see them.
 */
import type { LiveChange } from '../../shared/live.ts';
import type { ThreadSort, WireComment } from '../../shared/wire.ts';
import { addComment, findComment, mapComments, type Segment } from '../thread-segments.ts';

export interface LiveState {
  /** The loaded pages, as the thread draws them. */
  segments: Segment[];
  /** New comments the reader has not opened yet ("2 new comments"), oldest first. */
  fresh: WireComment[];
}

/** A comment the thread no longer shows, kept as a deleted placeholder so the page does not jump. */
export function placeholder(comment: WireComment): WireComment {
  const { id, parentId, createdAt } = comment;
  return { id, parentId, status: 'deleted', author: { name: '', avatar: '' }, html: '', createdAt, deleted: true };
}

/** Applies one comment as the server shows it now, or its going (`gone`). */
export function applyComment(state: LiveState, comment: WireComment | undefined, gone: number | undefined): LiveState {
  const { segments } = state;
  const fresh = state.fresh.filter((c) => c.id !== (comment?.id ?? gone));
  if (comment) {
    if (findComment(segments, comment.id)) return { segments: mapComments(segments, (c) => (c.id === comment.id ? comment : c)), fresh };
    // A placeholder for a comment nobody here has seen is nothing new to read.
    return { segments, fresh: comment.status === 'approved' ? [...fresh, comment] : fresh };
  }
  const shown = gone === undefined ? undefined : findComment(segments, gone);
  // The reader's own held comment (kept in their browser) is theirs to see until it is moderated.
  if (!shown || shown.status === 'pending') return { segments, fresh };
  return { segments: mapComments(segments, (c) => (c.id === gone ? placeholder(c) : c)), fresh };
}

export const applyChange = (state: LiveState, change: LiveChange): LiveState => applyComment(state, change.comment, change.gone);

/** Compares a page read again (after a reconnect) with what is shown: changed ones in place, unseen ones fresh. */
export function applyPage(state: LiveState, comments: readonly WireComment[]): LiveState {
  return comments.reduce((next, comment) => applyComment(next, comment, undefined), state);
}

/** Opens the fresh comments: each where it belongs (a reply under its parent), as a posted one is placed. */
export function openFresh(state: LiveState, sort: ThreadSort): Segment[] {
  return state.fresh.filter((c) => !findComment(state.segments, c.id)).reduce((all, c) => addComment(all, c, sort), state.segments);
}
