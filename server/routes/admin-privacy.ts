/**
 * The admin view's Privacy screen (mounted by routes/admin.ts behind requireAdmin): look a
 * person up by address or identity (`GET /privacy?person=`: counts only), download their
 * data (`GET /privacy/export?person=&format=json|markdown`, in the Log) and erase it
 * (`POST /privacy/erase { person, confirm: true }`, in the Log).
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { adminEraseSchema, adminPersonSchema, personSchema, type PrivacyLookup } from '../../shared/privacy.ts';
import type { AdminEnv } from '../admin/admin-auth.ts';
import { readJson, validate } from '../http/read-json.ts';
import { erasePerson, logExport } from '../privacy/erase.ts';
import { personByRef } from '../privacy/person.ts';
import { personalExport } from '../privacy/personal-export.ts';

const exportQuerySchema = v.object({
  person: personSchema,
  format: v.optional(v.picklist(['json', 'markdown'], 'format must be json or markdown.'), 'json'),
});

export function adminPrivacyRoutes() {
  return new Hono<AdminEnv>()
    .get('/privacy', async (c) => {
      const { person: ref } = validate(adminPersonSchema, c.req.query());
      const person = await personByRef(c.var.store, ref);
      const { data } = await personalExport(c.var.store, person, c.var.now());
      const lookup: PrivacyLookup = {
        person: person.label,
        identities: data.identities.map(({ identity, name }) => ({ identity, name })),
        counts: {
          comments: data.comments.length,
          votes: data.votes.length,
          likes: data.likes.length,
          subscriptions: data.subscriptions.length,
          sessions: data.identities.reduce((n, identity) => n + identity.sessions.length, 0),
        },
        personalFields: data.personalFields,
      };
      return c.json(lookup);
    })
    .get('/privacy/export', async (c) => {
      const { person: ref, format } = validate(exportQuerySchema, c.req.query());
      const person = await personByRef(c.var.store, ref);
      const now = c.var.now();
      const answer = await personalExport(c.var.store, person, now);
      await logExport(c.var.store, person, c.var.admin.email, answer.data.comments.length, now);
      const name = `riposte-personal-data-${now.toISOString().slice(0, 10)}`;
      const markdown = format === 'markdown';
      return c.body(markdown ? answer.markdown : JSON.stringify(answer.data, null, 2), 200, {
        'Content-Type': markdown ? 'text/markdown; charset=utf-8' : 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}.${markdown ? 'md' : 'json'}"`,
      });
    })
    .post('/privacy/erase', async (c) => {
      const { person: ref } = await readJson(c, adminEraseSchema);
      const person = await personByRef(c.var.store, ref);
      return c.json(await erasePerson(c.var, person, c.var.admin.email));
    });
}
