/**
 * POST /webmention: the Webmention endpoint a blog names in its pages
 * (`<link rel="webmention" href="https://comments.example.com/webmention">`). Answers 202: the
 * source is fetched and checked later (webmention/deliver-verification.ts).
 */
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { RiposteError } from '../http/errors.ts';
import { validate } from '../http/read-json.ts';
import { receiveWebmention, webmentionSchema } from '../webmention/receive-webmention.ts';

export const webmentionRoutes = new Hono<AppEnv>().post('/', async (c) => {
  if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header('content-type') ?? '')) {
    throw new RiposteError(400, 'invalid_input', 'Send source and target as a form (Content-Type: application/x-www-form-urlencoded).');
  }
  const form = await c.req.parseBody();
  const fields = { source: form.source, target: form.target, ...(c.req.query('site') ? { site: c.req.query('site') } : {}) };
  await receiveWebmention(c.var, validate(webmentionSchema, fields));
  return c.json({ status: 'accepted', message: 'The source will be fetched and checked shortly.' }, 202);
});
