import { describe, expect, it } from 'vitest';
import { renderConfirmationMail, renderSignInMail } from '../../../server/mail/account-mails.ts';
import { mailStrings } from '../../../server/mail/mail-strings.ts';
import { renderOwnerAlert } from '../../../server/mail/owner-mails.ts';
import { renderNotificationMail } from '../../../server/mail/reader-mails.ts';
import { renderMarkdown } from '../../../server/render/markdown.ts';

const strings = mailStrings('en');
const page = { url: 'https://blog.example.com/2026/11/hello?p=12', title: 'Hello, world' };
const comment = {
  id: 42,
  authorName: 'Ann',
  html: renderMarkdown('Thanks **a lot**!\n\nSee https://ann.example'),
  text: 'Thanks **a lot**!\n\nSee https://ann.example',
};
const links = { unsubscribeUrl: 'https://c.example.com/mail/unsubscribe?t=abc', stopAllUrl: 'https://c.example.com/mail/stop?t=def' };

const HOSTILE = {
  name: 'Eve\r\nBcc: victim@example.org\r\n\r\n<img src=x onerror=alert(1)>',
  title: '</title><script>alert(1)</script>\nSubject: pwned',
  site: 'Site <b>bold</b>\u202Eevil',
  html: '<p>hi<script>alert(1)</script><img src="x" onerror="alert(1)"><a href="javascript:alert(1)">x</a></p>',
};

