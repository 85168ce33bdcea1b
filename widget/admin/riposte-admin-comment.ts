/** `<riposte-admin-comment>`: one comment as the owner sees it, with its actions, editor, reply and ban forms. */
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { AdminComment, BanKind, ModerationAction } from '../../shared/moderation.ts';
import { defineOnce } from '../define.ts';
import type { Formats } from '../format.ts';
import { request } from './admin-events.ts';
import { adminStyles } from './admin-styles.ts';
import type { AdminStrings } from './admin-strings.ts';

const ACTION_STATUS = { approve: 'approved', spam: 'spam', delete: 'deleted', pending: 'pending' } as const;

/**
 * @fires riposte-admin-select - Ticked or unticked for a bulk action.
 * @fires riposte-admin-act - Approve, spam, delete or hold this comment.
 * @fires riposte-admin-edit - Save the edited Markdown.
 * @fires riposte-admin-reply - Reply as the site owner.
 * @fires riposte-admin-ban - Ban the author by email, identity or sender.
 * @fires riposte-admin-lock - Lock or unlock the comment's thread.
 * @fires riposte-admin-pin - Pin the comment first in its thread, or unpin it.
 */
export class RiposteAdminComment extends LitElement {
  static override styles = [
    adminStyles,
    css`
      :host {
        display: block;
        padding: 0;
        max-width: none;
      }
      article {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.8rem;
        display: grid;
        gap: 0.6rem;
      }
      .head {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.6rem;
        align-items: start;
      }
      h3 {
        margin: 0;
        font-size: 1rem;
      }
      .meta {
        margin: 0.1rem 0 0;
        overflow-wrap: anywhere;
      }
      .status {
        font-size: 0.8em;
        font-weight: normal;
        border: 1px solid var(--_border);
        border-radius: 1em;
        padding: 0 0.5em;
        margin-left: 0.3em;
      }
      .status.pending {
        border-color: var(--_accent);
      }
      .parent {
        margin: 0;
        padding: 0.4rem 0.7rem;
        border-left: 3px solid var(--_border);
      }
      .body :first-child,
      .parent :last-child {
        margin-top: 0;
      }
      .body :last-child {
        margin-bottom: 0;
      }
      .body {
        overflow-wrap: anywhere;
      }
      /* A long code line scrolls inside its block instead of widening every card. */
      .body,
      .parent {
        contain: inline-size;
      }
      .body pre,
      .parent pre {
        overflow-x: auto;
      }
      form {
        display: grid;
        gap: 0.5rem;
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 0;
      }
    `,
  ];

  /** The view's strings and formats, in the owner's language. */
  @property({ attribute: false }) t!: AdminStrings;
  @property({ attribute: false }) formats!: Formats;
  /** The comment, as the admin API sends it. */
  @property({ attribute: false }) comment!: AdminComment;
  /** Whether it is ticked for a bulk action. */
  @property({ type: Boolean }) selected = false;

  /** Which form is open under the comment. */
  @state() private _open: 'edit' | 'reply' | 'ban' | null = null;
  @state() private _busy = false;
  @state() private _error = '';

  override render() {
    const { t, formats: f } = this;
    const c = this.comment;
    const a = c.author;
    const title = c.thread.title || c.thread.key;
    const contact = [a.email, a.website, a.identity, a.ipHash ? t.sender(a.ipHash.slice(0, 8)) : null].filter(Boolean).join(' · ');
    return html`<article aria-labelledby="who">
      <div class="head">
        <input type="checkbox" .checked=${this.selected} aria-label=${t.selectComment(a.name || t.unnamedAuthor)} @change=${this._onSelect} />
        <div>
          <h3 id="who">${a.name || t.noName}${a.badge ? html` <span class="status">${a.badge === 'owner' ? t.ownerBadge : t.moderatorBadge}</span>` : nothing}
            <span class="status ${c.status}">${t.statuses[c.status]}</span>${c.pinned ? html` <span class="status pinned">${t.pinnedBadge}</span>` : nothing}</h3>
          <p class="meta muted">${contact || t.noContact}</p>
          <p class="meta muted"><time datetime=${c.createdAt} title=${f.exact(c.createdAt)}>${f.date(c.createdAt, Date.now())}</time> ${t.onPage}
            ${c.thread.url && /^https?:\/\//i.test(c.thread.url) ? html`<a href=${c.thread.url}>${title}</a>` : title}${c.thread.locked ? ` ${t.lockedSuffix}` : ''}</p>
          ${c.upvotes || c.downvotes ? html`<p class="meta muted">${t.votes(f.number(c.upvotes), f.number(c.downvotes))}</p>` : nothing}
        </div>
      </div>
      ${c.heldReasons.length ? html`<p class="note">${t.held} ${c.heldReasons.map((r) => t.heldReasons[r]).join(' ')}</p>` : nothing}
      ${c.parent ? html`<blockquote class="parent"><p class="muted">${t.inReplyTo(c.parent.authorName || t.deletedAuthor)}</p>${unsafeHTML(c.parent.html)}</blockquote>` : nothing}
      <div class="body">${unsafeHTML(c.html)}</div>
      <div class="row">
        ${(['approve', 'spam', 'delete'] as const)
          .filter((action) => ACTION_STATUS[action] !== c.status)
          .map(
            (action) =>
              html`<button class=${action === 'approve' ? 'primary' : 'secondary'} ?disabled=${this._busy} @click=${() => this._act(action)}>${t.actions[action]}</button>`,
          )}
        <button class="secondary" aria-expanded=${this._open === 'edit'} @click=${() => this._toggle('edit')}>${t.edit}</button>
        <button class="secondary" aria-expanded=${this._open === 'reply'} @click=${() => this._toggle('reply')}>${t.reply}</button>
        <button class="secondary" aria-expanded=${this._open === 'ban'} @click=${() => this._toggle('ban')}>${t.ban}</button>
        <button class="secondary" aria-pressed=${c.pinned} @click=${this._pin}>${c.pinned ? t.unpin : t.pin}</button>
        <button class="secondary" @click=${this._lock}>${c.thread.locked ? t.unlockThread : t.lockThread}</button>
      </div>
      ${this._open === 'edit' || this._open === 'reply' ? this._renderEditor(t, this._open) : nothing}
      ${this._open === 'ban' ? this._renderBan(t) : nothing}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
    </article>`;
  }

