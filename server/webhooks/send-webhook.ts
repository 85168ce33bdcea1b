/**
 * POSTs a webhook delivery to the owner's URL with a deadline, through the same address checks
 * as any URL Riposte did not choose (no loopback, private or link-local targets), and follows
 * no redirect: a delivery is accepted only by a 2xx from the URL itself.
 */
import type { AddressPolicy } from '../net/address-policy.ts';
import { checkedTarget } from '../net/checked-target.ts';
import { printable } from '../import/printable.ts';
import { pinnedRequest } from '../net/pinned-request.ts';
import type { WebhookDelivery } from './webhook-delivery.ts';

export interface WebhookResult {
  /** True for a 2xx: the delivery is done. */
  delivered: boolean;
  status: number;
  /** The start of the receiver's answer, one line, for the admin view's delivery log. */
  answer: string;
}

export interface SendWebhookOptions extends AddressPolicy {
  /** The whole attempt (default 10 s). */
  timeoutMs?: number;
}

/** Throws FetchError when no answer came (refused address, timeout, network); any status is a result. */
export async function sendWebhook(url: string, delivery: WebhookDelivery, options: SendWebhookOptions = {}): Promise<WebhookResult> {
  const signal = AbortSignal.timeout(options.timeoutMs ?? 10_000);
  const target = await checkedTarget(url, options, signal);
  const response = await pinnedRequest(target, {
    method: 'POST',
    headers: delivery.headers,
    body: delivery.body,
    signal,
    // Only the start of the answer is kept, for the delivery log.
    maxBytes: 1024,
    truncate: true,
  });
  return {
    delivered: response.status >= 200 && response.status < 300,
    status: response.status,
    answer: printable(response.body.toString('utf8', 0, 200)).trim(),
  };
}
