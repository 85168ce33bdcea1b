/**
 * Every way a comment is written or changed, each as the rules it meets, in order, before it
 * is stored: a reader's post and edit (the public API), the owner's edit and reply (the admin
 * API). The refusing rules are in comment-rules.ts, what holds a comment back in
 * moderation/spam-checks.ts; the thread's cached answer goes stale by itself (thread version).
 * Imports bring a blog's history as it was: they share the text cleaning and the "no empty
 * comment" rule (import/import-writer.ts), not the site's rules for new comments.
 */
import type * as v from 'valibot';
import type { NewComment, signedInCommentSchema } from '../../shared/schemas.ts';
import { siteSettings } from '../../shared/site-settings.ts';
import type { PostedComment, WireComment } from '../../shared/wire.ts';
import { badgeFor, identityOf } from '../auth/identity.ts';
import type { AppDeps, AppState } from '../http/app-env.ts';
import { RiposteError } from '../http/errors.ts';
import { spamVerdict } from '../moderation/spam-checks.ts';
import { notifyAddress, subscribeOnPost } from '../notifications/subscribe-on-post.ts';
import { recordCommentChange, recordCommentEvent } from '../outbox/comment-events.ts';
import type { AdminRow, SiteRow, UserRow } from '../store/schema.ts';
import { hashToken, keyedHash, randomToken } from '../tokens.ts';
import { authorise, type Claimant, type Target } from './comment-ownership.ts';
import {
  answerableParent,
  checkEmailGiven,
  checkGuestsAllowed,
  checkNotBanned,
  checkPageUrl,
  checkThreadOpen,
  renderBody,
} from './comment-rules.ts';
import { toWireComment } from './to-wire.ts';

type PipelineDeps = Pick<AppDeps, 'store' | 'config' | 'hashKey' | 'now' | 'outbox' | 'live'> &
  Pick<AppState, 'commentRateLimit' | 'mailLimits'>;

/** A guest's comment carries `author`; a signed-in reader's name and website come from their profile. */
export type CommentInput = NewComment | v.InferOutput<typeof signedInCommentSchema>;

export interface PostRequest {
  site: SiteRow;
  input: CommentInput;
  /** The signed-in author, or null for a guest (whose details are in `input.author`). */
  user: UserRow | null;
  ip: string | undefined;
  /** Sent by a browser on a page of the blog (an Origin the site allows): its url and title are the page's own. */
  fromPage: boolean;
}

/** A reader's new comment or reply. The site's settings and the page's thread are read once. */
export async function postComment(deps: PipelineDeps, { site, input, user, ip, fromPage }: PostRequest): Promise<PostedComment> {
  const settings = siteSettings(site.settings);
  const now = deps.now();
  const guest = 'author' in input ? input.author : undefined;
  checkGuestsAllowed(settings, user);
  checkPageUrl(site, deps.config, input.url);
  // Per account too, not only per address (a signed-in author may change addresses). A guest's
  // name or email is whatever the sender types: counting by it would let anyone use up
  // someone else's share, so a guest is counted by address alone.
  if (user) await deps.commentRateLimit(`user:${user.id}`);
  const bodyHtml = renderBody(input.body, 'posting');
  const author = user
    ? { name: user.name, email: user.email, website: user.website }
    : { name: guest?.name ?? '', email: guest?.email ?? null, website: guest?.website ?? null };
  const ipHash = ip ? keyedHash(deps.hashKey, 'ip', ip) : null;
  // A guest proves authorship later with this secret; only its hash is kept.
  const secret = user ? null : randomToken();
  const notify = deps.config.mail && (input.notify?.replies || input.notify?.thread) ? input.notify : undefined;
  const address = notify ? notifyAddress(user, author.email) : null;
  if (notify && !address) throw notifyWithoutAddress(user);

  const { row, notified, wake } = await deps.store.transaction(async (tx) => {
    const found = await tx.threads.find(site.id, input.page);
    await checkNotBanned(tx, { email: author.email, identity: user ? identityOf(user) : null, ipHash });
    checkThreadOpen(found, settings, now);
    checkEmailGiven(settings, user, author.email);
    const verdict = await spamVerdict(tx, {
      siteId: site.id,
      pageKey: input.page,
      settings,
      user,
      author,
      ipHash,
      bodyMarkdown: input.body,
      bodyHtml,
      trap: input.trap,
      formMs: input.formMs,
      earlierComments: user ? [] : (input.earlierComments ?? []),
    });
    const thread = found
      ? await tx.threads.takePageDetails(found, { url: input.url, title: input.title, lang: input.lang }, fromPage)
      : await tx.threads.create(site.id, input.page, now.toISOString(), input.url, input.title, input.lang);
    const parent = await answerableParent(tx, thread.id, input.parentId ?? null);
    const inserted = await tx.comments.insert({
      threadId: thread.id,
      parentId: parent?.id ?? null,
      status: verdict.status,
      heldReasons: verdict.reasons.length ? verdict.reasons : null,
      authorName: author.name,
      authorEmail: author.email,
      authorWebsite: author.website,
      ...(user ? { authorBadge: badgeFor(deps.config.auth, user), userId: user.id } : {}),
      guestSecretHash: secret === null ? null : hashToken(secret),
      ipHash,
      bodyMarkdown: input.body,
      bodyHtml,
      createdAt: now.toISOString(),
    });
    const told = await recordCommentEvent(tx, deps, { type: 'comment.created', site, thread, comment: inserted });
    // A robot's comment (in spam) subscribes nobody: it would only send confirmation mails.
    const subscribed =
      notify && address && inserted.status !== 'spam'
        ? await subscribeOnPost(tx, deps, {
            siteId: site.id,
            comment: inserted,
            user,
            address,
            notify,
            senderAllowed: () => deps.mailLimits.confirmation(tx.rateLimits, ipHash ?? address),
          })
        : undefined;
    return { row: inserted, notified: subscribed, wake: told || subscribed !== undefined };
  });
  if (wake) deps.outbox.wake();
  deps.live.changed({ comment: row.id });
  // A robot that filled the honeypot is told what a held comment's author is told, nothing more.
  const comment = toWireComment(row.status === 'spam' ? { ...row, status: 'pending' } : row, deps.hashKey, settings.votes);
  const notifyAnswer = notify ? { notify: notified ?? 'check-mail' } : {};
  return { comment, ...(secret === null ? {} : { secret }), ...notifyAnswer };
}

