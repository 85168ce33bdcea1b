/**
 * Double opt-in: the only mail that may go to an address its owner has not confirmed is the
 * confirmation itself, and only a few a day (per address here, per sender in
 * mail-rate-limits.ts), never to an address that asked for no more mail from the site.
 */
import type { SubscriptionKind } from '../../shared/notifications.ts';
import type { AppDeps } from '../http/app-env.ts';
import { newMessageId } from '../mail/message-id.ts';
import type { StoreTransaction } from '../store/index.ts';

/** Confirmation mails one address may get in 24 hours, whoever asks. */
export const CONFIRMATIONS_PER_DAY = 3;

/** What the confirmation mail says it is for. */
export type ConfirmationPayload =
  | { purpose: 'subscription'; threadId: number; what: SubscriptionKind }
  /** An owner alert address added in the site's rules. */
  | { purpose: 'alerts' };

export interface ConfirmationRequest {
  address: string;
  siteId: string;
  payload: ConfirmationPayload;
  /** The per-sender limit, asked only when a mail would really go out. */
  senderAllowed: () => Promise<boolean>;
}

/**
 * Queues a confirmation mail unless none is needed or allowed; says which. Only where mail is
 * on (callers check): with mail off there are no mail rows at all.
 */
export async function requestConfirmation(
  tx: StoreTransaction,
  deps: Pick<AppDeps, 'config' | 'now'>,
  { address, siteId, payload, senderAllowed }: ConfirmationRequest,
): Promise<'queued' | 'confirmed' | 'stopped' | 'limited'> {
  const mail = deps.config.mail;
  if (!mail) return 'limited';
  const lower = address.toLowerCase();
  const state = await tx.mailAddresses.state(lower, siteId);
  if (state.stopped) return 'stopped';
  if (state.confirmed) return 'confirmed';
  const now = deps.now();
  if (!(await senderAllowed()) || !(await tx.mailAddresses.reserveConfirmation(lower, now, CONFIRMATIONS_PER_DAY))) return 'limited';
  await tx.outbox.enqueue({
    channel: 'mail',
    kind: 'confirm',
    recipient: lower,
    messageId: newMessageId(mail),
    siteId,
    payload: payload,
    nextAttemptAt: now.toISOString(),
    createdAt: now.toISOString(),
  });
  return 'queued';
}
