/**
 * What a widget catalogue holds: the shape every language's files in widget/locales/LANG/ fill
 * in (tsc refuses one with a string missing or extra). The comments say where each one shows.
 */
import type { MentionType, SubscriptionKind } from '../../shared/notifications.ts';
import type { ApiErrorCode } from '../api.ts';

/**
 * A counted phrase. `{n}` is replaced by the number, formatted for the language. `=0` is for
 * exactly none ("No responses yet"); the other keys are the language's plural categories
 * (Intl.PluralRules: English has `one` and `other`, French also `many` for millions), and a
 * category left out falls back to `other`.
 */
export type Plural = Partial<Record<'=0' | Intl.LDMLPluralRule, string>> & { other: string };

/** What `<riposte-thread>` shows while a reader reads: loaded before the first comment shows. */
export interface ThreadStrings {
  /** The thread's heading: "9 Responses". */
  responses: Plural;
  /** Beside the like button: "3 readers like this." */
  likes: Plural;
  /** The like button. */
  like: string;
  /** The link to the thread's Atom feed. */
  subscribe: string;
  /** Said while the comments load. */
  loading: string;
  /** Heading of the box shown when the comments could not be loaded (the reason follows it). */
  loadFailed: string;
  /** Its button. */
  retry: string;
  /** In place of a deleted comment that has replies. */
  deleted: string;
  /** Under the reader's own comment while it waits for the owner's approval. */
  pending: string;
  /** In place of "Leave a Reply" on a locked or closed thread. */
  closed: string;
  /** Badges beside an author's name: the blog's owner, a moderator. */
  ownerBadge: string;
  moderatorBadge: string;
  /** Beside a WordPress pingback or trackback (another site linked to the post). */
  kinds: { pingback: string; trackback: string };
  /** A comment's Reply button. */
  reply: string;
  /** The Reply button's name for screen readers, and the heading of the reply form. */
  replyTo: (name: string) => string;
  /** Before the name of the comment a deeply nested reply answers: "in reply to Sarah". */
  inReplyTo: string;
  /** A comment's name for screen readers. */
  commentBy: (name: string) => string;
  /** Stands for a name that is not known (a deleted comment's author). */
  someone: string;
  /** A line of `<riposte-recent>`, the recent comments of a site: "Ann on Hello world". */
  commentOn: (name: string, page: string) => string;
  /** Heading of the form at the end of the thread. */
  leaveReply: string;
  /**
   * After the date of an edited comment. `when` is written as the comment's own date: relative
   * ("5 minutes ago", `relative` true) or a date and time ("March 24, 2017 at 12:35 PM").
   */
  edited: (when: string, relative: boolean) => string;
  /** Beside the author of a comment the owner pinned to the top. */
  pinned: string;
  /** A comment's vote buttons, for screen readers (the count follows each). */
  upvote: string;
  downvote: string;
  /** The label of the thread's order, and its choices. */
  sortBy: string;
  sorts: { oldest: string; newest: string; best: string };
  /** The button after the comments loaded so far, and the same button while the next ones load. */
  showMore: string;
  loadingMore: string;
  /** Where a long run of replies folds: "Show 12 more replies" (the count includes their replies). */
  moreReplies: Plural;
}

/** What live updates show (widget/live/): loaded once the thread scrolls into view. */
export interface LiveStrings {
  /** Above the comments, a button that shows the comments posted since the page opened: "2 new comments". */
  newComments: Plural;
}

/**
 * What the comment form, the sign-in panel and the reader's own comments need: loaded with
 * the form, after the comments show.
 */
