/**
 * `<riposte-sign-in>`: the sign-in part of a comment form, in a chunk of its own that only
 * sites with sign-in providers (or a signed-in reader) fetch.
 */
import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { WireSubscription } from '../shared/notifications.ts';
import type { SignInOptions, WireUser } from '../shared/wire.ts';
import { emit, type SignInFailure } from './events.ts';
import { request } from './request.ts';
import type { FormStrings } from './i18n/strings.ts';
import { signInStyles } from './sign-in-styles.ts';

/**
 * "Commenting as NAME (Provider). Log Out / Change" for a signed-in reader; else "Fill in your
 * details below or click an icon to log in:" and a button per provider, with why the last
 * sign-in from here did not happen (and the full-page flow to try instead). It only asks: the
 * thread signs in and out, and answers a sign-in with null or why it failed.
 *
 * @fires riposte-sign-in - A provider's button, or "Log in in this tab instead", was pressed.
 * @fires riposte-sign-out - "Log Out" or "Change" was pressed.
 * @fires riposte-my-data - "My data" was pressed.
 */
export class RiposteSignIn extends LitElement {
  static override styles = signInStyles;

  /** The strings of the form around it. */
  @property({ attribute: false }) strings?: FormStrings;

  /** The signed-in reader, or null for a guest. */
  @property({ attribute: false }) user: WireUser | null = null;

  /** The site's providers and whether guests may comment (null until known). */
  @property({ attribute: false }) options: SignInOptions | null = null;

  /** The comment the surrounding form answers, or null: the full-page flow comes back to it. */
  @property({ attribute: false }) parentId: number | null = null;

  /** Why the last sign-in from here did not happen, with the provider it was for. */
  @state() private _failure: (SignInFailure & { provider: string }) | null = null;
  /** "Log in with email": closed, asking for the address, or waiting for the code sent to it. */
  @state() private _email: { step: 'closed' } | { step: 'address' } | { step: 'code'; address: string } = { step: 'closed' };
  @state() private _emailError = '';
  /** "My subscriptions": closed (null), or the list (or why it could not be read) once asked. */
  @state() private _subscriptions: { open: boolean; list: WireSubscription[] | null; error: string } = {
    open: false,
    list: null,
    error: '',
  };

  override render() {
    const { user, _failure: failure, strings: t } = this;
    if (!t) return nothing;
    if (user) {
      return html`<p>
        ${t.commentingAs} <strong>${user.name}</strong> (${user.providerName}).
        <button type="button" class="quiet" @click=${this._onSignOut}>${t.logOut}</button> /
        <button type="button" class="quiet" @click=${this._onSignOut}>${t.change}</button>
        ${this.options?.mail && user.mailable ? html`/ <button type="button" class="quiet" aria-expanded=${this._subscriptions.open} @click=${this._toggleSubscriptions}>${t.mySubscriptions}</button>` : nothing}
        · <button type="button" class="quiet" @click=${() => emit(this, 'riposte-my-data', {})}>${t.myData.open}</button>
      </p>
      ${this._subscriptions.open ? this._subscriptionList(t) : nothing}`;
    }
    const providers = this.options?.providers ?? [];
    const mail = !!this.options?.mail;
    if (!providers.length && !mail) return nothing;
    return html`<p>${this.options?.guests ? t.signInIntro : t.signInOnly}</p>
      <div class="providers">
        ${providers.map(
          (p) =>
            html`<button type="button" class="secondary provider" @click=${() => this._signInWith(p.id, false)}>${keyIcon}${t.logInWith(p.name)}</button>`,
        )}
        ${
          mail
            ? html`<button type="button" class="secondary provider" aria-expanded=${this._email.step !== 'closed'} @click=${this._toggleEmail}>
              ${mailIcon}${t.logInWithEmail}
            </button>`
            : nothing
        }
      </div>
      ${this._emailForm(t)}
      ${
        failure
          ? html`<p class="error" role="alert">
            ${failure.message}
            ${failure.redirect ? html`<button type="button" class="quiet" @click=${() => this._signInWith(failure.provider, true)}>${t.logInHere}</button>` : nothing}
          </p>`
          : nothing
      }`;
  }

