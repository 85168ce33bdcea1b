/**
 * What the admin view's catalogue holds: the shape widget/locales/LANG/admin.ts fills in (tsc
 * refuses one with a string missing or extra), and how the view picks and loads its language.
 */
/// <reference types="vite/client" />
import type { AuditAction, BanKind, HeldReason, ModerationAction, ModerationMode, VoteMode } from '../../shared/moderation.ts';
import type { DeliveryKind, DeliveryStatus, MentionStatus, MentionType } from '../../shared/notifications.ts';
import type { SiteSettings } from '../../shared/site-settings.ts';
import type { CommentKind, CommentStatus } from '../../shared/wire.ts';
import type { ApiErrorCode } from '../api.ts';
import type { MentionAction } from './admin-api.ts';
import { pickLanguage } from '../i18n/languages.ts';
import type { Plural } from '../i18n/strings.ts';

export interface AdminStrings {
  /** The Privacy screen: a person's data looked up, downloaded, erased. */
  privacy: {
    intro: string;
    person: string;
    lookUp: string;
    comments: Plural;
    votes: Plural;
    likes: Plural;
    subscriptions: Plural;
    sessions: Plural;
    identity: string;
    fields: string;
    none: string;
    downloadJson: string;
    downloadMarkdown: string;
    erase: string;
    confirm: (person: string) => string;
    eraseNow: string;
    /** After an erasure: "Erased: 3 comments." (the count already phrased). */
    erased: (comments: string) => string;
  };
  /** The page's title and heading. */
  title: string;
  loading: string;
  /** The login form. */
  email: string;
  password: string;
  logIn: string;
  logInWith: (provider: string) => string;
  /** The login form's answer to a wrong email or password. */
  wrongLogin: string;
  logOut: string;
  /** The navigation's name for screen readers, and its links. */
  navigation: string;
  views: {
    queue: string;
    all: string;
    mentions: string;
    rules: string;
    bans: string;
    deliveries: string;
    log: string;
    transfer: string;
    privacy: string;
  };
  /** After "Queue", for screen readers: "(3 pending)". */
  pendingCount: Plural;
  /** Above the list, when comments were held since it was read (another tab, a reader): "2 new held comments: show". */
  newHeld: Plural;
  /** What an action did, said and shown above the list: "Comment approved.", "3 comments approved.". */
  done: Record<ModerationAction, Plural>;
  saved: string;
  replied: string;
  locked: string;
  unlocked: string;
  /** After pinning and unpinning a comment. */
  pinnedDone: string;
  unpinnedDone: string;
  banned: (value: string) => string;
  unbanned: string;
  rulesSaved: string;
  /** Why a request failed, by the server's error code (`network`: no answer at all). */
  errors: Record<ApiErrorCode, string>;

  /** The list of comments: search form, bulk actions, paging. */
  search: string;
  searchLabel: string;
  status: string;
  anyStatus: string;
  /** The order of the comment list, its choices (score: upvotes minus downvotes, pinned first), and the filter for pinned ones. */
  order: string;
  orders: { newest: string; oldest: string; score: string };
  pinnedOnly: string;
  statuses: Record<CommentStatus, string>;
  site: string;
  allSites: string;
  bulkActions: string;
  selectAll: (count: string) => string;
  selected: Plural;
  bulk: { approve: string; spam: string; delete: string };
  queueList: string;
  allList: string;
  /** "1–50 of 320". */
  range: (from: string, to: string, total: string) => string;
  /** "1–50 of more than 10,000": the list's count stopped there. */
  rangeOfMore: (from: string, to: string, total: string) => string;
  newer: string;
  older: string;
  queueEmpty: string;
  noMatch: string;

  /** One comment's card. */
  selectComment: (author: string) => string;
  unnamedAuthor: string;
  noName: string;
  ownerBadge: string;
  moderatorBadge: string;
  sender: (hash: string) => string;
  noContact: string;
  /** Between a comment's date and its page: "March 24, 2017 at 3:34 PM on <page>". */
  onPage: string;
  lockedSuffix: string;
  held: string;
  heldReasons: Record<HeldReason, string>;
  inReplyTo: (author: string) => string;
  deletedAuthor: string;
  actions: Record<ModerationAction, string>;
  edit: string;
  reply: string;
  ban: string;
  lockThread: string;
  unlockThread: string;
  /** A comment's Pin and Unpin buttons, its mark once pinned, and its readers' votes. */
  pin: string;
  unpin: string;
  pinnedBadge: string;
  votes: (up: string, down: string) => string;
  editLabel: string;
  replyLabel: string;
  save: string;
  postReply: string;
  cancel: string;
  banBy: string;
  banChoices: { email: (email: string) => string; identity: (identity: string) => string; ip: (hash: string) => string };
  nothingToBan: string;
  hideTheirs: string;
  banButton: string;

