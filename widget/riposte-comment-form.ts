/**
 * The comment form: "Leave a Reply" at the end of the thread, a reply under one comment, or
 * the editor of one's own comment, each with a preview of its Markdown as the server renders
 * it; the sign-in panel inside it is `<riposte-sign-in>`.
 */
import { Task, TaskStatus } from '@lit/task';
import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { LIMITS } from '../shared/limits.ts';
import type { SignInOptions, WireUser } from '../shared/wire.ts';
import { ApiError } from './api.ts';
import { emit, type CommentDraft } from './events.ts';
import { request } from './request.ts';
import type { Formats } from './format.ts';
import type { FormStrings } from './i18n/strings.ts';
import { formStyles } from './form-styles.ts';
import { loadGuest } from './writing/guest-details.ts';

/** Field keys as the server names them in `error.fields`, mapped to this form's element ids. */
const FIELDS = { body: 'body', 'author.name': 'name', 'author.email': 'email', 'author.website': 'website' } as const;
/** Their length limits, said in the message when the server refuses one. */
const MAX = {
  body: LIMITS.bodyMaxChars,
  'author.name': LIMITS.nameMaxChars,
  'author.email': LIMITS.emailMaxChars,
  'author.website': LIMITS.websiteMaxChars,
} as const;
type FieldKey = keyof typeof FIELDS;
const isField = (key: string): key is FieldKey => key in FIELDS;
/** In the order the form shows them, so the first invalid one gets focus. */
const FIELD_KEYS = Object.keys(FIELDS).filter(isField);

/**
 * Collects a comment and the guest's details, checks what it cheaply can (the server's
 * 400 answer is the authority, shown on the same fields), and asks the thread to post:
 * a request the thread answers with null (posted: the text is cleared) or the error.
 *
 * @fires riposte-submit - The reader sent the form; `detail` is the draft and `reply`.
 * @fires riposte-cancel - A reply form was closed with Cancel or Escape.
 * @fires riposte-preview - Preview was pressed: the thread answers with the text rendered by the server.
 * @csspart form - The form.
 * @csspart form-title - The "Leave a Reply" heading.
 * @csspart submit-button - The Post button.
 */
export class RiposteCommentForm extends LitElement {
  static override styles = formStyles;

  /** The comment answered, or null for the form at the end of the thread. */
  @property({ attribute: false }) parentId: number | null = null;

  /** The heading ("Leave a Reply", "Reply to NAME"). */
  @property() heading = '';

  /** The form's strings, in the thread's language, and its formats (for numbers). */
  @property({ attribute: false }) strings?: FormStrings;
  @property({ attribute: false }) formats?: Formats;

  /** The signed-in reader, or null for a guest. */
  @property({ attribute: false }) user: WireUser | null = null;

  /** The site's providers, whether guests may comment, the edit window (null until known). */
  @property({ attribute: false }) options: SignInOptions | null = null;

  /** The Markdown of the reader's own comment when this form edits it (`parentId` is its id); else null. */
  @property({ attribute: false }) editBody: string | null = null;

  /** The details this browser remembers, filled in for the reader. */
  private _guest = loadGuest();
  @state() private _errors: Partial<Record<FieldKey, string>> = {};
  @state() private _alert = '';
  /** What was said after the last post (notifications asked for): shown until the next one. */
  @state() private _notice = '';
  /** Whether the post under way asked for notifications. */
  private _notifyAsked = false;
  /** Whether name, email and website are shown, or summed up as "Posting as NAME". */
  @state() private _showDetails = !this._guest.name;
  /** The field to focus once the errors on it are drawn. */
  private _focusNext: FieldKey | null = null;
  /** When the form was first drawn, to tell the server how long the reader took. */
  private _shownAt = performance.now();
  /** The preview shown instead of the text box: the server's HTML, or a message (loading, empty, failed); null while writing. */
  @state() private _preview: { html: string } | { message: string } | null = null;

