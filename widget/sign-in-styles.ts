/** Look of `<riposte-sign-in>`: a line of small text, or the provider buttons in a wrapping row. */
import { css, unsafeCSS } from 'lit';
import { tokens } from './styles.ts';

export const signInStyles = [
  unsafeCSS(tokens),
  css`
    :host {
      display: grid;
      gap: 0.5em;
    }
    p {
      margin: 0;
      font-size: 0.85em;
      color: var(--_muted);
    }
    p.error {
      font-size: 0.875em;
      color: var(--_danger);
    }
    .providers {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
    }
    .provider {
      display: inline-flex;
      align-items: center;
      gap: 0.45em;
      padding: 0.4em 0.9em;
    }
  `,
];
