/**
 * The small pages the links in mails open, on the comment server's origin: what the link
 * will do and a button that does it (a POST to the same address), or what was done. Mail
 * scanners fetch links; fetching one of these changes nothing.
 */
import type { Context } from 'hono';
import { html } from 'hono/html';
import { randomToken } from '../tokens.ts';

export interface MailPage {
  /** The language the page is written in (the thread's, else English). */
  lang: string;
  title: string;
  text: string;
  /** A form with one button, posting back to the page's own address. */
  button?: string;
}

export async function sendMailPage(c: Context, status: 200 | 400 | 404, page: MailPage): Promise<Response> {
  const nonce = randomToken();
  // The token stays in the address the form posts to; nothing else is sent.
  const action = new URL(c.req.url).search;
  const body = await html`<!doctype html>
<html lang="${page.lang}">
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="color-scheme" content="light dark" />
<meta name="robots" content="noindex" />
<title>${page.title}</title>
<style nonce="${nonce}">
  body { font: 1rem/1.5 system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1.25rem; }
  h1 { font-size: 1.3rem; }
  button { font: inherit; padding: 0.5rem 1.1rem; border-radius: 6px; border: 0; background: #1f5fbf; color: #fff; cursor: pointer; }
</style>
<h1>${page.title}</h1>
<p>${page.text}</p>
${page.button ? html`<form method="post" action="${action}"><button type="submit">${page.button}</button></form>` : ''}
</html>`;
  c.header(
    'Content-Security-Policy',
    `default-src 'none'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
  );
  c.header('Cache-Control', 'no-store');
  // The address holds the link's token: it must not travel on to anyone.
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Robots-Tag', 'noindex');
  return c.html(body, status);
}