  /** The post (or saved edit) in flight: asked of the thread, which answers null or the error. */
  private _send = new Task(this, {
    autoRun: false,
    task: async ([draft]: readonly [CommentDraft]) => {
      const error = await request(this, 'riposte-submit', draft);
      if (error) throw error;
    },
    onComplete: () => this._onPosted(),
    onError: (error) => this._showServerError(error instanceof ApiError ? error : new ApiError('internal', String(error))),
  });

  private get _busy() {
    return this._send.status === TaskStatus.PENDING;
  }

  override firstUpdated() {
    const body = this._form?.elements.namedItem('body');
    if (body instanceof HTMLTextAreaElement && this.editBody !== null) body.value = this.editBody;
    // A reply form opens because the reader asked for it: start typing at once.
    if (this.parentId !== null) this._focus('body');
  }

  override updated() {
    if (this._focusNext) this._focus(this._focusNext);
    this._focusNext = null;
  }

  override render() {
    const t = this.strings;
    if (!t) return nothing;
    const reply = this.parentId !== null;
    const editing = this.editBody !== null;
    const guest = this._guest;
    const guests = this.options?.guests ?? true;
    return html`<form
      part="form"
      class=${reply ? 'reply' : ''}
      novalidate
      aria-labelledby="title"
      @submit=${this._onSubmit}
      @keydown=${this._onKeydown}
      @input=${this._onInput}
    >
      ${
        reply
          ? html`<p id="title" class="title">${editing ? t.editing : this.heading}</p>`
          : html`<h2 id="title" part="form-title" class="title">${this.heading}</h2>`
      }
      <div class="field">
        <label for="body">${t.body}</label>
        <textarea
          id="body"
          name="body"
          rows=${reply ? 3 : 5}
          required
          maxlength=${LIMITS.bodyMaxChars}
          ?hidden=${this._preview !== null}
          aria-invalid=${!!this._errors.body}
          aria-describedby=${this._describedBy('body', 'body-hint')}
        ></textarea>
        ${this._renderPreview(t)}
        ${this._error('body')}
        <p id="body-hint" class="hint">${t.bodyHint}</p>
      </div>
      ${
        editing || !(this.user || this.options?.providers.length || this.options?.mail)
          ? nothing
          : html`<riposte-sign-in .strings=${t} .user=${this.user} .options=${this.options} .parentId=${this.parentId}></riposte-sign-in>`
      }
      ${
        editing || this.user || !guests
          ? nothing
          : this._showDetails
            ? html`<div class="details">
            ${this._input(t, 'author.name', t.name, 'text', 'name', guest.name)}
            ${this._input(t, 'author.email', t.email, 'email', 'email', guest.email, t.emailHint)}
            ${this._input(t, 'author.website', t.website, 'url', 'url', guest.website)}
          </div>`
            : html`<p class="as">
            ${t.postingAs} <strong>${guest.name}</strong>.
            <button type="button" class="quiet" @click=${this._onChangeDetails}>${t.change}</button>
          </p>`
      }
      ${editing || this.user || !guests ? nothing : html`<label class="remember"><input type="checkbox" name="remember" ?checked=${!!guest.name} />${t.remember}</label>`}
      ${
        editing || !this.options?.mail || !(this.user ? this.user.mailable : guests)
          ? nothing
          : html`<div class="notify">
            <label class="remember"><input type="checkbox" name="notifyReplies" />${t.notifyReplies}</label>
            <label class="remember"><input type="checkbox" name="notifyThread" />${t.notifyThread}</label>
          </div>`
      }
      ${this._notice ? html`<p class="hint" role="status">${this._notice}</p>` : nothing}
      <div class="trap" aria-hidden="true"><label>${t.trap} <input name="homepage" tabindex="-1" autocomplete="off" /></label></div>
      <div role="alert" class="alert">${this._alert}</div>
      <div class="actions">
        <button part="submit-button" class="primary" type="submit" aria-disabled=${this._busy}>
          ${editing ? (this._busy ? t.saving : t.save) : this._busy ? t.posting : reply ? t.postReply : t.post}
        </button>
        <button type="button" class="secondary" aria-expanded=${this._preview !== null} aria-controls="preview" @click=${this._onPreview}>
          ${this._preview ? t.keepWriting : t.preview}
        </button>
        ${reply ? html`<button type="button" class="secondary" @click=${this._cancel}>${t.cancel}</button>` : nothing}
      </div>
    </form>`;
  }

