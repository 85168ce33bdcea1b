/**
 * How one comment looks: avatar, author, date and permalink, pinned mark, the server's HTML, its votes and buttons,
 * and an error about it. A template drawn in the thread's shadow root rather than an element
 * of its own, so a thread of 1,000 comments builds no extra shadow roots (and readers download
 * no element class); replies and reply forms are drawn by the thread around it.
 */
import { html, nothing } from 'lit/html.js';
import type { WireComment } from '../shared/wire.ts';
import { avatar } from './avatar.ts';
import { type Formats, isRecent } from './format.ts';
import type { ThreadStrings } from './i18n/strings.ts';

/** What the thread knows about one comment besides the comment itself. */
export interface CommentState {
  /** The parent's author when indentation no longer shows whom this answers (deeper than the cap). */
  replyTo: string | null;
  replyToId: number | null;
  /** Set apart, as when the page was opened at this comment's permalink. */
  highlighted: boolean;
  /** A reply form is open under it (its Reply button's aria-expanded). */
  replying: boolean;
  /** The thread takes no new comments: no Reply button, no votes. */
  closed: boolean;
  /** The reader's own vote on it: 1 up, -1 down, 0 none. */
  myVote: -1 | 0 | 1;
  /** Not the reader's own comment (no vote on one's own: the server refuses an account's, the widget offers a guest none). */
  votable: boolean;
}

/** The thread's strings, formats and clock, and what its buttons do. */
export interface CommentContext {
  t: ThreadStrings;
  formats: Formats;
  /** The time relative dates are written for (the thread's clock moves it on). */
  now: number;
  reply(id: number): void;
  /** The votes the site takes (undefined: none), and what a vote button does: the reader's new vote (0 takes it back). */
  votes: 'up' | 'updown' | undefined;
  vote(id: number, value: -1 | 0 | 1): void;
  /** The reader's Edit and Delete buttons on their own comments, and why a change to one failed (from the writing side). */
  own?: (comment: WireComment) => unknown;
}

export function commentView(c: WireComment, s: CommentState, x: CommentContext) {
  const { t, formats: f, now } = x;
  const own = x.own?.(c);
  if (c.deleted) {
    return html`<article id="comment-${c.id}" part="comment" tabindex="-1" class=${s.highlighted ? 'highlighted' : ''}>
      ${avatar('', '')}
      <div class="main"><p class="deleted">${t.deleted}</p>${own}</div>
    </article>`;
  }
  const { author } = c;
  const owner = author.badge === 'owner';
  const website = author.website && /^https?:\/\//i.test(author.website) ? author.website : '';
  return html`<article
    id="comment-${c.id}"
    part=${owner ? 'comment comment-by-owner' : 'comment'}
    tabindex="-1"
    aria-label=${t.commentBy(author.name)}
    class=${`${owner ? 'owner' : ''} ${s.highlighted ? 'highlighted' : ''}`}
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
        ${c.pinned ? html`<span part="pinned" class="badge">${t.pinned}</span>` : nothing}
        ${c.kind ? html`<span class="quiet-text">${t.kinds[c.kind]}</span>` : nothing}
        ${
          s.replyTo === null
            ? nothing
            : html`<span class="quiet-text">${t.inReplyTo} <a href="#comment-${s.replyToId}">${s.replyTo || t.someone}</a></span>`
        }
        <a part="permalink" class="date" href="#comment-${c.id}"
          ><time datetime=${c.createdAt} title=${f.exact(c.createdAt)}>${f.date(c.createdAt, now)}</time></a
        >
        ${
          c.editedAt
            ? html`<span class="quiet-text" title=${f.exact(c.editedAt)}
                >${t.edited(f.date(c.editedAt, now), isRecent(c.editedAt, now))}</span
              >`
            : nothing
        }
      </p>
      <div part="body" class="body" .innerHTML=${c.html}></div>
      ${
        c.status === 'pending'
          ? html`<p class="note">${t.pending}</p>`
          : html`${x.votes ? voteButton(c, 1, s, x) : nothing}${x.votes === 'updown' ? voteButton(c, -1, s, x) : nothing}${
              s.closed
                ? nothing
                : html`<button part="reply-button" class="quiet reply" aria-expanded=${s.replying}
                aria-label=${t.replyTo(author.name)} @click=${() => x.reply(c.id)}>${t.reply}</button>`
            }`
      }
      ${own}
    </div>
  </article>`;
}

/**
 * A vote button with its count: pressed when it is the reader's vote; pressing it again takes
 * the vote back. On one's own comment and in a closed thread it only shows the count.
 */
function voteButton(c: WireComment, value: 1 | -1, s: CommentState, x: CommentContext) {
  const pressed = s.myVote === value;
  const open = s.votable && !s.closed;
  return html`<button part="vote-button" class="quiet reply vote" aria-pressed=${pressed} aria-disabled=${!open}
    @click=${() => open && x.vote(c.id, pressed ? 0 : value)}><span aria-hidden="true">${value === 1 ? '▲' : '▼'}</span><span
    class="visually-hidden">${value === 1 ? x.t.upvote : x.t.downvote}</span> ${x.formats.number((value === 1 ? c.up : c.down) ?? 0)}</button>`;
}
