/**
 * Sends one mail of the outbox. It is written now, when its turn comes, not when it was queued:
 * only if the comment is still there to read (approved, or still held for a held-comment alert),
 * the reader still subscribed, the address confirmed (except for the confirmation and sign-in
 * mails themselves), not bouncing, and not stopped for the site. Else it is cancelled.
 */
import * as v from 'valibot';
import { SUBSCRIPTION_KINDS } from '../../shared/notifications.ts';
import { siteSettings } from '../../shared/site-settings.ts';
import { renderConfirmationMail, renderSignInMail } from '../mail/account-mails.ts';
import type { RenderedMail } from '../mail/mail-layout.ts';
import { mailStrings } from '../mail/mail-strings.ts';
import { MailError } from '../mail/mail-error.ts';
import { renderOwnerAlert } from '../mail/owner-mails.ts';
import { type MailPage, renderNotificationMail } from '../mail/reader-mails.ts';
import { CONFIRM_LINK_DAYS, mailLinkUrl } from '../notifications/mail-links.ts';
import type { CommentRow, OutboxRow, SiteRow, ThreadRow } from '../store/schema.ts';
import type { Outcome } from './outcome.ts';
import type { WorkerDeps } from './outbox-worker.ts';

const confirmPayload = v.variant('purpose', [
  v.object({ purpose: v.literal('subscription'), threadId: v.number(), what: v.picklist(SUBSCRIPTION_KINDS) }),
  v.object({ purpose: v.literal('alerts') }),
]);
const signInPayload = v.object({ link: v.string(), code: v.string(), minutes: v.number(), expiresAt: v.string() });
const alertPayload = v.object({ held: v.boolean() });

type Composed = { mail: RenderedMail } | { cancel: string };

const cancel = (reason: string): Composed => ({ cancel: reason });

function mailPage(thread: ThreadRow): MailPage {
  return { url: thread.url ?? thread.pageKey, title: thread.title };
}

/** The comment with its thread, if it is still as the mail needs it. */
async function commentFor(deps: WorkerDeps, row: OutboxRow, wanted: CommentRow['status']) {
  const found = row.commentId === null ? undefined : await deps.store.comments.getWithThread(row.commentId);
  return found?.comment.status === wanted ? found : undefined;
}

