/** Works out which page a thread belongs to, from the element's attributes and the document. */

export interface PageIdentity {
  /**
   * The page's key as the element names it: the server normalises it (shared/page-key.ts:
   * no hash, no tracking parameters, ...) and answers the thread with the normalised key.
   */
  key: string;
  /** The page's address, sent with a new comment so feeds and the admin view can link to it. */
  url: string | undefined;
  title: string | undefined;
}

/**
 * `page-id` wins (stable when addresses change); else the canonical link, since blogs
 * reach one post by several addresses; else this address without its hash.
 */
export function pageIdentity(pageId: string | null, pageUrl: string | null, pageTitle: string | null): PageIdentity {
  // The `href` property is absolute even when the attribute is relative.
  const canonical = document.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]')?.href;
  const here = canonical || location.href.replace(/#.*$/, '');
  const url = (pageUrl?.trim() && absolute(pageUrl)) || here;
  return {
    key: pageId?.trim() || here,
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
