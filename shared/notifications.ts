/**
 * The vocabulary of what leaves the server later (mail, webhooks, Webmention verification) and
 * of what comes back (mentions), shared by the server, the widget and the admin view.
 */

/** What a reader can be mailed about on a page: replies to their comment, or every new comment. */
export const SUBSCRIPTION_KINDS = ['replies', 'thread'] as const;
export type SubscriptionKind = (typeof SUBSCRIPTION_KINDS)[number];

/** Changes to a comment that reach webhooks (and, for the first two, readers and owners by mail). */
export const COMMENT_EVENTS = ['comment.created', 'comment.approved', 'comment.edited', 'comment.deleted'] as const;
export type CommentEvent = (typeof COMMENT_EVENTS)[number];

/** How a delivery leaves: by mail, as a webhook POST, or as a fetch of a Webmention source. */
export const DELIVERY_CHANNELS = ['mail', 'webhook', 'webmention'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/**
 * What a delivery is: a reader's notification (named as the subscription: a reply, a new
 * comment), an owner's alert, an address confirmation, a sign-in mail, a webhook POST, a
 * Webmention verification.
 */
export const DELIVERY_KINDS = ['replies', 'thread', 'alert', 'confirm', 'sign-in', 'webhook', 'webmention'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

/** `cancelled`: no longer wanted when its turn came (the comment was removed, the reader unsubscribed). */
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** What a Webmention's source says of the page: it replies to, likes, reposts, bookmarks or only mentions it. */
export const MENTION_TYPES = ['reply', 'like', 'repost', 'bookmark', 'mention'] as const;
export type MentionType = (typeof MENTION_TYPES)[number];

/** A mention waits for approval like a comment; removing one deletes it (its source may send it again). */
export const MENTION_STATUSES = ['approved', 'pending', 'spam'] as const;
export type MentionStatus = (typeof MENTION_STATUSES)[number];

/** A mention as readers see it (approved only), shown apart from the comments. */
export interface WireMention {
  id: number;
  type: MentionType;
  /** The post that mentions the page. */
  url: string;
  author: { name: string | null; url: string | null };
  /** The post's title; null for a note. */
  name: string | null;
  /** Sanitised HTML of the post's content, as a comment's. */
  html: string | null;
  /** When the post was published (else when it was received), UTC ISO 8601. */
  publishedAt: string;
}

/** One of a signed-in reader's subscriptions (GET /api/v1/subscriptions). */
export interface WireSubscription {
  id: number;
  kind: SubscriptionKind;
  page: { url: string | null; title: string | null; key: string };
  /** For `replies`: the reader's comment whose replies are mailed. */
  commentId: number | null;
  createdAt: string;
}

/** A delivery as the admin view lists it. */
export interface AdminDelivery {
  id: number;
  channel: DeliveryChannel;
  kind: DeliveryKind;
  /** An email address, a webhook URL or a Webmention source. */
  recipient: string;
  status: DeliveryStatus;
  attempts: number;
  commentId: number | null;
  site: string | null;
  createdAt: string;
  nextAttemptAt: string;
  doneAt: string | null;
  /** Why the last attempt failed, in one line. */
  lastError: string | null;
  /** What the other side last answered (the SMTP server's reply, the webhook's status and start of its answer). */
  lastResponse: string | null;
}

export interface AdminDeliveryPage {
  deliveries: AdminDelivery[];
  total: number;
  /** Deliveries that failed for good, across all: the count in the navigation. */
  failed: number;
}

/** A mention as the admin view lists it, with its status and where it came from. */
export interface AdminMention extends WireMention {
  status: MentionStatus;
  site: string;
  source: string;
  thread: { id: number; key: string; url: string | null; title: string | null };
  receivedAt: string;
  updatedAt: string;
}
