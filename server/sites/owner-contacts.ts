/**
 * What a change to a site's owner alerts and webhooks brings with it, whoever makes it (the
 * admin view's Rules, `riposte site`): the webhooks' signing secret, made by the server when
 * the first webhook is added, and a confirmation mail to each alert address new to the site
 * (no alert goes to an address before its owner confirmed it).
 */
import type { SiteSettings } from '../../shared/site-settings.ts';
import type { AppDeps } from '../http/app-env.ts';
import { requestConfirmation } from '../notifications/confirmations.ts';
import type { StoreTransaction } from '../store/index.ts';
import { newWebhookSecret } from '../webhooks/webhook-delivery.ts';

/** The changes, with a new webhook secret where the site will have webhooks and no secret yet. */
export function withWebhookSecret(current: SiteSettings, changes: Partial<SiteSettings>): Partial<SiteSettings> {
  const webhooks = changes.webhooks ?? current.webhooks;
  const secret = changes.webhookSecret ?? current.webhookSecret;
  return webhooks.length > 0 && !secret ? { ...changes, webhookSecret: newWebhookSecret() } : changes;
}

/** Queues a confirmation for each alert address the change added (where mail is on); says how many. */
export async function confirmNewAlertAddresses(
  tx: StoreTransaction,
  deps: Pick<AppDeps, 'config' | 'now'>,
  siteId: string,
  before: SiteSettings,
  after: SiteSettings,
): Promise<number> {
  if (!deps.config.mail) return 0;
  const had = new Set([...before.alertsAll, ...before.alertsHeld]);
  let queued = 0;
  for (const address of new Set([...after.alertsAll, ...after.alertsHeld])) {
    if (had.has(address)) continue;
    // The owner asked: no per-sender limit (the per-address one still holds).
    const result = await requestConfirmation(tx, deps, {
      address,
      siteId,
      payload: { purpose: 'alerts' },
      senderAllowed: () => Promise.resolve(true),
    });
    if (result === 'queued') queued++;
  }
  return queued;
}
