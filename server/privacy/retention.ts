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

/** Tells a clean-up under way to end (the server is stopping). */
type Stopping = () => boolean;

/**
 * Runs one kind of drop in batches until none is left, or until `stopping` after a full batch
 * (there is more to do): a look that stops at once still does a batch's worth where there is
 * work, so a server restarted often gets on. `cut`: it stopped with work left.
 */
async function inBatches(
  drop: (limit: number) => Promise<number>,
  batch: number,
  stopping: Stopping,
): Promise<{ changed: number; cut: boolean }> {
  let changed = 0;
  for (;;) {
    const done = await drop(batch);
    changed += done;
    if (done < batch) return { changed, cut: false };
    if (stopping()) return { changed, cut: true };
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
    const none = { changed: 0, cut: false };
    const ip = ipBefore ? await inBatches((limit) => privacy.dropOldIpHashes(site.id, ipBefore, limit), batch, stopping) : none;
    const email =
      emailBefore && !ip.cut ? await inBatches((limit) => privacy.dropOldEmails(site.id, emailBefore, limit), batch, stopping) : none;
    if (ip.changed + email.changed > 0) {
      total.ipHashes += ip.changed;
      total.emails += email.changed;
      const detail = `site ${site.id}: ${ip.changed} IP hash(es) and ${email.changed} email(s) past keeping dropped`;
      await deps.store.audit.add('retention clean-up', 'retention', null, detail, now.toISOString());
    }
    if (ip.cut || email.cut) return { ...total, finished: false };
  }
  return { ...total, finished: true };
}

/**
 * Runs the clean-up if it is due and this caller wins the day's claim; null when it was not its
 * turn. One cut short by `stopping`, or failed (another process's write lock: an import), gives
 * the claim back, so the next look (of any instance) goes on with it rather than tomorrow's.
 */
export async function runDueRetention(deps: RetentionDeps, options: RetentionOptions = {}): Promise<RetentionResult | null> {
  const start = deps.now();
  const now = start.toISOString();
  const next = new Date(start.getTime() + DAY_MS).toISOString();
  if (!(await deps.store.privacy.claimCleanup(now, next))) return null;
  let finished = false;
  try {
    const { finished: done, ...result } = await runRetention(deps, options);
    finished = done;
    return result;
  } finally {
    // Given back only while the claim is still this one's; if the database refuses even that, the day is skipped.
    if (!finished) await deps.store.privacy.releaseCleanup(next, now).catch(() => undefined);
  }
}

/**
 * Looks at start and every hour (`checkMs`); returns a stop function that ends a clean-up under
 * way after its current batch (1,000 comments: a moment) and waits for that, rather than for a
 * first clean-up of a big database to finish.
 */
export function startRetention(deps: RetentionDeps, { checkMs = CHECK_MS, batch = BATCH } = {}): () => Promise<void> {
  let running: Promise<void> | undefined;
  let stopped = false;
  const check = () => {
    // A clean-up still under way (a big one may outlast the hour) is not started again beside it.
    running ??= runDueRetention(deps, { batch, stopping: () => stopped })
      .then(
        () => undefined,
        (err: unknown) => {
          // Another process holding the write lock (an import) is not worth a message: the next look goes on.
          if (!isBusy(err)) console.error('riposte: the retention clean-up failed; the next look, within the hour, tries again:', err);
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
