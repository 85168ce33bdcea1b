/**
 * The links in mails that change something: confirm an address, unsubscribe from a page, stop
 * all mail from a site. Each carries what it is about, signed with the server's hashing key,
 * so nothing is stored per link and an unsubscribe link keeps working for as long as mails
 * carry it. Opening one (GET) only shows a page with a button; the button (POST) acts.
 */
import { keyedHash, sameSecret } from '../tokens.ts';

export type MailLink =
  /** The address's owner confirms that the site may mail it; good for a week. `lang`: its page's, for the page the link opens. */
  | { purpose: 'confirm'; address: string; siteId: string; expires: number; lang?: string }
  /** Stops every mail about the thread to the address (its page opens in the thread's language). */
  | { purpose: 'unsubscribe'; address: string; threadId: number }
  /** "No more mail from this site". */
  | { purpose: 'stop'; address: string; siteId: string; lang?: string };

export type MailLinkPurpose = MailLink['purpose'];

/** How long a confirmation link works. */
export const CONFIRM_LINK_DAYS = 7;

const PATHS: Record<MailLinkPurpose, string> = { confirm: 'confirm', unsubscribe: 'unsubscribe', stop: 'stop' };

function signature(hashKey: string, body: string): string {
  return keyedHash(hashKey, 'mail-link', body);
}

export function mailLinkToken(hashKey: string, link: MailLink): string {
  const body = Buffer.from(JSON.stringify(link)).toString('base64url');
  return `${body}.${signature(hashKey, body)}`;
}

/** The link's URL on this server, e.g. `https://c.example.com/mail/unsubscribe?t=…`. */
export function mailLinkUrl(publicUrl: string, hashKey: string, link: MailLink): string {
  return `${publicUrl}/mail/${PATHS[link.purpose]}?t=${mailLinkToken(hashKey, link)}`;
}

function isLink(value: unknown): value is MailLink {
  if (typeof value !== 'object' || value === null || !('purpose' in value) || !('address' in value)) return false;
  if (typeof value.address !== 'string' || ('lang' in value && typeof value.lang !== 'string')) return false;
  switch (value.purpose) {
    case 'confirm':
      return 'siteId' in value && typeof value.siteId === 'string' && 'expires' in value && typeof value.expires === 'number';
    case 'unsubscribe':
      return 'threadId' in value && typeof value.threadId === 'number';
    case 'stop':
      return 'siteId' in value && typeof value.siteId === 'string';
    default:
      return false;
  }
}

/** What a token says, if this server signed it for `purpose` and (a confirmation) it has not expired at `now`. */
export function readMailLink<P extends MailLinkPurpose>(
  hashKey: string,
  token: string | undefined,
  purpose: P,
  now: Date,
): Extract<MailLink, { purpose: P }> | null {
  const [body, mac, ...rest] = (token ?? '').split('.');
  if (!body || !mac || rest.length > 0 || body.length > 2000 || !sameSecret(mac, signature(hashKey, body))) return null;
  let link: unknown;
  try {
    link = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!isLink(link) || (link.purpose === 'confirm' && link.expires <= now.getTime())) return null;
  return hasPurpose(link, purpose) ? link : null;
}

function hasPurpose<P extends MailLinkPurpose>(link: MailLink, purpose: P): link is Extract<MailLink, { purpose: P }> {
  return link.purpose === purpose;
}
