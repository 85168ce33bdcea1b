/**
 * One function turns a page's identity into the key its thread is stored under.
 * The widget applies it before asking; the server applies it again, so keys match
 * whichever client sent them.
 */

/** Query parameters that identify a campaign or a click, never a page. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'gad_source',
  'msclkid',
  'yclid',
  'ttclid',
  'twclid',
  'li_fat_id',
  'srsltid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'igshid',
  'ref_src',
]);

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

/**
 * Normalises an http(s) URL: lower-case scheme and host (the URL parser does this),
 * no default port, no hash, no tracking parameters, parameters in a fixed order (`?a&b` is
 * `?b&a`), no trailing slash except the root.
 * Anything else (a `page-id` such as "post-42") is an opaque identifier, only trimmed.
 */
export function normalisePageKey(raw: string): string {
  const input = raw.trim();
  if (!/^https?:\/\//i.test(input)) return input;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return input;
  }
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) {
    if (isTracking(name)) url.searchParams.delete(name);
  }
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) {
    url.pathname = url.pathname.replace(/\/+$/, '') || '/';
  }
  url.searchParams.sort();
  // URL drops default ports itself; an emptied query leaves a bare "?" behind otherwise.
  const query = url.searchParams.toString();
  return `${url.protocol}//${url.host}${url.pathname}${query ? `?${query}` : ''}`;
}
