/**
 * Validation of what readers send, shared so the widget's inline errors and the
 * server's 400 answers say the same thing.
 */
import * as v from 'valibot';
import { cleanName, isVisible, removeUnwantedChars } from './clean-text.ts';
import { LIMITS, MAX_ID } from './limits.ts';
import { normalisePageKey } from './page-key.ts';
import { THREAD_SORTS } from './wire.ts';

/** Unwanted characters (see clean-text.ts) go before any check. */
const withoutUnwantedChars = v.transform(removeUnwantedChars);

/** Every text field starts here: text, cleaned, trimmed. */
const cleanText = (what: string) => v.pipe(v.string(`${what} must be text.`), withoutUnwantedChars, v.trim());

const trimmed = (max: number, what: string) => v.pipe(cleanText(what), v.maxLength(max, `${what} is longer than ${max} characters.`));

/** A name or a title: also without invisible characters (see clean-text.ts). */
const nameText = (what: string) => v.pipe(v.string(`${what} must be text.`), v.transform(cleanName), v.trim());

/** Empty strings count as "not given" for optional fields; `text` cleans them first. */
const optionalText = <T extends v.GenericSchema<string, string>>(
  what: string,
  schema: T,
  text: v.GenericSchema<unknown, string> = cleanText(what),
) =>
  v.optional(
    v.pipe(
      text,
      v.transform((s) => (s === '' ? undefined : s)),
      v.optional(schema),
    ),
  );

export const siteIdSchema = v.pipe(
  trimmed(LIMITS.siteIdMaxChars, 'Site'),
  v.regex(/^[a-z0-9][a-z0-9_-]*$/i, 'Site may contain only letters, digits, "-" and "_".'),
);

/** A page key, normalised here so every route stores and finds the same key; its length counts after. */
export const pageKeySchema = v.pipe(
  cleanText('Page'),
  v.minLength(1, 'Page is required.'),
  v.transform(normalisePageKey),
  v.maxLength(LIMITS.pageKeyMaxChars, `Page is longer than ${LIMITS.pageKeyMaxChars} characters.`),
);

/** A missing page reads as an empty one, so both get the same readable message. */
const requiredPage = v.optional(pageKeySchema, '');

/** Which page of which site: the query of the feed, and the start of others. */
export const pageQuerySchema = v.object({ site: v.optional(siteIdSchema), page: requiredPage });

/** A comment id in a query string or path: a positive whole number. */
const idText = (what: string) =>
  v.pipe(
    v.string(),
    v.regex(/^[1-9]\d{0,15}$/, `${what} is a positive whole number.`),
    v.transform(Number),
    v.maxValue(MAX_ID, `${what} is at most ${MAX_ID}.`),
  );

/** A route's `:id`, a comment's. */
export const commentIdParamSchema = v.object({ id: idText('A comment id') });

/**
 * GET /threads: which page of the thread, in which order. `cursor` is the `next` of the page
 * before (opaque to clients); `comment` asks for the page that holds that comment instead.
 */
export const threadQuerySchema = v.object({
  ...pageQuerySchema.entries,
  sort: v.optional(v.picklist(THREAD_SORTS, 'Sort must be oldest, newest or best.'), 'oldest'),
  cursor: v.optional(idText('A cursor')),
  comment: v.optional(idText('A comment id')),
});

/** A thread version as a live updates client names it (the `since` query, or a Last-Event-ID header; see live.ts). */
export const versionTextSchema = v.pipe(
  v.string(),
  v.regex(/^\d{1,15}$/, 'since is the id of the last event you received, a whole number.'),
  v.transform(Number),
);

/** GET /threads/events: which thread to follow, and the version of its comments on screen (if known). */
export const liveQuerySchema = v.object({ ...pageQuerySchema.entries, since: v.optional(versionTextSchema) });

const httpUrlSchema = (what: string) =>
  v.pipe(
    v.string(),
    v.maxLength(LIMITS.websiteMaxChars, `${what} is longer than ${LIMITS.websiteMaxChars} characters.`),
    v.url(`${what} must be a full address such as https://example.com.`),
    v.regex(/^https?:\/\//i, `${what} must start with http:// or https://.`),
  );

export const websiteSchema = httpUrlSchema('Website');

/** A webhook's URL: http(s), no user name or password in it (the server checks its address when sending). */
export const webhookUrlSchema = v.pipe(
  v.string(),
  v.trim(),
  httpUrlSchema('A webhook URL'),
  v.check((url) => !/^https?:\/\/[^/]*@/i.test(url), 'A webhook URL may not carry a user name or password.'),
);

export const emailSchema = v.pipe(
  v.string(),
  v.maxLength(LIMITS.emailMaxChars, `Email is longer than ${LIMITS.emailMaxChars} characters.`),
  v.email('Email does not look like an address (name@example.com).'),
);

/** A guest comment and the secret its author was given when posting it: proof of authorship. */
export const commentProofSchema = v.object({
  id: v.pipe(v.number('Comment ids are numbers.'), v.integer(), v.minValue(1)),
  secret: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{20,100}$/, 'A comment secret is the token the server gave.')),
});

