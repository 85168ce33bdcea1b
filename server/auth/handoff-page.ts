/**
 * The small page the sign-in popup ends on, on the comment server's origin: it hands the
 * session to the widget with postMessage, targeted at the one origin the site allows and
 * the sign-in started from (never "*"), then closes. Also the page for a failed sign-in.
 */
import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { WireSession } from '../../shared/wire.ts';
import { randomToken } from '../tokens.ts';

/** What the popup tells its opener when the sign-in failed (the widget shows `message`). */
export interface SignInFailure {
  type: 'riposte-sign-in-error';
  message: string;
}

export interface HandoffPage {
  /** Heading and text shown in the window (escaped). */
  title: string;
  text: string;
  /** Sent to `window.opener` at `origin`; none when the origin is not known to be allowed. */
  message?: WireSession | SignInFailure;
  origin?: string;
  /** Full-page flow: a link back to the page the reader came from. */
  backTo?: string;
}

/** JSON safe inside <script>: "<" is escaped so no "</script>" or "<!--" can end the block. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export async function sendHandoffPage(c: Context, status: 200 | 400 | 403 | 404 | 502, page: HandoffPage): Promise<Response> {
  const nonce = randomToken();
  const data = page.message && page.origin ? scriptJson({ message: page.message, origin: page.origin }) : 'null';
  const body = await html`<!doctype html>
<html lang="en">
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="color-scheme" content="light dark" />
<title>${page.title}</title>
<style nonce="${nonce}">
  body { font: 1rem/1.5 system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1.25rem; }
  h1 { font-size: 1.3rem; }
</style>
<h1>${page.title}</h1>
<p id="text">${page.text}</p>
${page.backTo ? html`<p><a href="${page.backTo}">Back to the page</a></p>` : ''}
<script nonce="${nonce}" type="application/json" id="handoff">${raw(data)}</script>
<script nonce="${nonce}">
  const handoff = JSON.parse(document.getElementById('handoff').textContent);
  if (handoff && window.opener) {
    window.opener.postMessage(handoff.message, handoff.origin);
    if (handoff.message.type === 'riposte-session') window.close();
  } else if (handoff) {
    document.getElementById('text').textContent =
      'This window lost its link to the page you came from. Close it, and on the page choose to log in in the same tab.';
  }
</script>
</html>`;
  c.header(
    'Content-Security-Policy',
    `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  );
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  return c.html(body, status);
}
