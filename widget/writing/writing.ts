/// <reference types="vite/client" />
/**
 * The writing side of `<riposte-thread>`, a chunk of its own fetched once the comments show
 * (with its strings, one chunk per language): the comment form with its preview, posting, the
 * page's like, votes on comments, the reader's account (sign-in, their own comments, account/), "My data" (privacy/)
 * and held comments, and errors about one comment, shown at it and announced. It answers the requests the elements inside send.
 */
import { html, nothing, type ReactiveController } from 'lit';
import type { WireMention } from '../../shared/notifications.ts';
import type { PreviewAnswer, WireComment } from '../../shared/wire.ts';
import { AccountController, type AccountHost } from '../account/account-controller.ts';
import { ApiError } from '../api.ts';
import { defineOnce } from '../define.ts';
import { addStyles } from '../lean-element.ts';
import { emit, type CommentDraft, type RiposteEvent } from '../events.ts';
import { Formats } from '../format.ts';
import { watchLive } from '../live/watch-live.ts';
import type { FormStrings } from '../i18n/strings.ts';
import { RiposteCommentForm } from '../riposte-comment-form.ts';
import type { RiposteThread } from '../riposte-thread.ts';
import { addComment, mapComments } from '../thread-segments.ts';
import { CommentVotes } from './comment-votes.ts';
import { saveGuest } from './guest-details.ts';
import { ownHeld, rememberHeld } from './held-comments.ts';
import { pageLanguage } from './page-address.ts';
import { mentionList } from './mention-list.ts';
import { pageAddress } from './page-address.ts';
import { MyData } from './my-data.ts';
import { PageLike } from './page-like.ts';
import { postComment } from './writing-api.ts';
import { writingStyles } from './writing-styles.ts';

/** The form's catalogues, one chunk per language (widget/locales/LANG/form.ts). */
const formCatalogues = import.meta.glob<FormStrings>('../locales/*/form.ts', { import: 'default' });

const FORM_PARTS = 'form, form-title, submit-button';

/** Loads the strings of `lang` (the thread's language) and defines the form: then writing can show. */
export async function loadWriting(host: RiposteThread, lang: string): Promise<Writing> {
  const strings = await formCatalogues[`../locales/${lang}/form.ts`]!();
  defineOnce('riposte-comment-form', RiposteCommentForm);
  return new Writing(host, strings, new Formats(lang));
}

export class Writing implements ReactiveController, AccountHost {
  readonly account: AccountController;
  readonly like = new PageLike(this);
  readonly votes = new CommentVotes(this);
  readonly myData = new MyData(this);
  /** Why the last change to a comment (edit, delete) failed, by the comment's id: shown at it. */
  readonly errors = new Map<number, string>();
  /** Beside the like button: why the last like was not saved. */
  notice = '';
  private _accountLoaded = false;
  private _account?: Promise<unknown>;

  constructor(
    readonly host: RiposteThread,
    readonly strings: FormStrings,
    readonly formats: Formats,
  ) {
    this.account = new AccountController(this);
    // The thread's styles for forms under comments and errors at them come with this chunk.
    addStyles(host.renderRoot, writingStyles);
    host.addController(this);
  }

  /** "Leave a Reply" (parentId null), a reply under a comment, or the editor of one (`edit`: its Markdown). */
  form(parentId: number | null, heading: string, edit: string | null = null) {
    const { user, options } = this.account;
    return html`<riposte-comment-form part=${parentId ? 'reply-form' : ''} class=${parentId ? 'reply-form' : ''} exportparts=${FORM_PARTS}
      .parentId=${parentId} .heading=${heading} .editBody=${edit} .strings=${this.strings} .formats=${this.formats}
      .user=${user} .options=${options}></riposte-comment-form>${parentId === null && edit === null ? this.myData.render() : nothing}`;
  }

  /** The reader's Edit and Delete buttons on their own comment, and why the last change to it failed. */
  /** The thread's mentions, after its comments (mention-list.ts). */
  mentions(list: readonly WireMention[], now: number) {
    return mentionList(list, this.strings, this.formats, now);
  }

