/** Maps a stored mention to what readers see of it (the admin view adds its status and source). */
import type { WireMention } from '../../shared/notifications.ts';
import type { MentionRow } from '../store/schema.ts';

export function toWireMention(row: MentionRow): WireMention {
  return {
    id: row.id,
    type: row.type,
    url: row.url,
    author: { name: row.authorName, url: row.authorUrl },
    name: row.name,
    html: row.contentHtml,
    publishedAt: row.publishedAt ?? row.createdAt,
  };
}
