/** `<riposte-admin-log>`: the audit log, newest first: when, who, what. */
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { WireAuditEntry } from '../../shared/moderation.ts';
import { defineOnce } from '../define.ts';
import { adminStyles } from './admin-styles.ts';

export class RiposteAdminLog extends LitElement {
  static override styles = [
    adminStyles,
    css`
      /* Dates and addresses break between words, not letter by letter. */
      td:not(:last-child) {
        overflow-wrap: break-word;
      }
      /* On a phone three columns are too narrow: each entry becomes a small block. */
      @media (max-width: 40em) {
        thead {
          display: none;
        }
        tr,
        td {
          display: block;
        }
        td {
          border: 0;
          padding: 0.1em 0;
        }
        tr {
          padding: 0.5em 0;
          border-bottom: 1px solid var(--_border);
        }
        td:first-child {
          color: var(--_muted);
          font-size: 0.9em;
        }
      }
    `,
  ];

  /** The entries, newest first. */
  @property({ attribute: false }) entries: WireAuditEntry[] = [];

  override render() {
    if (!this.entries.length) return html`<p class="muted">Nothing has happened yet.</p>`;
    return html`<table>
      <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th></tr></thead>
      <tbody>
        ${this.entries.map(
          (e) => html`<tr>
            <td>${new Date(e.createdAt).toLocaleString()}</td>
            <td>${e.actor}</td>
            <td>${e.action}${e.commentId !== null ? ` comment ${e.commentId}` : ''}${e.detail ? html`<br /><span class="muted">${e.detail}</span>` : ''}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

defineOnce('riposte-admin-log', RiposteAdminLog);

declare global {
  interface HTMLElementTagNameMap {
    'riposte-admin-log': RiposteAdminLog;
  }
}
