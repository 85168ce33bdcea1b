/**
 * The mails a reader gets about a thread: a reply to their comment, or a new comment on a page
 * they follow. Each carries the comment, a link to it, a one-click unsubscribe for the page
 * (RFC 8058 headers and a link) and a link that stops all mail from the site.
 */
import { type Block, commentLink, oneLine, type RenderedMail, renderMail } from './mail-layout.ts';
import type { MailStrings, Subscription } from './mail-strings.ts';

export interface MailPage {
  url: string;
  title: string | null;
}

export interface MailComment {
  id: number;
  authorName: string;
  /** The comment's stored (sanitised) HTML. */
  html: string;
  /** What the author wrote (Markdown), for the plain-text part. */
  text: string;
}

export interface NotificationInput {
  strings: MailStrings;
  /** `replies`: the comment answers the reader's own; `thread`: a new comment on a page they follow. */
  what: Subscription;
  siteName: string;
  page: MailPage;
  comment: MailComment;
  /** One-click unsubscribe from this page's mails (POST unsubscribes; GET shows a page with a button). */
  unsubscribeUrl: string;
  /** Stops every mail from the site to this address (a page with a button). */
  stopAllUrl: string;
}

/** A page named in a sentence, from its title (else its address), cleaned to one line. */
export function pageName(strings: MailStrings, page: MailPage): string {
  return strings.page(page.title ? oneLine(page.title) : null, oneLine(page.url, 200));
}

export function renderNotificationMail(input: NotificationInput): Promise<RenderedMail> {
  const { strings, comment } = input;
  const words = input.what === 'replies' ? strings.reply : strings.newComment;
  const names = { author: oneLine(comment.authorName, 80), page: pageName(strings, input.page) };
  const footer: Block[] = [
    { kind: 'text', text: words.why(names) },
    { kind: 'action', label: strings.footer.unsubscribeThread, url: input.unsubscribeUrl },
    { kind: 'action', label: strings.footer.stopAll({ site: oneLine(input.siteName, 80) }), url: input.stopAllUrl },
  ];
  return renderMail({
    lang: strings.lang,
    subject: words.subject(names),
    blocks: [
      { kind: 'text', text: words.intro(names) },
      { kind: 'comment', html: comment.html, text: comment.text },
      { kind: 'action', label: words.action, url: commentLink(input.page.url, comment.id) },
    ],
    footer,
    unsubscribeUrl: input.unsubscribeUrl,
  });
}
