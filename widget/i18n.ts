/**
 * Every English string the widget shows before a reader clicks anything, in one object, so a
 * translation is one file (plus i18n-account.ts: the sign-in panel's and editor's strings,
 * loaded with them so readers do not download them up front).
 */
import type { ApiErrorCode } from './api.ts';

/** Forms of a counted phrase; `{n}` is replaced by the formatted number (see format.ts). */
export interface CountForms {
  zero: string;
  one: string;
  other: string;
}

/** Messages for API error codes; `invalid_input` shows the server's own message instead. */
const errors: Partial<Record<ApiErrorCode, string>> = {
  network: 'Could not reach the comment server. Check your connection and try again.',
  payload_too_large: 'This comment is too long to send.',
  unknown_site: 'Comments are not set up for this site.',
  unknown_parent: 'The comment you replied to no longer exists.',
  origin_not_allowed: 'Comments are not enabled for this website. (Site owner: allow its address with RIPOSTE_ORIGINS.)',
  not_found: 'The comment server could not find what was asked for.',
  rate_limited: 'You are posting too quickly. Wait a minute and try again.',
  busy: 'The comment server is busy for a moment. Try again shortly; your text is kept.',
  votes_off: 'Votes are turned off on this site.',
  internal: 'Something went wrong on the comment server. Try again in a moment.',
};

export const t = {
  /** Locale for dates and numbers; matches the language of the strings below. */
  locale: 'en',
  responses: { zero: 'No responses yet', one: '1 Response', other: '{n} Responses' } satisfies CountForms,
  likes: { zero: 'Be the first to like this.', one: '1 reader likes this.', other: '{n} readers like this.' } satisfies CountForms,
  like: 'Like',
  subscribe: 'Subscribe to comments with RSS',
  loading: 'Loading comments…',
  loadFailed: 'Comments could not be loaded.',
  retry: 'Retry',
  deleted: 'This comment was deleted.',
  pending: 'Your comment is awaiting moderation.',
  /** In place of "Leave a Reply" on a locked or closed thread. */
  closed: 'Comments are closed.',
  /** The honeypot field's label: hidden from people, read only by robots. */
  trap: 'Leave this field empty',
  ownerBadge: 'Author',
  /** Imported from WordPress: another site linked here. */
  kinds: { pingback: 'Pingback', trackback: 'Trackback' },
  moderatorBadge: 'Moderator',
  reply: 'Reply',
  inReplyTo: 'in reply to',
  commentBy: (name: string) => `Comment by ${name}`,
  someone: 'someone',
  leaveReply: 'Leave a Reply',
  replyTo: (name: string) => `Reply to ${name}`,
  body: 'Comment',
  bodyHint: 'Markdown works: blank line for paragraphs, *emphasis*, [links](https://…), > quotes, `code`, - lists.',
  name: 'Name',
  email: 'Email',
  emailHint: 'Never shown publicly.',
  emailMissing: 'Email is required on this site.',
  website: 'Website',
  optional: 'optional',
  postingAs: 'Posting as',
  change: 'Change',
  edited: (when: string) => `(edited ${when})`,
  edit: 'Edit',
  delete: 'Delete',
  remember: 'Remember my name, email and website in this browser.',
  post: 'Post Comment',
  postReply: 'Post Reply',
  posting: 'Posting…',
  cancel: 'Cancel',
  posted: 'Your comment was posted.',
  postedPending: 'Your comment was sent and is awaiting moderation.',
  likeFailed: 'Your like could not be saved. Try again.',
  voteFailed: 'Your vote could not be saved. Try again.',
  upvote: 'Upvote',
  downvote: 'Downvote',
  /** On a comment the owner pinned to the top. */
  pinned: 'Pinned',
  sortBy: 'Sort by',
  sorts: { oldest: 'Oldest first', newest: 'Newest first', best: 'Best' },
  showMore: 'Show more comments',
  loadingMore: 'Loading comments…',
  moreReplies: { zero: '', one: 'Show 1 more reply', other: 'Show {n} more replies' } satisfies CountForms,
  /** Client-side checks; the server's answer stays the authority. */
  bodyMissing: 'Write something before posting.',
  nameMissing: 'Name is required.',
  emailInvalid: 'Email does not look like an address (name@example.com).',
  fixFields: 'Please correct the marked fields.',
  errors,
} as const;
