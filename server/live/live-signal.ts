/**
 * What a write tells every server process after its transaction has committed: which comment
 * changed, or which thread's likes did. Only ids travel (a NOTIFY carries 8,000 bytes at most);
 * each process reads what changed through its own thread cache (live-change.ts).
 */

export type LiveSignal = { comment: number } | { thread: number };

/** Reads a signal back; anything else (another program on the channel) is null. */
export function parseSignal(payload: string): LiveSignal | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null; // not ours: ignored, as a NOTIFY from another program on the channel would be
  }
  if (typeof value !== 'object' || value === null) return null;
  const comment = 'comment' in value ? value.comment : undefined;
  const thread = 'thread' in value ? value.thread : undefined;
  if (Number.isSafeInteger(comment)) return { comment: Number(comment) };
  if (Number.isSafeInteger(thread)) return { thread: Number(thread) };
  return null;
}
