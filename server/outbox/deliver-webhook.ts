/**
 * Sends one webhook delivery of the outbox: the body built when the event was expanded, signed
 * now with the site's secret, to a URL the site still lists. A 2xx is done; any other answer
 * or a network failure is tried again later; an address Riposte refuses to post to is failed.
 */
import * as v from 'valibot';
import { COMMENT_EVENTS } from '../../shared/notifications.ts';
import { siteSettings } from '../../shared/site-settings.ts';
import { FetchError } from '../net/fetch-error.ts';
import { riposteUserAgent } from '../net/safe-fetch.ts';
import type { OutboxRow } from '../store/schema.ts';
import { sendWebhook } from '../webhooks/send-webhook.ts';
import { signWebhookDelivery } from '../webhooks/webhook-delivery.ts';
import type { Outcome } from './outcome.ts';
import type { WorkerDeps } from './outbox-worker.ts';

const storedPayload = v.object({ body: v.string() });
const signedFields = v.object({ id: v.string(), event: v.picklist(COMMENT_EVENTS), occurredAt: v.string() });

export async function deliverWebhook(deps: WorkerDeps, row: OutboxRow): Promise<Outcome> {
  const site = row.siteId === null ? undefined : await deps.store.sites.get(row.siteId);
  const settings = siteSettings(site?.settings);
  if (!site || !settings.webhooks.includes(row.recipient)) return { kind: 'cancelled', reason: 'The site no longer lists this webhook.' };
  if (!settings.webhookSecret) return { kind: 'failed', error: 'The site has no webhook secret; save its rules again to make one.' };
  const { body } = v.parse(storedPayload, row.payload);
  const fields = v.parse(signedFields, JSON.parse(body));
  const delivery = signWebhookDelivery(body, fields, settings.webhookSecret, riposteUserAgent(deps.config.publicUrl));
  try {
    const result = await sendWebhook(row.recipient, delivery, deps.addressPolicy);
    const response = `${result.status}${result.answer ? ` ${result.answer}` : ''}`;
    return result.delivered ? { kind: 'sent', response } : { kind: 'retry', error: `The URL answered ${result.status}.`, response };
  } catch (err) {
    if (!(err instanceof FetchError)) throw err;
    if (err.code === 'refused' || err.code === 'bad-url') return { kind: 'failed', error: err.message };
    return { kind: 'retry', error: err.message };
  }
}
