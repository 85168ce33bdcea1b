/**
 * What this browser keeps for the reader on one comment server: their session token, and the
 * secrets of the comments they posted as a guest (proof of authorship for editing them).
 */
import { read, write } from '../storage.ts';

/** Kept per server: two comment servers on one blog have two sessions. */
const tokenKey = (server: string) => `riposte:session:${server}`;
const secretsKey = (server: string) => `riposte:secrets:${server}`;
/**
 * Guest secrets prove authorship for editing (within the edit window, 7 days at most) and, on a
 * later comment, that this browser's earlier one was approved (a known author where only
 * first comments are held): kept a year, the newest ones only.
 */
const SECRET_DAYS = 366;
const SECRETS_KEPT = 20;

export function sessionToken(server: string): string | null {
  return read(tokenKey(server));
}

/** Keeps the token of a new session, or forgets it (null): signed out, or no longer accepted. */
export function keepSessionToken(server: string, token: string | null): void {
  write(tokenKey(server), token);
}

/** Comment id -> [secret, when it was kept]; entries of another shape are dropped. */
function secrets(server: string): Map<string, [string, number]> {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(read(secretsKey(server)) ?? 'null');
  } catch {
    // Not ours, or damaged: the reader loses only the Edit buttons of old comments.
  }
  const all = new Map<string, [string, number]>();
  if (typeof parsed !== 'object' || parsed === null) return all;
  for (const [id, entry] of Object.entries(parsed)) {
    if (Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number') all.set(id, [entry[0], entry[1]]);
  }
  return all;
}

/** Keeps the secret a guest got for a new comment, dropping old ones. */
export function rememberSecret(server: string, id: number, secret: string): void {
  const cutoff = Date.now() - SECRET_DAYS * 86_400_000;
  const kept = [...secrets(server)].filter(([, [, at]]) => at > cutoff).slice(1 - SECRETS_KEPT);
  write(secretsKey(server), JSON.stringify(Object.fromEntries([...kept, [id, [secret, Date.now()]]])));
}

/** The newest comments this browser posted as a guest, with their secrets: its proof of being a known author. */
export function earlierComments(server: string, max: number): { id: number; secret: string }[] {
  return [...secrets(server)].slice(-max).map(([id, [secret]]) => ({ id: Number(id), secret }));
}

/** Comment ids this browser posted as a guest and still holds the secret for. */
export function guestComments(server: string): Set<number> {
  return new Set([...secrets(server).keys()].map(Number));
}

/** The guest secret of one comment, if this browser posted it. */
export function commentSecret(server: string, id: number): string | undefined {
  return secrets(server).get(String(id))?.[0];
}

/** Forgets every guest secret (the reader deleted their data: the comments are gone or emptied). */
export function forgetSecrets(server: string): void {
  write(secretsKey(server), null);
}
