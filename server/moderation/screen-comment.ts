/**
 * The spam defence and the site's rules, applied to every new comment (and every edit) before it is stored:
 * refusals (banned author, closed or locked thread, missing email) throw; everything else
 * decides the status (approved, pending, or spam for a filled honeypot) and records why.
 * No third-party service is asked.
 */
import type { HeldReason } from '../../shared/moderation.ts';
import type { SiteSettings } from '../../shared/site-settings.ts';
import type { CommentStatus } from '../../shared/wire.ts';
import { identityOf } from '../auth/identity.ts';
import { RiposteError } from '../http/errors.ts';
import type { Store, StoreTransaction } from '../store/index.ts';
import type { ThreadRow, UserRow } from '../store/schema.ts';

export interface Submission {
  /** When it was sent. */
  now: Date;
  siteId: string;
  pageKey: string;
  settings: SiteSettings;
  user: UserRow | null;
  /** A guest's details (a signed-in author's come from the profile). */
  author: { name: string; email: string | null; website: string | null };
  ipHash: string | null;
  bodyMarkdown: string;
  bodyHtml: string;
  /** The honeypot field's content: people never see it, so it is empty unless a robot filled it. */
  trap: string | undefined;
  /** How long the form was on screen before it was sent, as the widget measured it. */
  formMs: number | undefined;
  /** An edit of a stored comment: it would be its own duplicate, and its author is known already. */
  editing?: boolean;
}

export interface Verdict {
  status: Extract<CommentStatus, 'approved' | 'pending' | 'spam'>;
  reasons: HeldReason[];
}

/** When a thread stops taking comments under the site's closeAfterDays, or null if it never does. */
export function closesAt(thread: Pick<ThreadRow, 'createdAt'>, settings: Pick<SiteSettings, 'closeAfterDays'>): string | null {
  return settings.closeAfterDays > 0 ? new Date(Date.parse(thread.createdAt) + settings.closeAfterDays * 86_400_000).toISOString() : null;
}

/** Said to a banned author: nothing that tells them they were banned. */
const REFUSED = 'This comment could not be posted.';

export async function screenComment(store: Store | StoreTransaction, s: Submission): Promise<Verdict> {
  const identity = s.user ? identityOf(s.user) : null;
  if (await store.bans.match({ email: s.author.email, identity, ipHash: s.ipHash })) {
    throw new RiposteError(403, 'comment_refused', REFUSED);
  }
  const thread = await store.threads.find(s.siteId, s.pageKey);
  const { settings } = s;
  if (thread?.locked) throw new RiposteError(403, 'thread_closed', 'Comments are closed on this page.');
  const closes = thread && closesAt(thread, settings);
  if (closes && s.now.getTime() >= Date.parse(closes)) {
    throw new RiposteError(403, 'thread_closed', `Comments are closed on pages older than ${settings.closeAfterDays} days.`);
  }
  if (!s.editing && !s.user && settings.emailRequired && !s.author.email) {
    const message = 'Email is required on this site.';
    throw new RiposteError(400, 'invalid_input', message, { 'author.email': message });
  }

  const reasons: HeldReason[] = [];
  if (s.trap) reasons.push('honeypot');
  if (settings.minSeconds > 0 && s.formMs !== undefined && s.formMs < settings.minSeconds * 1000) reasons.push('too_fast');
  if ((s.bodyHtml.match(/<a\s/g)?.length ?? 0) > settings.maxLinks) reasons.push('too_many_links');
  const author = { userId: s.user?.id ?? null, name: s.author.name, email: s.author.email, ipHash: s.ipHash };
  if (!s.editing && (await store.comments.isDuplicate(s.siteId, s.pageKey, s.bodyMarkdown, author))) reasons.push('duplicate');
  const haystack = [s.bodyMarkdown, s.author.name, s.author.email ?? '', s.author.website ?? ''].join('\n').toLowerCase();
  if (settings.blockedWords.some((word) => haystack.includes(word.toLowerCase()))) reasons.push('blocked_word');
  if (settings.moderation === 'all') reasons.push('moderation_all');
  else if (
    !s.editing &&
    settings.moderation === 'first' &&
    !(await store.comments.hasApproved(s.siteId, { userId: s.user?.id ?? null, email: s.author.email }))
  ) {
    reasons.push('first_time');
  }
  return { status: reasons.includes('honeypot') ? 'spam' : reasons.length ? 'pending' : 'approved', reasons };
}
