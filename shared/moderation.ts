/** Moderation's vocabulary and the admin API's wire types, shared by the server and the admin view. */
import type { AuthorBadge, CommentKind, CommentStatus } from './wire.ts';

/** Votes on comments, a site setting: none, upvotes only (the default), or upvotes and downvotes. */
export const VOTE_MODES = ['off', 'up', 'updown'] as const;
export type VoteMode = (typeof VOTE_MODES)[number];

/** Why a comment was held (pending) or put in spam; each shown to the owner with HELD_REASON_TEXT. */
export const HELD_REASONS = [
  'moderation_all',
  'first_time',
  'honeypot',
  'too_fast',
  'too_many_links',
  'duplicate',
  'blocked_word',
] as const;
export type HeldReason = (typeof HELD_REASONS)[number];

export const HELD_REASON_TEXT: Record<HeldReason, string> = {
  moderation_all: 'The site holds every comment for approval.',
  first_time: 'First comment from this author.',
  honeypot: 'A hidden field only robots fill in was filled in.',
  too_fast: 'Sent faster than a person types.',
  too_many_links: 'More links than the site allows.',
  duplicate: 'The same author posted the same text on this page before.',
  blocked_word: 'Contains a blocked word.',
};

/** Moderation modes: hold every comment, only a first comment per author, or none. */
export const MODERATION_MODES = ['all', 'first', 'none'] as const;
export type ModerationMode = (typeof MODERATION_MODES)[number];

/** What a ban matches: an email, a signed-in identity (`provider:subject`) or an IP hash. */
export const BAN_KINDS = ['email', 'identity', 'ip'] as const;
export type BanKind = (typeof BAN_KINDS)[number];

export const AUDIT_ACTIONS = [
  'login',
  'approve',
  'spam',
  'delete',
  'pending',
  'edit',
  'reply',
  'ban',
  'unban',
  'settings',
  'lock',
  'unlock',
  'pin',
  'unpin',
  'import',
  'export',
  'privacy-export',
  'privacy-erase',
  'retention',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The status changes an admin can make, one comment or many at once. */
export const MODERATION_ACTIONS = ['approve', 'spam', 'delete', 'pending'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** The logged-in admin, and the token every state-changing request sends as `Riposte-CSRF`. */
export interface AdminSession {
  admin: { email: string; name: string };
  csrf: string;
}

/** A comment as the owner sees it: everything readers see, plus where, who exactly, and why it was held. */
export interface AdminComment {
  id: number;
  status: CommentStatus;
  kind: CommentKind;
  site: string;
  thread: { id: number; key: string; url: string | null; title: string | null; locked: boolean };
  author: {
    name: string;
    email: string | null;
    website: string | null;
    badge: AuthorBadge | null;
    /** `provider:subject` of a signed-in author. */
    identity: string | null;
    /** Keyed hash of the sender's IP (never the address): equal hashes, same sender. */
    ipHash: string | null;
  };
  html: string;
  markdown: string;
  createdAt: string;
  editedAt: string | null;
  heldReasons: HeldReason[];
  /** The comment answered, for context. */
  parent: { id: number; authorName: string; html: string } | null;
  /** Readers' votes, counted whatever the site shows. */
  upvotes: number;
  downvotes: number;
  pinned: boolean;
}

/** Orders of the admin view's comment lists: newest first (the default), oldest first, or by score (upvotes minus downvotes). */
export const ADMIN_SORTS = ['newest', 'oldest', 'score'] as const;
export type AdminSort = (typeof ADMIN_SORTS)[number];

export interface AdminCommentPage {
  comments: AdminComment[];
  /**
   * How many match the filters (for "showing 1-50 of N"), counted at most 10,000 past the
   * page's start: when more match, `total` is that bound and `totalExact` is false ("of more than N").
   */
  total: number;
  totalExact: boolean;
  /** Pending comments across all sites: the count in the navigation. */
  pending: number;
}

export interface WireBan {
  id: number;
  kind: BanKind;
  value: string;
  hidExisting: boolean;
  createdBy: string;
  createdAt: string;
}

export interface WireAuditEntry {
  id: number;
  actor: string;
  action: AuditAction;
  commentId: number | null;
  detail: string | null;
  createdAt: string;
}
