/**
 * A Webmention verification, as a delivery of the outbox (so it survives a restart and is
 * retried): fetch the source safely, then save, update or remove its mention. A source that
 * cannot be fetched for a while (network, 5xx) is tried again with backoff.
 */
import * as v from 'valibot';
import { riposteUserAgent } from '../net/safe-fetch.ts';
import type { Outcome } from '../outbox/outcome.ts';
import type { WorkerDeps } from '../outbox/outbox-worker.ts';
import type { OutboxRow } from '../store/schema.ts';
import { removeMention, saveMention } from './save-mention.ts';

const payloadSchema = v.object({ source: v.string(), target: v.string() });

export async function deliverVerification(deps: WorkerDeps, row: OutboxRow): Promise<Outcome> {
  const { source, target } = v.parse(payloadSchema, row.payload);
  const site = row.siteId === null ? undefined : await deps.store.sites.get(row.siteId);
  if (!site) return { kind: 'cancelled', reason: 'The site is gone.' };
  // The HTML and microformats parsers load at the first Webmention, not at start: many blogs never get one.
  const { verifyWebmention } = await import('./verify-webmention.ts');
  const result = await verifyWebmention(source, target, { ...deps.addressPolicy, userAgent: riposteUserAgent(deps.config.publicUrl) });
  if (result.ok) {
    const status = await saveMention(deps, site, result.mention);
    return { kind: 'sent', response: `Verified: the mention is ${status === 'approved' ? 'shown' : `held (${status})`}.` };
  }
  if (result.reason === 'gone' || result.reason === 'no-link') {
    const removed = await removeMention(deps, site, source, target);
    return { kind: 'sent', response: `${result.message} ${removed ? 'Its mention was removed.' : 'No mention was stored.'}` };
  }
  return result.retry ? { kind: 'retry', error: result.message } : { kind: 'failed', error: result.message };
}
