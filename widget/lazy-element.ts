/**
 * Elements that come in chunks of their own, off the path to the first comment: the comment
 * form once a thread has loaded (the thread reserves its space meanwhile), the sign-in panel
 * once the account knows it is wanted (account/account-controller.ts).
 */
import { defineOnce } from './define.ts';

/** A loader that fetches and defines `tag` once; after a failed fetch the next call tries again. */
export function lazyElement(tag: string, load: () => Promise<CustomElementConstructor>): () => Promise<void> {
  let loading: Promise<void> | null = null;
  return () =>
    (loading ??= load().then(
      (element) => defineOnce(tag, element),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
}

export const loadCommentForm = lazyElement('riposte-comment-form', () =>
  import('./riposte-comment-form.ts').then((m) => m.RiposteCommentForm),
);
