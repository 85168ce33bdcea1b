/**
 * Every rule that can refuse a comment, each written once and named for what it checks, in
 * the order the write paths (comment-pipeline.ts) apply them: who may post, where the page
 * is, whether the author is banned, whether the thread takes comments, what the site
 * requires, what the text renders to, and what a reply answers. Each throws the error the
 * README documents; what only holds a comment back is in moderation/spam-checks.ts.
 */
import type { SiteSettings } from '../../shared/site-settings.ts';
import type { Config } from '../config.ts';
import { RiposteError } from '../http/errors.ts';
import { renderMarkdown } from '../render/markdown.ts';
import { allowedOrigins } from '../sites/allowed-origins.ts';
import type { SenderMarks } from '../store/bans.ts';
import type { StoreTransaction } from '../store/index.ts';
import type { CommentRow, SiteRow, ThreadRow, UserRow } from '../store/schema.ts';

/** A site may take comments from signed-in readers only. */
export function checkGuestsAllowed(settings: Pick<SiteSettings, 'guests'>, user: UserRow | null): void {
  if (!user && !settings.guests) throw new RiposteError(403, 'guests_not_allowed', 'Log in to comment on this site.');
}

/** The thread's address shows in feeds and to the owner: it must be on the blog, not anywhere a poster likes. */
export function checkPageUrl(site: SiteRow, config: Config, url: string | undefined): void {
  if (url && !allowedOrigins(site, config).has(new URL(url).origin)) {
    const message = 'The page address must be on a website this site allows.';
    throw new RiposteError(400, 'invalid_input', message, { url: message });
  }
}

/** Whether a comment's sanitised HTML shows anything: a comment with none is refused (and an imported one skipped). */
export function hasText(html: string): boolean {
  return html !== '';
}

/** Markdown rendered to the HTML readers see; refused when nothing is left of it (only spaces, or markup that renders to nothing). */
export function renderBody(markdown: string, verb: 'posting' | 'saving'): string {
  const html = renderMarkdown(markdown);
  if (!hasText(html)) {
    const message = `Write something before ${verb}.`;
    throw new RiposteError(400, 'invalid_input', message, { body: message });
  }
  return html;
}

/** Said to a banned author: nothing that tells them they were banned. */
const REFUSED = 'This comment could not be posted.';

export async function checkNotBanned(tx: Pick<StoreTransaction, 'bans'>, marks: SenderMarks): Promise<void> {
  if (await tx.bans.match(marks)) throw new RiposteError(403, 'comment_refused', REFUSED);
}

/** When a thread stops taking comments under the site's closeAfterDays, or null if it never does. */
export function closesAt(thread: Pick<ThreadRow, 'createdAt'>, settings: Pick<SiteSettings, 'closeAfterDays'>): string | null {
  return settings.closeAfterDays > 0 ? new Date(Date.parse(thread.createdAt) + settings.closeAfterDays * 86_400_000).toISOString() : null;
}

/** A thread the owner locked, or older than the site's closeAfterDays, takes no new comments (nor edits). */
export function checkThreadOpen(thread: ThreadRow | undefined, settings: Pick<SiteSettings, 'closeAfterDays'>, now: Date): void {
  if (thread?.locked) throw new RiposteError(403, 'thread_closed', 'Comments are closed on this page.');
  const closes = thread && closesAt(thread, settings);
  if (closes && now.getTime() >= Date.parse(closes)) {
    throw new RiposteError(403, 'thread_closed', `Comments are closed on pages older than ${settings.closeAfterDays} days.`);
  }
}

/** A site may require guests to give an email (a signed-in reader's comes from the profile, if any). */
export function checkEmailGiven(settings: Pick<SiteSettings, 'emailRequired'>, user: UserRow | null, email: string | null): void {
  if (!user && settings.emailRequired && !email) {
    const message = 'Email is required on this site.';
    throw new RiposteError(400, 'invalid_input', message, { 'author.email': message });
  }
}

/** Only a comment readers can see can be answered: one of this thread, not pending, spam or deleted. */
export async function answerableParent(
  tx: Pick<StoreTransaction, 'comments'>,
  threadId: number,
  parentId: number | null,
): Promise<CommentRow | null> {
  if (parentId === null) return null;
  const parent = await tx.comments.findInThread(threadId, parentId);
  if (parent?.status !== 'approved') {
    throw new RiposteError(400, 'unknown_parent', `There is no comment ${parentId} on this page to reply to.`, {
      parentId: 'The comment you are replying to is not on this page.',
    });
  }
  return parent;
}
