/** `<riposte-admin-privacy>`: the Privacy screen: look a person up, download their data, erase it after a confirmation. */
import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ErasureSummary, PrivacyLookup } from '../../shared/privacy.ts';
import { defineOnce } from '../define.ts';
import type { Formats } from '../format.ts';
import { privacyRequest } from './admin-events.ts';
import { adminStyles } from './admin-styles.ts';
import type { AdminStrings } from './admin-strings.ts';

/**
 * @fires riposte-admin-privacy - Look a person up (`erase: false`) or erase them (`erase: true`).
 */
export class RiposteAdminPrivacy extends LitElement {
  static override styles = adminStyles;

  /** The view's strings and formats, in the owner's language. */
  @property({ attribute: false }) t!: AdminStrings;
  @property({ attribute: false }) formats!: Formats;
  /** Where a person's export downloads from (`?person=&format=`). */
  @property() exportUrl = '';

  @state() private _found: PrivacyLookup | null = null;
  @state() private _erased: ErasureSummary | null = null;
  @state() private _confirming = false;
  @state() private _error = '';

  override render() {
    const t = this.t.privacy;
    return html`<p class="muted">${t.intro}</p>
      <form class="row" @submit=${this._onLookUp}>
        <div class="field">
          <label for="person">${t.person}</label>
          <input id="person" name="person" required autocomplete="off" />
        </div>
        <button class="primary">${t.lookUp}</button>
      </form>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      <div role="status">${this._erased ? html`<p>${t.erased(this.formats.count(this._erased.commentsRemoved + this._erased.commentsEmptied, t.comments))}</p>` : nothing}</div>
      ${this._found ? this._renderFound(this._found) : nothing}`;
  }

  private _renderFound(found: PrivacyLookup) {
    const { formats: f } = this;
    const t = this.t.privacy;
    const { counts } = found;
    const nothingStored = Object.values(counts).every((n) => n === 0) && found.identities.length === 0;
    const link = (format: 'json' | 'markdown') => `${this.exportUrl}?${new URLSearchParams({ person: found.person, format })}`;
    return html`<h2>${found.person}</h2>
      ${
        nothingStored
          ? html`<p>${t.none}</p>`
          : html`<ul>
              <li>${f.count(counts.comments, t.comments)}</li>
              <li>${f.count(counts.votes, t.votes)}</li>
              <li>${f.count(counts.likes, t.likes)}</li>
              <li>${f.count(counts.subscriptions, t.subscriptions)}</li>
              <li>${f.count(counts.sessions, t.sessions)}</li>
              ${found.identities.map((identity) => html`<li>${t.identity}: ${identity.identity} (${identity.name})</li>`)}
            </ul>
            <p class="muted">${t.fields}: ${found.personalFields.join(', ')}</p>
            <p class="row">
              <a class="secondary" href=${link('json')} download>${t.downloadJson}</a>
              <a class="secondary" href=${link('markdown')} download>${t.downloadMarkdown}</a>
            </p>
            ${
              this._confirming
                ? html`<div role="alertdialog" aria-labelledby="confirm-erase">
                    <p id="confirm-erase">${t.confirm(found.person)}</p>
                    <p class="row">
                      <button class="primary" @click=${() => this._erase(found.person)}>${t.eraseNow}</button>
                      <button class="secondary" @click=${() => (this._confirming = false)}>${this.t.cancel}</button>
                    </p>
                  </div>`
                : html`<button class="secondary" @click=${() => (this._confirming = true)}>${t.erase}</button>`
            }`
      }`;
  }

  private async _onLookUp(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const person = String(form.get('person') ?? '').trim();
    if (!person) return;
    this._erased = null;
    this._confirming = false;
    const answer = await privacyRequest(this, { person, erase: false });
    this._error = typeof answer === 'string' ? answer : '';
    this._found = typeof answer === 'string' || !('counts' in answer) ? null : answer;
  }

  private async _erase(person: string) {
    const answer = await privacyRequest(this, { person, erase: true });
    this._confirming = false;
    if (typeof answer === 'string') {
      this._error = answer;
      return;
    }
    this._error = '';
    this._found = null;
    this._erased = 'counts' in answer ? null : answer;
  }
}

defineOnce('riposte-admin-privacy', RiposteAdminPrivacy);

declare global {
  interface HTMLElementTagNameMap {
    'riposte-admin-privacy': RiposteAdminPrivacy;
  }
}
