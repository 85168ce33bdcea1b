/**
 * A signed-in reader's own subscriptions: those made while signed in, and those of the address
 * their sign-in vouches for (made as a guest with it). They can list and end them; nobody else
 * sees a subscriber's address.
 */
import type { WireSubscription } from '../../shared/notifications.ts';
import type { AppDeps } from '../http/app-env.ts';
import { RiposteError } from '../http/errors.ts';
import type { UserRow } from '../store/schema.ts';

type Deps = Pick<AppDeps, 'store'>;

/** The address the sign-in vouches for, lower-cased, if any. */
function ownAddress(user: UserRow): string | null {
  return user.emailVerified && user.email ? user.email.toLowerCase() : null;
}

export async function listSubscriptions(deps: Deps, user: UserRow): Promise<WireSubscription[]> {
  const rows = await deps.store.subscriptions.listFor(user.id, ownAddress(user));
  return rows.map(({ subscription, thread }) => ({
    id: subscription.id,
    kind: subscription.kind,
    page: { key: thread.pageKey, url: thread.url, title: thread.title },
    commentId: subscription.commentId,
    createdAt: subscription.createdAt,
  }));
}

/** Ends one of the reader's subscriptions; 404 for one that is not theirs (or does not exist). */
export async function endSubscription(deps: Deps, user: UserRow, id: number): Promise<void> {
  const found = await deps.store.subscriptions.get(id);
  if (!found || (found.userId !== user.id && found.address !== ownAddress(user))) {
    throw new RiposteError(404, 'not_found', `You have no subscription ${id}.`);
  }
  await deps.store.subscriptions.remove(id);
}
