/**
 * The owner's alert for a new comment, or for one held for approval with why: who wrote it
 * (with the email, which only the owner sees), the comment, and links to it in /admin and
 * on the page. Approving or marking spam happens in /admin, never by fetching a link.
 */
import type { HeldReason } from '../../shared/moderation.ts';
import { type Block, commentLink, oneLine, type RenderedMail, renderMail } from './mail-layout.ts';
import type { MailStrings } from './mail-strings.ts';
import { type MailComment, type MailPage, pageName } from './reader-mails.ts';

export interface OwnerAlertInput {
  strings: MailStrings;
  siteName: string;
  page: MailPage;
  comment: MailComment & { authorEmail: string | null; authorWebsite: string | null };
  /** Why the comment is held; empty for an approved comment. */
  heldReasons: HeldReason[];
  /** The comment in the admin view. */
  adminUrl: string;
  /** The admin view's Rules, where alerts are set. */
  settingsUrl: string;
}

export function renderOwnerAlert(input: OwnerAlertInput): Promise<RenderedMail> {
  const { strings, comment } = input;
  const words = strings.ownerAlert;
  const held = input.heldReasons.length > 0;
  const names = { author: oneLine(comment.authorName, 80), page: pageName(strings, input.page), site: oneLine(input.siteName, 80) };
  const fields: [string, string][] = [[words.author, names.author]];
  if (comment.authorEmail) fields.push([words.email, oneLine(comment.authorEmail, 254)]);
  if (comment.authorWebsite) fields.push([words.website, oneLine(comment.authorWebsite, 300)]);
  if (held) fields.push([words.heldBecause, input.heldReasons.map(words.heldReason).join(' ')]);
  const blocks: Block[] = [
    { kind: 'text', text: held ? words.introHeld(names) : words.introNew(names) },
    { kind: 'fields', fields },
    { kind: 'comment', html: comment.html, text: comment.text },
    { kind: 'action', label: words.actionAdmin, url: input.adminUrl },
  ];
  // A held comment is not on the page yet.
  if (!held) blocks.push({ kind: 'action', label: words.actionPage, url: commentLink(input.page.url, comment.id) });
  return renderMail({
    lang: strings.lang,
    subject: held ? words.subjectHeld(names) : words.subjectNew(names),
    blocks,
    footer: [
      { kind: 'text', text: words.why(names) },
      { kind: 'action', label: words.settings, url: input.settingsUrl },
    ],
  });
}
