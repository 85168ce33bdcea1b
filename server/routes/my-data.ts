/**
 * /api/v1/my-data: a reader's own data, from the widget. POST / answers everything stored
 * about them (their account if signed in, the guest comments their browser proves with its
 * secrets, its likes and votes) as JSON and Markdown; POST /erase erases it, once confirmed.
 * Both are POSTs: the secrets travel in the body, never in a URL a log keeps.
 */
import { type Context, Hono } from 'hono';
import { eraseMyDataSchema, myDataSchema, type MyDataRequest } from '../../shared/privacy.ts';
import { sessionUser } from '../auth/sessions.ts';
import type { AppEnv } from '../http/app-env.ts';
import { readJson } from '../http/read-json.ts';
import { erasePerson, logExport } from '../privacy/erase.ts';
import { readerPerson } from '../privacy/person.ts';
import { personalExport } from '../privacy/personal-export.ts';
import { requireSite } from '../sites/require-site.ts';

/** The person the request proves, after the origin check; the Log names the reader by what they proved. */
async function reader(c: Context<AppEnv>, request: MyDataRequest) {
  await requireSite(c, request.site);
  const user = await sessionUser(c);
  const person = readerPerson(c.var.hashKey, user, request);
  return { person, actor: user ? `reader ${person.label}` : 'reader (guest)' };
}

export const myDataRoutes = new Hono<AppEnv>()
  .post('/', async (c) => {
    const { person, actor } = await reader(c, await readJson(c, myDataSchema));
    const now = c.var.now();
    const answer = await personalExport(c.var.store, person, now);
    await logExport(c.var.store, person, actor, answer.data.comments.length, now);
    c.header('Cache-Control', 'no-store');
    return c.json(answer);
  })
  .post('/erase', async (c) => {
    const { person, actor } = await reader(c, await readJson(c, eraseMyDataSchema));
    return c.json(await erasePerson(c.var, person, actor));
  });
