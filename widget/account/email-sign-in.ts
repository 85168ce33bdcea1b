/**
 * "Log in with email", the browser's half: ask the server to mail a code and a link back to
 * this page, keeping the sign-in's id and the verifier its challenge was made from (in this
 * browser's storage, not only this tab's: the link is often opened in a new tab); then trade
 * the typed code, or the link's token when the page opens with it, for a session.
 */
import type { WireSession } from '../../shared/wire.ts';
import type { Api } from '../api.ts';
import { newPkce } from '../pkce.ts';
import { read, write } from '../storage.ts';

const pendingKey = (server: string) => `riposte:email-sign-in:${server}`;

function pending(server: string): { id: string; verifier: string } | null {
  let saved: unknown = null;
  try {
    saved = JSON.parse(read(pendingKey(server)) ?? 'null');
  } catch {
    // Damaged: as if none had been asked for.
  }
  if (typeof saved !== 'object' || saved === null) return null;
  const { id, verifier }: { id?: unknown; verifier?: unknown } = saved;
  return typeof id === 'string' && typeof verifier === 'string' ? { id, verifier } : null;
}

/** Asks for the mail; resolves once the server has queued it. */
export async function askSignInMail(api: Api, site: string, email: string, name: string): Promise<void> {
  const { verifier, challenge } = await newPkce();
  const back = location.href.replace(/#.*$/, '');
  const { id } = await api.send<{ id: string }>('POST', 'auth/email/start', { body: { site, email, name, return: back, challenge } });
  write(pendingKey(api.server), JSON.stringify({ id, verifier }));
}

/** The code from the mail, for the sign-in this browser asked for. */
export async function signInWithCode(api: Api, code: string): Promise<WireSession> {
  const asked = pending(api.server);
  if (!asked) throw new Error('No sign-in by mail was asked for in this browser.');
  const session = await api.send<WireSession>('POST', 'auth/email/session', { body: { id: asked.id, code, verifier: asked.verifier } });
  write(pendingKey(api.server), null);
  return session;
}

/**
 * The page was opened from the mail's link (`#riposte-email-sign-in=ID.TOKEN`, taken out of
 * the address at once): the session, if this browser asked for that sign-in; else null.
 */
export async function returnedSignInMail(api: Api): Promise<WireSession | null> {
  const match = /^#riposte-email-sign-in=([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(location.hash);
  if (!match) return null;
  history.replaceState(history.state, '', location.pathname + location.search);
  const asked = pending(api.server);
  if (asked?.id !== match[1]) return null;
  const session = await api.send<WireSession>('POST', 'auth/email/session', {
    body: { id: asked.id, token: match[2], verifier: asked.verifier },
  });
  write(pendingKey(api.server), null);
  return session;
}
