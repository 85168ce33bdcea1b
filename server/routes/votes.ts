/**
 * Votes on comments: PUT /comments/:id/vote casts, turns or takes back the reader's vote;
 * GET /votes lists the reader's votes on a page (the thread's cached answer is the same for
 * everyone, so a reader's own votes come from here). Signed in with a bearer token, the
 * reader votes as their account; otherwise as their browser's liker id.
 */
import { Hono } from 'hono';
import { commentIdParamSchema, voteQuerySchema, voteSchema } from '../../shared/schemas.ts';
import { sessionUser } from '../auth/sessions.ts';
import { visibleComment } from '../comments/comment-ownership.ts';
import { castVote, readerVotes } from '../comments/comment-votes.ts';
import type { AppEnv } from '../http/app-env.ts';
import { readJson, validate } from '../http/read-json.ts';
import { requireSite } from '../sites/require-site.ts';

export const voteRoutes = new Hono<AppEnv>()
  .get('/votes', async (c) => {
    const query = validate(voteQuerySchema, c.req.query());
    const site = await requireSite(c, query.site);
    const user = await sessionUser(c);
    const thread = await c.var.store.threads.find(site.id, query.page);
    // Each reader's own: never stored by a shared cache.
    c.header('Cache-Control', 'private, no-store');
    return c.json(await readerVotes(c.var, thread, user, query.liker));
  })
  .put('/comments/:id/vote', async (c) => {
    const { id } = validate(commentIdParamSchema, c.req.param());
    const found = await visibleComment(c.var.store, id);
    const site = await requireSite(c, found.thread.siteId);
    const user = await sessionUser(c);
    const { liker, value } = await readJson(c, voteSchema);
    return c.json(await castVote(c.var, { target: { ...found, site }, user, liker, value }));
  });
