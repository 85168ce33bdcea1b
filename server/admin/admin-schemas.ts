/** What the admin API accepts, checked before anything is done with it. */
import * as v from 'valibot';
import { removeUnwantedChars } from '../../shared/clean-text.ts';
import { MAX_ID } from '../../shared/limits.ts';
import { ADMIN_SORTS, BAN_KINDS, MODERATION_ACTIONS } from '../../shared/moderation.ts';
import { DELIVERY_CHANNELS, DELIVERY_STATUSES, MENTION_STATUSES } from '../../shared/notifications.ts';
import { editCommentSchema, siteIdSchema } from '../../shared/schemas.ts';
import { siteSettingsSchema } from '../../shared/site-settings.ts';
import { COMMENT_STATUSES } from '../../shared/wire.ts';

const id = v.pipe(v.number('An id is a number.'), v.integer(), v.minValue(1), v.maxValue(MAX_ID, `An id is at most ${MAX_ID}.`));
const wholeQuery = (max: number) =>
  v.optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/, 'must be a whole number.'), v.transform(Number), v.maxValue(max)));

const ORIGIN_MESSAGE = 'Each origin must be an http(s) address such as https://blog.example.com.';

/**
 * An allowed origin: http(s) only, kept as scheme, host and port. Anything else would become
 * the origin "null", which sandboxed frames send, and so allow them.
 */
const originSchema = v.pipe(
  v.string(),
  v.trim(),
  v.url(ORIGIN_MESSAGE),
  v.regex(/^https?:\/\/[^/]/i, ORIGIN_MESSAGE),
  v.transform((address) => new URL(address).origin),
);

export const loginSchema = v.object({
  email: v.pipe(
    v.string('Email is required.'),
    v.transform(removeUnwantedChars),
    v.trim(),
    v.toLowerCase(),
    v.minLength(1, 'Email is required.'),
    v.maxLength(254),
  ),
  password: v.pipe(v.string('Password is required.'), v.minLength(1, 'Password is required.'), v.maxLength(1000)),
});

export const commentQuerySchema = v.object({
  status: v.optional(v.picklist(COMMENT_STATUSES, 'status must be approved, pending, spam or deleted.')),
  site: v.optional(siteIdSchema),
  q: v.optional(v.pipe(v.string(), v.transform(removeUnwantedChars), v.trim(), v.maxLength(200))),
  sort: v.optional(v.picklist(ADMIN_SORTS, 'sort must be newest, oldest or score.')),
  minScore: v.optional(v.pipe(v.string(), v.regex(/^-?\d{1,6}$/, 'minScore must be a whole number.'), v.transform(Number))),
  pinned: v.optional(
    v.pipe(
      v.picklist(['true', 'false'], 'pinned must be true or false.'),
      v.transform((value) => value === 'true'),
    ),
  ),
  offset: wholeQuery(1_000_000),
  limit: wholeQuery(200),
});

export const actionSchema = v.object({
  ids: v.pipe(v.array(id, 'ids must be a list of comment ids.'), v.minLength(1, 'Select at least one comment.'), v.maxLength(500)),
  action: v.picklist(MODERATION_ACTIONS, 'action must be approve, spam, delete or pending.'),
});

export const bodySchema = editCommentSchema;

export const siteChangeSchema = v.object({
  origins: v.optional(v.pipe(v.array(originSchema), v.maxLength(50))),
  settings: v.optional(v.partial(siteSettingsSchema)),
});

export const lockSchema = v.object({ locked: v.boolean('locked must be true or false.') });

export const pinSchema = v.object({ pinned: v.boolean('pinned must be true or false.') });

export const banSchema = v.object({
  kind: v.picklist(BAN_KINDS, 'kind must be email, identity or ip.'),
  value: v.pipe(
    v.string('value is required.'),
    v.transform(removeUnwantedChars),
    v.trim(),
    v.minLength(1, 'value is required.'),
    v.maxLength(300),
  ),
  hideExisting: v.optional(v.boolean(), false),
});

export const pathIdSchema = v.object({
  id: v.pipe(
    v.string(),
    v.regex(/^[1-9]\d{0,15}$/, 'An id is a positive whole number.'),
    v.transform(Number),
    v.maxValue(MAX_ID, `An id is at most ${MAX_ID}.`),
  ),
});

/** `POST /import?format=&site=&name=`: the file itself is the body. A Riposte restore stays on the command line. */
export const importQuerySchema = v.object({
  format: v.picklist(['wordpress', 'disqus', 'riposte'], 'format must be wordpress or disqus.'),
  site: v.optional(siteIdSchema),
  name: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, 'name may be at most 200 characters.'))),
});

export const deliveryQuerySchema = v.object({
  status: v.optional(v.picklist(DELIVERY_STATUSES, 'status must be pending, sent, failed or cancelled.')),
  channel: v.optional(v.picklist(DELIVERY_CHANNELS, 'channel must be mail, webhook or webmention.')),
  offset: wholeQuery(1_000_000),
  limit: wholeQuery(200),
});

export const mentionQuerySchema = v.object({
  status: v.optional(v.picklist(MENTION_STATUSES, 'status must be approved, pending or spam.')),
  offset: wholeQuery(1_000_000),
  limit: wholeQuery(200),
});

export const mentionActionSchema = v.object({
  ids: v.pipe(v.array(id, 'ids must be a list of mention ids.'), v.minLength(1, 'Select at least one mention.'), v.maxLength(500)),
  action: v.picklist(['approve', 'spam', 'delete'], 'action must be approve, spam or delete.'),
});
