/** POST /api/v1/comments: a reader posts a comment or a reply. */
import { Hono } from 'hono';
import { newCommentSchema } from '../../shared/schemas.ts';
import { postComment } from '../comments/post-comment.ts';
import type { AppEnv } from '../http/app-env.ts';
import { clientIp } from '../http/client-ip.ts';
import { readJson } from '../http/read-json.ts';
import { requireSite } from '../sites/require-site.ts';

export const commentRoutes = new Hono<AppEnv>().post('/', async (c) => {
  const input = await readJson(c, newCommentSchema);
  const site = requireSite(c, input.site);
  const comment = postComment(c.var, input, { siteId: site.id, ip: clientIp(c, c.var.config.trustProxy) });
  return c.json({ comment }, 201);
});
