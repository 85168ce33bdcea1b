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

/** Runs one kind of drop in batches until none is left; returns how many comments it changed. */
async function inBatches(drop: (limit: number) => Promise<number>, batch: number): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await drop(batch);
    total += done;
    if (done < batch) return total;
  }
}

/** What one clean-up dropped, over all sites. */
export interface RetentionResult {
  ipHashes: number;
  emails: number;
}

/** Drops what each site's settings say is past keeping, `batch` comments per transaction. */
export async function runRetention(deps: RetentionDeps, batch = BATCH): Promise<RetentionResult> {
  const now = deps.now();
  const before = (days: number) => (days > 0 ? new Date(now.getTime() - days * DAY_MS).toISOString() : null);
  const total: RetentionResult = { ipHashes: 0, emails: 0 };
  for (const site of await deps.store.sites.list()) {
    const { keepIpHashDays, keepEmailDays } = siteSettings(site.settings);
    const ipBefore = before(keepIpHashDays);
    const emailBefore = before(keepEmailDays);
    const { privacy } = deps.store;
    const dropped = {
      ip: ipBefore ? await inBatches((limit) => privacy.dropOldIpHashes(site.id, ipBefore, limit), batch) : 0,
      email: emailBefore ? await inBatches((limit) => privacy.dropOldEmails(site.id, emailBefore, limit), batch) : 0,
    };
    if (dropped.ip + dropped.email === 0) continue;
    total.ipHashes += dropped.ip;
    total.emails += dropped.email;
    const detail = `site ${site.id}: ${dropped.ip} IP hash(es) and ${dropped.email} email(s) past keeping dropped`;
    await deps.store.audit.add('retention clean-up', 'retention', null, detail, now.toISOString());
  }
  return total;
}

/** Runs the clean-up if it is due and this caller wins the day's claim; null when it was not its turn. */
export async function runDueRetention(deps: RetentionDeps): Promise<RetentionResult | null> {
  const now = deps.now();
  const claimed = await deps.store.privacy.claimCleanup(now.toISOString(), new Date(now.getTime() + DAY_MS).toISOString());
  return claimed ? runRetention(deps) : null;
}

/**
 * Looks at start and every hour; returns a stop function that waits for a clean-up under way,
 * so a server closing its store right after it started does not cut off the day's clean-up it
 * had already claimed (that day's would then be skipped).
 */
export function startRetention(deps: RetentionDeps, checkMs = CHECK_MS): () => Promise<void> {
  let running: Promise<void> | undefined;
  const check = () => {
    // A clean-up still under way (a big one may outlast the hour) is not started again beside it.
    running ??= runDueRetention(deps)
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
    clearInterval(timer);
    return running ?? Promise.resolve();
  };
}
