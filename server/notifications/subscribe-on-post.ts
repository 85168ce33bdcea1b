/**
 * "Notify me of replies to my comment" and "Notify me of new comments on this post", asked
 * with a comment: the subscriptions are stored with it, in its transaction. A signed-in
 * reader whose provider vouches for the address is mailed from now on; a guest's address is
 * mailed once its owner confirms it (a confirmation mail goes out if it is new here).
 */
import { SUBSCRIPTION_KINDS } from '../../shared/notifications.ts';
import type { PostedComment } from '../../shared/wire.ts';
import type { AppDeps } from '../http/app-env.ts';
import type { StoreTransaction } from '../store/index.ts';
import type { CommentRow, UserRow } from '../store/schema.ts';
import { requestConfirmation } from './confirmations.ts';

export type NotifyChoice = Record<(typeof SUBSCRIPTION_KINDS)[number], boolean>;

export interface SubscribeRequest {
  siteId: string;
  comment: CommentRow;
  user: UserRow | null;
  /** The guest's address, or the signed-in reader's verified one. */
  address: string;
  notify: NotifyChoice;
  senderAllowed: () => Promise<boolean>;
}

/** The address a reader may be mailed at: a guest's as given, a signed-in reader's only if the provider verified it. */
export function notifyAddress(user: UserRow | null, guestEmail: string | null | undefined): string | null {
  if (user) return user.emailVerified && user.email ? user.email : null;
  return guestEmail ?? null;
}

export async function subscribeOnPost(
  tx: StoreTransaction,
  deps: Pick<AppDeps, 'config' | 'now'>,
  { siteId, comment, user, address, notify, senderAllowed }: SubscribeRequest,
): Promise<PostedComment['notify']> {
  const at = deps.now().toISOString();
  const kinds = SUBSCRIPTION_KINDS.filter((kind) => notify[kind]);
  const state = await tx.mailAddresses.state(address, siteId);
  // An address that asked for no more mail from the site is not subscribed, and nobody is told so.
  if (state.stopped) return 'check-mail';
  for (const kind of kinds) {
    await tx.subscriptions.add({
      threadId: comment.threadId,
      kind,
      commentId: kind === 'replies' ? comment.id : null,
      address,
      userId: user?.id ?? null,
      createdAt: at,
    });
  }
  if (user) {
    await tx.mailAddresses.confirm(address, at);
    return 'active';
  }
  await requestConfirmation(tx, deps, {
    address,
    siteId,
    payload: { purpose: 'subscription', threadId: comment.threadId, what: kinds[0]! },
    senderAllowed,
  });
  // Whether the address was confirmed before is not told: the form is open to anyone.
  return 'check-mail';
}
