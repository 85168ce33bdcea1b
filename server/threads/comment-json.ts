/**
 * The JSON of a page's comments, each as toWireComment shows it with the status the model
 * shows: taken from the model where a page sent it before, else read and shaped, and kept there
 * once the thread changes, so a page made again after a write reads and shapes only the
 * comments it has not sent.
 */
import type { Store } from '../store/index.ts';
import { toWireComment } from '../comments/to-wire.ts';
import type { ThreadModel, ThreadView } from './thread-model.ts';

/**
 * The JSON of each of `ids` shown in `view` (taken from `model` before any await); a comment
 * gone from the store since is left out. Returns the bytes newly kept on the model.
 */
export async function commentsJson(
  store: Store,
  hashKey: string,
  model: ThreadModel,
  view: ThreadView,
  ids: readonly number[],
): Promise<{ json: Map<number, string>; kept: number }> {
  const json = new Map<number, string>();
  const missing: number[] = [];
  for (const id of ids) {
    const status = view.byId.get(id)?.status;
    const known = model.wire.get(id);
    if (known && known.status === status) json.set(id, known.json);
    else if (status) missing.push(id);
  }
  if (missing.length === 0) return { json, kept: 0 };
  const version = model.thread.version;
  const rows = await store.comments.getMany(missing);
  // Kept for a thread that changes (model.changing), and only if the model did not move on
  // meanwhile: a change read since may be newer than these rows.
  const keep = model.changing && model.thread.version === version;
  let kept = 0;
  for (const row of rows) {
    const status = view.byId.get(row.id)!.status;
    // A removed comment kept as a placeholder shows as deleted, whatever it is stored as.
    const text = JSON.stringify(toWireComment({ ...row, status }, hashKey, view.settings.votes));
    json.set(row.id, text);
    // Another reader of the same model may have kept it meanwhile: counted once.
    if (keep && model.wire.get(row.id)?.status !== status) {
      model.wire.set(row.id, { status, json: text });
      kept += 50 + text.length * 2;
    }
  }
  return { json, kept };
}
