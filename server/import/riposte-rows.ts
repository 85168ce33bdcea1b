/**
 * What each row of a Riposte export must be before a restore writes it. The file is not
 * trusted: it may have been edited, or made by hand to plant markup or break the server, so
 * every field is checked for what the server itself would store there (not only its column
 * type), and comment HTML goes through the sanitiser again.
 */
import * as v from 'valibot';
import { MAX_ID } from '../../shared/limits.ts';
import { AUDIT_ACTIONS, BAN_KINDS, HELD_REASONS } from '../../shared/moderation.ts';
import { MENTION_STATUSES, MENTION_TYPES, SUBSCRIPTION_KINDS } from '../../shared/notifications.ts';
import { emailSchema, languageTagSchema } from '../../shared/schemas.ts';
import { siteSettingsSchema } from '../../shared/site-settings.ts';
import { AUTHOR_BADGES, COMMENT_KINDS, COMMENT_STATUSES } from '../../shared/wire.ts';
import { sanitizeImportedHtml } from '../render/markdown.ts';
import type { ExportedTableName, ExportRow } from '../store/transfer.ts';

/** A value as a message may show it: short, and without the rest of a long string. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const described = (what: string) => (issue: { input: unknown }) => `must be ${what}, not ${shown(issue.input)}.`;

// U+0000 is a character no field of Riposte's holds (forms drop it), and PostgreSQL cannot store it.
const text = v.pipe(
  v.string(described('text')),
  v.check((s) => !s.includes('\u0000'), 'must not hold the character U+0000.'),
);
const nonEmpty = v.pipe(text, v.minLength(1, 'must not be empty.'));
const id = v.pipe(
  v.number(described('a whole number')),
  v.safeInteger(described('a whole number')),
  v.minValue(1, described('1 or more')),
  v.maxValue(MAX_ID, described(`at most ${MAX_ID}`)),
);
const oneOf = <T extends readonly string[]>(values: T) => v.picklist(values, described(`one of ${values.join(', ')}`));

/** As the store writes them: `2026-11-27T12:00:00.000Z` (SQLite's strftime and Date#toISOString agree). */
const ISO_UTC = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d{1,3})?Z$/;
const isUtcDate = (value: string): boolean => {
  const match = ISO_UTC.exec(value);
  const time = Date.parse(value);
  // The round trip refuses dates a lenient parser would roll over (February 30th, hour 24).
  return match !== null && !Number.isNaN(time) && new Date(time).toISOString().startsWith(match[1]!);
};
const date = v.pipe(text, v.check(isUtcDate, described('a UTC date in ISO 8601, such as 2026-11-27T12:00:00.000Z')));

/** Links readers follow (a page, an author's website): absolute http(s) only, never `javascript:` or `data:`. */
const isHttpUrl = (value: string): boolean => {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};
const httpUrl = v.pipe(text, v.check(isHttpUrl, described('an http:// or https:// address')));

/** An origin as sites store them: scheme, host and port only, exactly as the URL parser writes it. */
const isOrigin = (value: string): boolean => {
  try {
    const url = new URL(value);
    return ['http:', 'https:'].includes(url.protocol) && url.origin === value;
  } catch {
    return false;
  }
};
const origin = v.pipe(text, v.check(isOrigin, described('an origin such as https://blog.example.com')));

const siteId = v.pipe(text, v.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/i, described('a site id (letters, digits, "-" and "_")')));

/** Hashes as the server makes them (server/tokens.ts: keyedHash, hashToken). */
const keyedHash = v.pipe(text, v.regex(/^[0-9a-f]{32}$/, described('a keyed hash (32 hexadecimal digits)')));
const sha256Token = v.pipe(text, v.regex(/^[A-Za-z0-9_-]{43}$/, described('a SHA-256 in base64url (43 characters)')));

/**
 * A site's stored settings: only those its owner changed, each valid for shared/site-settings.ts.
 * Kept as given (not filled with defaults), so a restored site exports the same again.
 */
const SETTING_NAMES = Object.keys(siteSettingsSchema.entries);
const siteSettingsRow = v.pipe(
  v.record(v.string(), v.unknown(), described('an object of settings')),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const stored = dataset.value;
    const unknown = Object.keys(stored).find((name) => !SETTING_NAMES.includes(name));
    if (unknown !== undefined) {
      addIssue({ message: `${shown(unknown)} is not a setting this Riposte knows (${SETTING_NAMES.join(', ')}).` });
      return NEVER;
    }
    const checked = v.safeParse(siteSettingsSchema, stored);
    if (!checked.success) {
      const issue = checked.issues[0];
      addIssue({ message: `${issue.path?.map((item) => String(item.key)).join('.') ?? ''}: ${issue.message}` });
      return NEVER;
    }
    const output: Record<string, unknown> = checked.output;
    return Object.fromEntries(Object.keys(stored).map((name) => [name, output[name]]));
  }),
);

/** A mail address as the server keeps it: lower-cased, a valid address. */
const address = v.pipe(
  text,
  v.check((value) => value === value.toLowerCase() && v.is(emailSchema, value), described('a lower-case email address')),
);
const count = v.pipe(
  v.number(described('a whole number')),
  v.safeInteger(described('a whole number')),
  v.minValue(0, described('0 or more')),
);

/** A column that may be null; missing (an export from before the column existed) reads as null. */
const maybe = <T extends v.GenericSchema>(schema: T) => v.optional(v.nullable(schema));

/**
 * One schema per exported table, a field per exported column (a test checks they match).
 * Columns with a database default may be missing, as in an export made before they existed.
 */