export const authorSchema = v.object({
  // Missing and empty both get the same readable message.
  name: v.optional(
    v.pipe(
      nameText('Name'),
      v.maxLength(LIMITS.nameMaxChars, `Name is longer than ${LIMITS.nameMaxChars} characters.`),
      v.check(isVisible, 'Name is required.'),
    ),
    '',
  ),
  email: optionalText('Email', emailSchema),
  website: optionalText('Website', websiteSchema),
});

/** A BCP 47 language tag as pages write them in `lang` ("fr", "pt-BR", "de-Latn-CH"), at most 35 characters. */
export const languageTagSchema = v.pipe(
  v.string('A language tag is text.'),
  v.maxLength(35, 'A language tag is at most 35 characters.'),
  v.regex(/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i, 'A language tag looks like fr or pt-BR.'),
);

export const newCommentSchema = v.object({
  site: v.optional(siteIdSchema),
  page: requiredPage,
  url: optionalText('Page address', httpUrlSchema('Page address')),
  title: optionalText(
    'Title',
    v.pipe(v.string(), v.maxLength(LIMITS.titleMaxChars, `Title is longer than ${LIMITS.titleMaxChars} characters.`)),
    nameText('Title'),
  ),
  /**
   * The language the page declares (the widget's element `lang`, else `<html lang>`): mails
   * about the thread speak it. A page's odd `lang` (`en_US`, a typo) never costs its reader the
   * comment: what is not a language tag is dropped.
   */
  lang: v.optional(
    v.pipe(
      v.string('lang must be a language tag such as fr or pt-BR.'),
      v.transform((tag) => tag.trim().replace(/_/g, '-')),
      v.transform((tag) => (v.is(languageTagSchema, tag) ? tag : undefined)),
    ),
  ),
  parentId: v.optional(
    v.nullable(
      v.pipe(v.number('Parent must be a comment id.'), v.integer(), v.minValue(1), v.maxValue(MAX_ID, 'Parent must be a comment id.')),
    ),
  ),
  body: v.pipe(
    cleanText('Comment'),
    v.check(isVisible, 'Write something before posting.'),
    v.maxLength(LIMITS.bodyMaxChars, `Comment is longer than ${LIMITS.bodyMaxChars} characters.`),
  ),
  author: v.optional(authorSchema, {}),
  /** The widget's honeypot field: hidden from people, so anything in it came from a robot. */
  trap: v.optional(v.pipe(v.string(), v.maxLength(1000))),
  /** Milliseconds the form was on screen before it was sent (the widget measures it). */
  formMs: v.optional(v.pipe(v.number('formMs must be a number.'), v.integer(), v.minValue(0))),
  /** Mail me replies to this comment, and/or every new comment on the page (where the server sends mail). */
  notify: v.optional(
    v.object({
      replies: v.optional(v.boolean('notify.replies must be true or false.'), false),
      thread: v.optional(v.boolean('notify.thread must be true or false.'), false),
    }),
  ),
  /** A guest's earlier comments from this browser, each with the secret it was given: proof of a known author. */
  earlierComments: v.optional(
    v.pipe(v.array(commentProofSchema), v.maxLength(LIMITS.earlierCommentsMax, `At most ${LIMITS.earlierCommentsMax} earlier comments.`)),
  ),
});
export type NewComment = v.InferOutput<typeof newCommentSchema>;

/** A signed-in reader's comment: name and website come from their profile, so `author` is ignored. */
export const signedInCommentSchema = v.omit(newCommentSchema, ['author']);

/** PATCH /comments/:id: the new Markdown, checked as when posting. */
export const editCommentSchema = v.object({ body: newCommentSchema.entries.body });

/** Which browser asks about which page's like. */
export const likeQuerySchema = v.object({
  site: v.optional(siteIdSchema),
  page: requiredPage,
  liker: v.pipe(
    v.string('Liker must be text.'),
    v.regex(/^[A-Za-z0-9_-]{16,64}$/, 'Liker must be a random id of 16 to 64 letters, digits, "-" or "_".'),
  ),
});

export const likeSchema = v.object({
  ...likeQuerySchema.entries,
  liked: v.boolean('Liked must be true or false.'),
});

/** A signed-in reader votes as their account; a guest as their browser's liker id. */
const optionalLiker = v.optional(likeQuerySchema.entries.liker);

/** GET /votes: the reader's votes on a page. */
export const voteQuerySchema = v.object({ ...pageQuerySchema.entries, liker: optionalLiker });

/** PUT /comments/:id/vote. */
export const voteSchema = v.object({
  liker: optionalLiker,
  value: v.picklist([1, 0, -1], 'Value must be 1 (up), -1 (down) or 0 (no vote).'),
});

/** POST /preview: Markdown checked as when posting. */
export const previewSchema = v.object({ body: newCommentSchema.entries.body });

/** Flattens valibot issues into { field: message }, the shape of `error.fields`. */
export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path?.map((p) => String(p.key)).join('.') || 'request';
    // A key left out altogether reads as valibot's "Invalid key: Expected …"; say it plainly.
    const missing = issue.kind === 'schema' && issue.input === undefined && issue.path?.length;
    fields[path] ??= missing ? `${path} is required.` : issue.message;
  }
  return fields;
}
