/** `riposte site [SITE] [name=value ...]`: shows a site's settings, or changes some of them. */
import * as v from 'valibot';
import { DEFAULT_SITE } from '../shared/limits.ts';
import { siteSettings, siteSettingsSchema, type SiteSettings } from '../shared/site-settings.ts';
import { ConfigError, type Config } from './config.ts';
import { openToolStore } from './cli-store.ts';

export const SITE_USAGE = `  site [SITE] [name=value ...]
           Show a site's settings (SITE defaults to "default"), or change some, e.g.
           riposte site default guests=false editWindowMinutes=30`;

type Name = keyof SiteSettings;
const DEFAULTS = siteSettings({});
const isName = (name: string): name is Name => name in DEFAULTS;

/** "true"/"false" for switches, whole numbers for counts, comma-separated lists, or text: the type each setting's default has. */
function parseValue(name: Name, value: string): boolean | number | string | string[] {
  const fallback = DEFAULTS[name];
  if (Array.isArray(fallback))
    return value
      .split(',')
      .map((word) => word.trim())
      .filter(Boolean);
  if (typeof fallback === 'string') return value;
  if (typeof DEFAULTS[name] === 'boolean') {
    if (/^(true|yes|1)$/i.test(value)) return true;
    if (/^(false|no|0)$/i.test(value)) return false;
    throw new ConfigError(`${name} must be true or false, not "${value}".`);
  }
  if (!/^\d{1,6}$/.test(value)) throw new ConfigError(`${name} must be a whole number, not "${value}".`);
  return Number(value);
}

export async function siteCommand(config: Config, positionals: string[]): Promise<void> {
  const named = positionals[0] !== undefined && !positionals[0].includes('=');
  const siteId = named ? positionals[0]! : DEFAULT_SITE;
  const changes: Record<string, boolean | number | string | string[]> = {};
  for (const assignment of named ? positionals.slice(1) : positionals) {
    const [name = '', value = ''] = assignment.split('=', 2);
    if (!isName(name)) throw new ConfigError(`unknown setting "${name}"; the settings are ${Object.keys(DEFAULTS).join(', ')}.`);
    changes[name] = parseValue(name, value);
  }
  const store = await openToolStore(config);
  try {
    if (siteId === DEFAULT_SITE) await store.sites.ensure(DEFAULT_SITE, 'Default site', new Date().toISOString());
    if (!(await store.sites.get(siteId))) throw new ConfigError(`There is no site "${siteId}".`);
    const checked = v.safeParse(siteSettingsSchema, { ...(await store.sites.settings(siteId)), ...changes });
    if (!checked.success) throw new ConfigError(`${checked.issues[0].path?.[0]?.key ?? 'setting'}: ${checked.issues[0].message}`);
    const settings = Object.keys(changes).length ? await store.sites.updateSettings(siteId, changes) : await store.sites.settings(siteId);
    console.log(
      `Site "${siteId}":\n${Object.entries(settings)
        .map(([name, value]) => `  ${name}=${Array.isArray(value) ? value.join(',') : value}`)
        .join('\n')}`,
    );
  } finally {
    await store.close();
  }
}