export const RESTORE_ROW_SCHEMAS = {
  sites: v.object({
    id: siteId,
    name: nonEmpty,
    origins: v.optional(v.array(origin, described('a list of origins'))),
    settings: v.optional(siteSettingsRow),
    createdAt: v.optional(date),
  }),
  users: v.object({
    id,
    provider: nonEmpty,
    subject: nonEmpty,
    name: text,
    email: maybe(text),
    emailVerified: v.optional(v.boolean(described('true or false'))),
    website: maybe(httpUrl),
    createdAt: v.optional(date),
    signedInAt: v.optional(date),
  }),
  threads: v.object({
    id,
    siteId,
    pageKey: nonEmpty,
    url: maybe(httpUrl),
    title: maybe(text),
    lang: maybe(languageTagSchema),
    externalId: maybe(text),
    locked: v.optional(v.boolean(described('true or false'))),
    createdAt: v.optional(date),
  }),
  comments: v.object({
    id,
    threadId: id,
    parentId: maybe(id),
    status: oneOf(COMMENT_STATUSES),
    kind: v.optional(oneOf(COMMENT_KINDS)),
    authorName: text,
    authorEmail: maybe(text),
    authorWebsite: maybe(httpUrl),
    authorBadge: maybe(oneOf(AUTHOR_BADGES)),
    ipHash: maybe(keyedHash),
    bodyMarkdown: text,
    bodyHtml: text,
    createdAt: v.optional(date),
    editedAt: maybe(date),
    importKey: maybe(text),
    userId: maybe(id),
    guestSecretHash: maybe(sha256Token),
    heldReasons: maybe(v.array(oneOf(HELD_REASONS), described('a list of reasons'))),
    pinned: v.optional(v.boolean(described('true or false'))),
  }),
  likes: v.object({
    threadId: id,
    likerHash: keyedHash,
    createdAt: v.optional(date),
  }),
  // A voter as the server writes one: a signed-in reader's account, or a browser's liker id as a keyed hash.
  votes: v.object({
    commentId: id,
    voter: v.pipe(text, v.regex(/^(user:[1-9]\d{0,15}|liker:[0-9a-f]{32})$/, described('"user:ID" or "liker:" and a keyed hash'))),
    value: v.picklist([1, -1], described('1 or -1')),
    createdAt: v.optional(date),
  }),
  // The only server setting so far: the hashing key, as settings.ts makes it (32 random bytes, base64url).
  settings: v.object({
    key: v.literal('hash_key', described('a server setting this Riposte knows ("hash_key")')),
    value: v.pipe(text, v.regex(/^[A-Za-z0-9_-]{43}$/, described('a hashing key as Riposte makes it (43 base64url characters)'))),
  }),
  // A ban's value is what the server matches: a lower-cased email, `provider:subject`, or an IP's keyed hash.
  bans: v.object({
    id,
    kind: oneOf(BAN_KINDS),
    value: nonEmpty,
    hidExisting: v.optional(v.boolean(described('true or false'))),
    createdBy: nonEmpty,
    createdAt: v.optional(date),
  }),
  audit: v.object({
    id,
    actor: nonEmpty,
    action: oneOf(AUDIT_ACTIONS),
    commentId: maybe(id),
    detail: maybe(text),
    createdAt: v.optional(date),
  }),
  mailAddresses: v.object({
    address,
    confirmedAt: maybe(date),
    bouncedAt: maybe(date),
    confirmationsSince: maybe(date),
    confirmationsSent: v.optional(count),
    createdAt: v.optional(date),
  }),
  mailStops: v.object({ address, siteId, createdAt: v.optional(date) }),
  subscriptions: v.object({
    id,
    threadId: id,
    kind: oneOf(SUBSCRIPTION_KINDS),
    commentId: maybe(id),
    address,
    userId: maybe(id),
    createdAt: v.optional(date),
  }),
  // Mention content was sanitised when received; checkRestoreRow sanitises it again, as a comment's.
  mentions: v.object({
    id,
    threadId: id,
    source: httpUrl,
    target: httpUrl,
    status: oneOf(MENTION_STATUSES),
    type: oneOf(MENTION_TYPES),
    url: httpUrl,
    authorName: maybe(text),
    authorUrl: maybe(httpUrl),
    name: maybe(text),
    contentHtml: maybe(text),
    publishedAt: maybe(date),
    createdAt: date,
    updatedAt: date,
  }),
} satisfies Record<ExportedTableName, v.GenericSchema<unknown, ExportRow>>;

/** `cleaned` names the HTML field the sanitiser had to change. */
export type RowCheck = { row: ExportRow; cleaned?: string } | { problem: string };

/**
 * Checks one row; returns the row to write or a problem naming the field ("createdAt: must be
 * ..."). A comment's HTML is sanitised again: what Riposte wrote comes out unchanged (the
 * sanitiser is idempotent on its own output), anything else is cleaned and `cleaned` set.
 */
export function checkRestoreRow(table: ExportedTableName, value: unknown): RowCheck {
  const result = v.safeParse(RESTORE_ROW_SCHEMAS[table], value);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((item) => String(item.key)).join('.');
    return { problem: `${path ? `${path}: ` : ''}${issue.message}` };
  }
  const row: ExportRow = result.output;
  // Markup readers will see: a comment's body, a mention's content.
  const htmlField = table === 'comments' ? 'bodyHtml' : table === 'mentions' ? 'contentHtml' : null;
  const stored = htmlField ? row[htmlField] : null;
  if (htmlField && typeof stored === 'string') {
    const html = sanitizeImportedHtml(stored);
    if (html !== stored) return { row: { ...row, [htmlField]: html }, cleaned: htmlField };
  }
  return { row };
}
