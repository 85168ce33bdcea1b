/** What the widget remembers in this browser: guest details, a random liker id, liked pages. */
// Storage may be missing (private modes, blocked third-party storage, sandboxed frames):
// every function then falls back to memory for this page view.

export interface GuestDetails {
  name: string;
  email: string;
  website: string;
}

const KEYS = { guest: 'riposte:guest', liker: 'riposte:liker', liked: 'riposte:liked:' } as const;

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
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    id = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    write(KEYS.liker, id);
  }
  return id;
}

/** Whether this browser liked the page, remembered so the button is right before any request. */
export function isLiked(site: string, page: string): boolean {
  return read(KEYS.liked + site + ' ' + page) === '1';
}

export function setLiked(site: string, page: string, liked: boolean): void {
  write(KEYS.liked + site + ' ' + page, liked ? '1' : null);
}
