/**
 * The comment form comes in its own chunk once a thread has loaded, keeping it off the path
 * to the first comment (the thread reserves its space meanwhile).
 */
import { defineOnce } from './define.ts';

let loading: Promise<void> | null = null;

/** Loads and defines <riposte-comment-form>; after a failed fetch the next call tries again. */
export function loadCommentForm(): Promise<void> {
  loading ??= import('./riposte-comment-form.ts').then(
    ({ RiposteCommentForm }) => defineOnce('riposte-comment-form', RiposteCommentForm),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
