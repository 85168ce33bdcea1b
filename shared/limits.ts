/** Limits shared by the widget (form hints) and the server (validation). */
export const LIMITS = {
  bodyMaxChars: 10_000,
  nameMaxChars: 80,
  emailMaxChars: 254,
  websiteMaxChars: 300,
  pageKeyMaxChars: 1_000,
  titleMaxChars: 300,
  siteIdMaxChars: 64,
  /** Earlier comments a guest's browser may send as proof of being a known author (its newest). */
  earlierCommentsMax: 10,
  /** Guest comments one "My data" request may prove (the widget keeps the newest 20 secrets). */
  privacyCommentsMax: 50,
  /** Whole request bodies above this are refused with 413 before parsing. */
  requestMaxBytes: 64 * 1024,
} as const;

export { DEFAULT_SITE } from './default-site.ts';

/**
 * The largest id a comment, thread, user or ban can have: PostgreSQL's integer (2^31 - 1), so
 * an id sent in a request or a restored file means the same on either database.
 */
export const MAX_ID = 2_147_483_647;
