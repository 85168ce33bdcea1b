/** Which page a thread belongs to, from the element's attributes and the document. */

/**
 * The page's key as the element names it: `page-id` wins (stable when addresses change); else
 * the canonical link, since blogs reach one post by several addresses; else this address
 * without its hash. The server normalises it (shared/page-key.ts: no tracking parameters, no
 * trailing slash, ...) and answers the thread with the normalised key.
 */
export function pageKey(pageId: string | null): string {
  return pageId?.trim() || canonical();
}

/** The canonical link (its `href` property is absolute even when the attribute is relative), else this address. */
export function canonical(): string {
  return document.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]')?.href || location.href.replace(/#.*$/, '');
}
