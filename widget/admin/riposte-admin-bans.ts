/** `<riposte-admin-bans>`: who is banned, lifting a ban, and banning by hand. */
import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BAN_KINDS, type WireBan } from '../../shared/moderation.ts';
import { defineOnce } from '../define.ts';
import type { Formats } from '../format.ts';
import { request } from './admin-events.ts';
import { adminStyles } from './admin-styles.ts';
import type { AdminStrings } from './admin-strings.ts';

/**
 * @fires riposte-admin-ban - Ban an email, identity or IP hash.
 * @fires riposte-admin-unban - Lift a ban.
 */
export class RiposteAdminBans extends LitElement {
  static override styles = adminStyles;

  /** The view's strings and formats, in the owner's language. */
  @property({ attribute: false }) t!: AdminStrings;
  @property({ attribute: false }) formats!: Formats;
  /** The bans, newest first. */
  @property({ attribute: false }) bans: WireBan[] = [];

  @state() private _error = '';

  override render() {
    const { t, formats: f } = this;
    return html`${
      this.bans.length
        ? html`<table>
            <thead><tr><th scope="col">${t.bannedColumn}</th><th scope="col">${t.byColumn}</th><th scope="col"><span class="visually-hidden">${t.actionsColumn}</span></th></tr></thead>
            <tbody>
              ${this.bans.map(
                (ban) => html`<tr>
                  <td>${t.banKinds[ban.kind]}: ${ban.value}${ban.hidExisting ? html`<br /><span class="muted">${t.existingHidden}</span>` : nothing}</td>
                  <td>${ban.createdBy}<br /><span class="muted">${f.date(ban.createdAt, Date.now())}</span></td>
                  <td><button class="secondary" @click=${() => this._unban(ban)} aria-label=${t.liftBan(ban.value)}>${t.lift}</button></td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p class="muted">${t.nobodyBanned}</p>`
    }
      <h2>${t.banByHand}</h2>
      <form class="row" @submit=${this._onSubmit}>
        <div class="field">
          <label for="kind">${t.banBy}</label>
          <select id="kind" name="kind">${BAN_KINDS.map((kind) => html`<option value=${kind}>${t.banKinds[kind]}</option>`)}</select>
        </div>
        <div class="field">
          <label for="value">${t.value}</label>
          <input id="value" name="value" required />
        </div>
        <label class="check"><input type="checkbox" name="hide" />${t.hideExisting}</label>
        <button class="primary">${t.banButton}</button>
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
