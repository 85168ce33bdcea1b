/** One comment: avatar, author, date and permalink, the server's HTML, its votes and its Reply button. */
import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { WireComment } from '../shared/wire.ts';
import { avatar } from './avatar.ts';
import { commentStyles } from './comment-styles.ts';
import { emit } from './events.ts';
import { formatDate, formatExactDate } from './format.ts';
import { t } from './i18n.ts';

/**
 * Draws one comment; replies and the reply form are drawn by the thread around it.
 *
 * @fires riposte-reply - The Reply button was pressed; `detail.id` is this comment's id.
 * @fires riposte-edit - The reader's own comment's Edit button was pressed.
 * @fires riposte-delete - The reader's own comment's Delete button was pressed.
 * @fires riposte-vote - An up or down vote button was pressed; `detail.value` is the reader's new vote (0: taken back).
 * @csspart comment - The comment's box; also `comment-by-owner` on the blog owner's comments.
 * @csspart avatar - The generated picture.
 * @csspart author - The author's name (a link when they gave a website).
 * @csspart badge - The "Author" badge.
 * @csspart permalink - The date, linking to `#comment-ID`.
 * @csspart body - The comment's text.
 * @csspart reply-button - The Reply button.
 * @csspart pinned - The "Pinned" mark on a comment the owner pinned.
 * @csspart vote-button - The upvote and downvote buttons (with their counts).
 */
export class RiposteComment extends LitElement {
  static override styles = commentStyles;

  /** The comment, as the server sent it. */
  @property({ attribute: false }) comment?: WireComment;

  /** The parent's author name when indentation no longer shows it (deeper than the cap). */
  @property({ attribute: false }) replyTo: string | null = null;

  /** The parent's id, linked from "in reply to". */
  @property({ attribute: false }) replyToId: number | null = null;

  /** Set apart, as when the page was opened at this comment's permalink. */
  @property({ type: Boolean, reflect: true }) highlighted = false;

  /** Whether a reply form is open under this comment (the Reply button's aria-expanded). */
  @property({ type: Boolean }) replying = false;

  /** The reader wrote this comment and may still edit it (within the site's edit window). */
  @property({ type: Boolean }) canEdit = false;

  /** The reader wrote this comment and may delete it. */
  @property({ type: Boolean }) canDelete = false;

  /** The thread takes no new comments (locked or closed): no Reply button, no votes. */
  @property({ type: Boolean }) closed = false;

  /** The votes the site takes (absent: none). */
  @property({ attribute: false }) votes: 'up' | 'updown' | undefined = undefined;

  /** The reader's own vote on this comment: 1 up, -1 down, 0 none. */
  @property({ attribute: false }) myVote: -1 | 0 | 1 = 0;

  override render() {
    const c = this.comment;
    if (!c) return nothing;
    if (c.deleted) {
      return html`<article part="comment" tabindex="-1" class=${this.highlighted ? 'highlighted' : ''}>
        ${avatar('', '')}
        <div class="main"><p class="deleted">${t.deleted}</p></div>
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
          ${
            author.badge
              ? html`<span part="badge" class="badge">${author.badge === 'owner' ? t.ownerBadge : t.moderatorBadge}</span>`
              : nothing
          }
          ${c.pinned ? html`<span part="pinned" class="badge">${t.pinned}</span>` : nothing}
          ${c.kind ? html`<span class="quiet-text">${t.kinds[c.kind]}</span>` : nothing}
          ${
            this.replyTo === null
              ? nothing
              : html`<span class="quiet-text"
                >${t.inReplyTo} <a href="#comment-${this.replyToId}">${this.replyTo || t.someone}</a></span
              >`
          }
          <a part="permalink" class="date" href="#comment-${c.id}"
            ><time datetime=${c.createdAt} title=${formatExactDate(c.createdAt)}>${formatDate(c.createdAt)}</time></a
          >
          ${c.editedAt ? html`<span class="quiet-text" title=${formatExactDate(c.editedAt)}>${t.edited(formatDate(c.editedAt))}</span>` : nothing}
        </p>
        <div part="body" class="body">${unsafeHTML(c.html)}</div>
        ${c.status === 'pending' ? html`<p class="note">${t.pending}</p>` : this._actions(c)}
        ${this.canEdit ? html`<button class="quiet reply" @click=${() => emit(this, 'riposte-edit', { id: c.id })}>${t.edit}</button>` : nothing}
        ${this.canDelete ? html`<button class="quiet reply" @click=${() => emit(this, 'riposte-delete', { id: c.id })}>${t.delete}</button>` : nothing}
      </div>
    </article>`;
  }

  /** Votes and Reply: not on a comment awaiting moderation (nothing to answer until it is approved), nor on a closed thread. */
  private _actions(c: WireComment) {
    if (this.closed) return nothing;
    // The reader's own comments (those they may change) are not theirs to vote on.
    const votable = this.votes && !this.canEdit && !this.canDelete;
    return html`${votable ? this._vote(1, c.up ?? 0) : nothing}${votable && this.votes === 'updown' ? this._vote(-1, c.down ?? 0) : nothing}<button
        part="reply-button"
        class="quiet reply"
        aria-expanded=${this.replying}
        aria-label=${t.replyTo(c.author.name)}
        @click=${this._onReply}
      >
        ${t.reply}
      </button>`;
  }

  /** A vote button: pressed when it is the reader's vote; pressing it again takes the vote back. */
  private _vote(value: 1 | -1, count: number) {
    const pressed = this.myVote === value;
    return html`<button part="vote-button" class="quiet reply vote" aria-pressed=${pressed}
      @click=${() => this.comment && emit(this, 'riposte-vote', { id: this.comment.id, value: pressed ? 0 : value })}>
      <span aria-hidden="true">${value === 1 ? '▲' : '▼'}</span>
      <span class="visually-hidden">${value === 1 ? t.upvote : t.downvote}</span> ${count}
    </button>`;
  }

  /** Moves focus to the comment itself, as after posting it or opening its permalink. */
  override focus(options?: FocusOptions) {
    this.renderRoot.querySelector('article')?.focus(options);
  }

  /** Returns focus to the Reply button, as when its reply form is closed. */
  focusReply() {
    this.renderRoot.querySelector<HTMLElement>('[part~="reply-button"]')?.focus();
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
