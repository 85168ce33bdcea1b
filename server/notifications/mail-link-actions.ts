/**
 * What each link in a mail asks and does: confirm an address, unsubscribe it from a page,
 * stop all mail from a site to it. The page a GET shows asks; the button's POST (or a mail
 * client's RFC 8058 one-click POST) does it. Doing it twice ends in the same place.
 */
import type { AppDeps } from '../http/app-env.ts';
import type { MailPage } from './mail-page.ts';
import { type MailLinkPurpose, readMailLink } from './mail-links.ts';

type LinkDeps = Pick<AppDeps, 'store' | 'hashKey' | 'now'>;

export interface LinkAction {
  /** The page a GET shows: what the button will do. */
  ask: MailPage;
  /** Does it; answers the page that says it was done. */
  act(): Promise<MailPage>;
}

export const INVALID_LINK: MailPage = {
  title: 'This link does not work',
  text: 'It may be incomplete (copy the whole address from the mail), or, for a confirmation, older than a week: ask again from the comment form.',
};

function pageName(thread: { title: string | null; url: string | null; pageKey: string }): string {
  return thread.title ? `“${thread.title}”` : (thread.url ?? thread.pageKey);
}

/** The link's action, or null for a link this server did not make (or an expired confirmation). */
export async function mailLinkAction(deps: LinkDeps, purpose: MailLinkPurpose, token: string | undefined): Promise<LinkAction | null> {
  const { store } = deps;
  const now = deps.now();
  if (purpose === 'confirm') {
    const link = readMailLink(deps.hashKey, token, 'confirm', now);
    const site = link && (await store.sites.get(link.siteId));
    if (!link || !site) return null;
    return {
      ask: { title: 'Confirm your address', text: `Confirm that ${site.name} may mail ${link.address} as you asked.`, button: 'Confirm' },
      async act() {
        await store.mailAddresses.confirm(link.address, deps.now().toISOString());
        return { title: 'Address confirmed', text: `${site.name} will mail ${link.address} as you asked. Every mail says how to stop it.` };
      },
    };
  }
  if (purpose === 'unsubscribe') {
    const link = readMailLink(deps.hashKey, token, 'unsubscribe', now);
    const thread = link && (await store.threads.get(link.threadId));
    if (!link || !thread) return null;
    const page = pageName(thread);
    return {
      ask: { title: 'Stop mails about this page', text: `Stop mailing ${link.address} about ${page}?`, button: 'Unsubscribe' },
      async act() {
        await store.subscriptions.removeForThread(link.address, thread.id);
        return { title: 'Unsubscribed', text: `${link.address} will get no more mail about ${page}.` };
      },
    };
  }
  const link = readMailLink(deps.hashKey, token, 'stop', now);
  const site = link && (await store.sites.get(link.siteId));
  if (!link || !site) return null;
  return {
    ask: { title: `No more mail from ${site.name}`, text: `Never mail ${link.address} again from ${site.name}?`, button: 'No more mail' },
    async act() {
      await store.mailAddresses.stop(link.address, site.id, deps.now().toISOString());
      return {
        title: 'No more mail',
        text: `${site.name} will send nothing more to ${link.address}, and has forgotten its subscriptions.`,
      };
    },
  };
}
