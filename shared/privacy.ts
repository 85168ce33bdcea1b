/**
 * A person's own data on the wire: what a reader (widget) or an owner (admin, command line)
 * sends to see, download or erase it, and the personal export's shape.
 */
import * as v from 'valibot';
import { LIMITS } from './limits.ts';
import { commentProofSchema, likeQuerySchema, siteIdSchema } from './schemas.ts';

/** Whom an owner asks about: an email address, or a sign-in identity `provider:subject`. */
export type PersonRef = { kind: 'email'; address: string } | { kind: 'identity'; provider: string; subject: string };

const IDENTITY = /^([a-z0-9][a-z0-9_-]{0,39}):(\S{1,200})$/;

/** "ann@example.com" or "github:583231" (the Log's and bans' spelling of an identity). */
export const personSchema = v.pipe(
  v.string('Say whose data: an email address or a sign-in identity (provider:subject).'),
  v.trim(),
  v.nonEmpty('Say whose data: an email address or a sign-in identity (provider:subject).'),
  v.maxLength(320, 'An email address or identity is at most 320 characters.'),
  v.rawTransform(({ dataset, addIssue, NEVER }): PersonRef => {
    const text = dataset.value;
    const identity = IDENTITY.exec(text);
    // "email:ann@example.com" is the identity of a sign-in by mail; a bare address has no colon before its @.
    if (identity && !/^[^:]*@/.test(text)) return { kind: 'identity', provider: identity[1]!, subject: identity[2]! };
    if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return { kind: 'email', address: text.toLowerCase() };
    addIssue({
      message: `"${text}" is neither an email address (name@example.com) nor an identity (provider:subject, e.g. github:583231).`,
    });
    return NEVER;
  }),
);

/** A reader's request from the widget: the site (origin check), this browser's guest comments and liker id. */
export const myDataSchema = v.object({
  site: v.optional(siteIdSchema),
  comments: v.optional(
    v.pipe(v.array(commentProofSchema), v.maxLength(LIMITS.privacyCommentsMax, `At most ${LIMITS.privacyCommentsMax} comments.`)),
    [],
  ),
  liker: v.optional(likeQuerySchema.entries.liker),
});
export type MyDataRequest = v.InferOutput<typeof myDataSchema>;

/** Erasing needs a yes said in so many words, so no stray request erases anyone. */
export const eraseMyDataSchema = v.object({
  ...myDataSchema.entries,
  confirm: v.literal(true, 'Confirm the erasure with "confirm": true.'),
});

/** The owner's request in /admin. */
export const adminPersonSchema = v.object({ person: personSchema });
export const adminEraseSchema = v.object({ person: personSchema, confirm: eraseMyDataSchema.entries.confirm });

/** A page as the personal export names it. */
export interface PersonalPage {
  site: string;
  key: string;
  url: string | null;
  title: string | null;
}

/** The personal export (JSON), version 1. */
export interface PersonalData {
  format: 'riposte-personal-data';
  version: 1;
  exportedAt: string;
  /** Who it is about, as asked (an address, an identity, or "this browser"). */
  subject: string;
  /** The personal fields this file holds (e.g. "comments.authorEmail"), so its reader knows what it contains. */
  personalFields: string[];
  identities: {
    identity: string;
    name: string;
    email: string | null;
    emailVerified: boolean;
    website: string | null;
    createdAt: string;
    signedInAt: string;
    sessions: { createdAt: string; expiresAt: string }[];
  }[];
  comments: {
    id: number;
    page: PersonalPage;
    parentId: number | null;
    status: string;
    authorName: string;
    authorEmail: string | null;
    authorWebsite: string | null;
    /** Keyed hash of the address it was sent from (kept 30 days by default). */
    ipHash: string | null;
    markdown: string;
    html: string;
    createdAt: string;
    editedAt: string | null;
    upvotes: number;
    downvotes: number;
  }[];
  votes: { commentId: number; value: number; createdAt: string; page: PersonalPage }[];
  likes: { createdAt: string; page: PersonalPage }[];
  subscriptions: { id: number; kind: string; address: string; commentId: number | null; createdAt: string; page: PersonalPage }[];
  mailAddresses: { address: string; confirmedAt: string | null; bouncedAt: string | null; createdAt: string }[];
}

/** What the widget and /admin get: the export, and the comments as Markdown. */
export interface PersonalDataAnswer {
  data: PersonalData;
  markdown: string;
}

/** What an erasure did, counted. */
export interface ErasureSummary {
  commentsRemoved: number;
  commentsEmptied: number;
  votes: number;
  likes: number;
  subscriptions: number;
  sessions: number;
  identities: number;
  deliveries: number;
}

/** What /admin's look-up answers: who, and how much is stored (the data itself is a download). */
export interface PrivacyLookup {
  person: string;
  identities: { identity: string; name: string }[];
  counts: { comments: number; votes: number; likes: number; subscriptions: number; sessions: number };
  personalFields: string[];
}
