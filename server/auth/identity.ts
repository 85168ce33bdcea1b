/** A signed-in person's identity, `provider:subject`, as RIPOSTE_OWNERS, RIPOSTE_MODERATORS, RIPOSTE_ADMINS and bans name it. */
import type { AuthorBadge } from '../../shared/wire.ts';
import type { UserRow } from '../store/schema.ts';
import type { AuthConfig } from './auth-config.ts';

/** The users row's provider for people who sign in by mail (auth/email-sign-in.ts); their subject is the lower-cased address. */
export const EMAIL_PROVIDER = 'email';

export function identityOf(user: Pick<UserRow, 'provider' | 'subject'>): string {
  return `${user.provider}:${user.subject}`;
}

/** "Author" for identities listed in RIPOSTE_OWNERS, "Moderator" for RIPOSTE_MODERATORS. */
export function badgeFor(auth: AuthConfig, user: Pick<UserRow, 'provider' | 'subject'>): AuthorBadge | null {
  const identity = identityOf(user);
  if (auth.owners.includes(identity)) return 'owner';
  if (auth.moderators.includes(identity)) return 'moderator';
  return null;
}
