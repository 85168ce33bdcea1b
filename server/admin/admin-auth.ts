/**
 * Admin sign-in for /admin: argon2id password hashes, a random session token in an HttpOnly,
 * SameSite=Strict cookie (Secure on https) stored only as its SHA-256 with an expiry, and CSRF
 * protection on every state-changing request: the session's token in the `Riposte-CSRF` header,
 * and the browser's Origin (when sent) must be this server's. Readers' bearer tokens play no part.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AdminSession } from '../../shared/moderation.ts';
import { hashToken, randomToken, sameSecret } from '../tokens.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { RiposteError } from '../http/errors.ts';
import type { AdminRow } from '../store/schema.ts';

/** The admin routes' context: the app's dependencies, and the admin once requireAdmin() has run. */
export type AdminEnv = { Variables: AppEnv['Variables'] & { admin: AdminRow } };

/** How long an admin stays logged in. */
export const ADMIN_SESSION_DAYS = 14;
export const CSRF_HEADER = 'Riposte-CSRF';

/** argon2, loaded at the first password hashed or checked: a server whose admins sign in with a provider never needs it (4 MiB). */
const argon2 = () => import('@node-rs/argon2');

/** The argon2id defaults of @node-rs/argon2 (19 MiB, 2 passes): OWASP's recommended minimum. */
export async function hashPassword(password: string): Promise<string> {
  return (await argon2()).hash(password);
}

/** A hash of a password nobody has, checked when the email is unknown, so timing does not tell which emails are admins; made at first need. */
let dummyHash: Promise<string> | undefined;

export async function checkPassword(admin: AdminRow | undefined, password: string): Promise<boolean> {
  const { verify } = await argon2();
  // Unknown emails, and admins who log in with a provider (no password), cost the same time.
  if (!admin?.passwordHash.startsWith('$argon2')) {
    dummyHash ??= hashPassword(randomToken());
    await verify(await dummyHash, password);
    return false;
  }
  return verify(admin.passwordHash, password);
}

/** `__Host-` pins the cookie to this host and path / (browsers require Secure for it). */
function cookieName(deps: Pick<AppDeps, 'config'>): string {
  return secure(deps) ? '__Host-riposte_admin' : 'riposte_admin';
}

function secure(deps: Pick<AppDeps, 'config'>): boolean {
  return deps.config.publicUrl.startsWith('https:');
}

export async function startAdminSession(c: Context<AdminEnv>, admin: AdminRow): Promise<AdminSession> {
  const token = randomToken();
  const csrf = randomToken();
  const now = c.var.now();
  await c.var.store.adminSessions.deleteExpired(now.toISOString());
  const expiresAt = new Date(now.getTime() + ADMIN_SESSION_DAYS * 86_400_000).toISOString();
  await c.var.store.adminSessions.create(hashToken(token), admin.id, csrf, now.toISOString(), expiresAt);
  setCookie(c, cookieName(c.var), token, {
    httpOnly: true,
    secure: secure(c.var),
    sameSite: 'Strict',
    path: '/',
    maxAge: ADMIN_SESSION_DAYS * 86_400,
  });
  return { admin: { email: admin.email, name: admin.name }, csrf };
}

export async function endAdminSession(c: Context<AdminEnv>): Promise<void> {
  const token = getCookie(c, cookieName(c.var));
  if (token) await c.var.store.adminSessions.delete(hashToken(token));
  deleteCookie(c, cookieName(c.var), { path: '/', secure: secure(c.var) });
}

/**
 * The logged-in admin and the session's CSRF token, or null. An admin by provider identity
 * (no password) is one only while RIPOSTE_ADMINS lists it: taken off the list, their sessions end.
 */
export async function adminSession(c: Context<AdminEnv>): Promise<{ admin: AdminRow; csrfToken: string } | null> {
  const token = getCookie(c, cookieName(c.var));
  if (!token || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const session = await c.var.store.adminSessions.find(hashToken(token), c.var.now().toISOString());
  if (!session) return null;
  if (session.admin.passwordHash === '' && !c.var.config.auth.admins.includes(session.admin.email)) {
    await c.var.store.adminSessions.delete(hashToken(token));
    return null;
  }
  return session;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A state-changing request must come from a page of this server (when the browser says where it came from). */
export function checkOrigin(c: Context<AdminEnv>): void {
  if (SAFE_METHODS.has(c.req.method)) return;
  const origin = c.req.header('origin');
  const own = new Set([new URL(c.var.config.publicUrl).origin, new URL(c.req.url).origin]);
  const site = c.req.header('sec-fetch-site');
  if ((origin !== undefined && !own.has(origin)) || (site !== undefined && site !== 'same-origin' && site !== 'none')) {
    throw new RiposteError(403, 'csrf_failed', 'This request did not come from the admin view; reload /admin and try again.');
  }
}

/** Every admin route but login: a live session, and on writes the Origin check and the CSRF header. */
export function requireAdmin(): MiddlewareHandler<AdminEnv> {
  return async function requireAdminHandler(c, next) {
    const session = await adminSession(c);
    if (!session) throw new RiposteError(401, 'unauthorized', 'Your admin session has expired or you logged out; log in again.');
    if (!SAFE_METHODS.has(c.req.method)) {
      checkOrigin(c);
      const sent = c.req.header(CSRF_HEADER) ?? '';
      if (!sameSecret(sent, session.csrfToken)) {
        throw new RiposteError(403, 'csrf_failed', "This request lacks the admin view's security token; reload /admin and try again.");
      }
    }
    c.set('admin', session.admin);
    await next();
  };
}
