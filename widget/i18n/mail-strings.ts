/**
 * The shape of the server's mail catalogues (widget/locales/LANG/mail.ts), kept with the
 * widget's catalogues so that adding a language is adding one folder; no widget code loads
 * them, so no reader downloads them. Values are plain text: the mail layout and the link pages
 * escape them for HTML, and names and titles reach them already cleaned to one line.
 */
import type { HeldReason } from '../../shared/moderation.ts';

/** What a reader can be mailed about on a page. */
export type Subscription = 'replies' | 'thread';

/** The words of a notification about a comment by `author` on `page`. */
export interface NotificationWords {
  subject(p: { author: string; page: string }): string;
  intro(p: { author: string; page: string }): string;
  /** The link to the comment. */
  action: string;
  /** Why the reader gets this mail. */
  why(p: { page: string }): string;
}

export interface MailStrings {
  /** BCP 47 language of the catalogue: the HTML mail's `lang`. */
  lang: string;
  /** A page named in a sentence: its title in quotes, else its address. */
  page(title: string | null, url: string): string;
  /** A reply to the reader's comment. */
  reply: NotificationWords;
  /** A new comment on a page the reader follows. */
  newComment: NotificationWords;
  /** Double opt-in: nothing else is mailed to an address until its owner confirms. */
  confirm: {
    subject(p: { site: string }): string;
    intro(p: { site: string; page: string; what: Subscription }): string;
    /** For an address added to a site's owner alerts. */
    introAlerts(p: { site: string }): string;
    action: string;
    ignore: string;
    stopAll: string;
  };
  signIn: {
    subject(p: { site: string }): string;
    intro(p: { site: string; minutes: number }): string;
    action: string;
    code: string;
    ignore: string;
  };
  ownerAlert: {
    subjectNew(p: { author: string; page: string }): string;
    subjectHeld(p: { author: string; page: string }): string;
    introNew(p: { author: string; page: string; site: string }): string;
    introHeld(p: { author: string; page: string; site: string }): string;
    author: string;
    email: string;
    website: string;
    heldBecause: string;
    heldReason(reason: HeldReason): string;
    actionAdmin: string;
    actionPage: string;
    why(p: { site: string }): string;
    settings: string;
  };
  footer: {
    unsubscribeThread: string;
    stopAll(p: { site: string }): string;
  };
  mailTest: {
    subject: string;
    text(p: { server: string }): string;
  };
  /** The pages the links in mails open: what the button will do, then what was done. */
  pages: {
    invalid: { title: string; text: string };
    confirm: {
      title: string;
      text(p: { site: string; address: string }): string;
      button: string;
      doneTitle: string;
      done(p: { site: string; address: string }): string;
    };
    unsubscribe: {
      title: string;
      text(p: { address: string; page: string }): string;
      button: string;
      doneTitle: string;
      done(p: { address: string; page: string }): string;
    };
    stop: {
      title(p: { site: string }): string;
      text(p: { site: string; address: string }): string;
      button: string;
      doneTitle: string;
      done(p: { site: string; address: string }): string;
    };
  };
}
