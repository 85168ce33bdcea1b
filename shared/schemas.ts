/**
 * Validation of what readers send, shared so the widget's inline errors and the
 * server's 400 answers say the same thing.
 */
import * as v from 'valibot';
import { LIMITS } from './limits.ts';

/** Control characters (other than tab and newlines) are never meant; they go before any check. */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const withoutControlChars = v.transform((s: string) => s.replace(CONTROL_CHARS, ''));

const trimmed = (max: number, what: string) =>
  v.pipe(v.string(`${what} must be text.`), withoutControlChars, v.trim(), v.maxLength(max, `${what} is longer than ${max} characters.`));

/** Empty strings count as "not given" for optional fields. */
const optionalText = <T extends v.GenericSchema<string, string>>(schema: T) =>
  v.optional(v.pipe(v.string(), v.trim(), v.transform((s) => (s === '' ? undefined : s)), v.optional(schema)));

export const siteIdSchema = v.pipe(
  trimmed(LIMITS.siteIdMaxChars, 'Site'),
  v.regex(/^[a-z0-9][a-z0-9_-]*$/i, 'Site may contain only letters, digits, "-" and "_".'),
);

export const pageKeySchema = v.pipe(
  trimmed(LIMITS.pageKeyMaxChars, 'Page'),
  v.minLength(1, 'Page is required.'),
);

export const websiteSchema = v.pipe(
  v.string(),
  v.maxLength(LIMITS.websiteMaxChars, `Website is longer than ${LIMITS.websiteMaxChars} characters.`),
  v.url('Website must be a full address such as https://example.com.'),
  v.regex(/^https?:\/\//i, 'Website must start with http:// or https://.'),
);

export const emailSchema = v.pipe(
  v.string(),
  v.maxLength(LIMITS.emailMaxChars, `Email is longer than ${LIMITS.emailMaxChars} characters.`),
  v.email('Email does not look like an address (name@example.com).'),
);

export const authorSchema = v.object({
  // Missing and empty both get the same readable message.
  name: v.optional(v.pipe(trimmed(LIMITS.nameMaxChars, 'Name'), v.minLength(1, 'Name is required.')), ''),
  email: optionalText(emailSchema),
  website: optionalText(websiteSchema),
});

export const newCommentSchema = v.object({
  site: v.optional(siteIdSchema),
  page: pageKeySchema,
  url: optionalText(websiteSchema),
  title: optionalText(v.pipe(v.string(), v.maxLength(LIMITS.titleMaxChars, 'Title is too long.'))),
  parentId: v.optional(v.nullable(v.pipe(v.number('Parent must be a comment id.'), v.integer(), v.minValue(1)))),
  body: v.pipe(
    v.string('Comment must be text.'),
    withoutControlChars,
    v.trim(),
    v.minLength(1, 'Write something before posting.'),
    v.maxLength(LIMITS.bodyMaxChars, `Comment is longer than ${LIMITS.bodyMaxChars} characters.`),
  ),
  author: v.optional(authorSchema, {}),
});
export type NewComment = v.InferOutput<typeof newCommentSchema>;

/** Which browser asks about which page's like. */
export const likeQuerySchema = v.object({
  site: v.optional(siteIdSchema),
  page: pageKeySchema,
  liker: v.pipe(v.string('Liker must be text.'), v.regex(/^[A-Za-z0-9_-]{16,64}$/, 'Liker must be a random id of 16 to 64 letters, digits, "-" or "_".')),
});

export const likeSchema = v.object({
  ...likeQuerySchema.entries,
  liked: v.boolean('Liked must be true or false.'),
});
export type NewLike = v.InferOutput<typeof likeSchema>;

/** Flattens valibot issues into { field: message }, the shape of `error.fields`. */
export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path?.map((p) => String(p.key)).join('.') || 'request';
    fields[path] ??= issue.message;
  }
  return fields;
}
