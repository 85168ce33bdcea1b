/**
 * Comments: POST a comment or a reply (as a guest, or signed in with a bearer token);
 * GET, PATCH and DELETE one of your own (signed in, or with the guest's secret).
 */
import { Hono, type Context } from 'hono';
import { commentIdParamSchema, editCommentSchema, newCommentSchema, signedInCommentSchema } from '../../shared/schemas.ts';
import { sessionUser } from '../auth/sessions.ts';
import { authorise, deleteComment, visibleComment, type Claimant, type Target } from '../comments/comment-ownership.ts';
import { editComment, postComment } from '../comments/comment-pipeline.ts';
import type { AppEnv } from '../http/app-env.ts';
import { clientIp } from '../http/client-ip.ts';
import { readJson, validate } from '../http/read-json.ts';
import { requireSite } from '../sites/require-site.ts';

/** Header carrying the secret a guest got when posting. */
export const SECRET_HEADER = 'Riposte-Comment-Secret';

/** The comment named in the path, checked against the calling page's origin; 404 for one readers cannot see. */
async function target(c: Context<AppEnv>): Promise<Target> {
  const found = await visibleComment(c.var.store, validate(commentIdParamSchema, c.req.param()).id);
  return { ...found, site: await requireSite(c, found.thread.siteId) };
}

async function claimant(c: Context<AppEnv>): Promise<Claimant> {
  const secret = c.req.header(SECRET_HEADER);
  return { user: await sessionUser(c), secret: secret && /^[A-Za-z0-9_-]{20,100}$/.test(secret) ? secret : null };
}

export const commentRoutes = new Hono<AppEnv>()
  .post('/', async (c) => {
    const user = await sessionUser(c);
    const input = await readJson(c, user ? signedInCommentSchema : newCommentSchema);
    const site = await requireSite(c, input.site);
    // requireSite has checked that a page's origin, when a browser sends one, is the site's.
    const fromPage = c.req.header('origin') !== undefined;
    const posted = await postComment(c.var, { site, input, user, ip: clientIp(c, c.var.config.trustProxy), fromPage });
    return c.json(posted, 201);
  })
  // The Markdown of your own comment, to edit it.
  .get('/:id', async (c) => {
    const found = await target(c);
    authorise(found, await claimant(c), 'edit', c.var.now());
    c.header('Cache-Control', 'no-store');
    return c.json({ body: found.comment.bodyMarkdown });
  })
  .patch('/:id', async (c) => {
    const found = await target(c);
    const who = await claimant(c);
    const { body } = await readJson(c, editCommentSchema);
    return c.json({ comment: await editComment(c.var, found, who, body) });
  })
  .delete('/:id', async (c) => {
    await deleteComment(c.var, await target(c), await claimant(c));
    return c.body(null, 204);
  });