  /** The preview in the text box's place; announced when it arrives. */
  private _renderPreview(t: FormStrings) {
    const preview = this._preview;
    return html`<div id="preview" class=${preview ? 'preview' : ''} role="region" aria-label=${t.previewLabel} aria-live="polite" ?hidden=${!preview}>
      ${preview && 'html' in preview ? unsafeHTML(preview.html) : preview ? html`<p class="hint">${preview.message}</p>` : nothing}
    </div>`;
  }

  /** Preview: the text as the server renders and sanitises it (what readers will see); pressed again, back to writing. */
  private async _onPreview() {
    const t = this.strings;
    if (!t) return;
    if (this._preview) {
      this._preview = null;
      this._focusNext = 'body';
      return;
    }
    const body = this._form?.elements.namedItem('body');
    const text = body instanceof HTMLTextAreaElement ? body.value.trim() : '';
    if (!text) {
      this._preview = { message: t.previewEmpty };
      return;
    }
    this._preview = { message: t.previewing };
    const answer = await request(this, 'riposte-preview', { body: text });
    // The reader went back to writing meanwhile: leave the text box be.
    if (!this._preview) return;
    this._preview =
      answer instanceof ApiError
        ? { message: answer.code === 'invalid_input' ? answer.message : t.errors[answer.code] }
        : { html: answer.html };
  }

  /** One labelled text field; name is the only required one. */
  private _input(t: FormStrings, key: FieldKey, label: string, type: string, autocomplete: string, value: string, hint = '') {
    const id = FIELDS[key];
    const optional = key !== 'author.name' && !(key === 'author.email' && this.options?.emailRequired);
    return html`<div class="field">
      <label for=${id}>${label}${optional ? html` <span class="hint">(${t.optional})</span>` : nothing}</label>
      <input
        id=${id}
        name=${id}
        type=${type}
        autocomplete=${autocomplete}
        maxlength=${MAX[key]}
        value=${value}
        ?required=${!optional}
        aria-invalid=${!!this._errors[key]}
        aria-describedby=${this._describedBy(key, hint ? `${id}-hint` : '')}
      />
      ${this._error(key)} ${hint ? html`<p id="${id}-hint" class="hint">${hint}</p>` : nothing}
    </div>`;
  }

  private _error(key: FieldKey) {
    const message = this._errors[key];
    return message ? html`<p id="${FIELDS[key]}-error" class="error">${message}</p>` : nothing;
  }

  private _describedBy(key: FieldKey, hintId: string): string {
    return [this._errors[key] ? `${FIELDS[key]}-error` : '', hintId].filter(Boolean).join(' ');
  }

  private get _form(): HTMLFormElement | null {
    return this.renderRoot.querySelector('form');
  }

  private _focus(key: FieldKey) {
    const field = this._form?.elements.namedItem(FIELDS[key]);
    if (field instanceof HTMLElement) field.focus();
  }

  /** Posted: the text goes, the details stay for the next comment. */
  private _onPosted() {
    const body = this._form?.elements.namedItem('body');
    if (body instanceof HTMLTextAreaElement) body.value = '';
    this._preview = null;
    this._errors = {};
    this._alert = '';
    this._notice = this._notifyAsked ? (this.user ? this.strings!.notifyActive : this.strings!.notifyCheckMail) : '';
  }