async function compose(deps: WorkerDeps, row: OutboxRow, site: SiteRow): Promise<Composed> {
  const { config, hashKey, store } = deps;
  const address = row.recipient;
  const state = await store.mailAddresses.state(address, site.id);
  if (state.stopped) return cancel('The address asked for no more mail from this site.');
  /** The page behind the "no more mail" link speaks the mail's language. */
  const stopAllUrl = (lang: string | null) =>
    mailLinkUrl(config.publicUrl, hashKey, { purpose: 'stop', address, siteId: site.id, ...(lang ? { lang } : {}) });

  if (row.kind === 'sign-in') {
    // Asked for from a page, not about a thread: in English.
    const strings = mailStrings('en');
    const payload = v.parse(signInPayload, row.payload);
    if (payload.expiresAt <= deps.now().toISOString()) return cancel('The sign-in expired before its mail could be sent.');
    return {
      mail: await renderSignInMail({ strings, siteName: site.name, link: payload.link, code: payload.code, minutes: payload.minutes }),
    };
  }
  if (row.kind === 'confirm') {
    if (state.confirmed) return cancel('The address was confirmed meanwhile.');
    const payload = v.parse(confirmPayload, row.payload);
    // An owner's alert address is confirmed in English; a reader's, in the language of the page they asked on.
    const thread = payload.purpose === 'alerts' ? null : await store.threads.get(payload.threadId);
    if (thread === undefined) return cancel('The page is gone.');
    const lang = thread?.lang ?? null;
    const expires = deps.now().getTime() + CONFIRM_LINK_DAYS * 86_400_000;
    const confirmUrl = mailLinkUrl(config.publicUrl, hashKey, {
      purpose: 'confirm',
      address,
      siteId: site.id,
      expires,
      ...(lang ? { lang } : {}),
    });
    const common = { strings: mailStrings(lang), siteName: site.name, confirmUrl, stopAllUrl: stopAllUrl(lang) };
    if (payload.purpose === 'alerts' || !thread) return { mail: await renderConfirmationMail({ ...common, what: 'alerts' }) };
    return { mail: await renderConfirmationMail({ ...common, what: payload.what, page: mailPage(thread) }) };
  }
  if (!state.confirmed) return cancel('The address is not confirmed.');
  if (state.bounced) return cancel('Mail to the address bounced; retry this delivery to try it again.');

  if (row.kind === 'alert') {
    const { held } = v.parse(alertPayload, row.payload);
    const found = await commentFor(deps, row, held ? 'pending' : 'approved');
    if (!found) return cancel(held ? 'The comment was moderated before the alert went out.' : 'The comment is no longer shown.');
    const settings = siteSettings(site.settings);
    if (!settings.alertsAll.includes(address) && !(held && settings.alertsHeld.includes(address))) {
      return cancel('The address was taken out of the site’s alerts.');
    }
    const { comment, thread } = found;
    return {
      mail: await renderOwnerAlert({
        strings: mailStrings(thread.lang),
        siteName: site.name,
        page: mailPage(thread),
        comment: { ...mailComment(comment), authorEmail: comment.authorEmail, authorWebsite: comment.authorWebsite },
        heldReasons: held ? (comment.heldReasons ?? []) : [],
        adminUrl: `${config.publicUrl}/admin#${held ? 'queue' : 'all'}`,
        settingsUrl: `${config.publicUrl}/admin#rules`,
      }),
    };
  }

  const kind = v.parse(v.picklist(SUBSCRIPTION_KINDS), row.kind);
  const found = await commentFor(deps, row, 'approved');
  if (!found) return cancel('The comment is no longer shown.');
  const { comment, thread } = found;
  if (!(await store.subscriptions.isSubscribed(address, thread.id, kind))) return cancel('The reader unsubscribed.');
  return {
    mail: await renderNotificationMail({
      strings: mailStrings(thread.lang),
      what: kind,
      siteName: site.name,
      page: mailPage(thread),
      comment: mailComment(comment),
      unsubscribeUrl: mailLinkUrl(config.publicUrl, hashKey, { purpose: 'unsubscribe', address, threadId: thread.id }),
      stopAllUrl: stopAllUrl(thread.lang),
    }),
  };
}

function mailComment(comment: CommentRow) {
  return { id: comment.id, authorName: comment.authorName, html: comment.bodyHtml, text: comment.bodyMarkdown };
}

export async function deliverMail(deps: WorkerDeps, row: OutboxRow): Promise<Outcome> {
  if (!deps.mailer) return { kind: 'paused', error: 'Mail is off on this server (no RIPOSTE_SMTP_* settings).' };
  const site = row.siteId === null ? undefined : await deps.store.sites.get(row.siteId);
  if (!site) return { kind: 'cancelled', reason: 'The site is gone.' };
  const composed = await compose(deps, row, site);
  if ('cancel' in composed) return { kind: 'cancelled', reason: composed.cancel };
  try {
    const sent = await deps.mailer.send({ to: row.recipient, messageId: row.messageId, ...composed.mail });
    // A sign-in mail's code and link are not kept once sent.
    return { kind: 'sent', response: sent.response, ...(row.kind === 'sign-in' ? { payload: { sent: true } } : {}) };
  } catch (err) {
    if (!(err instanceof MailError)) throw err;
    if (err.aboutServer) return { kind: 'paused', error: err.message };
    if (!err.permanent) return { kind: 'retry', error: err.message };
    await deps.store.mailAddresses.markBounced(row.recipient, deps.now().toISOString());
    return { kind: 'failed', error: err.message };
  }
}
