/**
 * Reads a thread's list of its last comment changes (threads.changes, written by the comment
 * triggers: newest first, 24 digits each, the version the change made and the comment's id), so
 * a thread cached at an older version catches up by re-reading only the comments that changed.
 */

const ENTRY = 24;
const HALF = 12;

/**
 * The ids of the comments changed from version `from` (exclusive) to `to` (inclusive), oldest
 * change first, each once; undefined unless the list accounts for every one of those versions
 * (another kind of change, or more changes than the list keeps, leaves a gap: read it whole).
 */
export function commentsChangedSince(changes: string, from: number, to: number): number[] | undefined {
  if (to <= from) return [];
  const ids: number[] = [];
  let expected = to;
  for (let at = 0; at + ENTRY <= changes.length && expected > from; at += ENTRY) {
    const version = Number(changes.slice(at, at + HALF));
    const id = Number(changes.slice(at + HALF, at + ENTRY));
    // Entries run down one version at a time; anything else is a gap or a list not ours.
    if (version !== expected || !Number.isSafeInteger(id) || id <= 0) return undefined;
    ids.push(id);
    expected--;
  }
  if (expected !== from) return undefined;
  return [...new Set(ids.reverse())];
}
