/**
 * Reads the post a Webmention source page is (its h-entry, microformats2, parsed by
 * microformats-parser): author, title, content, dates, and whether it replies to, likes,
 * reposts or bookmarks the target. Everything is cleaned: one-line text with limits, http(s)
 * URLs only, content through the comment sanitiser.
 */
import { escapeToBuffer, type StringBuffer } from 'hono/utils/html';
import { mf2 } from 'microformats-parser';
import { removeUnwantedChars } from '../../shared/clean-text.ts';
import { LIMITS } from '../../shared/limits.ts';
import type { MentionType } from '../../shared/notifications.ts';
import { normalisePageKey } from '../../shared/page-key.ts';
import { sanitizeImportedHtml } from '../render/markdown.ts';

// The parser does not export its types by name.
type MicroformatRoot = ReturnType<typeof mf2>['items'][number];
type MicroformatProperty = MicroformatRoot['properties'][string][number];

export interface EntryFields {
  type: MentionType;
  /** The entry's own address (u-url), if it has one. */
  url: string | null;
  author: { name: string | null; url: string | null; photo: string | null };
  /** A post's title; null for a note (whose "name" is only its text). */
  name: string | null;
  /** Sanitised HTML, as a comment's. */
  contentHtml: string | null;
  /** UTC, ISO 8601. */
  published: string | null;
  updated: string | null;
}

/** Content longer than this (as HTML) is shown as the start of its text instead. */
const MAX_CONTENT_HTML = 20_000;
const EXCERPT_CHARS = 1_000;

/** Text from the page for one line: cleaned, whitespace collapsed, at most `max` characters; null when empty. */
export function text(value: string | null | undefined, max: number): string | null {
  if (value === undefined || value === null) return null;
  const line = removeUnwantedChars(value).replace(/\s+/g, ' ').trim();
  if (!line) return null;
  return [...line].length > max ? `${[...line].slice(0, max - 1).join('')}…` : line;
}

function httpUrl(value: string | undefined): string | null {
  return value && /^https?:\/\//i.test(value) && URL.canParse(value) && value.length <= LIMITS.websiteMaxChars ? new URL(value).href : null;
}

const isRoot = (value: MicroformatProperty | undefined): value is MicroformatRoot => typeof value === 'object' && 'properties' in value;

/** A property's first value as a string: plain, an image's URL, an e-* property's text, an embedded item's value. */
function first(item: MicroformatRoot, name: string): string | undefined {
  const value = item.properties[name]?.[0];
  if (typeof value === 'string') return value;
  if (value === undefined) return undefined;
  if ('html' in value) return value.value;
  if (isRoot(value)) return typeof value.value === 'string' ? value.value : first(value, name === 'author' ? 'name' : 'url');
  return value.value;
}

/** Every h-entry, top level first, then nested ones (children and property values). */
function entries(items: MicroformatRoot[]): MicroformatRoot[] {
  const found: MicroformatRoot[] = [];
  const nested: MicroformatRoot[] = [];
  for (const item of items) {
    if (item.type?.includes('h-entry')) found.push(item);
    nested.push(...(item.children ?? []), ...Object.values(item.properties).flat().filter(isRoot));
  }
  return nested.length ? [...found, ...entries(nested)] : found;
}

function date(value: string | undefined): string | null {
  if (!value) return null;
  // mf2 dates: "2026-11-27 12:00:00+0100", "2026-11-27T12:00Z", "2026-11-27"; no zone means UTC here.
  const iso = value
    .trim()
    .replace(' ', 'T')
    .replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
  const zoned = /(Z|[+-]\d\d:\d\d)$/i.test(iso) || !iso.includes('T') ? iso : `${iso}Z`;
  const time = Date.parse(zoned);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function escapedParagraph(value: string): string {
  const buffer: StringBuffer = [''];
  escapeToBuffer(text(value, EXCERPT_CHARS) ?? '', buffer);
  return `<p>${buffer[0]}</p>`;
}

function content(entry: MicroformatRoot): string | null {
  const value = entry.properties.content?.[0];
  if (value !== undefined && typeof value === 'object' && 'html' in value) {
    const html = value.html.length > MAX_CONTENT_HTML ? escapedParagraph(value.value) : sanitizeImportedHtml(value.html);
    if (html) return html;
  }
  const plain = first(entry, 'content') ?? first(entry, 'summary');
  return plain?.trim() ? escapedParagraph(plain) : null;
}

function mentionType(entry: MicroformatRoot, target: string): MentionType {
  const key = normalisePageKey(target);
  const points = (name: string) =>
    (entry.properties[name] ?? []).some((v) => {
      const url = typeof v === 'string' ? v : isRoot(v) ? first(v, 'url') : undefined;
      return url !== undefined && normalisePageKey(url) === key;
    });
  if (points('in-reply-to')) return 'reply';
  if (points('like-of')) return 'like';
  if (points('repost-of')) return 'repost';
  if (points('bookmark-of')) return 'bookmark';
  return 'mention';
}

function author(entry: MicroformatRoot | undefined, items: MicroformatRoot[]): EntryFields['author'] {
  const given = entry?.properties.author?.[0];
  // Without an author on the entry, the page's own h-card speaks for it.
  const card = isRoot(given) ? given : given === undefined ? items.find((i) => i.type?.includes('h-card')) : undefined;
  if (card)
    return { name: text(first(card, 'name'), LIMITS.nameMaxChars), url: httpUrl(first(card, 'url')), photo: httpUrl(first(card, 'photo')) };
  if (typeof given === 'string') {
    const url = httpUrl(given);
    return { name: url ? null : text(given, LIMITS.nameMaxChars), url, photo: null };
  }
  return { name: null, url: null, photo: null };
}

/** The fields of the source's h-entry (the one whose u-url is the source, else the first); a page without one gives only the author. */
export function readEntry(html: string, source: string, target: string): EntryFields {
  const { items } = mf2(html, { baseUrl: source });
  const all = entries(items);
  const entry = all.find((e) => normalisePageKey(first(e, 'url') ?? '') === normalisePageKey(source)) ?? all[0];
  if (!entry)
    return { type: 'mention', url: null, author: author(undefined, items), name: null, contentHtml: null, published: null, updated: null };
  const contentHtml = content(entry);
  const name = text(first(entry, 'name'), LIMITS.titleMaxChars);
  const contentText = text(first(entry, 'content') ?? first(entry, 'summary'), LIMITS.titleMaxChars);
  return {
    type: mentionType(entry, target),
    url: httpUrl(first(entry, 'url')),
    author: author(entry, items),
    // A note's name is only its text again (p-name on the content): not a title.
    name: name === contentText ? null : name,
    contentHtml,
    published: date(first(entry, 'published')),
    updated: date(first(entry, 'updated')),
  };
}
