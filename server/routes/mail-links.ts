/**
 * /mail/confirm, /mail/unsubscribe, /mail/stop?t=TOKEN: the links in mails. GET shows a page
 * with a button and changes nothing (mail scanners fetch links); POST does it: the button, or
 * a mail client's one-click unsubscribe (RFC 8058: `List-Unsubscribe-Post: List-Unsubscribe=One-Click`).
 */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { INVALID_LINK, mailLinkAction } from '../notifications/mail-link-actions.ts';
import { sendMailPage } from '../notifications/mail-page.ts';
import type { MailLinkPurpose } from '../notifications/mail-links.ts';

function linkRoute(purpose: MailLinkPurpose) {
  return async (c: Context<AppEnv>) => {
    const action = await mailLinkAction(c.var, purpose, c.req.query('t'));
    if (!action) return sendMailPage(c, 400, INVALID_LINK);
    return sendMailPage(c, 200, c.req.method === 'POST' ? await action.act() : action.ask);
  };
}

export const mailLinkRoutes = new Hono<AppEnv>();
for (const purpose of ['confirm', 'unsubscribe', 'stop'] as const) {
  mailLinkRoutes.get(`/${purpose}`, linkRoute(purpose)).post(`/${purpose}`, linkRoute(purpose));
}