  /**
   * Puts the server's refusal of a field on that field, in the reader's language; anything else
   * goes to the alert. Only messages about fields a reader does not fill in (the page's address
   * or title, which the widget sends) stay in the server's English.
   */
  private _showServerError(error: ApiError) {
    const t = this.strings!;
    const errors: Partial<Record<FieldKey, string>> = {};
    const other: string[] = [];
    for (const [key, message] of Object.entries(error.fields)) {
      if (isField(key)) errors[key] = t.fields[key](this.formats?.number(MAX[key]) ?? String(MAX[key]));
      else other.push(message);
    }
    const keys = FIELD_KEYS.filter((key) => errors[key]);
    if (keys.some((key) => key !== 'body')) this._showDetails = true;
    // An error about the text is shown on the text box, not under a preview of it.
    if (errors.body) this._preview = null;
    this._errors = errors;
    this._focusNext = keys[0] ?? null;
    if (error.code !== 'invalid_input') this._alert = t.errors[error.code];
    else this._alert = other.join(' ') || (keys.length ? t.fixFields : t.errors.invalid_input);
  }

  private _onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const t = this.strings;
    if (this._busy || !this._form || !t) return;
    const data = new FormData(this._form);
    const value = (name: string, fallback: string) => {
      const entry = data.get(name);
      return (typeof entry === 'string' ? entry : fallback).trim();
    };
    const body = value('body', '');
    const name = value('name', this._guest.name);
    const email = value('email', this._guest.email);
    let website = value('website', this._guest.website);
    // Readers type "example.com"; the server wants a full address, so supply the scheme.
    if (website && !/^[a-z][a-z0-9+.-]*:/i.test(website)) website = `https://${website}`;

    const errors: Partial<Record<FieldKey, string>> = {};
    const asGuest = !this.user && this.editBody === null;
    if (!body) errors.body = t.bodyMissing;
    if (asGuest && !name) errors['author.name'] = t.nameMissing;
    if (email && !/^[^\s@]+@[^\s@]+$/.test(email)) errors['author.email'] = t.emailInvalid;
    if (asGuest && !email && this.options?.emailRequired) errors['author.email'] = t.emailMissing;
    const notify = { replies: data.get('notifyReplies') === 'on', thread: data.get('notifyThread') === 'on' };
    this._notifyAsked = notify.replies || notify.thread;
    if (asGuest && !email && this._notifyAsked) errors['author.email'] = t.notifyEmailMissing;
    if (asGuest && this.options?.guests === false) {
      this._alert = t.signInOnly;
      return;
    }
    const invalid = FIELD_KEYS.find((key) => errors[key]);
    if (errors.body) this._preview = null;
    this._errors = errors;
    this._alert = invalid ? t.fixFields : '';
    if (invalid) {
      if (invalid !== 'body') this._showDetails = true;
      this._focusNext = invalid;
      return;
    }
    void this._send.run([
      {
        parentId: this.parentId,
        body,
        author: { name, email, website },
        remember: data.get('remember') === 'on',
        editId: this.editBody === null ? null : this.parentId,
        trap: value('homepage', ''),
        formMs: Math.round(performance.now() - this._shownAt),
        notify,
      },
    ]);
  }

  private _onKeydown(event: KeyboardEvent) {
    if (event.key === 'Escape' && this.parentId !== null) {
      event.preventDefault();
      this._cancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault(); // Ctrl+Enter sends, as in most comment boxes
      this._form?.requestSubmit();
    }
  }

  /** Typing in a field clears its error: the message was about the old text. */
  private _onInput(event: Event) {
    const key = FIELD_KEYS.find((k) => event.target instanceof Element && FIELDS[k] === event.target.id);
    if (key && this._errors[key]) this._errors = { ...this._errors, [key]: undefined };
  }

  private _onChangeDetails() {
    this._showDetails = true;
    this._focusNext = 'author.name';
  }

  private _cancel() {
    emit(this, 'riposte-cancel', { parentId: this.parentId });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'riposte-comment-form': RiposteCommentForm;
  }
}
