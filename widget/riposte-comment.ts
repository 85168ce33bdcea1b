/** One comment: avatar, author, date and permalink, the server's HTML, its buttons, and an error about it. */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { WireComment } from '../shared/wire.ts';
import { avatar } from './avatar.ts';
import { commentStyles } from './comment-styles.ts';
import { emit } from './events.ts';
import { type Formats, isRecent } from './format.ts';
import type { ThreadStrings } from './i18n/strings.ts';

/**
 * Draws one comment; replies and the reply form are drawn by the thread around it.
 *
 * @fires riposte-reply - The Reply button was pressed; `detail.id` is this comment's id.
 * @fires riposte-edit - The reader's own comment's Edit button was pressed.
 * @fires riposte-delete - The reader's own comment's Delete button was pressed.
 * @csspart comment - The comment's box; also `comment-by-owner` on the blog owner's comments.
 * @csspart avatar - The generated picture.
 * @csspart author - The author's name (a link when they gave a website).
 * @csspart badge - The "Author" badge.
 * @csspart permalink - The date, linking to `#comment-ID`.
 * @csspart body - The comment's text.
 * @csspart reply-button - The Reply button.
 */
export class RiposteComment extends LitElement {
  static override styles = commentStyles;
  // Declared here rather than with decorators: the decorator helpers cost readers 0.4 KB of first load.
  static override properties = {
    comment: { attribute: false },
    t: { attribute: false },
    formats: { attribute: false },
    now: { attribute: false },
    replyTo: { attribute: false },
    replyToId: { attribute: false },
    highlighted: { type: Boolean, reflect: true },
    replying: { attribute: false },
    canEdit: { attribute: false },
    canDelete: { attribute: false },
    closed: { attribute: false },
    error: { attribute: false },
  };

  /** The comment, as the server sent it. */
  comment?: WireComment;

  /** The thread's strings and formats, in its language. */
  t?: ThreadStrings;
  formats?: Formats;

  /** The time relative dates are written for (the thread's clock moves it on). */
  now = 0;

  /** The parent's author name when indentation no longer shows it (deeper than the cap). */
  replyTo: string | null = null;

  /** The parent's id, linked from "in reply to". */
  replyToId: number | null = null;

  /** Set apart, as when the page was opened at this comment's permalink. */
  highlighted = false;

  /** Whether a reply form is open under this comment (the Reply button's aria-expanded). */
  replying = false;

  /** The reader wrote this comment and may still edit it (within the site's edit window). */
  canEdit = false;

  /** The reader wrote this comment and may delete it. */
  canDelete = false;

  /** The thread takes no new comments (locked or closed): no Reply button. */
  closed = false;

  /** Why the last change to this comment (edit, delete) failed, shown under it; the thread announces it. */
  error = '';

  override render() {
    const { comment: c, t, formats: f } = this;
    if (!c || !t || !f) return nothing;
    if (c.deleted) {
      return html`<article part="comment" tabindex="-1" class=${this.highlighted ? 'highlighted' : ''}>
        ${avatar('', '')}
        <div class="main"><p class="deleted">${t.deleted}</p>${this._error()}</div>
      </article>`;
    }
    const { author } = c;
    const owner = author.badge === 'owner';
    const website = author.website && /^https?:\/\//i.test(author.website) ? author.website : '';
    return html`<article
      part=${owner ? 'comment comment-by-owner' : 'comment'}
      tabindex="-1"
      aria-label=${t.commentBy(author.name)}
      class=${`${owner ? 'owner' : ''} ${this.highlighted ? 'highlighted' : ''}`}
    >
      ${avatar(author.name, author.avatar)}
      <div class="main">
        <p class="meta">
          ${
            website
              ? html`<a part="author" class="author" href=${website} rel="nofollow ugc noopener">${author.name}</a>`
              : html`<span part="author" class="author">${author.name}</span>`
          }
          ${author.badge ? html`<span part="badge" class="badge">${owner ? t.ownerBadge : t.moderatorBadge}</span>` : nothing}
          ${c.kind ? html`<span class="quiet-text">${t.kinds[c.kind]}</span>` : nothing}
          ${
            this.replyTo === null
              ? nothing
              : html`<span class="quiet-text"
                >${t.inReplyTo} <a href="#comment-${this.replyToId}">${this.replyTo || t.someone}</a></span
              >`
          }
          <a part="permalink" class="date" href="#comment-${c.id}"
            ><time datetime=${c.createdAt} title=${f.exact(c.createdAt)}>${f.date(c.createdAt, this.now)}</time></a
          >
          ${
            c.editedAt
              ? html`<span class="quiet-text" title=${f.exact(c.editedAt)}
                  >${t.edited(f.date(c.editedAt, this.now), isRecent(c.editedAt, this.now))}</span
                >`
              : nothing
          }
        </p>
        <div part="body" class="body" .innerHTML=${c.html}></div>
        ${c.status === 'pending' ? html`<p class="note">${t.pending}</p>` : this.closed ? nothing : this._replyButton(t, author.name)}
        ${this.canEdit ? html`<button class="quiet reply" aria-describedby=${this._describedBy()} @click=${() => emit(this, 'riposte-edit', { id: c.id })}>${t.edit}</button>` : nothing}
        ${this.canDelete ? html`<button class="quiet reply" aria-describedby=${this._describedBy()} @click=${() => emit(this, 'riposte-delete', { id: c.id })}>${t.delete}</button>` : nothing}
        ${this._error()}
      </div>
    </article>`;
  }

  override updated(changed: PropertyValues<this>) {
    // A code block with a long line scrolls sideways: keyboard users reach it with Tab and
    // scroll it with the arrow keys (axe: scrollable-region-focusable).
    if (changed.has('comment')) for (const pre of this.renderRoot.querySelectorAll<HTMLElement>('.body pre')) pre.tabIndex = 0;
  }

  /** The Edit and Delete buttons are described by the error about them, when there is one. */
  private _describedBy() {
    return this.error ? 'error' : nothing;
  }

  private _error() {
    return this.error ? html`<p id="error" class="error">${this.error}</p>` : nothing;
  }

  /** Not on a comment awaiting moderation: it cannot be answered until it is approved. */
  private _replyButton(t: ThreadStrings, name: string) {
    return html`<button part="reply-button" class="quiet reply" aria-expanded=${this.replying} aria-label=${t.replyTo(name)} @click=${this._onReply}>
      ${t.reply}
    </button>`;
  }

  /** Moves focus to the comment itself, as after posting it or opening its permalink. */
  override focus(options?: FocusOptions) {
    this.renderRoot.querySelector('article')?.focus(options);
  }

  /** Returns focus to the Reply button, as when its reply form is closed. */
  focusReply() {
    this.renderRoot.querySelector('button')?.focus();
  }

  private _onReply() {
    if (this.comment) emit(this, 'riposte-reply', { id: this.comment.id });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'riposte-comment': RiposteComment;
  }
}