  /** The small form of "Log in with email": the address and name, then the code from the mail. */
  private _emailForm(t: FormStrings) {
    const step = this._email;
    if (step.step === 'closed') return nothing;
    const error = this._emailError ? html`<p class="error" role="alert">${this._emailError}</p>` : nothing;
    if (step.step === 'address') {
      return html`<div class="email-sign-in">
        <label>${t.email} <input name="signInEmail" type="email" autocomplete="email" maxlength="254" /></label>
        <label>${t.name} <input name="signInName" type="text" autocomplete="name" maxlength="100" /></label>
        <button type="button" class="secondary" @click=${this._sendMail}>${t.emailSignInSend}</button>
        ${error}
      </div>`;
    }
    return html`<div class="email-sign-in">
      <p>${t.emailSignInSent(step.address)}</p>
      <label>${t.emailSignInCode} <input name="signInCode" inputmode="numeric" autocomplete="one-time-code" maxlength="6" /></label>
      <button type="button" class="secondary" @click=${this._sendCode}>${t.emailSignInSubmit}</button>
      ${error}
    </div>`;
  }

  /** The mail the reader asked for, each with a Stop button. */
  private _subscriptionList(t: FormStrings) {
    const { list, error } = this._subscriptions;
    const shown = error ? html`<p class="error" role="alert">${error}</p>` : nothing;
    if (!list) return shown;
    if (!list.length) return html`<p role="status">${t.noSubscriptions}</p>${shown}`;
    return html`<ul class="subscriptions" aria-label=${t.mySubscriptions}>
        ${list.map((s) => {
          const page = s.page.title ?? s.page.url ?? s.page.key;
          const what = t.subscriptionKinds[s.kind](page);
          return html`<li>${s.page.url ? html`<a href=${s.page.url}>${what}</a>` : what}
            <button type="button" class="quiet" aria-label=${t.stopSubscription(what)} @click=${() => this._endSubscription(s.id)}>${t.stop}</button></li>`;
        })}
      </ul>${shown}`;
  }

  private async _toggleSubscriptions() {
    const open = !this._subscriptions.open;
    this._subscriptions = { ...this._subscriptions, open };
    if (open) await this._askSubscriptions(null);
  }

  private async _endSubscription(id: number) {
    await this._askSubscriptions(id);
  }

  private async _askSubscriptions(end: number | null) {
    const answer = await request(this, 'riposte-subscriptions', { end });
    this._subscriptions =
      typeof answer === 'string' ? { ...this._subscriptions, error: answer } : { open: this._subscriptions.open, list: answer, error: '' };
  }

  private _toggleEmail() {
    this._email = this._email.step === 'closed' ? { step: 'address' } : { step: 'closed' };
    this._emailError = '';
  }

  private _field(name: string): string {
    return this.renderRoot.querySelector<HTMLInputElement>(`input[name=${name}]`)?.value.trim() ?? '';
  }

  private async _sendMail() {
    const email = this._field('signInEmail');
    const name = this._field('signInName');
    if (!/^[^\s@]+@[^\s@]+$/.test(email) || !name) {
      this._emailError = !name ? this.strings!.nameMissing : this.strings!.emailInvalid;
      return;
    }
    const failure = await request(this, 'riposte-email-sign-in', { ask: { step: 'start', email, name } });
    this._emailError = failure?.message ?? '';
    if (!failure) this._email = { step: 'code', address: email };
  }

  private async _sendCode() {
    const failure = await request(this, 'riposte-email-sign-in', { ask: { step: 'code', code: this._field('signInCode') } });
    this._emailError = failure?.message ?? '';
    if (!failure) this._email = { step: 'closed' };
  }

  /** Asks within the click: the thread opens the popup at once, which browsers allow only then. */
  private async _signInWith(provider: string, redirect: boolean) {
    this._failure = null;
    const failure = await request(this, 'riposte-sign-in', { provider, redirect, parentId: this.parentId });
    this._failure = failure && { ...failure, provider };
  }

  private _onSignOut() {
    emit(this, 'riposte-sign-out', {});
  }
}

const keyIcon = html`<svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" fill="currentColor">
  <path d="M10.5 1a4.5 4.5 0 0 0-4.3 5.8L1 12v3h3v-1.5h1.5V12H7l1.2-1.2A4.5 4.5 0 1 0 10.5 1zm1 2.2a1.3 1.3 0 1 1 0 2.6 1.3 1.3 0 0 1 0-2.6z"></path>
</svg>`;

const mailIcon = html`<svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" fill="currentColor">
  <path d="M1.5 3h13a.5.5 0 0 1 .5.5v9a.5.5 0 0 1-.5.5h-13a.5.5 0 0 1-.5-.5v-9a.5.5 0 0 1 .5-.5zm.5 1.3v7.7h12V4.3L8 8.6z"></path>
</svg>`;

declare global {
  interface HTMLElementTagNameMap {
    'riposte-sign-in': RiposteSignIn;
  }
}
