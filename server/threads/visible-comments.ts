/**
 * Which of a thread's comments readers see: approved ones, plus deleted ones that still
 * have visible replies (as placeholders, so the thread keeps its shape).
 */
import type { CommentRow } from '../store/schema.ts';

export function visibleComments(rows: CommentRow[]): CommentRow[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const keptPlaceholders = new Set<number>();
  for (const row of rows) {
    if (row.status !== 'approved') continue;
    // Walk up from each approved comment, keeping the deleted ancestors it hangs from.
    let parent = row.parentId === null ? undefined : byId.get(row.parentId);
    while (parent && parent.status === 'deleted' && !keptPlaceholders.has(parent.id)) {
      keptPlaceholders.add(parent.id);
      parent = parent.parentId === null ? undefined : byId.get(parent.parentId);
    }
  }
  return rows.filter((row) => row.status === 'approved' || keptPlaceholders.has(row.id));
}
