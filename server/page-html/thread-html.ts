/**
 * A page's thread as an HTML fragment for the blog's own page, so it is read without
 * JavaScript and indexed by every search engine: the comments as articles in nested lists,
 * with authors, dates and permalinks (`#comment-ID`), marked up as microformats2 (each comment
 * an `h-entry h-cite`, a `p-comment` of the post when the fragment sits in the post's h-entry),
 * pinned ones marked and vote counts as text, as the widget draws them (without its buttons).
 * Names and texts are escaped here; a comment's HTML is the server's own, sanitised when the
 * comment was written (render/markdown.ts), exactly what the JSON thread sends.
 */
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { VoteMode } from '../../shared/moderation.ts';
import type { WireComment } from '../../shared/wire.ts';
import { Formats } from '../../widget/format.ts';
import type { ThreadStrings } from '../../widget/i18n/strings.ts';
import { buildTree, type CommentNode } from '../../widget/tree.ts';

/** What the fragment is drawn from. */
export interface ThreadHtmlInput {
  /** The thread's visible comments as readers get them (GET /threads), in its default order. */
  comments: readonly WireComment[];
  /** Approved comments (the heading's number). */
  count: number;
  /** The page's address when known: what top-level comments reply to, and where "Leave a Reply" goes. */
  pageUrl: string | null;
  /** The site's votes setting: which counts show. */
  votes: VoteMode;
  /** The page's Atom feed. */
  feedUrl: string;
  lang: string;
  t: ThreadStrings;
}

interface Context {
  t: ThreadStrings;
  formats: Formats;
  dates: Intl.DateTimeFormat;
  pageUrl: string | null;
  votes: VoteMode;
}

type Markup = HtmlEscapedString | Promise<HtmlEscapedString> | string;

export async function threadHtml(input: ThreadHtmlInput): Promise<string> {
  const { t, lang, pageUrl, votes } = input;
  const formats = new Formats(lang);
  // The server does not know the reader's time zone: dates say theirs (UTC); the widget writes local times.
  const dates = new Intl.DateTimeFormat(lang, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });
  const x: Context = { t, formats, dates, pageUrl, votes };
  const tree = buildTree(input.comments);
  const fragment = await html`<section class="riposte-html" lang="${lang}">
<h2 class="riposte-title">${formats.count(input.count, t.responses)}</h2>
${tree.length ? html`<ol class="riposte-comments">${tree.map((node) => item(node, x))}</ol>` : ''}
<p class="riposte-links"><a class="riposte-respond" href="${pageUrl ?? ''}#respond">${t.leaveReply}</a> <a class="riposte-feed" href="${input.feedUrl}" rel="alternate" type="application/atom+xml">${t.subscribe}</a></p>
</section>
`;
  return fragment.toString();
}

function item(node: CommentNode, x: Context): Markup {
  return html`
<li>${article(node, x)}${node.replies.length ? html`<ol class="riposte-replies">${node.replies.map((reply) => item(reply, x))}</ol>` : ''}</li>`;
}

function article(node: CommentNode, x: Context): Markup {
  const { comment: c } = node;
  const { t } = x;
  if (c.deleted) return html`<article class="riposte-comment riposte-deleted" id="comment-${c.id}"><p>${t.deleted}</p></article>`;
  const { author } = c;
  // Only web addresses become links, as in the widget (imports may hold anything).
  const name = /^https?:\/\//i.test(author.website ?? '')
    ? html`<a class="p-name u-url" href="${author.website}" rel="nofollow ugc noopener">${author.name}</a>`
    : html`<span class="p-name">${author.name}</span>`;
  const badge = author.badge ? html` <span class="riposte-badge">${author.badge === 'owner' ? t.ownerBadge : t.moderatorBadge}</span>` : '';
  const pinned = c.pinned ? html` <span class="riposte-badge riposte-pinned">${t.pinned}</span>` : '';
  const kind = c.kind ? html` <span class="riposte-kind">${t.kinds[c.kind]}</span>` : '';
  const edited = c.editedAt
    ? html` <span class="riposte-edited">${t.edited(x.dates.format(Date.parse(c.editedAt)), false)}</span><time class="dt-updated" datetime="${c.editedAt}" hidden></time>`
    : '';
  return html`<article class="riposte-comment h-entry h-cite p-comment" id="comment-${c.id}">
<p class="riposte-meta"><span class="p-author h-card">${name}</span>${badge}${pinned}${kind}${inReplyTo(node, x)} <a class="u-url riposte-date" href="${permalink(c.id, x)}"><time class="dt-published" datetime="${c.createdAt}">${x.dates.format(Date.parse(c.createdAt))}</time></a>${edited}</p>
<div class="e-content riposte-body">${raw(c.html)}</div>${voteCounts(c, x)}
</article>`;
}

/**
 * The counts the widget writes on its vote buttons, as text (no script, nothing to press):
 * upvotes where the site takes votes, downvotes too where it takes those, 0 included.
 */
function voteCounts(c: WireComment, x: Context): Markup {
  if (x.votes === 'off') return '';
  const count = (arrow: string, label: string, n: number | undefined) =>
    html`<span class="riposte-vote"><span role="img" aria-label="${label}">${arrow}</span> ${x.formats.number(n ?? 0)}</span>`;
  const down = x.votes === 'updown' ? html` ${count('▼', x.t.downvote, c.down)}` : '';
  return html`
<p class="riposte-votes">${count('▲', x.t.upvote, c.up)}${down}</p>`;
}

/**
 * What a comment answers, for microformats readers: the page, or its parent. Said in words
 * only where nesting no longer shows it (replies deeper than the widget indents).
 */
function inReplyTo(node: CommentNode, x: Context): Markup {
  const { parentId } = node.comment;
  if (node.replyToId !== null) {
    return html` <span class="riposte-in-reply-to">${x.t.inReplyTo} <a class="u-in-reply-to" href="${permalink(node.replyToId, x)}">${node.replyTo || x.t.someone}</a></span>`;
  }
  if (parentId !== null) return html`<data class="u-in-reply-to" value="${permalink(parentId, x)}"></data>`;
  return x.pageUrl ? html`<data class="u-in-reply-to" value="${x.pageUrl}"></data>` : '';
}

/**
 * A comment's address: absolute where the page's is known (as WordPress writes them, and as
 * microformats readers want them), else `#comment-ID` on whatever page shows the fragment.
 */
function permalink(id: number, x: Context): string {
  return `${x.pageUrl ?? ''}#comment-${id}`;
}
