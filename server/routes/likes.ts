/** Page likes ("N readers like this"): one per browser, toggled with PUT. */
import { Hono } from 'hono';
import { likeQuerySchema, likeSchema } from '../../shared/schemas.ts';
import type { LikeState } from '../../shared/wire.ts';
import { keyedHash } from '../tokens.ts';
import type { AppEnv } from '../http/app-env.ts';
import { readJson, validate } from '../http/read-json.ts';
import { requireSite } from '../sites/require-site.ts';

export const likeRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const query = validate(likeQuerySchema, c.req.query());
    const site = await requireSite(c, query.site);
    const thread = await c.var.store.threads.find(site.id, query.page);
    const likerHash = keyedHash(c.var.hashKey, 'liker', query.liker);
    const state: LikeState = thread
      ? { count: await c.var.store.likes.count(thread.id), liked: await c.var.store.likes.has(thread.id, likerHash) }
      : { count: 0, liked: false };
    return c.json(state);
  })
  .put('/', async (c) => {
    const input = await readJson(c, likeSchema);
    const site = await requireSite(c, input.site);
    const pageKey = input.page;
    const { store, hashKey } = c.var;
    // Taking back a like on a page nobody commented on or liked needs no thread.
    const now = c.var.now().toISOString();
    const thread = input.liked ? await store.threads.upsert(site.id, pageKey, now) : await store.threads.find(site.id, pageKey);
    if (!thread) return c.json({ count: 0, liked: false } satisfies LikeState);
    await store.likes.set(thread.id, keyedHash(hashKey, 'liker', input.liker), input.liked, now);
    c.var.live.changed({ thread: thread.id });
    const state: LikeState = { count: await store.likes.count(thread.id), liked: input.liked };
    return c.json(state);
  });
