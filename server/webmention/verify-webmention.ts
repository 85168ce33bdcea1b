/**
 * Webmention verification (W3C Recommendation, section 3.2): fetch the source safely, check
 * that it links to the target, and read what it says as a mention record, or say why not.
 * `gone` and `no-link` tell the caller to remove a mention it stored from this source before.
 */
import { FetchError, type FetchFailure } from '../net/fetch-error.ts';
import { safeFetch, type SafeFetchOptions } from '../net/safe-fetch.ts';
import { normalisePageKey } from '../../shared/page-key.ts';
import { type EntryFields, readEntry, text } from './h-entry.ts';
import { LIMITS } from '../../shared/limits.ts';
import { readSourceDocument } from './source-links.ts';

export interface MentionRecord extends EntryFields {
  source: string;
  target: string;
  /** The entry's own address, else the source's (after redirects). */
  url: string;
  /** The entry's title, else the page's <title>; null for a note. */
  name: string | null;
}

export type MentionFailure =
  /** source or target is not an http(s) URL, or they are the same. */
  | { reason: 'invalid' }
  /** The source answered 410 Gone: remove the mention. */
  | { reason: 'gone' }
  /** The source does not (or no longer) link to the target: remove the mention. */
  | { reason: 'no-link' }
  | { reason: 'not-html'; contentType: string }
  | { reason: 'http-error'; status: number }
  | { reason: 'fetch-failed'; code: FetchFailure };

export type Verification = { ok: true; mention: MentionRecord } | ({ ok: false; message: string; retry: boolean } & MentionFailure);

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)$/i;

function failure(failed: MentionFailure, message: string, retry = false): Verification {
  return { ok: false, message, retry, ...failed };
}

function decode(body: Buffer, contentType: string): string {
  const charset = /;\s*charset="?([\w-]+)"?/i.exec(contentType)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(body);
  } catch {
    // An unknown charset label: read it as UTF-8, as browsers fall back.
    return new TextDecoder().decode(body);
  }
}

export async function verifyWebmention(source: string, target: string, options: SafeFetchOptions = {}): Promise<Verification> {
  if (!/^https?:\/\//i.test(source) || !/^https?:\/\//i.test(target) || !URL.canParse(source) || !URL.canParse(target)) {
    return failure({ reason: 'invalid' }, 'source and target must be http(s) URLs.');
  }
  if (normalisePageKey(source) === normalisePageKey(target)) return failure({ reason: 'invalid' }, 'source and target are the same page.');
  let response: Awaited<ReturnType<typeof safeFetch>>;
  try {
    response = await safeFetch(source, { accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1', ...options });
  } catch (err) {
    if (!(err instanceof FetchError)) throw err;
    return failure({ reason: 'fetch-failed', code: err.code }, err.message, ['network', 'timeout', 'dns'].includes(err.code));
  }
  if (response.status === 410) return failure({ reason: 'gone' }, 'The source is gone (410).');
  if (response.status < 200 || response.status > 299) {
    const status = response.status;
    return failure({ reason: 'http-error', status }, `The source answered ${status}.`, status >= 500 || status === 429 || status === 408);
  }
  const contentType = String(response.headers['content-type'] ?? '');
  if (!HTML_TYPES.test(contentType.split(';')[0]!.trim())) {
    return failure({ reason: 'not-html', contentType }, `The source is not an HTML page (${contentType.slice(0, 80) || 'no type'}).`);
  }
  const html = decode(response.body, contentType);
  const page = readSourceDocument(html, response.url);
  const key = normalisePageKey(target);
  if (!page.links.some((link) => normalisePageKey(link) === key))
    return failure({ reason: 'no-link' }, 'The source does not link to the target.');
  const entry = readEntry(html, response.url, target);
  return {
    ok: true,
    mention: {
      ...entry,
      source,
      target,
      url: entry.url ?? response.url,
      name: entry.name ?? (entry.contentHtml ? null : text(page.title, LIMITS.titleMaxChars)),
    },
  };
}
