/** `<riposte-admin-bans>`: who is banned, lifting a ban, and banning by hand. */
import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BAN_KINDS, type BanKind, type WireBan } from '../../shared/moderation.ts';
import { defineOnce } from '../define.ts';
import { request } from './admin-events.ts';
import { adminStyles } from './admin-styles.ts';

const KIND_LABEL: Record<BanKind, string> = { email: 'Email', identity: 'Signed-in identity', ip: 'Sender (IP hash)' };

/**
 * @fires riposte-admin-ban - Ban an email, identity or IP hash.
 * @fires riposte-admin-unban - Lift a ban.
 */
export class RiposteAdminBans extends LitElement {
  static override styles = adminStyles;

  /** The bans, newest first. */
  @property({ attribute: false }) bans: WireBan[] = [];

  @state() private _error = '';

  override render() {
    return html`${
      this.bans.length
        ? html`<table>
            <thead><tr><th scope="col">Banned</th><th scope="col">By</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              ${this.bans.map(
                (ban) => html`<tr>
                  <td>${KIND_LABEL[ban.kind]}: ${ban.value}${ban.hidExisting ? html`<br /><span class="muted">existing comments hidden</span>` : nothing}</td>
                  <td>${ban.createdBy}<br /><span class="muted">${new Date(ban.createdAt).toLocaleString()}</span></td>
                  <td><button class="secondary" @click=${() => this._unban(ban)} aria-label="Lift the ban on ${ban.value}">Lift</button></td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p class="muted">Nobody is banned.</p>`
    }
      <h2>Ban by hand</h2>
      <form class="row" @submit=${this._onSubmit}>
        <div class="field">
          <label for="kind">Ban by</label>
          <select id="kind" name="kind">${BAN_KINDS.map((kind) => html`<option value=${kind}>${KIND_LABEL[kind]}</option>`)}</select>
        </div>
        <div class="field">
          <label for="value">Value</label>
          <input id="value" name="value" required />
        </div>
        <label class="check"><input type="checkbox" name="hide" />Hide their existing comments</label>
        <button class="primary">Ban</button>
      </form>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}`;
  }

  private async _unban(ban: WireBan) {
    this._error = (await request(this, 'riposte-admin-unban', { id: ban.id })) ?? '';
  }

  private async _onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const formElement = event.target as HTMLFormElement;
    const form = new FormData(formElement);
    const kind = BAN_KINDS.find((k) => k === form.get('kind'));
    const value = String(form.get('value') ?? '').trim();
    if (!kind || !value) return;
    this._error = (await request(this, 'riposte-admin-ban', { kind, value, hideExisting: form.get('hide') === 'on' })) ?? '';
    if (!this._error) formElement.reset();
  }
}

defineOnce('riposte-admin-bans', RiposteAdminBans);

declare global {
  interface HTMLElementTagNameMap {
    'riposte-admin-bans': RiposteAdminBans;
  }
}
