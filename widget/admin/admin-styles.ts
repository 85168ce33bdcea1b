/** Looks of the admin view: the widget's tokens and buttons, laid out for a desk or a phone. */
import { css, unsafeCSS } from 'lit';
import { tokens } from '../styles.ts';

export const adminStyles = [
  unsafeCSS(tokens),
  css`
    :host {
      display: block;
      max-width: 60rem;
      margin: 0 auto;
      padding: 0 1rem 3rem;
    }
    h1,
    h2 {
      line-height: 1.25;
      margin: 0;
    }
    h1 {
      font-size: 1.25rem;
    }
    h2 {
      font-size: 1.1rem;
      margin: 1.25rem 0 0.75rem;
    }
    .primary {
      border: 1px solid var(--_accent);
      background: var(--_accent);
      color: var(--_on-accent);
      padding: 0.45em 1em;
    }
    .secondary {
      padding: 0.45em 1em;
    }
    .danger {
      color: var(--_danger);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .field {
      display: grid;
      gap: 0.25em;
      align-content: start;
    }
    label {
      font-weight: 600;
      font-size: 0.9em;
    }
    .check {
      font-weight: normal;
      display: flex;
      gap: 0.4em;
      align-items: center;
    }
    input:not([type='checkbox']):not([type='radio']),
    select,
    textarea {
      font: inherit;
      color: inherit;
      background: var(--riposte-input-bg, transparent);
      border: 1px solid color-mix(in srgb, currentColor 45%, transparent);
      border-radius: var(--_radius);
      padding: 0.4em 0.55em;
      min-width: 0;
    }
    textarea {
      width: 100%;
      min-height: 6em;
      resize: vertical;
    }
    input[type='checkbox'],
    input[type='radio'] {
      width: 1.15em;
      height: 1.15em;
      accent-color: var(--_accent);
    }
    .muted {
      color: var(--_muted);
      font-size: 0.9em;
    }
    .error {
      color: var(--_danger);
    }
    .note {
      padding: 0.6em 0.8em;
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: left;
      padding: 0.4em 0.5em;
      border-bottom: 1px solid var(--_border);
      vertical-align: top;
      overflow-wrap: anywhere;
    }
  `,
];