  own = (comment: WireComment) => {
    const { id } = comment;
    const t = this.strings;
    const [canEdit, canDelete] = this.account.rights(comment);
    const error = this.errors.get(id);
    // The buttons are described by the error about them, when there is one.
    const describedBy = error ? `error-${id}` : nothing;
    return html`${canEdit ? html`<button class="quiet reply" aria-describedby=${describedBy} @click=${() => this._edit(id)}>${t.edit}</button>` : nothing}
      ${canDelete ? html`<button class="quiet reply" aria-describedby=${describedBy} @click=${() => this.account.remove(id)}>${t.delete}</button>` : nothing}
      ${error ? html`<p id="error-${id}" class="error">${error}</p>` : nothing}`;
  };

  // The requests arrive at the thread's <section>, so they never reach the host page:
  // riposte-submit carries the reader's email.
  hostConnected() {
    const section = this.host.renderRoot.querySelector('section');
    section?.addEventListener('riposte-submit', this._onSubmit);
    section?.addEventListener('riposte-cancel', this._onCancel);
    section?.addEventListener('riposte-sign-in', this._onSignIn);
    section?.addEventListener('riposte-email-sign-in', this._onEmailSignIn);
    section?.addEventListener('riposte-subscriptions', this._onSubscriptions);
    section?.addEventListener('riposte-sign-out', this._onSignOut);
    section?.addEventListener('riposte-preview', this._onPreview);
    section?.addEventListener('riposte-my-data', this._onMyData);
    section?.addEventListener('riposte-my-data-close', this._onMyDataClose);
  }

  hostDisconnected() {
    const section = this.host.renderRoot.querySelector('section');
    section?.removeEventListener('riposte-submit', this._onSubmit);
    section?.removeEventListener('riposte-cancel', this._onCancel);
    section?.removeEventListener('riposte-sign-in', this._onSignIn);
    section?.removeEventListener('riposte-email-sign-in', this._onEmailSignIn);
    section?.removeEventListener('riposte-subscriptions', this._onSubscriptions);
    section?.removeEventListener('riposte-sign-out', this._onSignOut);
    section?.removeEventListener('riposte-preview', this._onPreview);
    section?.removeEventListener('riposte-my-data', this._onMyData);
    section?.removeEventListener('riposte-my-data-close', this._onMyDataClose);
  }

  /** After each load of the thread: the reader's held comments, the like as the server has it, their votes; the account once. */
  start() {
    const { host } = this;
    const held = ownHeld(host.site, host.key, host.comments);
    if (held.length) host.changeSegments((segments) => held.reduce((all, c) => addComment(all, c, host.sort), segments));
    void this.like.check();
    if (!this._accountLoaded) {
      this._accountLoaded = true;
      // Without it the guest form still works; signing in waits for the next page view.
      this._account = this.account.load().catch((error: unknown) => console.warn('Riposte: sign-in is unavailable.', error));
    }
    // Asked once the account is known: a signed-in reader's votes are their account's.
    void this._account?.then(() => this.votes.load());
    watchLive(host, this.formats.lang);
    host.requestUpdate();
  }

  get site() {
    return this.host.site;
  }

  get api() {
    return this.host.api;
  }

  requestUpdate() {
    this.host.requestUpdate();
  }

  showHash() {
    return this.host.showHash();
  }

  /** An edited comment in place, or a deleted one out (a placeholder if it has replies). */
  replaceComment(id: number, comment: WireComment | null) {
    const { comments } = this.host;
    const replied = comments.some((c) => c.parentId === id);
    // Only approved comments are in the count (a reader's own held comment is not).
    const uncounted = !comment && comments.some((c) => c.id === id && c.status === 'approved');
    const gone = (c: WireComment): WireComment | null =>
      replied ? { ...c, status: 'deleted', deleted: true, html: '', author: { name: '', avatar: '' } } : null;
    this.host.changeSegments((segments) => mapComments(segments, (c) => (c.id !== id ? c : (comment ?? gone(c)))), uncounted ? -1 : 0);
  }

  /** Shows why a change to comment `id` failed at the comment, and has screen readers say it; null clears it. */
  commentError(id: number, error: unknown) {
    if (error === null) this.errors.delete(id);
    else {
      const message = error instanceof ApiError ? (this.strings.errors[error.code] ?? error.message) : String(error);
      this.errors.set(id, message);
      void this.host.announce(message);
    }
    this.host.requestUpdate();
  }

