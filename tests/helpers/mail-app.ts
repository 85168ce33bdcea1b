/**
 * For tests of what Riposte mails: a real SMTP server on loopback for the file, an app (fresh per
 * test) that sends through it, and helpers to read a received mail's links and follow them.
 */
import { afterAll, beforeEach } from 'vitest';
import type { ReceivedMail } from './smtp-server.ts';
import { startSmtpServer } from './smtp-server.ts';
import { type TestApp, useTestApp } from './test-app.ts';

/** Starts the SMTP server (closed after the file) and an app per test that mails through it. */
export async function useMailApp(flags: string[] = [], env: NodeJS.ProcessEnv = {}, setUp?: Parameters<typeof useTestApp>[2]) {
  const smtp = await startSmtpServer();
  afterAll(() => smtp.close());
  // Each test reads only its own mails.
  beforeEach(() => {
    smtp.messages.length = 0;
  });
  const t = useTestApp(flags, { ...smtp.env, ...env }, setUp);
  return { t, smtp };
}

/** Every http(s) link in the mail's plain-text part, by the label before it ("Label: URL"). */
export function mailLinks(mail: ReceivedMail): Map<string, string> {
  const links = new Map<string, string>();
  for (const [, label, url] of (mail.parsed.text ?? '').matchAll(/^(.*?): (https?:\/\/\S+)$/gm)) links.set(label!, url!);
  return links;
}

/** The link with this label; fails the test with the labels there are. */
export function mailLink(mail: ReceivedMail, label: string): string {
  const url = mailLinks(mail).get(label);
  if (!url) throw new Error(`no "${label}" link in the mail; it has: ${[...mailLinks(mail).keys()].join(', ')}`);
  return url;
}

/** A link on the comment server, requested through the app (path and query of the URL). */
export async function followLink(t: Pick<TestApp, 'app'>, url: string, init?: RequestInit): Promise<Response> {
  const { pathname, search } = new URL(url);
  return await t.app.request(`${pathname}${search}`, init);
}

/** Mails received for an address so far. */
export function mailsTo(smtp: { messages: ReceivedMail[] }, address: string): ReceivedMail[] {
  return smtp.messages.filter((m) => m.envelope.to.includes(address));
}