  override updated() {
    // A code block with a long line scrolls sideways: keyboard users reach it with Tab and
    // scroll it with the arrow keys (axe: scrollable-region-focusable).
    for (const pre of this.renderRoot.querySelectorAll<HTMLElement>('pre:not([tabindex])')) pre.tabIndex = 0;
  }

  /** Focus goes to the comment's first action (Approve in the queue), ready for the next key press. */
  override focus(options?: FocusOptions) {
    this.renderRoot.querySelector<HTMLElement>('.row button')?.focus(options);
  }

  private _renderEditor(t: AdminStrings, kind: 'edit' | 'reply') {
    return html`<form @submit=${(e: SubmitEvent) => this._onSave(e, kind)}>
      <div class="field">
        <label for="text">${kind === 'edit' ? t.editLabel : t.replyLabel}</label>
        <textarea id="text" name="text" required .value=${kind === 'edit' ? this.comment.markdown : ''}></textarea>
      </div>
      <div class="row">
        <button class="primary" ?disabled=${this._busy}>${kind === 'edit' ? t.save : t.postReply}</button>
        <button type="button" class="secondary" @click=${() => this._toggle(kind)}>${t.cancel}</button>
      </div>
    </form>`;
  }

  private _renderBan(t: AdminStrings) {
    const a = this.comment.author;
    const choices: [BanKind, string | null, string][] = [
      ['email', a.email, t.banChoices.email(a.email ?? '')],
      ['identity', a.identity, t.banChoices.identity(a.identity ?? '')],
      ['ip', a.ipHash, t.banChoices.ip(a.ipHash?.slice(0, 8) ?? '')],
    ];
    const available = choices.filter(([, value]) => value);
    if (!available.length) return html`<p class="note">${t.nothingToBan}</p>`;
    return html`<form @submit=${this._onBan}>
      <fieldset>
        <legend>${t.banBy}</legend>
        ${available.map(([kind, , label], i) => html`<label class="check"><input type="radio" name="kind" value=${kind} ?checked=${i === 0} />${label}</label>`)}
      </fieldset>
      <label class="check"><input type="checkbox" name="hide" />${t.hideTheirs}</label>
      <div class="row">
        <button class="primary" ?disabled=${this._busy}>${t.banButton}</button>
        <button type="button" class="secondary" @click=${() => this._toggle('ban')}>${t.cancel}</button>
      </div>
    </form>`;
  }

  private _toggle(form: 'edit' | 'reply' | 'ban') {
    this._open = this._open === form ? null : form;
    this._error = '';
    if (this._open) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('form textarea, form input')?.focus());
  }

  private async _run(work: Promise<string | null>, close = true) {
    this._busy = true;
    this._error = '';
    const error = await work;
    this._busy = false;
    if (error) this._error = error;
    else if (close) this._open = null;
  }

  private _onSelect(event: Event) {
    const selected = event.target instanceof HTMLInputElement && event.target.checked;
    this.dispatchEvent(
      new CustomEvent('riposte-admin-select', { detail: { id: this.comment.id, selected }, bubbles: true, composed: true }),
    );
  }

  private _act(action: ModerationAction) {
    void this._run(request(this, 'riposte-admin-act', { ids: [this.comment.id], action }), false);
  }

  private _pin() {
    void this._run(request(this, 'riposte-admin-pin', { id: this.comment.id, pinned: !this.comment.pinned }), false);
  }

  private _lock() {
    void this._run(request(this, 'riposte-admin-lock', { threadId: this.comment.thread.id, locked: !this.comment.thread.locked }), false);
  }

  private _onSave(event: SubmitEvent, kind: 'edit' | 'reply') {
    event.preventDefault();
    const body = new FormData(event.target as HTMLFormElement).get('text');
    if (typeof body !== 'string') return;
    void this._run(request(this, kind === 'edit' ? 'riposte-admin-edit' : 'riposte-admin-reply', { id: this.comment.id, body }));
  }

  private _onBan(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const kind = form.get('kind');
    const value =
      kind === 'email' ? this.comment.author.email : kind === 'identity' ? this.comment.author.identity : this.comment.author.ipHash;
    if ((kind !== 'email' && kind !== 'identity' && kind !== 'ip') || !value) return;
    void this._run(request(this, 'riposte-admin-ban', { kind, value, hideExisting: form.get('hide') === 'on' }));
  }
}

defineOnce('riposte-admin-comment', RiposteAdminComment);

declare global {
  interface HTMLElementTagNameMap {
    'riposte-admin-comment': RiposteAdminComment;
  }
}
