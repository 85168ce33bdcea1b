/**
 * Which of a thread's comments readers see: approved ones, plus removed ones (deleted, spam,
 * held) that still have visible replies, as placeholders, so the thread keeps its shape and a
 * reply is not lifted out of its context. Imported pingbacks and trackbacks only when the
 * site's settings show them.
 */
import type { SiteSettings } from '../../shared/site-settings.ts';
import type { CommentRow } from '../store/schema.ts';

export function visibleComments<T extends Pick<CommentRow, 'id' | 'parentId' | 'status' | 'kind'>>(
  all: readonly T[],
  settings: Pick<SiteSettings, 'showPingbacks'>,
): T[] {
  const rows = settings.showPingbacks ? all : all.filter((row) => row.kind === 'comment');
  const byId = new Map(rows.map((row) => [row.id, row]));
  const keptPlaceholders = new Set<number>();
  for (const row of rows) {
    if (row.status !== 'approved') continue;
    // Walk up from each approved comment, keeping the removed ancestors it hangs from.
    let parent = row.parentId === null ? undefined : byId.get(row.parentId);
    while (parent && parent.status !== 'approved' && !keptPlaceholders.has(parent.id)) {
      keptPlaceholders.add(parent.id);
      parent = parent.parentId === null ? undefined : byId.get(parent.parentId);
    }
  }
  return rows.flatMap((row) => {
    if (row.status === 'approved') return [row];
    // A placeholder shows nothing of what was removed, whatever the reason.
    return keptPlaceholders.has(row.id) ? [{ ...row, status: 'deleted' as const }] : [];
  });
}