  /** The bans. */
  banKinds: Record<BanKind, string>;
  bannedColumn: string;
  byColumn: string;
  actionsColumn: string;
  existingHidden: string;
  lift: string;
  liftBan: (value: string) => string;
  nobodyBanned: string;
  banByHand: string;
  value: string;
  hideExisting: string;

  /** The audit log. */
  nothingYet: string;
  when: string;
  who: string;
  what: string;
  auditActions: Record<AuditAction, string>;
  commentNumber: (id: string) => string;

  /** What the outbox sent or failed to send (mails, webhooks, Webmention verifications). */
  deliveries: {
    /** After "Deliveries", for screen readers: "(2 failed)". */
    failedCount: Plural;
    statuses: Record<DeliveryStatus, string>;
    kinds: Record<DeliveryKind, string>;
    /** The columns: what it is, where it went. */
    what: string;
    to: string;
    attempts: Plural;
    nextAttempt: (when: string) => string;
    /** Before the reason the last attempt failed, and before what the other side answered. */
    error: string;
    answer: string;
    retry: string;
    retryLabel: (kind: string, recipient: string) => string;
    retried: string;
    none: string;
  };

  /** Webmentions received, moderated like comments. */
  mentions: {
    /** After "Mentions", for screen readers: "(1 waiting)". */
    pendingCount: Plural;
    statuses: Record<MentionStatus, string>;
    /** Between the author and the page: "Ada replied to <page>". */
    types: Record<MentionType, string>;
    by: (author: string) => string;
    actions: Record<MentionAction, string>;
    done: Record<MentionAction, Plural>;
    none: string;
  };

  /** A site's rules. */
  moderation: string;
  modes: Record<ModerationMode, string>;
  whoMayComment: string;
  guests: string;
  emailRequired: string;
  showPingbacks: string;
  /** Whether readers vote on comments, and the choices. */
  votesLegend: string;
  voteModes: Record<VoteMode, string>;
  limits: string;
  numbers: Record<
    'maxLinks' | 'minSeconds' | 'closeAfterDays' | 'editWindowMinutes' | 'keepIpHashDays' | 'keepEmailDays',
    [label: string, unit: string]
  >;
  blockedWords: string;
  origins: string;
  /** Before the origins the server's settings allow (RIPOSTE_ORIGINS, its own address), shown beside the site's own list. */
  configuredOrigins: string;
  /** Owner alerts by mail (only where the server sends mail) and webhooks: the fieldset, its lists, the webhooks' signing secret. */
  alertsAndWebhooks: string;
  alertsAll: string;
  alertsHeld: string;
  webhooks: string;
  webhookSecret: string;
  saveRules: string;

  /** Import and export. */
  importTitle: string;
  importHelp: string;
  format: string;
  formats: { wordpress: string; disqus: string };
  intoSite: string;
  exportFile: string;
  importButton: string;
  /** Before the `riposte import riposte` command line. */
  restoreNote: string;
  exportTitle: string;
  /** Around the `riposte export` command line. */
  exportHelp: [before: string, after: string];
  download: string;
  uploading: (file: string, percent: string) => string;
  /** "1.2 MB of 3.4 MB". */
  megabytesOf: (sent: string, total: string) => string;
  importing: (file: string) => string;
  imported: (file: string, site: string, created: boolean) => string;
  threads: (created: string, matched: string) => string;
  comments: (imported: string) => string;
  /** In brackets after it: "29 approved, 4 pending, 2 trackbacks". */
  statusCounts: Record<CommentStatus, Plural>;
  kinds: Record<Exclude<CommentKind, 'comment'>, Plural>;
  skipped: string;
  none: string;
  warnings: Plural;
  more: (count: string) => string;
  reviewHeld: Plural;
}

/** Settings the rules page edits as numbers. */
export type NumberSetting = keyof AdminStrings['numbers'] & keyof SiteSettings;

const catalogues = import.meta.glob<AdminStrings>('../locales/*/admin.ts', { import: 'default' });

/**
 * The admin view speaks its owner's language, as the browser says it (navigator.languages,
 * most wanted first), else English; only that language's file is fetched.
 */
export function loadAdminStrings(wanted: readonly string[] = navigator.languages): Promise<{ lang: string; t: AdminStrings }> {
  const lang = pickLanguage(
    wanted,
    Object.keys(catalogues).map((path) => path.split('/')[2] ?? ''),
  );
  return catalogues[`../locales/${lang}/admin.ts`]!().then((t) => ({ lang, t }));
}
