/** The page's address, title and language, sent with a new comment so feeds and the admin view can link to it and mails speak its language. */
import { elementLanguage } from '../i18n/languages.ts';
import { canonical } from '../page.ts';

/** `page-url` (made absolute), else the canonical link or this address; `page-title`, else the document's title. */
export function pageAddress(pageUrl: string | null, pageTitle: string | null): { url: string | undefined; title: string | undefined } {
  const url = (pageUrl?.trim() && absolute(pageUrl)) || canonical();
  return {
    // The server accepts only http(s) addresses; a file:// preview simply sends none.
    url: /^https?:/i.test(url) ? url : undefined,
    title: pageTitle?.trim() || document.title.trim() || undefined,
  };
}

function absolute(href: string): string | undefined {
  try {
    return new URL(href, location.href).href;
  } catch {
    return undefined; // not an address at all: fall back to the page's own
  }
}

/** The language the element's page declares (its `lang`, else `<html lang>`), if it declares one. */
export function pageLanguage(element: Element): { lang?: string } {
  const lang = elementLanguage(element).trim();
  return lang ? { lang } : {};
}
