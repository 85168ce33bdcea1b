/** What the listing endpoints answer (GET /counts), for the server and the widget's `<riposte-count>`. */

/** Pages one counts request may ask about: an index page shows 10-50 posts. */
export const MAX_COUNT_PAGES = 100;

/** GET /counts answers each page asked for, in the order asked. */
export interface WireCounts {
  site: string;
  /** `page` as the server normalised it; `count` as a thread's `count` (approved comments readers see). */
  counts: { page: string; count: number }[];
}
