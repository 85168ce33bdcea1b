/**
 * A site's settings: one typed object stored as JSON on the site, with every default here,
 * so a setting added later needs no migration and an old row reads as the defaults.
 */
import * as v from 'valibot';
import { removeUnwantedChars } from './clean-text.ts';
import { MODERATION_MODES, VOTE_MODES } from './moderation.ts';
import { emailSchema, webhookUrlSchema } from './schemas.ts';

const count = (max: number, what: string) =>
  v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max, `must be at most ${max} ${what}.`));

export const siteSettingsSchema = v.object({
  /** Show imported pingbacks and trackbacks in the thread (WordPress shows them; most blogs hide them). */
  showPingbacks: v.optional(v.boolean(), false),
  /** Whether readers may comment without signing in, with a name and an optional email. */
  guests: v.optional(v.boolean(), true),
  /** Minutes after posting during which an author may edit (and a guest delete) their comment. */
  editWindowMinutes: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_080, 'must be at most 10080 minutes (a week).')),
    15,
  ),
  /** Which new comments wait for approval: every one, only an author's first, or none. */
  moderation: v.optional(v.picklist(MODERATION_MODES, 'must be all, first or none.'), 'none'),
  /** Whether guests must give an email address. */
  emailRequired: v.optional(v.boolean(), false),
  /** Threads older than this many days take no new comments; 0 never closes them. */
  closeAfterDays: v.optional(count(36_500, 'days'), 0),
  /** A comment with more links than this is held for approval. */
  maxLinks: v.optional(count(100, 'links'), 2),
  /** Comments sent sooner than this many seconds after the form was shown are held (0: off). */
  minSeconds: v.optional(count(600, 'seconds'), 0),
  /** Comments whose text, name, email or website contain one of these (any case) are held. */
  blockedWords: v.optional(v.array(v.pipe(v.string(), v.transform(removeUnwantedChars), v.trim(), v.minLength(1), v.maxLength(100))), []),
  /** Owner alerts: these addresses get a mail for every new comment (once each has confirmed). */
  alertsAll: v.optional(v.pipe(v.array(v.pipe(v.string(), v.trim(), v.toLowerCase(), emailSchema)), v.maxLength(20)), []),
  /** Owner alerts: these addresses get a mail only for comments held for approval. */
  alertsHeld: v.optional(v.pipe(v.array(v.pipe(v.string(), v.trim(), v.toLowerCase(), emailSchema)), v.maxLength(20)), []),
  /** URLs that receive a signed JSON POST when a comment is created, approved, edited or deleted. */
  webhooks: v.optional(v.pipe(v.array(webhookUrlSchema), v.maxLength(10)), []),
  /** The key of the webhooks' HMAC-SHA256 signature; made by the server when the first webhook is added. */
  webhookSecret: v.optional(v.pipe(v.string(), v.regex(/^[\x21-\x7e]{16,200}$/, 'must be 16 to 200 printable characters without spaces.'))),
  /** Retention: a comment's IP hash is dropped this many days after it was posted; 0 keeps it. */
  keepIpHashDays: v.optional(count(36_500, 'days'), 0),
  /**
   * Retention: a comment's email is dropped this many days after it was posted, unless its
   * author is subscribed (replies to it, or the page, with that address); 0 keeps it.
   */
  keepEmailDays: v.optional(count(36_500, 'days'), 0),
  /** Whether readers vote on comments: `off`, `up` (upvotes only) or `updown` (downvotes too). */
  votes: v.optional(v.picklist(VOTE_MODES, 'must be off, up or updown.'), 'up'),
});

export type SiteSettings = v.InferOutput<typeof siteSettingsSchema>;
/** What is stored: only the settings an owner changed; the rest take their defaults. */
export type StoredSiteSettings = v.InferInput<typeof siteSettingsSchema>;

/**
 * What a site made by this version starts with, stored on it (a row from before keeps reading
 * as the defaults above, so an upgrade neither changes its rules nor drops what it kept).
 * Strangers can post to a comment server: a first-time commenter's comment waits for the
 * owner's approval, as WordPress does by default; an author the server knows (a signed-in
 * account with an approved comment, or the browser of an approved guest) goes through. The
 * owner turns it off under Rules (moderation: none). A new site keeps IP hashes and emails
 * 30 days (emails longer while their author is subscribed).
 */
export const NEW_SITE_SETTINGS: StoredSiteSettings = { moderation: 'first', keepIpHashDays: 30, keepEmailDays: 30 };

/** The site's effective settings; unknown or invalid stored values fall back to the defaults. */
export function siteSettings(stored: unknown): SiteSettings {
  const result = v.safeParse(siteSettingsSchema, stored ?? {});
  return result.success ? result.output : v.parse(siteSettingsSchema, {});
}
