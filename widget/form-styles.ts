/** Look of `<riposte-comment-form>`: stacked labelled fields, details in a row when there is room. */
import { css, unsafeCSS } from 'lit';
import { tokens } from './styles.ts';

export const formStyles = [
  unsafeCSS(tokens),
  css`
    :host {
      display: block;
    }
    /* The honeypot: off screen and out of the tab order and the accessibility tree. */
    .trap {
      position: absolute;
      left: -10000px;
      width: 1px;
      height: 1px;
      overflow: hidden;
    }
    form {
      display: grid;
      gap: 0.9em;
    }
    .reply {
      padding: 0.9em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .title {
      margin: 0;
      font-size: 1.3em;
      line-height: 1.3;
    }
    .reply .title {
      font-size: 0.9em;
      color: var(--_muted);
    }
    .field {
      display: grid;
      gap: 0.3em;
      align-content: start;
    }
    label {
      font-weight: 600;
      font-size: 0.9em;
    }
    input:not([type='checkbox']),
    textarea {
      font: inherit;
      color: inherit;
      width: 100%;
      padding: 0.55em 0.7em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--riposte-input-bg, transparent);
    }
    /* Fields keep their ring on their border; buttons keep the offset ring of styles.ts, visible on the accent. */
    input:focus-visible,
    textarea:focus-visible {
      outline-offset: 0;
    }
    textarea {
      min-height: 6.5em;
      max-height: 60vh;
      resize: vertical;
      field-sizing: content;
      line-height: 1.5;
    }
    .reply textarea {
      min-height: 4.5em;
    }
    input[aria-invalid='true'],
    textarea[aria-invalid='true'] {
      border-color: var(--_danger);
    }
    .hint,
    .as,
    .remember {
      margin: 0;
      font-size: 0.85em;
      font-weight: 400;
      color: var(--_muted);
    }
    .error {
      margin: 0;
      font-size: 0.875em;
      color: var(--_danger);
    }
    .details {
      display: grid;
      gap: 0.9em;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 11em), 1fr));
    }
    .remember {
      display: flex;
      gap: 0.5em;
      align-items: baseline;
    }
    .alert:not(:empty) {
      padding: 0.6em 0.8em;
      border-radius: var(--_radius);
      border-left: 3px solid var(--_danger);
      background: var(--_surface);
    }
    .primary {
      border: 1px solid var(--_accent);
      background: var(--_accent);
      color: var(--_on-accent);
      padding: 0.5em 1.1em;
      font-weight: 600;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.6em;
    }
    /* The server's rendering of the text, as the comment will show. */
    .preview {
      min-height: 6.5em;
      padding: 0.55em 0.7em;
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
      overflow-wrap: anywhere;
      line-height: 1.6;
    }
    .preview > :first-child {
      margin-top: 0;
    }
    .preview > :last-child {
      margin-bottom: 0;
    }
    .preview blockquote {
      margin-left: 0;
      padding-left: 0.9em;
      border-left: 3px solid var(--_border);
      color: var(--_muted);
    }
    .preview pre {
      overflow-x: auto;
    }
  `,
];
