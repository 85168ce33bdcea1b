/** What the sign-in routes accept (readers' under /auth, and the admin's provider login), checked before anything is done with it. */
import * as v from 'valibot';
import { siteIdSchema } from '../../shared/schemas.ts';

/** 256 bits, base64url: one-time codes, and the full-page flow's verifier and its SHA-256 challenge. */
const token256 = (what: string) =>
  v.pipe(v.string(`${what} is required.`), v.regex(/^[A-Za-z0-9_-]{43}$/, `${what} is not a sign-in ${what}.`));

export const siteQuerySchema = v.object({ site: v.optional(siteIdSchema) });

/** `GET /auth/<provider>/start`: the site, the page's origin, and for the full-page flow the page to return to and the challenge. */
export const startQuerySchema = v.object({
  site: v.optional(siteIdSchema),
  origin: v.pipe(v.string('origin is required.'), v.maxLength(300)),
  return: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  challenge: v.optional(token256('challenge')),
});

/** The full-page flow's one-time code, and the verifier the starting tab kept (its SHA-256 went out as the challenge). */
export const codeExchangeSchema = v.object({ code: token256('code'), verifier: token256('verifier') });
export type CodeExchange = v.InferOutput<typeof codeExchangeSchema>;
