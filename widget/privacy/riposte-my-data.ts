/**
 * `<riposte-my-data>`: "My data" under the comment form (in the writing chunk, defined when the
 * reader first opens it). Says what the server stores about them (their account's, or the comments
 * this browser holds secrets for), downloads it (JSON, and the comments as Markdown), and
 * deletes it after a confirmation.
 */
import { Task } from '@lit/task';
import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ErasureSummary, PersonalDataAnswer } from '../../shared/privacy.ts';
import { emit } from '../events.ts';
import type { Formats } from '../format.ts';
import type { FormStrings } from '../i18n/strings.ts';
import { formStyles } from '../form-styles.ts';

/**
 * @fires riposte-my-data-close - Close was pressed (or the data is deleted and the reader closes the panel).
 * @csspart my-data - The panel.
 */
export class RiposteMyData extends LitElement {
  static override styles = formStyles;

  /** The form's strings, in the thread's language, and its formats. */
  @property({ attribute: false }) strings?: FormStrings;
  @property({ attribute: false }) formats?: Formats;
  /** Reads the reader's data from the server (the thread's writing side asks, with its proofs). */
  @property({ attribute: false }) load?: () => Promise<PersonalDataAnswer>;
  /** Deletes it; resolves with what was deleted. */
  @property({ attribute: false }) erase?: (data: PersonalDataAnswer) => Promise<ErasureSummary>;

  @state() private _confirming = false;
  @state() private _erased: ErasureSummary | null = null;
  @state() private _eraseError = '';

  private _data = new Task(this, {
    task: async () => {
      if (!this.load) throw new Error('nothing to load the data with');
      return this.load();
    },
    args: () => [this.load] as const,
  });

  override render() {
    const t = this.strings?.myData;
    if (!t) return nothing;
    return html`<section part="my-data" class="my-data" aria-labelledby="my-data-title">
      <h3 id="my-data-title" class="title" tabindex="-1">${t.title}</h3>
      ${
        this._erased
          ? html`<p role="status">${t.erased}</p>`
          : this._data.render({
              pending: () => html`<p class="hint">${t.loading}</p>`,
              complete: (answer) => this._renderData(answer),
              error: () => html`<p class="error" role="alert">${t.failed}</p>`,
            })
      }
      <div class="actions"><button type="button" class="secondary" @click=${this._close}>${t.close}</button></div>
    </section>`;
  }

  override firstUpdated() {
    this.renderRoot.querySelector<HTMLElement>('#my-data-title')?.focus();
  }

  private _renderData(answer: PersonalDataAnswer) {
    const t = this.strings!.myData;
    const f = this.formats!;
    const { data } = answer;
    const sessions = data.identities.reduce((n, identity) => n + identity.sessions.length, 0);
    const sites = new Set(data.comments.map((c) => c.page.site)).size;
    return html`<p>${t.intro}</p>
      <ul>
        <li>${f.count(data.comments.length, t.comments)}${sites > 1 ? ` (${f.count(sites, t.sites)})` : ''}</li>
        <li>${f.count(data.votes.length, t.votes)}</li>
        <li>${f.count(data.likes.length, t.likes)}</li>
        <li>${f.count(data.subscriptions.length, t.subscriptions)}</li>
        ${data.identities.map((identity) => html`<li>${t.signIn(identity.name, identity.email ?? '')}; ${f.count(sessions, t.sessions)}</li>`)}
      </ul>
      <p class="hint">${t.fields} ${data.personalFields.join(', ') || '—'}</p>
      <div class="actions">
        <button type="button" class="secondary" @click=${() => this._download(answer, 'json')}>${t.downloadJson}</button>
        <button type="button" class="secondary" @click=${() => this._download(answer, 'markdown')}>${t.downloadMarkdown}</button>
      </div>
      ${
        this._confirming
          ? html`<div role="alertdialog" aria-labelledby="confirm-text">
              <p id="confirm-text">${t.confirm}</p>
              <div class="actions">
                <button type="button" class="primary" @click=${() => this._erase(answer)}>${t.deleteNow}</button>
                <button type="button" class="secondary" @click=${() => (this._confirming = false)}>${this.strings!.cancel}</button>
              </div>
            </div>`
          : html`<div class="actions"><button type="button" class="secondary" @click=${() => (this._confirming = true)}>${t.delete}</button></div>`
      }
      ${this._eraseError ? html`<p class="error" role="alert">${this._eraseError}</p>` : nothing}`;
  }

  /** Saves the file from the answer already here: nothing more goes to the server. */
  private _download(answer: PersonalDataAnswer, format: 'json' | 'markdown') {
    const json = format === 'json';
    const blob = new Blob([json ? JSON.stringify(answer.data, null, 2) : answer.markdown], {
      type: json ? 'application/json' : 'text/markdown',
    });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `my-comments-data.${json ? 'json' : 'md'}`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  private async _erase(answer: PersonalDataAnswer) {
    if (!this.erase) return;
    try {
      this._erased = await this.erase(answer);
      this._eraseError = '';
    } catch (error) {
      console.warn('Riposte: your data could not be deleted.', error);
      this._eraseError = this.strings!.myData.failed;
    }
    this._confirming = false;
  }

  private _close() {
    emit(this, 'riposte-my-data-close', {});
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'riposte-my-data': RiposteMyData;
  }
}
