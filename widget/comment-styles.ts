/** Look of a comment (comment-view.ts): avatar beside the text, the meta line, and the server's HTML (quotes, code, lists). */
import { css } from './lean-element.ts';
import { avatarStyles } from './avatar.ts';

export const commentStyles = [
  avatarStyles,
  css`
    article {
      display: flex;
      gap: var(--_pad);
      padding: var(--_pad);
      border-radius: var(--_radius);
      transition: background-color 0.3s;
    }
    article:focus-visible {
      outline-offset: 0;
    }
    /* The highlight already marks a comment opened by its permalink. */
    .highlighted:focus-visible {
      outline: none;
    }
    .owner {
      background: var(--_surface);
    }
    .highlighted {
      background: var(--_highlight);
    }
    .main {
      flex: 1;
      min-width: 0;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.1em 0.6em;
      margin: 0 0 0.3em;
      line-height: 1.4;
    }
    .author {
      font-weight: 650;
    }
    a.author {
      color: inherit;
    }
    .badge {
      font-size: 0.72em;
      font-weight: 650;
      letter-spacing: 0.04em;
      text-transform: uppercase;
      /* The accent, nudged towards the text colour: readable on its tint on light and dark pages. */
      color: color-mix(in srgb, var(--_accent) 80%, currentColor);
      background: var(--_highlight);
      border-radius: 999px;
      padding: 0.1em 0.6em;
    }
    .quiet-text,
    .date {
      color: var(--_muted);
      font-size: 0.875em;
    }
    .date:not(:hover) {
      text-decoration: none;
    }
    .body {
      overflow-wrap: anywhere;
      line-height: 1.6;
      /* A long code line scrolls inside its block; without this its width would widen the
         whole thread, and the blog page around it, wherever the page sizes by content. */
      contain: inline-size;
    }
    .body > :first-child {
      margin-top: 0;
    }
    .body > :last-child {
      margin-bottom: 0;
    }
    .body :is(p, ul, ol, blockquote, pre) {
      margin: 0 0 0.75em;
    }
    .body blockquote {
      padding: 0.1em 0 0.1em 0.9em;
      border-left: 3px solid var(--_border);
      color: var(--_muted);
    }
    .body code {
      font: 0.9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      background: var(--_surface);
      border-radius: 0.25em;
      padding: 0.1em 0.3em;
    }
    .body pre {
      overflow-x: auto;
      background: var(--_surface);
      border-radius: var(--_radius);
      padding: 0.75em;
    }
    .body pre code {
      padding: 0;
      background: none;
    }
    .deleted,
    .note {
      margin: 0;
      color: var(--_muted);
      font-style: italic;
    }
    .reply {
      margin-top: 0.4em;
      font-size: 0.875em;
      font-weight: 600;
    }
    .vote {
      font-weight: 400;
      font-variant-numeric: tabular-nums;
    }
    .vote[aria-pressed='true'] {
      color: var(--_accent);
      font-weight: 650;
    }
  `,
];
