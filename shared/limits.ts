/** Limits shared by the widget (form hints) and the server (validation). */
export const LIMITS = {
  bodyMaxChars: 10_000,
  nameMaxChars: 80,
  emailMaxChars: 254,
  websiteMaxChars: 300,
  pageKeyMaxChars: 1_000,
  titleMaxChars: 300,
  siteIdMaxChars: 64,
  /** Whole request bodies above this are refused with 413 before parsing. */
  requestMaxBytes: 64 * 1024,
} as const;

export { DEFAULT_SITE } from './default-site.ts';
