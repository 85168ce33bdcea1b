/**
 * `<riposte-admin-mentions>`: the Webmentions other sites sent, newest first, moderated like
 * comments: waiting ones first by default, each with its author, the page it answers, what it
 * says, and Approve, Spam and Delete (a deleted one comes back if its source sends it again).
 */
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { type AdminMention, MENTION_STATUSES, type MentionStatus } from '../../shared/notifications.ts';
import { defineOnce } from '../define.ts';
import type { Formats } from '../format.ts';
import type { CommentQuery, MentionAction } from './admin-api.ts';
import { request } from './admin-events.ts';
import { pager, statusFilter } from './admin-pager.ts';
import { adminStyles } from './admin-styles.ts';
import type { AdminStrings } from './admin-strings.ts';

const ACTIONS: readonly MentionAction[] = ['approve', 'spam', 'delete'];
/** A mention's status after the action: the button is not offered on one already so. */
const STATUS_AFTER: Record<MentionAction, MentionStatus | null> = { approve: 'approved', spam: 'spam', delete: null };

/**
 * @fires riposte-admin-search - A status filter or page.
 * @fires riposte-admin-mention - Approve, mark as spam or delete a mention.
 */
export class RiposteAdminMentions extends LitElement {
  static override styles = [
    adminStyles,
    css`
      :host {
        padding: 0;
      }
      .filter {
        margin: 1rem 0;
      }
      ol {
        list-style: none;
        padding: 0;
        margin: 0.75rem 0;
        display: grid;
        gap: 0.75rem;
      }
      article {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.75rem;
        display: grid;
        gap: 0.4rem;
      }
      article p {
        margin: 0;
      }
      .body {
        overflow-wrap: anywhere;
      }
    `,
  ];

  /** The view's strings and formats, in the owner's language. */
  @property({ attribute: false }) t!: AdminStrings;
  @property({ attribute: false }) formats!: Formats;
  /** This page of mentions, newest first. */
  @property({ attribute: false }) mentions: AdminMention[] = [];
  @property({ type: Number }) total = 0;
  /** The filter shown in the form. */
  @property({ attribute: false }) query: CommentQuery = {};

  @state() private _error = '';

  override render() {
    const { t, formats: f, mentions } = this;
    const m = t.mentions;
    const now = Date.now();
    return html`${statusFilter(this, t, this.query, MENTION_STATUSES, m.statuses)}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${
        mentions.length
          ? html`<ol aria-label=${t.views.mentions}>
              ${mentions.map((mention) => {
                const author = mention.author.name ?? new URL(mention.url).hostname;
                return html`<li><article aria-label=${m.by(author)}>
                  <p>
                    <strong>${mention.author.url ? html`<a href=${mention.author.url} rel="nofollow ugc noopener">${author}</a>` : author}</strong>
                    ${m.types[mention.type]}
                    <a href=${mention.thread.url ?? mention.thread.key}>${mention.thread.title ?? mention.thread.url ?? mention.thread.key}</a>
                    <span class="muted">· ${m.statuses[mention.status]} ·
                      <time datetime=${mention.publishedAt} title=${f.exact(mention.publishedAt)}>${f.date(mention.publishedAt, now)}</time></span>
                  </p>
                  <p><a href=${mention.url} rel="nofollow ugc noopener">${mention.name ?? mention.url}</a></p>
                  ${mention.html ? html`<div class="body">${unsafeHTML(mention.html)}</div>` : nothing}
                  <div class="row">
                    ${ACTIONS.filter((action) => STATUS_AFTER[action] !== mention.status).map(
                      (action) =>
                        html`<button class=${action === 'approve' ? 'primary' : 'secondary'} aria-label=${`${m.actions[action]}: ${author}`}
                            @click=${() => this._act(mention, action)}>${m.actions[action]}</button>`,
                    )}
                  </div>
                </article></li>`;
              })}
            </ol>
            ${pager(this, t, f, this.query, mentions.length, this.total)}`
          : html`<p class="note">${m.none}</p>`
      }`;
  }

  private async _act(mention: AdminMention, action: MentionAction) {
    this._error = (await request(this, 'riposte-admin-mention', { ids: [mention.id], action })) ?? '';
  }
}

defineOnce('riposte-admin-mentions', RiposteAdminMentions);

declare global {
  interface HTMLElementTagNameMap {
    'riposte-admin-mentions': RiposteAdminMentions;
  }
}
