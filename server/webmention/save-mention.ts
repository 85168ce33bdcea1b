/**
 * What a verification does to the stored mentions: a page that links to ours is saved as a
 * mention of the page's thread (made if the page had none), moderated like a comment (the
 * site's moderation mode and blocked words; "first" knows a site by its earlier approved
 * mentions); the page's thread is found by its key (the address), else by the address its
 * widget sent (a page keyed by `page-id`); a source sent again updates its mention; one that
 * is gone or no longer links removes it. The thread's answer follows by itself (the mentions triggers bump its version).
 */
import type { MentionStatus } from '../../shared/notifications.ts';
import { normalisePageKey } from '../../shared/page-key.ts';
import { type SiteSettings, siteSettings } from '../../shared/site-settings.ts';
import type { AppDeps } from '../http/app-env.ts';
import type { StoreTransaction } from '../store/index.ts';
import type { SiteRow } from '../store/schema.ts';
import type { MentionRecord } from './verify-webmention.ts';

type SaveDeps = Pick<AppDeps, 'store' | 'now'>;

function hasBlockedWord(settings: SiteSettings, mention: MentionRecord): boolean {
  const haystack = [mention.author.name, mention.author.url, mention.name, mention.contentHtml, mention.url].join('\n').toLowerCase();
  return settings.blockedWords.some((word) => haystack.includes(word.toLowerCase()));
}

async function newMentionStatus(
  tx: StoreTransaction,
  site: SiteRow,
  settings: SiteSettings,
  mention: MentionRecord,
): Promise<MentionStatus> {
  if (settings.moderation === 'all') return 'pending';
  if (settings.moderation === 'first' && !(await tx.mentions.hasApprovedFrom(site.id, new URL(mention.source).origin))) return 'pending';
  return 'approved';
}

/** Saves the verified mention; answers its status. */
export function saveMention(deps: SaveDeps, site: SiteRow, mention: MentionRecord): Promise<MentionStatus> {
  const now = deps.now().toISOString();
  const settings = siteSettings(site.settings);
  return deps.store.transaction(async (tx) => {
    const key = normalisePageKey(mention.target);
    const thread =
      (await tx.threads.find(site.id, key)) ??
      (await tx.threads.findByUrl(site.id, mention.target)) ??
      (await tx.threads.create(site.id, key, now, mention.target));
    const earlier = await tx.mentions.find(thread.id, mention.source);
    const status = hasBlockedWord(settings, mention)
      ? 'pending'
      : (earlier?.status ?? (await newMentionStatus(tx, site, settings, mention)));
    const fields = {
      target: mention.target,
      type: mention.type,
      url: mention.url,
      authorName: mention.author.name,
      authorUrl: mention.author.url,
      name: mention.name,
      contentHtml: mention.contentHtml,
      publishedAt: mention.published,
    };
    await tx.mentions.save(thread.id, mention.source, fields, status, now);
    return status;
  });
}

/** Removes the source's mention of the target's page; true if there was one. */
export async function removeMention(deps: SaveDeps, site: SiteRow, source: string, target: string): Promise<boolean> {
  const thread =
    (await deps.store.threads.find(site.id, normalisePageKey(target))) ?? (await deps.store.threads.findByUrl(site.id, target));
  return thread ? deps.store.mentions.remove(thread.id, source) : false;
}
