/** English: Riposte's mails and the pages their links open (widget/i18n/mail-strings.ts is the shape). */
import { HELD_REASON_TEXT } from '../../../shared/moderation.ts';
import type { MailStrings } from '../../i18n/mail-strings.ts';

export default {
  lang: 'en',
  page: (title, url) => (title ? `“${title}”` : url),
  reply: {
    subject: ({ author, page }) => `${author} replied to your comment on ${page}`,
    intro: ({ author, page }) => `${author} replied to your comment on ${page}:`,
    action: 'Read the reply on the page',
    why: ({ page }) => `You get this mail because you asked to be told of replies to your comment on ${page}.`,
  },
  newComment: {
    subject: ({ author, page }) => `New comment by ${author} on ${page}`,
    intro: ({ author, page }) => `${author} commented on ${page}:`,
    action: 'Read the comment on the page',
    why: ({ page }) => `You get this mail because you follow the comments on ${page}.`,
  },
  confirm: {
    subject: ({ site }) => `Confirm your email address for comments on ${site}`,
    intro: ({ site, page, what }) =>
      `Someone, we hope you, asked ${site} to mail this address ${
        what === 'replies' ? 'when someone replies to their comment' : 'when someone comments'
      } on ${page}. Nothing is sent until you confirm.`,
    introAlerts: ({ site }) =>
      `Someone, we hope you, added this address to the comment alerts of ${site}: a mail about new comments. Nothing is sent until you confirm.`,
    action: 'Confirm (opens a page with a button)',
    ignore: 'If it was not you, ignore this mail: you will get nothing else.',
    stopAll: 'Never mail this address again from this site',
  },
  signIn: {
    subject: ({ site }) => `Your sign-in link for ${site}`,
    intro: ({ site, minutes }) => `To sign in and comment on ${site}, open this link within ${minutes} minutes:`,
    action: 'Sign in',
    code: 'Or enter this code on the page where you asked for it:',
    ignore: 'If you did not ask to sign in, ignore this mail; nobody can sign in without it.',
  },
  ownerAlert: {
    subjectNew: ({ author, page }) => `New comment by ${author} on ${page}`,
    subjectHeld: ({ author, page }) => `Held for approval: comment by ${author} on ${page}`,
    introNew: ({ author, page, site }) => `${author} commented on ${page} (${site}):`,
    introHeld: ({ author, page, site }) => `${author} commented on ${page} (${site}). The comment waits for your approval:`,
    author: 'Author',
    email: 'Email',
    website: 'Website',
    heldBecause: 'Held because',
    heldReason: (reason) => HELD_REASON_TEXT[reason],
    actionAdmin: 'Moderate it in the admin view',
    actionPage: 'See it on the page',
    why: ({ site }) => `You get this mail because your address is in ${site}'s comment alerts.`,
    settings: 'Change who gets alerts (Rules in the admin view)',
  },
  footer: {
    unsubscribeThread: 'Stop mails about this page',
    stopAll: ({ site }) => `No more mail from ${site}`,
  },
  mailTest: {
    subject: 'Riposte test mail',
    text: ({ server }) => `This is a test mail from the Riposte comment server at ${server}. If you read it, mail works.`,
  },
  pages: {
    invalid: {
      title: 'This link does not work',
      text: 'It may be incomplete (copy the whole address from the mail), or, for a confirmation, older than a week: ask again from the comment form.',
    },
    confirm: {
      title: 'Confirm your address',
      text: ({ site, address }) => `Confirm that ${site} may mail ${address} as you asked.`,
      button: 'Confirm',
      doneTitle: 'Address confirmed',
      done: ({ site, address }) => `${site} will mail ${address} as you asked. Every mail says how to stop it.`,
    },
    unsubscribe: {
      title: 'Stop mails about this page',
      text: ({ address, page }) => `Stop mailing ${address} about ${page}?`,
      button: 'Unsubscribe',
      doneTitle: 'Unsubscribed',
      done: ({ address, page }) => `${address} will get no more mail about ${page}.`,
    },
    stop: {
      title: ({ site }) => `No more mail from ${site}`,
      text: ({ site, address }) => `Never mail ${address} again from ${site}?`,
      button: 'No more mail',
      doneTitle: 'No more mail',
      done: ({ site, address }) => `${site} will send nothing more to ${address}, and has forgotten its subscriptions.`,
    },
  },
} satisfies MailStrings;
