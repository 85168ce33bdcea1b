/**
 * Mails that prove an address: the double opt-in confirmation (nothing else is sent to an
 * address before its owner confirms) and the sign-in link or code. Their links open a page
 * with a button: a mail scanner fetching them changes nothing.
 */
import { oneLine, type RenderedMail, renderMail } from './mail-layout.ts';
import type { MailStrings, Subscription } from './mail-strings.ts';
import { type MailPage, pageName } from './reader-mails.ts';

export type ConfirmationInput = {
  strings: MailStrings;
  siteName: string;
  confirmUrl: string;
  /** Lets someone whose address was given by another stop every mail from the site at once. */
  stopAllUrl: string;
} & (
  | { what: Subscription; page: MailPage }
  /** The address was added to the site's owner alerts. */
  | { what: 'alerts' }
);

export function renderConfirmationMail(input: ConfirmationInput): Promise<RenderedMail> {
  const { strings } = input;
  const site = oneLine(input.siteName, 80);
  const intro =
    input.what === 'alerts'
      ? strings.confirm.introAlerts({ site })
      : strings.confirm.intro({ site, page: pageName(strings, input.page), what: input.what });
  return renderMail({
    lang: strings.lang,
    subject: strings.confirm.subject({ site }),
    blocks: [
      { kind: 'text', text: intro },
      { kind: 'action', label: strings.confirm.action, url: input.confirmUrl },
      { kind: 'text', text: strings.confirm.ignore },
    ],
    footer: [{ kind: 'action', label: strings.confirm.stopAll, url: input.stopAllUrl }],
  });
}

export interface SignInInput {
  strings: MailStrings;
  siteName: string;
  /** Opens a page on the comment server with a "Sign in" button. */
  link: string;
  /** A short code to type instead, where the page asked for one. */
  code?: string;
  /** How long the link and code work. */
  minutes: number;
}

export function renderSignInMail(input: SignInInput): Promise<RenderedMail> {
  const { strings } = input;
  const site = oneLine(input.siteName, 80);
  return renderMail({
    lang: strings.lang,
    subject: strings.signIn.subject({ site }),
    blocks: [
      { kind: 'text', text: strings.signIn.intro({ site, minutes: input.minutes }) },
      { kind: 'action', label: strings.signIn.action, url: input.link },
      ...(input.code ? [{ kind: 'text', text: strings.signIn.code } as const, { kind: 'code', code: input.code } as const] : []),
    ],
    footer: [{ kind: 'text', text: strings.signIn.ignore }],
  });
}
