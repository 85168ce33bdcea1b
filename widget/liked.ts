/** Whether this browser liked a page, remembered so the like button is right before any request (writing/page-like.ts keeps it). */

export const likedKey = (site: string, page: string) => `riposte:liked:${site} ${page}`;

export function isLiked(site: string, page: string): boolean {
  try {
    return localStorage.getItem(likedKey(site, page)) === '1';
  } catch {
    // Storage blocked: the writing side asks the server once it is here.
    return false;
  }
}
