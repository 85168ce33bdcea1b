/**
 * A webhook delivery: the JSON body for a comment event and the headers that identify and sign
 * it (`Riposte-Signature: sha256=<hex HMAC-SHA256 of the body with the site's secret>`), so a
 * receiver can check it came from this server and drop a retried delivery it has seen.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { CommentEvent } from '../../shared/notifications.ts';
import type { WireComment } from '../../shared/wire.ts';

/** What a receiver gets as JSON; `id` and `occurredAt` are inside the signed body. */
export interface WebhookPayload {
  /** The delivery id: the same on every retry of this delivery. */
  id: string;
  event: CommentEvent;
  /** When the change happened (UTC, ISO 8601), not when this attempt was sent. */
  occurredAt: string;
  site: { id: string; name: string };
  page: { key: string; url: string | null; title: string | null };
  /** The comment as readers see it (no email, no IP), with its Markdown and its link. */
  comment: WireComment & { markdown: string; url: string | null };
}

export interface WebhookDelivery {
  id: string;
  /** The exact bytes that were signed; send them unchanged. */
  body: string;
  headers: Record<string, string>;
}

/** A new secret for a site's webhooks (256 random bits). */
export function newWebhookSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A new delivery id; store it with the delivery and reuse it on every attempt. */
export function newDeliveryId(): string {
  return randomUUID();
}

/** `sha256=` and the hex HMAC-SHA256 of the body under the secret. */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function buildWebhookDelivery(payload: WebhookPayload, secret: string, userAgent: string): WebhookDelivery {
  return signWebhookDelivery(JSON.stringify(payload), payload, secret, userAgent);
}

/**
 * The delivery of a body built earlier (the outbox builds it when the event is expanded and
 * signs it when it is sent, with the site's secret of that moment).
 */
export function signWebhookDelivery(
  body: string,
  payload: Pick<WebhookPayload, 'id' | 'event' | 'occurredAt'>,
  secret: string,
  userAgent: string,
): WebhookDelivery {
  return {
    id: payload.id,
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': userAgent,
      'riposte-event': payload.event,
      'riposte-delivery': payload.id,
      // The same moment as the body's occurredAt, in Unix seconds; the body's is the signed one.
      'riposte-timestamp': String(Math.floor(Date.parse(payload.occurredAt) / 1000)),
      'riposte-signature': signWebhookBody(body, secret),
    },
  };
}
