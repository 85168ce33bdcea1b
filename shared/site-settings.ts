/**
 * A site's settings: one typed object stored as JSON on the site, with every default here,
 * so a setting added later needs no migration and an old row reads as the defaults.
 */
import * as v from 'valibot';

export const siteSettingsSchema = v.object({
  /** Show imported pingbacks and trackbacks in the thread (WordPress shows them; most blogs hide them). */
  showPingbacks: v.optional(v.boolean(), false),
  /** Whether readers may comment without signing in, with a name and an optional email. */
  guests: v.optional(v.boolean(), true),
  /** Minutes after posting during which an author may edit (and a guest delete) their comment. */
  editWindowMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_080, 'must be at most 10080 minutes (a week).')), 15),
});

export type SiteSettings = v.InferOutput<typeof siteSettingsSchema>;
/** What is stored: only the settings an owner changed; the rest take their defaults. */
export type StoredSiteSettings = v.InferInput<typeof siteSettingsSchema>;

/** The site's effective settings; unknown or invalid stored values fall back to the defaults. */
export function siteSettings(stored: unknown): SiteSettings {
  const result = v.safeParse(siteSettingsSchema, stored ?? {});
  return result.success ? result.output : v.parse(siteSettingsSchema, {});
}