  /** A form's request: post its comment (or save the edit), then answer it with null or the error. */
  private _onSubmit = async (event: RiposteEvent<'riposte-submit'>) => {
    event.stopPropagation();
    const { reply, ...draft } = event.detail;
    let comment: WireComment | undefined;
    try {
      if (draft.editId === null) comment = await this._post(draft);
      else await this.account.save(draft.editId, draft.body);
    } catch (error) {
      // An expired or revoked sign-in is forgotten: the form falls back to the guest's fields.
      this.account.failed(error);
      return reply(error instanceof ApiError ? error : new ApiError('internal', String(error)));
    }
    reply(null);
    if (!comment) return;
    const { host } = this;
    await host.updateComplete;
    const element = host.commentElement(comment.id);
    element?.scrollIntoView({ block: 'nearest' });
    element?.focus({ preventScroll: true });
    emit(host, 'riposte-posted', { comment });
  };

  /** Posts a new comment and shows it at once (and to its author only, if it is held for moderation). */
  private async _post({ parentId, body, author, remember, trap, formMs, notify }: CommentDraft): Promise<WireComment> {
    const { host } = this;
    const { site, key } = host;
    const { comment, secret } = await postComment(host.api, {
      site,
      page: key,
      ...pageAddress(host.pageUrl, host.pageTitle),
      // The language the page declares (not the one the widget fell back to): mails about the thread speak it.
      ...pageLanguage(host),
      parentId,
      body,
      author: { name: author.name, email: author.email || undefined, website: author.website || undefined },
      trap: trap || undefined,
      formMs,
      earlierComments: this.account.earlierComments(),
      ...(notify.replies || notify.thread ? { notify } : {}),
    });
    if (comment.status === 'pending') rememberHeld(site, key, comment);
    this.account.posted(comment.id, secret);
    if (!this.account.user) saveGuest(remember ? author : null);
    host.changeSegments((segments) => addComment(segments, comment, host.sort), comment.status === 'approved' ? 1 : 0);
    host.closeReply(parentId);
    // A reply under a folded run of replies shows at once: its parent's replies unfold.
    if (parentId !== null) host.unfold(parentId);
    void host.announce(comment.status === 'approved' ? this.strings.posted : this.strings.postedPending);
    return comment;
  }

  private _onSignIn = (event: RiposteEvent<'riposte-sign-in'>) => {
    event.stopPropagation();
    const { reply, ...asked } = event.detail;
    this.account.signIn(asked).then(reply, (error: unknown) => reply({ message: String(error), redirect: false }));
  };

  private _onEmailSignIn = (event: RiposteEvent<'riposte-email-sign-in'>) => {
    event.stopPropagation();
    const { reply, ask } = event.detail;
    void this.account.emailSignIn(ask).then(reply);
  };

  private _onSubscriptions = (event: RiposteEvent<'riposte-subscriptions'>) => {
    event.stopPropagation();
    const { reply, end } = event.detail;
    void this.account.subscriptions(end).then(reply);
  };

  /** A form's preview: its Markdown rendered and sanitised by the server, as posting it would store it. */
  private _onPreview = (event: RiposteEvent<'riposte-preview'>) => {
    event.stopPropagation();
    const { body, reply } = event.detail;
    this.host.api
      .send<PreviewAnswer>('POST', 'api/v1/preview', { body: { body } })
      .then(reply, (error: unknown) => reply(error instanceof ApiError ? error : new ApiError('internal', String(error))));
  };

  private _onMyData = (event: Event) => {
    event.stopPropagation();
    this.myData.open();
  };

  private _onMyDataClose = (event: Event) => {
    event.stopPropagation();
    this.myData.close();
  };

  private _onSignOut = (event: Event) => {
    event.stopPropagation();
    void this.account.signOut();
  };

  /** A comment's Edit button: the editor opens in place of any reply form. */
  private _edit(id: number) {
    this.host.closeReply();
    void this.account.edit(id);
  }

  /** A reply form or editor was closed (Cancel, Escape): focus goes back to the comment's Reply button. */
  private _onCancel = async (event: RiposteEvent<'riposte-cancel'>) => {
    event.stopPropagation();
    const { parentId } = event.detail;
    this.host.closeReply();
    this.account.stopEditing();
    await this.host.updateComplete;
    if (parentId !== null) this.host.commentElement(parentId)?.querySelector<HTMLElement>('[part~=reply-button]')?.focus();
  };
}