function notifyWithoutAddress(user: UserRow | null): RiposteError {
  return user
    ? new RiposteError(400, 'invalid_input', 'Notifications need an email address your sign-in vouches for, and yours gives none.', {
        notify: 'Your sign-in gives no verified email address; log in with email to be notified.',
      })
    : new RiposteError(400, 'invalid_input', 'Give your email address to be notified.', {
        'author.email': 'Give your email address to be notified.',
      });
}

/**
 * An edit by the comment's author, within the edit window. It meets the rules a new comment
 * meets (bans, closed threads, links, blocked words): else an approved comment could be
 * edited into spam, and a published one the rules would now hold goes back to the queue.
 */
export async function editComment(deps: PipelineDeps, target: Target, claimant: Claimant, body: string): Promise<WireComment> {
  const now = deps.now();
  authorise(target, claimant, 'edit', now);
  const bodyHtml = renderBody(body, 'saving');
  const { comment, thread, site } = target;
  const settings = siteSettings(site.settings);
  const { row, wake } = await deps.store.transaction(async (tx) => {
    const author = { name: comment.authorName, email: comment.authorEmail, website: comment.authorWebsite };
    const identity = claimant.user ? identityOf(claimant.user) : null;
    await checkNotBanned(tx, { email: author.email, identity, ipHash: comment.ipHash });
    checkThreadOpen(thread, settings, now);
    const verdict = await spamVerdict(tx, {
      siteId: thread.siteId,
      pageKey: thread.pageKey,
      settings,
      user: claimant.user,
      author,
      ipHash: comment.ipHash,
      bodyMarkdown: body,
      bodyHtml,
      trap: undefined,
      formMs: undefined,
      earlierComments: [],
      editing: true,
    });
    const updated = await tx.comments.updateBody(comment.id, body, bodyHtml, now.toISOString());
    if (!updated) throw new RiposteError(404, 'not_found', `There is no comment ${comment.id}.`);
    const edited =
      comment.status === 'approved' && verdict.status !== 'approved'
        ? await tx.comments.hold(comment.id, verdict.status, verdict.reasons)
        : updated;
    return { row: edited, wake: await recordCommentEvent(tx, deps, { type: 'comment.edited', site, thread, comment: edited }) };
  });
  if (wake) deps.outbox.wake();
  deps.live.changed({ comment: row.id });
  return toWireComment(row, deps.hashKey, settings.votes);
}

/** The owner's edit from /admin: any comment, any time, rendered again; in the audit log. */
export async function ownerEditComment(deps: PipelineDeps, admin: AdminRow, id: number, body: string): Promise<void> {
  const bodyHtml = renderBody(body, 'saving');
  const now = deps.now().toISOString();
  const wake = await deps.store.transaction(async (tx) => {
    const updated = await tx.comments.updateBody(id, body, bodyHtml, now);
    if (!updated) throw new RiposteError(404, 'not_found', `There is no comment ${id}.`);
    await tx.audit.add(admin.email, 'edit', id, null, now);
    return recordCommentChange(tx, deps, 'comment.edited', updated);
  });
  if (wake) deps.outbox.wake();
  deps.live.changed({ comment: id });
}

/**
 * The owner's reply from /admin, approved at once with the owner's badge. Answering a held
 * comment approves it: the owner would not answer what readers cannot see. Returns the reply's id.
 */
export async function ownerReply(deps: PipelineDeps, admin: AdminRow, parentId: number, body: string): Promise<number> {
  const parent = await deps.store.comments.get(parentId);
  if (!parent) throw new RiposteError(404, 'not_found', `There is no comment ${parentId}.`);
  const bodyHtml = renderBody(body, 'posting');
  const now = deps.now().toISOString();
  const { id, wake } = await deps.store.transaction(async (tx) => {
    let approvedParent = false;
    if (parent.status === 'pending') {
      await tx.comments.setStatus([parentId], 'approved');
      await tx.audit.add(admin.email, 'approve', parentId, null, now);
      approvedParent = await recordCommentChange(tx, deps, 'comment.approved', { ...parent, status: 'approved' });
    }
    const reply = await tx.comments.insert({
      threadId: parent.threadId,
      parentId,
      status: 'approved',
      authorName: admin.name,
      authorEmail: admin.email,
      authorBadge: 'owner',
      bodyMarkdown: body,
      bodyHtml,
      createdAt: now,
    });
    await tx.audit.add(admin.email, 'reply', reply.id, `in reply to ${parentId}`, now);
    const toldReply = await recordCommentChange(tx, deps, 'comment.created', reply);
    return { id: reply.id, wake: approvedParent || toldReply };
  });
  if (wake) deps.outbox.wake();
  if (parent.status === 'pending') deps.live.changed({ comment: parentId });
  deps.live.changed({ comment: id });
  return id;
}
