/**
 * "Log in with email": a mail with a six-digit code and a link opens a session like a
 * provider's, and proves the address (so notifications need no second confirmation). Both
 * work only in the browser that asked: it keeps a verifier and sent its SHA-256 when asking,
 * so a code or link someone else gets hold of (or a mail scanner that runs the page's script)
 * opens nothing. The link goes back to the reader's page, whose widget finishes the sign-in;
 * fetching it changes nothing on the server. Asking is limited per address and per sender.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type * as v from 'valibot';
import type { WireSession } from '../../shared/wire.ts';
import type { AppDeps, AppState } from '../http/app-env.ts';
import { RiposteError } from '../http/errors.ts';
import { newMessageId } from '../mail/message-id.ts';
import type { SiteRow } from '../store/schema.ts';
import { hashToken, randomToken, sameSecret } from '../tokens.ts';
import type { emailSessionSchema, emailStartSchema } from './auth-schemas.ts';
import { EMAIL_PROVIDER } from './identity.ts';
import { createSession } from './sessions.ts';
import { toWireUser } from './wire-user.ts';

/** How long the code and the link work. */
export const EMAIL_SIGN_IN_MINUTES = 15;
/** Sign-in mails one address may get per EMAIL_SIGN_IN_MINUTES, whoever asks. */
const MAILS_PER_ADDRESS = 3;
/** Wrong codes before the sign-in is used up (a million codes: 5 guesses is one chance in 200,000). */
const MAX_CODE_ATTEMPTS = 5;

type StartDeps = Pick<AppDeps, 'store' | 'config' | 'now' | 'outbox'> & Pick<AppState, 'mailLimits'>;
export type EmailStart = v.InferOutput<typeof emailStartSchema>;
export type EmailSession = v.InferOutput<typeof emailSessionSchema>;

const expired = () =>
  new RiposteError(400, 'invalid_input', 'This sign-in has expired or was already used; ask for a new mail from the comment form.');

/**
 * Queues the sign-in mail and answers the sign-in's id (the widget keeps it with its
 * verifier). `origin` is the asking page's, already allowed for the site.
 */
export async function startEmailSignIn(
  deps: StartDeps,
  site: SiteRow,
  origin: string,
  request: EmailStart,
  sender: string,
): Promise<{ id: string; minutes: number }> {
  const mail = deps.config.mail;
  if (!mail) throw new RiposteError(404, 'not_found', 'This comment server sends no mail, so it offers no sign-in by mail.');
  const back = URL.canParse(request.return) ? new URL(request.return) : null;
  if (!back || back.origin !== origin) {
    throw new RiposteError(400, 'invalid_input', "The page to return to is not on the page's own site.", {
      return: 'Not on this page’s site.',
    });
  }
  const now = deps.now();
  const since = new Date(now.getTime() - EMAIL_SIGN_IN_MINUTES * 60_000).toISOString();
  if (
    (await deps.store.emailSignIns.countSince(request.email, since)) >= MAILS_PER_ADDRESS ||
    !(await deps.mailLimits.signIn(deps.store.rateLimits, sender))
  ) {
    throw new RiposteError(429, 'rate_limited', `Too many sign-in mails asked for; wait ${EMAIL_SIGN_IN_MINUTES} minutes and try again.`);
  }
  const id = randomBytes(16).toString('base64url');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const token = randomToken();
  back.hash = `riposte-email-sign-in=${id}.${token}`;
  const expiresAt = new Date(now.getTime() + EMAIL_SIGN_IN_MINUTES * 60_000).toISOString();
  const queued = await deps.store.transaction(async (tx) => {
    // An address that asked for no more mail from the site gets none, and the asker is not told.
    if ((await tx.mailAddresses.state(request.email, site.id)).stopped) return false;
    await tx.emailSignIns.insert({
      id,
      address: request.email,
      name: request.name,
      siteId: site.id,
      origin,
      codeHash: hashToken(code),
      linkHash: hashToken(token),
      challenge: request.challenge,
      attempts: 0,
      createdAt: now.toISOString(),
      expiresAt,
    });
    await tx.outbox.enqueue({
      channel: 'mail',
      kind: 'sign-in',
      recipient: request.email,
      messageId: newMessageId(mail),
      siteId: site.id,
      payload: { link: back.href, code, minutes: EMAIL_SIGN_IN_MINUTES, expiresAt },
      nextAttemptAt: now.toISOString(),
      createdAt: now.toISOString(),
    });
    return true;
  });
  if (queued) deps.outbox.wake();
  return { id, minutes: EMAIL_SIGN_IN_MINUTES };
}

/** The code typed in, or the link's token, from the browser that asked: a session for the address's person. */
export async function finishEmailSignIn(
  deps: Pick<AppDeps, 'store' | 'config' | 'hashKey' | 'now'>,
  request: EmailSession,
  origin: string | undefined,
): Promise<WireSession> {
  const { store } = deps;
  const now = deps.now().toISOString();
  const signIn = await store.emailSignIns.get(request.id, now);
  if (!signIn || signIn.origin !== origin) throw expired();
  if (!sameSecret(hashToken(request.verifier), signIn.challenge)) {
    throw new RiposteError(
      400,
      'invalid_input',
      'This sign-in was asked for in another browser: open the link there, or type the code from the mail in the form where you asked.',
    );
  }
  const secret = request.code ?? request.token;
  const kept = request.code ? signIn.codeHash : signIn.linkHash;
  if (!secret || !sameSecret(hashToken(secret), kept)) {
    const attempts = await store.emailSignIns.addAttempt(signIn.id);
    if (attempts >= MAX_CODE_ATTEMPTS) {
      await store.emailSignIns.take(signIn.id);
      throw new RiposteError(400, 'invalid_input', 'Too many wrong codes; ask for a new mail from the comment form.');
    }
    throw new RiposteError(400, 'invalid_input', 'That is not the code in the mail; check it and try again.', { code: 'Wrong code.' });
  }
  // Taken before the session is made: of two requests with the same code, one wins.
  if (!(await store.emailSignIns.take(signIn.id))) throw expired();
  const user = await store.users.upsert(
    { provider: EMAIL_PROVIDER, subject: signIn.address, name: signIn.name, email: signIn.address, emailVerified: true, website: null },
    now,
  );
  await store.mailAddresses.confirm(signIn.address, now);
  return { type: 'riposte-session', token: await createSession(deps, user.id), user: toWireUser(user, deps.config.auth, deps.hashKey) };
}
