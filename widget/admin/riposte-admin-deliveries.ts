/**
 * `<riposte-admin-deliveries>`: what the outbox sent, is sending and failed to send (mails,
 * webhook POSTs, Webmention verifications), newest first, with what the other side answered,
 * why the last attempt failed, and a Retry button on failed and cancelled ones.
 */
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type AdminDelivery, DELIVERY_STATUSES } from '../../shared/notifications.ts';
import { defineOnce } from '../define.ts';
import type { Formats } from '../format.ts';
import type { CommentQuery } from './admin-api.ts';
import { request } from './admin-events.ts';
import { pager, statusFilter } from './admin-pager.ts';
import { adminStyles } from './admin-styles.ts';
import type { AdminStrings } from './admin-strings.ts';

/**
 * @fires riposte-admin-search - A status filter or page (`detail.status`, `detail.offset`).
 * @fires riposte-admin-retry - Send a failed or cancelled delivery again.
 */
export class RiposteAdminDeliveries extends LitElement {
  static override styles = [
    adminStyles,
    css`
      :host {
        padding: 0;
      }
      .filter {
        margin: 1rem 0;
      }
      .failed {
        color: var(--_danger);
        font-weight: 600;
      }
      @media (max-width: 40em) {
        thead {
          display: none;
        }
        tr,
        td {
          display: block;
          border: 0;
          padding: 0.1em 0;
        }
        tr {
          padding: 0.5em 0;
          border-bottom: 1px solid var(--_border);
        }
      }
    `,
  ];

  /** The view's strings and formats, in the owner's language. */
  @property({ attribute: false }) t!: AdminStrings;
  @property({ attribute: false }) formats!: Formats;
  /** This page of deliveries, newest first. */
  @property({ attribute: false }) deliveries: AdminDelivery[] = [];
  @property({ type: Number }) total = 0;
  /** The filter shown in the form. */
  @property({ attribute: false }) query: CommentQuery = {};

  @state() private _error = '';

  override render() {
    const { t, formats: f, deliveries } = this;
    const d = t.deliveries;
    const now = Date.now();
    return html`${statusFilter(this, t, this.query, DELIVERY_STATUSES, d.statuses)}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${
        deliveries.length
          ? html`<table>
            <thead><tr><th scope="col">${d.what}</th><th scope="col">${d.to}</th><th scope="col">${t.status}</th><th scope="col">${t.when}</th></tr></thead>
            <tbody>
              ${deliveries.map(
                (row) => html`<tr>
                  <td>${d.kinds[row.kind]}${row.commentId !== null ? html`<br /><span class="muted">${t.commentNumber(String(row.commentId))}</span>` : nothing}</td>
                  <td>${row.recipient}</td>
                  <td>
                    <span class=${row.status === 'failed' ? 'failed' : ''}>${d.statuses[row.status]}</span>
                    <span class="muted">${f.count(row.attempts, d.attempts)}</span>
                    ${row.status === 'pending' && row.attempts > 0 ? html`<br /><span class="muted">${d.nextAttempt(f.date(row.nextAttemptAt, now))}</span>` : nothing}
                    ${row.lastError ? html`<br /><span class="muted">${d.error} ${row.lastError}</span>` : nothing}
                    ${row.lastResponse ? html`<br /><span class="muted">${d.answer} ${row.lastResponse}</span>` : nothing}
                    ${
                      row.status === 'failed' || row.status === 'cancelled'
                        ? html`<br /><button class="secondary" aria-label=${d.retryLabel(d.kinds[row.kind], row.recipient)} @click=${() => this._retry(row)}>${d.retry}</button>`
                        : nothing
                    }
                  </td>
                  <td><time datetime=${row.createdAt} title=${f.exact(row.createdAt)}>${f.date(row.createdAt, now)}</time></td>
                </tr>`,
              )}
            </tbody>
          </table>
          ${pager(this, t, f, this.query, deliveries.length, this.total)}`
          : html`<p class="note">${d.none}</p>`
      }`;
  }

  private async _retry(row: AdminDelivery) {
    this._error = (await request(this, 'riposte-admin-retry', { id: row.id })) ?? '';
  }
}

defineOnce('riposte-admin-deliveries', RiposteAdminDeliveries);

declare global {
  interface HTMLElementTagNameMap {
    'riposte-admin-deliveries': RiposteAdminDeliveries;
  }
}
