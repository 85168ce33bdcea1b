/** `<riposte-admin-log>`: the audit log, newest first: when, who, what. */
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { WireAuditEntry } from '../../shared/moderation.ts';
import { defineOnce } from '../define.ts';
import type { Formats } from '../format.ts';
import { adminStyles } from './admin-styles.ts';
import type { AdminStrings } from './admin-strings.ts';

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

  /** The view's strings and formats, in the owner's language. */
  @property({ attribute: false }) t!: AdminStrings;
  @property({ attribute: false }) formats!: Formats;
  /** The entries, newest first. */
  @property({ attribute: false }) entries: WireAuditEntry[] = [];

  /** What happened, in the view's language; `detail` is the server's own note (in English). */
  override render() {
    const { t, formats: f } = this;
    if (!this.entries.length) return html`<p class="muted">${t.nothingYet}</p>`;
    return html`<table>
      <thead><tr><th scope="col">${t.when}</th><th scope="col">${t.who}</th><th scope="col">${t.what}</th></tr></thead>
      <tbody>
        ${this.entries.map(
          (e) => html`<tr>
            <td><time datetime=${e.createdAt} title=${f.exact(e.createdAt)}>${f.date(e.createdAt, Date.now())}</time></td>
            <td>${e.actor}</td>
            <td>${t.auditActions[e.action]}${e.commentId !== null ? ` ${t.commentNumber(String(e.commentId))}` : ''}${e.detail ? html`<br /><span class="muted">${e.detail}</span>` : ''}</td>
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
