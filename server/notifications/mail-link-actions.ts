/**
 * What each link in a mail asks and does: confirm an address, unsubscribe it from a page,
 * stop all mail from a site. The page a GET shows asks; the button's POST (or a mail
 * client's RFC 8058 one-click POST) does it. Doing it twice ends in the same place. The pages
 * speak the thread's language (the link carries it where it names no thread).
 */
import type { AppDeps } from '../http/app-env.ts';
import { mailStrings } from '../mail/mail-strings.ts';
import type { MailPage } from './mail-page.ts';
import { type MailLinkPurpose, readMailLink } from './mail-links.ts';

type LinkDeps = Pick<AppDeps, 'store' | 'hashKey' | 'now'>;

export interface LinkAction {
  /** The page a GET shows: what the button will do. */
  ask: MailPage;
  /** Does it; answers the page that says it was done. */
  act(): Promise<MailPage>;
}

/** A link this server did not make: nothing says which language its reader speaks. */
const english = mailStrings('en');
export const INVALID_LINK: MailPage = { lang: english.lang, ...english.pages.invalid };

/** The link's action, or null for a link this server did not make (or an expired confirmation). */
export async function mailLinkAction(deps: LinkDeps, purpose: MailLinkPurpose, token: string | undefined): Promise<LinkAction | null> {
  const { store } = deps;
  const now = deps.now();
  if (purpose === 'confirm') {
    const link = readMailLink(deps.hashKey, token, 'confirm', now);
    const site = link && (await store.sites.get(link.siteId));
    if (!link || !site) return null;
    const { lang, pages } = mailStrings(link.lang);
    const names = { site: site.name, address: link.address };
    return {
      ask: { lang, title: pages.confirm.title, text: pages.confirm.text(names), button: pages.confirm.button },
      async act() {
        await store.mailAddresses.confirm(link.address, deps.now().toISOString());
        return { lang, title: pages.confirm.doneTitle, text: pages.confirm.done(names) };
      },
    };
  }
  if (purpose === 'unsubscribe') {
    const link = readMailLink(deps.hashKey, token, 'unsubscribe', now);
    const thread = link && (await store.threads.get(link.threadId));
    if (!link || !thread) return null;
    const strings = mailStrings(thread.lang);
    const { lang, pages } = strings;
    const names = { address: link.address, page: strings.page(thread.title, thread.url ?? thread.pageKey) };
    return {
      ask: { lang, title: pages.unsubscribe.title, text: pages.unsubscribe.text(names), button: pages.unsubscribe.button },
      async act() {
        await store.subscriptions.removeForThread(link.address, thread.id);
        return { lang, title: pages.unsubscribe.doneTitle, text: pages.unsubscribe.done(names) };
      },
    };
  }
  const link = readMailLink(deps.hashKey, token, 'stop', now);
  const site = link && (await store.sites.get(link.siteId));
  if (!link || !site) return null;
  const { lang, pages } = mailStrings(link.lang);
  const names = { site: site.name, address: link.address };
  return {
    ask: { lang, title: pages.stop.title(names), text: pages.stop.text(names), button: pages.stop.button },
    async act() {
      await store.mailAddresses.stop(link.address, site.id, deps.now().toISOString());
      return { lang, title: pages.stop.doneTitle, text: pages.stop.done(names) };
    },
  };
}
