/** What the sign-in routes accept (readers' under /auth, and the admin's provider login), checked before anything is done with it. */
import * as v from 'valibot';
import { LIMITS } from '../../shared/limits.ts';
import { emailSchema, siteIdSchema } from '../../shared/schemas.ts';

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

const emailAddress = v.pipe(v.string('email is required.'), v.trim(), v.toLowerCase(), emailSchema);

/** `POST /auth/email/start`: the address to mail, the name to comment under, the page to come back to, and the tab's challenge. */
export const emailStartSchema = v.object({
  site: v.optional(siteIdSchema),
  email: emailAddress,
  name: v.pipe(
    v.string('name is required.'),
    v.trim(),
    v.minLength(1, 'Give the name to comment under.'),
    v.maxLength(LIMITS.nameMaxChars, `Name is longer than ${LIMITS.nameMaxChars} characters.`),
  ),
  return: v.pipe(v.string('return is required.'), v.maxLength(2000)),
  challenge: token256('challenge'),
});

/** `POST /auth/email/session`: the sign-in's id with the code typed in, or with the link's token; and the tab's verifier. */
export const emailSessionSchema = v.object({
  id: v.pipe(v.string('id is required.'), v.regex(/^[A-Za-z0-9_-]{22}$/, 'id is not a sign-in id.')),
  code: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^\d{6}$/, 'The code is the 6 digits in the mail.'))),
  token: v.optional(token256('token')),
  verifier: token256('verifier'),
});

/** The full-page flow's one-time code, and the verifier the starting tab kept (its SHA-256 went out as the challenge). */
export const codeExchangeSchema = v.object({ code: token256('code'), verifier: token256('verifier') });
export type CodeExchange = v.InferOutput<typeof codeExchangeSchema>;
