/**
 * Comments: POST a comment or a reply (as a guest, or signed in with a bearer token);
 * GET, PATCH and DELETE one of your own (signed in, or with the guest's secret).
 */
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { siteSettings } from '../../shared/site-settings.ts';
import { editCommentSchema, newCommentSchema, signedInCommentSchema } from '../../shared/schemas.ts';
import { sessionUser } from '../auth/sessions.ts';
import { authorise, deleteComment, editComment, type Claimant, type Target } from '../comments/edit-comment.ts';
import { postComment } from '../comments/post-comment.ts';
import type { AppEnv } from '../http/app-env.ts';
import { clientIp } from '../http/client-ip.ts';
import { readJson, validate } from '../http/read-json.ts';
import { allowedOrigins } from '../sites/allowed-origins.ts';
import { requireSite } from '../sites/require-site.ts';
import { RiposteError } from '../http/errors.ts';

/** Header carrying the secret a guest got when posting. */
export const SECRET_HEADER = 'Riposte-Comment-Secret';

const idSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[1-9]\d{0,15}$/, 'A comment id is a positive whole number.'), v.transform(Number)),
});

/** The comment named in the path, checked against the calling page's origin; 404 for one readers cannot see. */
async function target(c: Context<AppEnv>): Promise<Target> {
  const { id } = validate(idSchema, c.req.param());
  const found = await c.var.store.comments.getWithThread(id);
  if (!found || found.comment.status === 'deleted' || found.comment.status === 'spam') {
    throw new RiposteError(404, 'not_found', `There is no comment ${id}.`);
  }
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
    if (!user && !siteSettings(site.settings).guests) {
      throw new RiposteError(403, 'guests_not_allowed', 'Log in to comment on this site.');
    }
    // The thread's address shows in feeds and to the owner: it must be on the blog, not anywhere a poster likes.
    if (input.url && !allowedOrigins(site, c.var.config).has(new URL(input.url).origin)) {
      const message = 'The page address must be on a website this site allows.';
      throw new RiposteError(400, 'invalid_input', message, { url: message });
    }
    // Per author too, not only per address: by account, else by the email or name given.
    const guest = 'author' in input ? input.author : undefined;
    c.var.commentRateLimit(user ? `user:${user.id}` : `guest:${guest?.email ?? guest?.name ?? ''}`);
    const posted = await postComment(c.var, input, { siteId: site.id, ip: clientIp(c, c.var.config.trustProxy), user });
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
