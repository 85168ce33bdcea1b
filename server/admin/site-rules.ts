/** A site's rules as the admin view shows and changes them: allowed origins and settings, each change in the audit log. */
import type * as v from 'valibot';
import { siteSettings, type SiteSettings } from '../../shared/site-settings.ts';
import type { Config } from '../config.ts';
import type { AppDeps } from '../http/app-env.ts';
import { configuredOrigins, type ConfiguredOrigin } from '../sites/allowed-origins.ts';
import { RiposteError } from '../http/errors.ts';
import { confirmNewAlertAddresses, withWebhookSecret } from '../sites/owner-contacts.ts';
import type { AdminRow, SiteRow } from '../store/schema.ts';
import type { siteChangeSchema } from './admin-schemas.ts';

export type SiteChange = v.InferOutput<typeof siteChangeSchema>;

/** A site as the admin view shows it: its settings with the defaults filled in, and the origins the server's settings allow besides its own. */
export function siteView(
  site: SiteRow,
  config: Config,
): { id: string; name: string; origins: string[]; configuredOrigins: ConfiguredOrigin[]; settings: SiteSettings } {
  return {
    id: site.id,
    name: site.name,
    origins: site.origins,
    configuredOrigins: configuredOrigins(site.id, config),
    settings: siteSettings(site.settings),
  };
}

/**
 * Changes the origins and the settings given (the others stay); 404 for a site that does not
 * exist. New alert addresses are sent a confirmation; the first webhook brings a secret.
 */
export async function changeSite(
  deps: Pick<AppDeps, 'store' | 'now' | 'config' | 'outbox'>,
  admin: AdminRow,
  siteId: string,
  { origins, settings }: SiteChange,
): Promise<SiteRow> {
  const given = Object.fromEntries(Object.entries(settings ?? {}).filter(([, value]) => value !== undefined));
  const now = deps.now().toISOString();
  const { site, queued } = await deps.store.transaction(async (tx) => {
    const found = await tx.sites.get(siteId);
    if (!found) throw new RiposteError(404, 'unknown_site', `There is no site "${siteId}".`);
    const before = siteSettings(found.settings);
    const changes = Object.keys(given).length ? withWebhookSecret(before, given) : given;
    if (origins) await tx.sites.setOrigins(siteId, [...new Set(origins)]);
    const after = Object.keys(changes).length ? await tx.sites.updateSettings(siteId, changes) : before;
    // The secret stays out of the audit log.
    const logged = { ...(origins ? { origins } : {}), ...given, ...('webhookSecret' in given ? { webhookSecret: '(changed)' } : {}) };
    await tx.audit.add(admin.email, 'settings', null, `${siteId}: ${JSON.stringify(logged)}`, now);
    const queued = await confirmNewAlertAddresses(tx, deps, siteId, before, after);
    return { site: (await tx.sites.get(siteId))!, queued };
  });
  if (queued > 0) deps.outbox.wake();
  return site;
}
