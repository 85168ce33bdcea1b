/**
 * "My data" for the thread's writing side (and in its chunk: a chunk of its own would pull Lit's
 * element code out of the writing chunk into a third shared one, an extra request for every
 * reader): opened from the signed-in line, or by a guest whose browser holds secrets of
 * comments, it shows `<riposte-my-data>` (widget/privacy/) under the form. After a deletion the
 * reader's comments in view go (placeholders where others replied) and this browser forgets
 * the session and secrets.
 */
import { html, nothing } from 'lit';
import { LIMITS } from '../../shared/limits.ts';
import type { PersonalDataAnswer } from '../../shared/privacy.ts';
import { defineOnce } from '../define.ts';
import type { AccountController } from '../account/account-controller.ts';
import type { Api } from '../api.ts';
import type { Formats } from '../format.ts';
import type { FormStrings } from '../i18n/strings.ts';
import { eraseMyData, fetchMyData } from '../privacy/my-data-api.ts';
import { RiposteMyData } from '../privacy/riposte-my-data.ts';
import { storedLikerId } from './liker-id.ts';

/** What it needs of the writing side. */
export interface MyDataHost {
  readonly site: string;
  readonly api: Api;
  readonly account: AccountController;
  readonly strings: FormStrings;
  readonly formats: Formats;
  requestUpdate(): void;
  replaceComment(id: number, comment: null): void;
}

export class MyData {
  private _open = false;

  constructor(private readonly host: MyDataHost) {}

  open() {
    defineOnce('riposte-my-data', RiposteMyData);
    this._open = true;
    this.host.requestUpdate();
  }

  close() {
    this._open = false;
    this.host.requestUpdate();
  }

  private get _proof() {
    const liker = storedLikerId();
    return { site: this.host.site, comments: this.host.account.guestProofs(LIMITS.privacyCommentsMax), ...(liker ? { liker } : {}) };
  }

  private _load = () => fetchMyData(this.host.api, this._proof);

  private _erase = async (answer: PersonalDataAnswer) => {
    const erased = await eraseMyData(this.host.api, this._proof);
    for (const comment of answer.data.comments) this.host.replaceComment(comment.id, null);
    this.host.account.forget();
    return erased;
  };

  /** Under the form at the end of the thread: the panel when open, else a guest's "My data" button (a signed-in reader's is on their line). */
  render() {
    const { account, strings, formats } = this.host;
    if (this._open) {
      return html`<riposte-my-data .strings=${strings} .formats=${formats} .load=${this._load} .erase=${this._erase}></riposte-my-data>`;
    }
    if (account.user || account.guestProofs(1).length === 0) return nothing;
    return html`<p class="my-data"><button type="button" class="quiet" @click=${() => this.open()}>${strings.myData.open}</button></p>`;
  }
}