describe('reader notifications', () => {
  it('a reply: subject, the comment in both parts, its link, the one-click unsubscribe with RFC 8058 headers, and stop-all', async () => {
    const mail = await renderNotificationMail({ strings, what: 'replies', siteName: 'Blog', page, comment, ...links });
    expect(mail.subject).toBe('Ann replied to your comment on “Hello, world”');
    expect(mail.headers).toEqual({
      'Auto-Submitted': 'auto-generated',
      'List-Unsubscribe': '<https://c.example.com/mail/unsubscribe?t=abc>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(mail.text).toContain('Ann replied to your comment on “Hello, world”:\n\n> Thanks **a lot**!\n>\n> See https://ann.example');
    expect(mail.text).toContain('Read the reply on the page: https://blog.example.com/2026/11/hello?p=12#comment-42');
    expect(mail.text).toContain('Stop mails about this page: https://c.example.com/mail/unsubscribe?t=abc');
    expect(mail.text).toContain('No more mail from Blog: https://c.example.com/mail/stop?t=def');
    expect(mail.html).toContain('<p>Thanks <strong>a lot</strong>!</p>');
    expect(mail.html).toContain('href="https://blog.example.com/2026/11/hello?p=12#comment-42"');
    expect(mail.html).toContain('href="https://c.example.com/mail/unsubscribe?t=abc"');
    expect(mail.html).toContain('<html lang="en">');
  });

  it('a new comment on a followed page says so, and a page without a title is named by its address', async () => {
    const mail = await renderNotificationMail({
      strings,
      what: 'thread',
      siteName: 'Blog',
      page: { ...page, title: null },
      comment,
      ...links,
    });
    expect(mail.subject).toBe('New comment by Ann on https://blog.example.com/2026/11/hello?p=12');
    expect(mail.text).toContain('You get this mail because you follow the comments on https://blog.example.com/2026/11/hello?p=12.');
  });

  it('hostile names, titles and comments: escaped in HTML, one line everywhere, the comment sanitised again', async () => {
    const mail = await renderNotificationMail({
      strings,
      what: 'replies',
      siteName: HOSTILE.site,
      page: { url: 'https://blog.example.com/p', title: HOSTILE.title },
      comment: { ...comment, authorName: HOSTILE.name, html: HOSTILE.html, text: 'hi' },
      ...links,
    });
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toBe(
      'Eve Bcc: victim@example.org <img src=x onerror=alert(1)> replied to your comment on “</title><script>alert(1)</script> Subject: pwned”',
    );
    for (const line of mail.text.split('\n')) expect(line).not.toMatch(/^(Bcc|Subject):/);
    expect(mail.html).not.toMatch(/<script|<img|onerror="|javascript:|<b>bold/i);
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).toContain('&lt;/title&gt;&lt;script&gt;');
    expect(mail.text).not.toContain('\u202E');
    expect(Object.values(mail.headers).join('')).not.toMatch(/[\r\n]/);
  });

  it('links only to http(s) pages', async () => {
    const mail = await renderNotificationMail({
      strings,
      what: 'thread',
      siteName: 'Blog',
      page: { url: 'javascript:alert(1)//', title: 'T' },
      comment,
      ...links,
    });
    expect(mail.html).not.toContain('javascript:');
    expect(mail.text).toContain('Read the comment on the page\n');
    const noUnsubscribe = await renderNotificationMail({
      strings,
      what: 'thread',
      siteName: 'B',
      page,
      comment,
      ...links,
      unsubscribeUrl: 'data:text/html,x',
    });
    expect(noUnsubscribe.headers['List-Unsubscribe']).toBeUndefined();
  });
});

describe('account mails', () => {
  it('the double opt-in confirmation: what was asked, a link to a page with a button, what to do if it was not you', async () => {
    const mail = await renderConfirmationMail({
      strings,
      siteName: 'Blog',
      page,
      what: 'replies',
      confirmUrl: 'https://c.example.com/mail/confirm?t=1',
      stopAllUrl: links.stopAllUrl,
    });
    expect(mail.subject).toBe('Confirm your email address for comments on Blog');
    expect(mail.text).toContain('when someone replies to their comment on “Hello, world”. Nothing is sent until you confirm.');
    expect(mail.text).toContain('Confirm (opens a page with a button): https://c.example.com/mail/confirm?t=1');
    expect(mail.text).toContain('Never mail this address again from this site: https://c.example.com/mail/stop?t=def');
    expect(mail.headers['List-Unsubscribe']).toBeUndefined();
  });

  it('the sign-in mail: link, code, and how long they work', async () => {
    const mail = await renderSignInMail({
      strings,
      siteName: 'Blog',
      link: 'https://c.example.com/auth/email?t=x',
      code: '384 201',
      minutes: 15,
    });
    expect(mail.subject).toBe('Your sign-in link for Blog');
    expect(mail.text).toContain('open this link within 15 minutes:\n\nSign in: https://c.example.com/auth/email?t=x');
    expect(mail.text).toContain('    384 201');
    expect(mail.html).toContain('384 201</p>');
  });
});

describe('owner alerts', () => {
  const alert = (heldReasons: Parameters<typeof renderOwnerAlert>[0]['heldReasons']) =>
    renderOwnerAlert({
      strings,
      siteName: 'Blog',
      page,
      comment: { ...comment, authorEmail: 'ann@example.org', authorWebsite: 'https://ann.example' },
      heldReasons,
      adminUrl: 'https://c.example.com/admin#comment-42',
      settingsUrl: 'https://c.example.com/admin#rules',
    });

  it('a held comment: why it was held, the author with email, the comment, a link to it in /admin (not to the page)', async () => {
    const mail = await alert(['first_time', 'too_many_links']);
    expect(mail.subject).toBe('Held for approval: comment by Ann on “Hello, world”');
    expect(mail.text).toContain(
      'Author: Ann\nEmail: ann@example.org\nWebsite: https://ann.example\nHeld because: First comment from this author. More links than the site allows.',
    );
    expect(mail.text).toContain('Moderate it in the admin view: https://c.example.com/admin#comment-42');
    expect(mail.text).not.toContain('#comment-42\n\nSee it on the page');
    expect(mail.text).not.toContain('See it on the page');
    expect(mail.html).toContain('<strong>a lot</strong>');
  });

  it('a new approved comment links to the page too', async () => {
    const mail = await alert([]);
    expect(mail.subject).toBe('New comment by Ann on “Hello, world”');
    expect(mail.text).toContain('See it on the page: https://blog.example.com/2026/11/hello?p=12#comment-42');
    expect(mail.text).not.toContain('Held because');
  });
});

describe('catalogues', () => {
  it('speak French and German (a region finds its language), else English', () => {
    expect(mailStrings('fr-CA').lang).toBe('fr');
    expect(mailStrings('DE_at').lang).toBe('de');
    expect(mailStrings('es').lang).toBe('en');
    expect(mailStrings(undefined)).toBe(mailStrings('en'));
  });
});
