/** `<riposte-admin-log>`: the audit log, newest first: when, who, what. */
import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { WireAuditEntry } from '../../shared/moderation.ts';
import { adminStyles } from './admin-styles.ts';

export class RiposteAdminLog extends LitElement {
  static override styles = adminStyles;

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

if (!customElements.get('riposte-admin-log')) customElements.define('riposte-admin-log', RiposteAdminLog);

declare global {
  interface HTMLElementTagNameMap {
    'riposte-admin-log': RiposteAdminLog;
  }
}
