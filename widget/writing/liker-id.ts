/** This browser's random liker id: one like per page and one vote per comment for a reader who is not signed in. */
import { base64url } from '../base64url.ts';
import { read, write } from '../storage.ts';

const LIKER_KEY = 'riposte:liker';

/** The liker id if this browser has one (it liked or voted once), without making one. */
export function storedLikerId(): string | null {
  const id = read(LIKER_KEY);
  return id && /^[A-Za-z0-9_-]{16,64}$/.test(id) ? id : null;
}

/** A random id (22 base64url characters, 128 bits) that lets the server count one like or vote per browser. */
export function likerId(): string {
  let id = storedLikerId();
  if (!id) {
    id = base64url(crypto.getRandomValues(new Uint8Array(16)));
    write(LIKER_KEY, id);
  }
  return id;
}
