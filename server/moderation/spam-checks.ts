/**
 * The spam defence and the site's moderation mode: what holds a comment back (pending, or
 * spam for a filled honeypot) rather than refusing it, with the reasons recorded for the
 * owner. Applied to every new comment and every edit; no third-party service is asked.
 */
import type { HeldReason } from '../../shared/moderation.ts';
import type { SiteSettings } from '../../shared/site-settings.ts';
import type { CommentStatus } from '../../shared/wire.ts';
import type { StoreTransaction } from '../store/index.ts';
import type { UserRow } from '../store/schema.ts';
import { isKnownAuthor, type CommentProof } from './known-author.ts';

export interface Submission {
  siteId: string;
  pageKey: string;
  settings: SiteSettings;
  user: UserRow | null;
  /** The author's details: a guest's as given, a signed-in reader's from the profile. */
  author: { name: string; email: string | null; website: string | null };
  ipHash: string | null;
  bodyMarkdown: string;
  bodyHtml: string;
  /** The honeypot field's content: people never see it, so it is empty unless a robot filled it. */
  trap: string | undefined;
  /** How long the form was on screen before it was sent, as the widget measured it. */
  formMs: number | undefined;
  /** A guest's proof of earlier comments from the same browser (see known-author.ts). */
  earlierComments: readonly CommentProof[];
  /** An edit of a stored comment: it would be its own duplicate, and its author is known already. */
  editing?: boolean;
}

export interface Verdict {
  status: Extract<CommentStatus, 'approved' | 'pending' | 'spam'>;
  reasons: HeldReason[];
}

export async function spamVerdict(tx: Pick<StoreTransaction, 'comments'>, s: Submission): Promise<Verdict> {
  const { settings } = s;
  const reasons: HeldReason[] = [];
  if (s.trap) reasons.push('honeypot');
  if (settings.minSeconds > 0 && s.formMs !== undefined && s.formMs < settings.minSeconds * 1000) reasons.push('too_fast');
  if ((s.bodyHtml.match(/<a\s/g)?.length ?? 0) > settings.maxLinks) reasons.push('too_many_links');
  const author = { userId: s.user?.id ?? null, name: s.author.name, email: s.author.email, ipHash: s.ipHash };
  if (!s.editing && (await tx.comments.isDuplicate(s.siteId, s.pageKey, s.bodyMarkdown, author))) reasons.push('duplicate');
  const haystack = [s.bodyMarkdown, s.author.name, s.author.email ?? '', s.author.website ?? ''].join('\n').toLowerCase();
  if (settings.blockedWords.some((word) => haystack.includes(word.toLowerCase()))) reasons.push('blocked_word');
  if (settings.moderation === 'all') reasons.push('moderation_all');
  else if (
    !s.editing &&
    settings.moderation === 'first' &&
    !(await isKnownAuthor(tx, s.siteId, { user: s.user, earlierComments: s.earlierComments }))
  ) {
    reasons.push('first_time');
  }
  return { status: reasons.includes('honeypot') ? 'spam' : reasons.length ? 'pending' : 'approved', reasons };
}
