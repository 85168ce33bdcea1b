/** Layout of `<riposte-thread>`: header, nested reply lists, reply forms, loading and error states. */
import { css } from './lean-element.ts';
import { commentStyles } from './comment-styles.ts';
import { fontWarmupStyles } from './font-warmup.ts';
import { tokens } from './styles.ts';

export const threadStyles = [
  tokens,
  ...commentStyles,
  fontWarmupStyles,
  css`
    :host {
      display: block;
      container-type: inline-size;
      min-height: var(--riposte-min-height, 16em);
      font-size: var(--riposte-font-size, inherit);
      /* Reply lists hang their thread line under the parent's avatar. */
      --_avatar: var(--riposte-avatar-size, 2.5em);
      --_pad: 0.75em;
      --_indent: calc(var(--_pad) + var(--_avatar) / 2 - 1px);
    }
    section {
      display: grid;
      gap: 1.75em;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75em 1.25em;
      padding-bottom: 1em;
      border-bottom: 1px solid var(--_border);
    }
    h2 {
      flex-basis: 100%;
      margin: 0;
      font-size: 1.3em;
      line-height: 1.3;
    }
    .feed {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
      margin-left: auto;
      font-size: 0.875em;
      color: var(--_muted);
    }
    .feed:hover {
      color: var(--_accent);
    }
    .like {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.4em 0.75em;
    }
    .like button {
      display: inline-flex;
      align-items: center;
      gap: 0.35em;
      border: 1px solid var(--_border);
      background: none;
      border-radius: 999px;
      padding: 0.3em 0.9em;
    }
    .like button:hover:not([aria-disabled='true']),
    .like [aria-pressed='true'] {
      border-color: var(--_accent);
      color: var(--_accent);
    }
    .like [aria-pressed='true'] {
      background: var(--_highlight);
    }
    .heart {
      font-size: 1.15em;
      line-height: 1;
    }
    .count {
      color: var(--_muted);
      font-size: 0.9em;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .comments {
      margin: -0.75em 0 0;
    }
    .mentions-title {
      margin: 1.5em 0 1em;
      font-size: 1.1em;
    }
    .comments > li {
      padding: 0.5em 0;
    }
    /* Long threads: the browser lays out only the responses near the screen. Not the first
       few, which are on screen at once: they take one layout, not a second once found visible. */
    .comments > li:nth-child(n + 7) {
      content-visibility: auto;
      contain-intrinsic-size: auto 12em;
    }
    .comments > li + li {
      border-top: 1px solid var(--_border);
    }
    .replies {
      margin-left: var(--_indent);
      padding-left: 0.25em;
      border-left: 2px solid var(--_border);
    }
    .replies.flat {
      margin-left: 0;
      padding-left: 0;
      border-left: 0;
    }
    .sort select {
      margin-left: 0.4em;
      font: inherit;
      padding: 0.2em 0.4em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_input-bg, transparent);
      color: inherit;
    }
    .sort {
      font-size: 0.9em;
    }
    .more {
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75em;
    }
    .fold {
      padding: 0.25em 0 0.5em var(--_pad);
    }
    /* The form loads just after the comments: keep its place so nothing below it moves. */
    .form-pending {
      min-height: var(--riposte-form-height, 24em);
    }
    .loading p,
    .failed p {
      margin: 0 0 1em;
      color: var(--_muted);
    }
    .failed {
      padding: 1em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .failed strong {
      color: var(--_danger);
    }
    .skeleton {
      display: grid;
      grid-template-columns: var(--_avatar) 1fr;
      grid-template-rows: 0.9em 2.2em;
      gap: 0.5em 0.75em;
      padding: var(--_pad);
      animation: riposte-pulse 1.6s ease-in-out infinite alternate;
    }
    .skeleton span {
      border-radius: var(--_radius);
      background: color-mix(in srgb, currentColor 9%, transparent);
    }
    .skeleton span:first-child {
      grid-row: span 2;
      height: var(--_avatar);
      border-radius: 50%;
    }
    @keyframes riposte-pulse {
      to {
        opacity: 0.4;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .skeleton {
        animation: none;
      }
    }
    /* Narrow columns and phones: smaller avatars and indents keep deep replies readable. */
    @container (max-width: 30em) {
      section {
        --_avatar: var(--riposte-avatar-size, 2em);
        --_pad: 0.5em;
      }
      .replies {
        margin-left: 0.5em;
      }
    }
  `,
];
