/** What every route can reach through `c.var`: the app's dependencies, typed once. */
import type { Config } from '../config.ts';
import type { LiveHub } from '../live/live-hub.ts';
import type { IdentityRateLimit } from '../moderation/identity-rate-limit.ts';
import type { MailRateLimits } from '../notifications/mail-rate-limits.ts';
import type { Store } from '../store/index.ts';
import type { ThreadCache } from '../threads/thread-cache.ts';

export interface AppDeps {
  store: Store;
  config: Config;
  threadCache: ThreadCache;
  /** Key for hashing IPs, liker ids and avatar seeds (kept in the database). */
  hashKey: string;
  /** Folder of the built widget (embed.js and assets/). */
  widgetDir: string;
  /** The one clock: every "what time is it" of the app (tests move it instead of rewriting rows). */
  now: () => Date;
  /** The outbox worker: woken after a transaction that wrote to the outbox has committed. */
  outbox: OutboxSignal;
  /** Live updates: open event streams, and the signal a write sends after its commit (live/live-hub.ts). */
  live: LiveHub;
}

export interface OutboxSignal {
  wake(): void;
}

/** State the app makes for itself at creation (not given by the caller). */
export interface AppState {
  /** Counts each author's new comments (see moderation/identity-rate-limit.ts). */
  commentRateLimit: IdentityRateLimit;
  /** Counts the mails strangers make the server send (confirmations, sign-in mails), per sender. */
  mailLimits: MailRateLimits;
}

export type AppEnv = { Variables: AppDeps & AppState };
