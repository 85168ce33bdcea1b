/** The name, email and website a guest asked this browser to remember for their next comment. */
import { read, write } from '../storage.ts';

export interface GuestDetails {
  name: string;
  email: string;
  website: string;
}

const KEY = 'riposte:guest';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The details last used to comment here, or empty strings. */
export function loadGuest(): GuestDetails {
  let saved: unknown = null;
  try {
    saved = JSON.parse(read(KEY) ?? 'null');
  } catch {
    // Another script wrote something that is not JSON under our key: start afresh.
  }
  if (typeof saved !== 'object' || saved === null) return { name: '', email: '', website: '' };
  const { name, email, website }: { name?: unknown; email?: unknown; website?: unknown } = saved;
  return { name: text(name), email: text(email), website: text(website) };
}

/** Saves the details, or forgets them when `details` is null (the reader unticked "remember"). */
export function saveGuest(details: GuestDetails | null): void {
  write(KEY, details && JSON.stringify(details));
}
