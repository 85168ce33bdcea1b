/**
 * Grows the demo blog's thread (nine responses from the seed) into one that reads in pages, for
 * the browser tests of big threads: `responses` more responses to the page, and `replies`
 * replies to the first of them, a minute apart after the seed. Written through the store, as an
 * import would; the thread's version follows, so the cached pages do too.
 */
import type { RunningDemo } from '../../demo/start-demo.ts';

export const DEMO_PAGE = 'marine-le-pen-moscow-2017';

export interface GrownThread {
  /** The new responses' ids, oldest first. */
  responses: number[];
  /** The replies to the first new response, oldest first. */
  replies: number[];
}

export async function growDemoThread(stack: RunningDemo, responses: number, replies: number): Promise<GrownThread> {
  const { store } = stack.server;
  const thread = await store.threads.find('default', DEMO_PAGE);
  if (!thread) throw new Error('The demo thread is not seeded.');
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 1, minute)).toISOString();
  const grown: GrownThread = { responses: [], replies: [] };
  await store.transaction(async (tx) => {
    const insert = async (parentId: number | null, minute: number) =>
      (
        await tx.comments.insert({
          threadId: thread.id,
          parentId,
          status: 'approved',
          authorName: `Reader ${minute}`,
          bodyMarkdown: `Comment number ${minute}.`,
          bodyHtml: `<p>Comment number ${minute}.</p>`,
          createdAt: at(minute),
        })
      ).id;
    for (let i = 0; i < responses; i++) grown.responses.push(await insert(null, i));
    for (let i = 0; i < replies; i++) grown.replies.push(await insert(grown.responses[0] ?? null, responses + i));
  });
  return grown;
}
