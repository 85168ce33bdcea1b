/**
 * Who may open /admin: an admin by email and password (made with `riposte admin add`), or a
 * provider identity listed in RIPOSTE_ADMINS, back from the full-page sign-in with its
 * one-time code. Each login is in the audit log; the session itself is admin-auth.ts's.
 */
import type { AppDeps } from '../http/app-env.ts';
import { RiposteError } from '../http/errors.ts';
import type { CodeExchange } from '../auth/auth-schemas.ts';
import { identityOf } from '../auth/identity.ts';
import { exchangeCode } from '../auth/one-time-code.ts';
import type { AdminRow } from '../store/schema.ts';
import { checkPassword } from './admin-auth.ts';

type LoginDeps = Pick<AppDeps, 'store' | 'config' | 'now'>;

/** The admin with this email and password; 401 otherwise, saying nothing of which was wrong. */
export async function passwordLogin(deps: LoginDeps, email: string, password: string): Promise<AdminRow> {
  const admin = await deps.store.admins.findByEmail(email);
  if (!(await checkPassword(admin, password)) || !admin) throw new RiposteError(401, 'unauthorized', 'Wrong email or password.');
  await deps.store.audit.add(admin.email, 'login', null, null, deps.now().toISOString());
  return admin;
}

/**
 * The admin for a provider identity listed in RIPOSTE_ADMINS (made at its first login), from
 * the one-time code the full-page sign-in, started from /admin on this server's own origin,
 * came back with.
 */
export async function providerLogin(deps: LoginDeps, exchange: CodeExchange): Promise<AdminRow> {
  const now = deps.now();
  const user = await exchangeCode(deps.store, exchange, new URL(deps.config.publicUrl).origin, now);
  if (!user) throw new RiposteError(400, 'invalid_input', 'This login link has expired or was already used; log in again.');
  const identity = identityOf(user);
  if (!deps.config.auth.admins.includes(identity)) {
    throw new RiposteError(
      403,
      'forbidden',
      `${identity} (${user.name}) is not an admin of this server; the owner can add it to RIPOSTE_ADMINS.`,
    );
  }
  const admin = await deps.store.admins.forIdentity(identity, user.name, now.toISOString());
  await deps.store.audit.add(admin.email, 'login', null, null, now.toISOString());
  return admin;
}
