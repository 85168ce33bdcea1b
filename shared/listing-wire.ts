/** What the listing endpoints answer (GET /counts), for the server and the widget's `<riposte-count>`. */

/** Pages one counts request may ask about: an index page shows 10-50 posts. */
export const MAX_COUNT_PAGES = 100;

/** GET /counts answers each page asked for, in the order asked. */
export interface WireCounts {
  site: string;
  /** `page` as the server normalised it; `count` as a thread's `count` (approved comments readers see). */
  counts: { page: string; count: number }[];
}

/** Comments one recent-comments request may ask for: a sidebar shows about five. */
export const MAX_RECENT = 20;

/** GET /recent: a site's newest comments that readers see, newest first, as a sidebar lists them. */
export interface WireRecent {
  site: string;
  comments: {
    id: number;
    author: { name: string };
    createdAt: string;
    /** The page the comment is on: its address and title where known (its key otherwise). */
    page: { key: string; url: string | null; title: string | null };
  }[];
}
