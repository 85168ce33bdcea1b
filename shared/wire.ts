/** Types of what travels between the widget and the server (JSON over HTTP). */
import type * as v from 'valibot';
import type { WireMention } from './notifications.ts';
import type { editCommentSchema, likeSchema, newCommentSchema, voteSchema } from './schemas.ts';

export const COMMENT_STATUSES = ['approved', 'pending', 'spam', 'deleted'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** What a stored comment is: a reader's comment, or a WordPress pingback/trackback brought in by an import. */
export const COMMENT_KINDS = ['comment', 'pingback', 'trackback'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

export const AUTHOR_BADGES = ['owner', 'moderator'] as const;
export type AuthorBadge = (typeof AUTHOR_BADGES)[number];

/** A comment as anyone may see it: never an email or an IP. */
export interface WireComment {
  id: number;
  parentId: number | null;
  status: CommentStatus;
  author: {
    name: string;
    website?: string;
    /** Seed for the locally drawn avatar: a hash, not the email. */
    avatar: string;
    badge?: AuthorBadge;
    /** For a signed-in author: an opaque id, the same as `WireUser.id`, so readers' own comments are known. */
    id?: string;
  };
  /** Sanitised HTML made by the server; empty for a deleted placeholder. */
  html: string;
  createdAt: string;
  editedAt?: string;
  deleted?: true;
  /** Set only for an imported pingback or trackback (shown when the site's settings allow). */
  kind?: Exclude<CommentKind, 'comment'>;
  /** Upvotes, where the site has votes and the comment has some. */
  up?: number;
  /** Downvotes, where the site has downvotes and the comment has some. */
  down?: number;
  /** The owner pinned it: first among its siblings (a response to the page: first in the thread) in every order. */
  pinned?: true;
}

/** Orders of a thread: oldest first (the default), newest first, best (see server/threads/thread-order.ts). */
export const THREAD_SORTS = ['oldest', 'newest', 'best'] as const;
export type ThreadSort = (typeof THREAD_SORTS)[number];

/**
 * One page of a thread: a run of responses to the page, each followed by all of its replies.
 * Everything but `comments` and `next` is about the whole thread.
 */
export interface WireThread {
  site: string;
  page: { key: string; url: string | null; title: string | null };
  /** Visible comments of the whole thread, not counting deleted placeholders. */
  count: number;
  likes: number;
  /** The thread's version this answer shows (0 for a thread not yet made): a live stream's `since`. */
  version: number;
  /** The order of this answer. */
  sort: ThreadSort;
  /**
   * Flat: responses to the page in `sort` order (pinned ones first), each followed by its
   * replies, depth first, every reply after its parent and siblings in conversation order.
   */
  comments: WireComment[];
  /** Ask with `cursor=` this for the following page; absent on the last page. */
  next?: string;
  /** Votes the site takes: upvotes only, or up and down; absent when votes are off. */
  votes?: 'up' | 'updown';
  /** The owner locked the thread: it takes no new comments. */
  locked?: true;
  /** From this time on the thread takes no new comments (the site closes threads after some days). */
  closesAt?: string;
  /** Other pages that link to this one (Webmention), approved, oldest first; absent when there are none. */
  mentions?: WireMention[];
}

/** POST /comments: what the widget sends, as the server's schema reads it (shared/schemas.ts is the one description). */
export type NewCommentRequest = v.InferInput<typeof newCommentSchema>;

/** POST /comments answers the stored comment; a guest also gets the secret that lets them edit it. */
export interface PostedComment {
  comment: WireComment;
  /** Guests only: send as `Riposte-Comment-Secret` to edit or delete within the edit window. */
  secret?: string;
  /**
   * When the post asked to be notified: `active` (a signed-in reader's verified address), or
   * `check-mail` (a guest: mail starts once the address is confirmed; if it is new here, a
   * confirmation mail is on its way).
   */
  notify?: 'active' | 'check-mail';
}

/** PATCH /comments/:id. */
export type EditCommentRequest = v.InferInput<typeof editCommentSchema>;

/** A signed-in reader, as GET /auth/me and the sign-in hand-off tell the widget. */
export interface WireUser {
  /** Opaque and stable; comments by this person carry it as `author.id`. */
  id: string;
  name: string;
  /** The provider's id ("github", "gitlab") and its name on the button ("GitHub"). */
  provider: string;
  providerName: string;
  badge?: AuthorBadge;
  /** The sign-in vouches for an email address: mail about replies can be offered (never the address itself). */
  mailable?: true;
}

/** How readers may comment on a site (GET /auth/providers). */
export interface SignInOptions {
  providers: { id: string; name: string }[];
  /** Whether guests (name and email, no sign-in) may comment. */
  guests: boolean;
  /** Minutes after posting during which the author may edit (and a guest delete) a comment. */
  editWindowMinutes: number;
  /** Whether guests must give an email address. */
  emailRequired: boolean;
  /** The server sends mail: the form offers notifications, and "Log in with email". */
  mail: boolean;
}

/** What the sign-in popup sends its opener with postMessage, and the code exchange answers. */
export interface WireSession {
  type: 'riposte-session';
  token: string;
  user: WireUser;
}

/** PUT /likes: `liker` is a random id the browser keeps, so one browser counts once. */
export type LikeRequest = v.InferInput<typeof likeSchema>;

export interface LikeState {
  count: number;
  liked: boolean;
}

/** PUT /comments/:id/vote: `value` 1 up, -1 down, 0 takes the vote back. */
export type VoteRequest = v.InferInput<typeof voteSchema>;

/** The comment's counts after a vote, and the reader's vote on it. */
export interface VoteState {
  up: number;
  down: number;
  value: -1 | 0 | 1;
}

/** GET /votes: the reader's votes on the page's comments, by comment id. */
export interface ReaderVotes {
  votes: Record<string, -1 | 1>;
}

/** POST /preview: the Markdown rendered and sanitised as posting it would store it. */
export interface PreviewAnswer {
  html: string;
}

export const ERROR_CODES = [
  'invalid_input',
  'payload_too_large',
  'unknown_site',
  'unknown_parent',
  'origin_not_allowed',
  'not_found',
  'rate_limited',
  'unauthorized',
  'forbidden',
  'edit_window_closed',
  'guests_not_allowed',
  'thread_closed',
  'votes_off',
  'comment_refused',
  'csrf_failed',
  'method_not_allowed',
  'busy',
  'storage_full',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface WireError {
  error: { code: ErrorCode; message: string; fields?: Record<string, string> };
}
