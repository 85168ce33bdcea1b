/** What the widget remembers in this browser: guest details, a random liker id, liked pages, the order of threads. */
import { THREAD_SORTS, type ThreadSort, type WireComment } from '../shared/wire.ts';
import { base64url } from './base64url.ts';

// Storage may be missing (private modes, blocked third-party storage, sandboxed frames):
// every function then falls back to memory for this page view.

export interface GuestDetails {
  name: string;
  email: string;
  website: string;
}

const KEYS = {
  guest: 'riposte:guest',
  liker: 'riposte:liker',
  liked: 'riposte:liked:',
  held: 'riposte:held:',
  sort: 'riposte:sort',
} as const;

/** How long this browser keeps showing its own comment as awaiting moderation. */
const HELD_DAYS = 7;

/** Used when localStorage throws, so the page view still behaves consistently. */
const memory = new Map<string, string>();

export function read(key: string): string | null {
  try {
    return localStorage.getItem(key) ?? memory.get(key) ?? null;
  } catch {
    // Access itself throws when storage is blocked; memory is the documented fallback.
    return memory.get(key) ?? null;
  }
}

export function write(key: string, value: string | null): void {
  if (value === null) memory.delete(key);
  else memory.set(key, value);
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Blocked or full: the in-memory copy above keeps this page view working.
  }
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The details last used to comment here, or empty strings. */
export function loadGuest(): GuestDetails {
  let saved: unknown = null;
  try {
    saved = JSON.parse(read(KEYS.guest) ?? 'null');
  } catch {
    // Another script wrote something that is not JSON under our key: start afresh.
  }
  if (typeof saved !== 'object' || saved === null) return { name: '', email: '', website: '' };
  const { name, email, website }: { name?: unknown; email?: unknown; website?: unknown } = saved;
  return { name: text(name), email: text(email), website: text(website) };
}

/** Saves the details, or forgets them when `details` is null (the reader unticked "remember"). */
export function saveGuest(details: GuestDetails | null): void {
  write(KEYS.guest, details && JSON.stringify(details));
}

/** The liker id if this browser has one (it liked a page once), without making one. */
export function storedLikerId(): string | null {
  const id = read(KEYS.liker);
  return id && /^[A-Za-z0-9_-]{16,64}$/.test(id) ? id : null;
}

/** A random id (22 base64url characters, 128 bits) that lets the server count one like per browser. */
export function likerId(): string {
  let id = storedLikerId();
  if (!id) {
    id = base64url(crypto.getRandomValues(new Uint8Array(16)));
    write(KEYS.liker, id);
  }
  return id;
}

/** The order the reader last chose for threads, on every page of this blog. */
export function loadSort(): ThreadSort {
  return THREAD_SORTS.find((sort) => sort === read(KEYS.sort)) ?? 'oldest';
}

export function saveSort(sort: ThreadSort): void {
  write(KEYS.sort, sort === 'oldest' ? null : sort);
}

/** Whether this browser liked the page, remembered so the button is right before any request. */
export function isLiked(site: string, page: string): boolean {
  return read(`${KEYS.liked + site} ${page}`) === '1';
}

export function setLiked(site: string, page: string, liked: boolean): void {
  write(`${KEYS.liked + site} ${page}`, liked ? '1' : null);
}

function isHeld(value: unknown): value is WireComment {
  if (typeof value !== 'object' || value === null) return false;
  const { id, status, html, createdAt, author }: { id?: unknown; status?: unknown; html?: unknown; createdAt?: unknown; author?: unknown } =
    value;
  return (
    typeof id === 'number' &&
    status === 'pending' &&
    typeof html === 'string' &&
    typeof createdAt === 'string' &&
    typeof author === 'object' &&
    author !== null
  );
}

/**
 * This browser's own comments on the page that wait for moderation (the thread shows only
 * approved ones to everyone), minus those now shown and those older than HELD_DAYS.
 */
export function ownHeld(site: string, page: string, shown: readonly WireComment[]): WireComment[] {
  const key = `${KEYS.held + site} ${page}`;
  let saved: unknown = [];
  try {
    saved = JSON.parse(read(key) ?? '[]');
  } catch {
    // Not ours or damaged: start afresh.
  }
  const ids = new Set(shown.map((c) => c.id));
  const held = (Array.isArray(saved) ? saved : [])
    .filter(isHeld)
    .filter((c) => !ids.has(c.id) && Date.now() - Date.parse(c.createdAt) < HELD_DAYS * 86_400_000);
  write(key, held.length ? JSON.stringify(held) : null);
  return held;
}

/** Remembers a comment the server held, so its author still sees it after reloading. */
export function rememberHeld(site: string, page: string, comment: WireComment): void {
  write(`${KEYS.held + site} ${page}`, JSON.stringify([...ownHeld(site, page, []), comment]));
}
