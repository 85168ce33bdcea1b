/** Script-tag entry (`<script type="module" src="https://HOST/embed.js">`): defines the elements. */
import { RiposteComment } from './riposte-comment.ts';
import { RiposteLike } from './riposte-like.ts';
import { RiposteThread } from './riposte-thread.ts';

// The comment server is wherever this file came from. Resolved here, in the entry file:
// in a lazily loaded chunk import.meta.url would be under /assets/.
RiposteThread.defaultServer = new URL(/* @vite-ignore */ '.', import.meta.url).href;

const elements: [string, CustomElementConstructor][] = [
  ['riposte-like', RiposteLike],
  ['riposte-comment', RiposteComment],
  ['riposte-thread', RiposteThread],
];

// Two blog plugins may both include the script: the second load must not throw.
const define = (tag: string, element: CustomElementConstructor) => customElements.get(tag) || customElements.define(tag, element);
for (const [tag, element] of elements) define(tag, element);

// Readers need the form after the comments: it comes in its own chunk once a thread has loaded,
// keeping it off the path to the first comment (the thread reserves its space meanwhile).
addEventListener(
  'riposte-loaded',
  () => {
    import('./riposte-comment-form.ts').then(
      ({ RiposteCommentForm }) => define('riposte-comment-form', RiposteCommentForm),
      (error: unknown) => console.error('Riposte: the comment form could not be loaded.', error),
    );
  },
  { once: true },
);
