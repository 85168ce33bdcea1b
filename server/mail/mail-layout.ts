/**
 * One layout for every mail: a mail is a list of blocks (paragraphs, a comment, an action link,
 * a code, labelled fields) turned into both a plain-text and an HTML part, so the two always
 * say the same. Text from people is escaped (hono/html); a comment's HTML goes through the
 * comment sanitiser again; links are http(s) only.
 */
import { html, raw } from 'hono/html';
import { printable } from '../import/printable.ts';
import { sanitizeCommentHtml } from '../render/markdown.ts';

export type Block =
  | { kind: 'text'; text: string }
  /** `html` is the comment's stored HTML, `text` what its author wrote (its Markdown). */
  | { kind: 'comment'; html: string; text: string }
  | { kind: 'action'; label: string; url: string }
  | { kind: 'code'; code: string }
  | { kind: 'fields'; fields: [label: string, value: string][] };

export interface MailDraft {
  lang: string;
  subject: string;
  blocks: Block[];
  /** Small print under a rule: why this mail came, how to stop it. */
  footer: Block[];
  /** RFC 8058 one-click unsubscribe: a POST to it unsubscribes (a GET only shows a page with a button). */
  unsubscribeUrl?: string;
}

/** What a mail says; the mailer adds the From, the To and the Message-ID. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/**
 * Text from people (names, titles, site names) for one line of a mail or a subject: without
 * control characters, line breaks (a header could otherwise be injected) or bidi overrides,
 * spaces collapsed, at most `max` characters.
 */
export function oneLine(text: string, max = 120): string {
  const line = printable(text)
    .replace(/[\s\u2028\u2029]+/g, ' ')
    .trim();
  return [...line].length > max ? `${[...line].slice(0, max - 1).join('')}…` : line;
}

/** The URL if it is an absolute http(s) one, else null (no other scheme becomes a link). */
function httpUrl(url: string): string | null {
  return URL.canParse(url) && /^https?:$/.test(new URL(url).protocol) ? new URL(url).href : null;
}

/** `PAGE#comment-ID`: where the widget shows comment ID (an address that is not a URL stays one, and is shown without a link). */
export function commentLink(pageUrl: string, commentId: number): string {
  if (!URL.canParse(pageUrl)) return `${pageUrl}#comment-${commentId}`;
  const url = new URL(pageUrl);
  url.hash = `comment-${commentId}`;
  return url.href;
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'text':
      return block.text;
    case 'comment':
      return block.text
        .split(/\r?\n/)
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n');
    case 'action':
      return httpUrl(block.url) ? `${block.label}: ${httpUrl(block.url)}` : block.label;
    case 'code':
      return `    ${block.code}`;
    case 'fields':
      return block.fields.map(([label, value]) => `${label}: ${value}`).join('\n');
  }
}

const STYLE = {
  body: 'margin:0;padding:24px 16px;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;background:#ffffff',
  p: 'margin:0 0 16px',
  smallP: 'margin:0 0 8px',
  comment: 'margin:0 0 16px;padding:4px 16px;border-left:4px solid #d0d7de;background:#f6f8fa',
  button: 'display:inline-block;padding:10px 18px;border-radius:6px;background:#1f5fbf;color:#ffffff;text-decoration:none;font-weight:600',
  code: 'margin:0 0 16px;font:700 28px/1.2 ui-monospace,Menlo,Consolas,monospace;letter-spacing:4px',
  label: 'padding:0 12px 4px 0;color:#59636e;vertical-align:top;white-space:nowrap',
  footer: 'margin:32px 0 0;padding-top:16px;border-top:1px solid #d0d7de;font-size:13px;color:#59636e',
};

function blockHtml(block: Block, small: boolean) {
  const p = small ? STYLE.smallP : STYLE.p;
  switch (block.kind) {
    case 'text':
      return html`<p style="${p}">${block.text}</p>`;
    case 'comment':
      return html`<div style="${STYLE.comment}">${raw(sanitizeCommentHtml(block.html))}</div>`;
    case 'action': {
      const url = httpUrl(block.url);
      if (!url) return html`<p style="${p}">${block.label}</p>`;
      if (small) return html`<p style="${p}"><a href="${url}">${block.label}</a></p>`;
      return html`<p style="${p}"><a href="${url}" style="${STYLE.button}">${block.label}</a></p>`;
    }
    case 'code':
      return html`<p style="${STYLE.code}">${block.code}</p>`;
    case 'fields':
      return html`<table role="presentation" style="${STYLE.p};border-collapse:collapse">
  ${block.fields.map(([label, value]) => html`<tr><td style="${STYLE.label}">${label}</td><td>${value}</td></tr>`)}
</table>`;
  }
}

export async function renderMail(draft: MailDraft): Promise<RenderedMail> {
  const subject = oneLine(draft.subject, 200);
  const text = `${draft.blocks.map(blockText).join('\n\n')}\n\n-- \n${draft.footer.map(blockText).join('\n')}\n`;
  const page = await html`<!doctype html>
<html lang="${draft.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${subject}</title>
</head>
<body style="${STYLE.body}">
<div style="max-width:600px;margin:0 auto">
${draft.blocks.map((block) => blockHtml(block, false))}
<div style="${STYLE.footer}">
${draft.footer.map((block) => blockHtml(block, true))}
</div>
</div>
</body>
</html>
`;
  const unsubscribe = draft.unsubscribeUrl ? httpUrl(draft.unsubscribeUrl) : null;
  return {
    subject,
    text,
    html: String(page),
    headers: {
      // RFC 3834: written by a program, so out-of-office replies stay away.
      'Auto-Submitted': 'auto-generated',
      ...(unsubscribe ? { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
    },
  };
}