export interface FormStrings {
  /** "My data": what the server stores about the reader, downloaded or deleted (widget/privacy/). */
  myData: {
    open: string;
    title: string;
    loading: string;
    failed: string;
    intro: string;
    comments: Plural;
    sites: Plural;
    votes: Plural;
    likes: Plural;
    subscriptions: Plural;
    sessions: Plural;
    /** The sign-in stored: the profile's name and email (empty when none). */
    signIn: (name: string, email: string) => string;
    fields: string;
    downloadJson: string;
    downloadMarkdown: string;
    delete: string;
    confirm: string;
    deleteNow: string;
    erased: string;
    close: string;
  };
  /** The heading of the other pages that answered this one (Webmentions), after the comments: "2 Mentions". */
  mentions: Plural;
  /** After a mention's author: what their page did ("Ann replied"). */
  mentionTypes: Record<MentionType, string>;
  /** Label of the comment field, and its hint. */
  body: string;
  bodyHint: string;
  /** Labels of the guest's details; `optional` follows the optional ones in brackets. */
  name: string;
  email: string;
  /** Under the email field. */
  emailHint: string;
  website: string;
  optional: string;
  /** "Posting as NAME. Change": the details remembered in this browser, folded. */
  postingAs: string;
  change: string;
  /** The checkbox under the details. */
  remember: string;
  /** The notification checkboxes, off by default, shown only where the comment server sends mail. */
  notifyReplies: string;
  notifyThread: string;
  /** A guest ticked one of them without giving an email address. */
  notifyEmailMissing: string;
  /** Shown once the comment is posted with one ticked: to a guest (the address is confirmed by mail first), to a signed-in reader. */
  notifyCheckMail: string;
  notifyActive: string;
  /** The send button: at the end of the thread, under a comment, while sending. */
  post: string;
  postReply: string;
  posting: string;
  cancel: string;
  /** The Edit and Delete buttons on the reader's own comments. */
  edit: string;
  delete: string;
  /** Heading of the form that edits one's own comment, its button, and the button while saving. */
  editing: string;
  save: string;
  saving: string;
  /** Label of the field only robots fill in (hidden from people and screen readers). */
  trap: string;
  /** Said to screen readers once a comment is stored. */
  posted: string;
  postedPending: string;
  /** Beside the like button when the like could not be saved. */
  likeFailed: string;
  /** Said when a vote could not be saved, and when the reader votes faster than the server takes votes. */
  voteFailed: string;
  votingTooQuickly: string;
  /** The form's Preview button, the same button while the preview shows, and what the preview says while it has nothing to show. */
  preview: string;
  keepWriting: string;
  previewing: string;
  previewEmpty: string;
  /** The preview's name for screen readers. */
  previewLabel: string;
  /** Checks made before sending. */
  bodyMissing: string;
  nameMissing: string;
  emailMissing: string;
  emailInvalid: string;
  /** Above the send button when a field is marked wrong. */
  fixFields: string;
  /** What a field the server refused needs, whatever the reason it gave; `max` is its length limit, formatted. */
  fields: Record<'body' | 'author.name' | 'author.email' | 'author.website', (max: string) => string>;
  /** Why a request failed, by the server's error code (`network`: no answer at all). */
  errors: Record<ApiErrorCode, string>;
  /** The sign-in panel: above the provider buttons (guests welcome, or sign-in only). */
  signInIntro: string;
  signInOnly: string;
  logInWith: (provider: string) => string;
  /** "Log in with email" (where the server sends mail): the button, the form's button, what was sent, the code's label and button. */
  logInWithEmail: string;
  emailSignInSend: string;
  emailSignInSent: (address: string) => string;
  emailSignInCode: string;
  emailSignInSubmit: string;
  /** A signed-in reader's "My subscriptions" (after Log Out / Change, where the server sends mail): each line, its Stop button, and an empty list. */
  mySubscriptions: string;
  subscriptionKinds: Record<SubscriptionKind, (page: string) => string>;
  stop: string;
  stopSubscription: (what: string) => string;
  noSubscriptions: string;
  /** "Commenting as NAME (Provider). Log Out / Change". */
  commentingAs: string;
  logOut: string;
  /** Why a sign-in did not happen, and the button that tries the full-page flow instead. */
  popupBlocked: string;
  popupClosed: string;
  logInHere: string;
  /** Asked before deleting one's own comment. */
  confirmDelete: string;
}
