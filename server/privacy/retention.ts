/**
 * Keeping less: once a day, across all instances only one runs it, each site's comments past
 * its retention settings lose their IP hash and (unless their author is still subscribed)
 * their email. Time is the injected clock's, so tests move it. What was dropped is counted in
 * the Log, never which comments or whose.
 */
import { siteSettings } from '../../shared/site-settings.ts';
import type { AppDeps } from '../http/app-env.ts';
import { isBusy } from '../store/index.ts';

type RetentionDeps = Pick<AppDeps, 'store' | 'now'>;

const DAY_MS = 86_400_000;
/** How often an instance looks whether the day's clean-up is due (it runs once a day whatever this is). */
const CHECK_MS = 3_600_000;

/** Comments changed per transaction: a large first run lets other writers in between. */
const BATCH = 1000;

/** Tells a clean-up under way to end after its current batch (the server is stopping). */
type Stopping = () => boolean;

/**
 * Runs one kind of drop in batches until none is left, or until `stopping` after a batch (at
 * least one runs, so even a server restarted often gets on); returns how many comments changed.
 */
async function inBatches(drop: (limit: number) => Promise<number>, batch: number, stopping: Stopping): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await drop(batch);
    total += done;
    if (done < batch || stopping()) return total;
  }
}

/** What one clean-up dropped, over all sites. */
export interface RetentionResult {
  ipHashes: number;
  emails: number;
}

export interface RetentionOptions {
  /** Comments changed per transaction. */
  batch?: number;
  stopping?: Stopping;
}

/**
 * Drops what each site's settings say is past keeping, `batch` comments per transaction;
 * `finished` is false where `stopping` cut it short (what it did is in the Log all the same).
 */
export async function runRetention(
  deps: RetentionDeps,
  { batch = BATCH, stopping = () => false }: RetentionOptions = {},
): Promise<RetentionResult & { finished: boolean }> {
  const now = deps.now();
  const before = (days: number) => (days > 0 ? new Date(now.getTime() - days * DAY_MS).toISOString() : null);
  const total: RetentionResult = { ipHashes: 0, emails: 0 };
  for (const site of await deps.store.sites.list()) {
    const { keepIpHashDays, keepEmailDays } = siteSettings(site.settings);
    const ipBefore = before(keepIpHashDays);
    const emailBefore = before(keepEmailDays);
    const { privacy } = deps.store;
    const ip = ipBefore ? await inBatches((limit) => privacy.dropOldIpHashes(site.id, ipBefore, limit), batch, stopping) : 0;
    const email =
      emailBefore && !stopping() ? await inBatches((limit) => privacy.dropOldEmails(site.id, emailBefore, limit), batch, stopping) : 0;
    if (ip + email > 0) {
      total.ipHashes += ip;
      total.emails += email;
      const detail = `site ${site.id}: ${ip} IP hash(es) and ${email} email(s) past keeping dropped`;
      await deps.store.audit.add('retention clean-up', 'retention', null, detail, now.toISOString());
    }
    if (stopping()) return { ...total, finished: false };
  }
  return { ...total, finished: true };
}

/**
 * Runs the clean-up if it is due and this caller wins the day's claim; null when it was not its
 * turn. One cut short by `stopping` gives the claim back, so the next look (of any instance)
 * goes on with it rather than waiting for tomorrow.
 */
export async function runDueRetention(deps: RetentionDeps, stopping?: Stopping): Promise<RetentionResult | null> {
  const now = deps.now().toISOString();
  const next = new Date(deps.now().getTime() + DAY_MS).toISOString();
  if (!(await deps.store.privacy.claimCleanup(now, next))) return null;
  const { finished, ...result } = await runRetention(deps, { stopping });
  if (!finished) await deps.store.privacy.releaseCleanup(next, now);
  return result;
}

/**
 * Looks at start and every hour; returns a stop function that ends a clean-up under way after
 * its current batch (one of 1,000 comments: a moment) and waits for that, rather than for a
 * first clean-up of a big database to finish.
 */
export function startRetention(deps: RetentionDeps, checkMs = CHECK_MS): () => Promise<void> {
  let running: Promise<void> | undefined;
  let stopped = false;
  const check = () => {
    // A clean-up still under way (a big one may outlast the hour) is not started again beside it.
    running ??= runDueRetention(deps, () => stopped)
      .then(
        () => undefined,
        (err: unknown) => {
          // Another process holding the write lock (an import): the next look tries again.
          if (!isBusy(err)) console.error('riposte: the retention clean-up failed; it runs again tomorrow:', err);
        },
      )
      .finally(() => {
        running = undefined;
      });
  };
  check();
  const timer = setInterval(check, checkMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
    return running ?? Promise.resolve();
  };
}
