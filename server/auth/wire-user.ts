/** What the widget may know of a signed-in person: a name, an opaque id, the provider and a badge. */
import type { WireUser } from '../../shared/wire.ts';
import type { AuthConfig } from './auth-config.ts';
import { keyedHash } from '../tokens.ts';
import { badgeFor, EMAIL_PROVIDER } from './identity.ts';
import type { UserRow } from '../store/schema.ts';

/**
 * A stable id for a person's comments on the wire, so the widget can tell its reader's own
 * comments apart; keyed, so it says nothing about the provider account behind it.
 */
export function authorId(hashKey: string, userId: number): string {
  return keyedHash(hashKey, 'author', String(userId)).slice(0, 16);
}

export function toWireUser(user: UserRow, auth: AuthConfig, hashKey: string): WireUser {
  const badge = badgeFor(auth, user);
  return {
    id: authorId(hashKey, user.id),
    name: user.name,
    provider: user.provider,
    providerName: auth.providers.find((p) => p.id === user.provider)?.name ?? (user.provider === EMAIL_PROVIDER ? 'Email' : user.provider),
    ...(badge ? { badge } : {}),
    ...(user.emailVerified && user.email ? { mailable: true as const } : {}),
  };
}
