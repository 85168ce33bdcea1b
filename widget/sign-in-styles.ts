/** Look of `<riposte-sign-in>`: a line of small text, or the provider buttons in a wrapping row, and the small form of "Log in with email". */
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
    .subscriptions {
      margin: 0;
      padding-left: 1.2em;
      font-size: 0.85em;
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
    .email-sign-in {
      display: grid;
      gap: 0.5em;
      justify-items: start;
    }
    .email-sign-in label {
      display: grid;
      gap: 0.2em;
      font-size: 0.875em;
    }
    .email-sign-in input {
      font: inherit;
      padding: 0.35em 0.5em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
      color: inherit;
    }
    .provider {
      display: inline-flex;
      align-items: center;
      gap: 0.45em;
      padding: 0.4em 0.9em;
    }
  `,
];
