/**
 * The outbox worker: one per server process. Woken after a transaction that wrote to the
 * outbox commits, and by a timer (retries that come due, deliveries a crashed process left
 * reserved), it expands comment events into deliveries, then claims due deliveries with a
 * lease and sends them outside any database transaction, a few at a time. The only moment a
 * delivery can go out twice is a crash between the other side's "accepted" and the commit that
 * records it; the resend carries the same Message-ID or delivery id.
 */
import type { DeliveryChannel } from '../../shared/notifications.ts';
import type { AppDeps, OutboxSignal } from '../http/app-env.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { AddressPolicy } from '../net/address-policy.ts';
import { isBusy } from '../store/index.ts';
import type { OutboxRow } from '../store/schema.ts';
import { deliverVerification } from '../webmention/deliver-verification.ts';
import { deliverMail } from './deliver-mail.ts';
import { deliverWebhook } from './deliver-webhook.ts';
import { expandEvent } from './expand-event.ts';
import { attemptResult, type Outcome, pauseMs } from './outcome.ts';

export interface WorkerDeps extends Pick<AppDeps, 'store' | 'config' | 'hashKey' | 'now'> {
  /** The process's one pooled mailer; null when mail is off. */
  mailer: Mailer | null;
  /** Tests only: loopback addresses webhooks and Webmention sources may use. */
  addressPolicy: AddressPolicy;
}

export interface OutboxWorker extends OutboxSignal {
  /** Resolves when the worker is idle: every round it was woken for has run. */
  settled(): Promise<void>;
  /** Stops waking; resolves once the round under way (and its sends) has ended. */
  stop(): Promise<void>;
}

export interface WorkerOptions {
  /** How often an idle worker looks for deliveries that came due (default 15 s). */
  pollMs?: number;
  /** Rows claimed at once (default 50). */
  batch?: number;
  /** Sends under way at once (default 8: twice the mailer's pool). */
  concurrency?: number;
}

const SENDERS: Record<DeliveryChannel, (deps: WorkerDeps, row: OutboxRow) => Promise<Outcome>> = {
  mail: deliverMail,
  webhook: deliverWebhook,
  webmention: deliverVerification,
};

/** Sent and cancelled deliveries, and expanded events, are forgotten after this long. */
const KEEP_DONE_MS = 30 * 86_400_000;
const PRUNE_EVERY_MS = 3_600_000;

async function eachLimited<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

export function startOutbox(deps: WorkerDeps, options: WorkerOptions = {}): OutboxWorker {
  const { pollMs = 15_000, batch = 50, concurrency = 8 } = options;
  const { store } = deps;
  const leaseMs = deps.config.outbox.leaseSeconds * 1000;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  /** The mail server failed (login, TLS, connection): mail waits until then, untried. */
  let mailPausedUntil = 0;
  let mailServerFailures = 0;
  let prunedAt = 0;

  const nowMs = () => deps.now().getTime();
  const mailPaused = () => nowMs() < mailPausedUntil;
  const channels = (): DeliveryChannel[] => [...(deps.mailer && !mailPaused() ? (['mail'] as const) : []), 'webhook', 'webmention'];

  async function attempt(row: OutboxRow): Promise<void> {
    let outcome: Outcome;
    if (row.channel === 'mail' && mailPaused()) {
      outcome = { kind: 'paused', error: row.lastError ?? 'Mail is paused after the mail server failed.' };
    } else {
      try {
        outcome = await SENDERS[row.channel](deps, row);
      } catch (err) {
        // A fault of Riposte's own, not the other side's: said in the log, tried again later.
        console.error(`riposte: outbox delivery ${row.id} (${row.kind}) failed:`, err);
        outcome = { kind: 'retry', error: `Riposte could not send it (${err instanceof Error ? err.message : String(err)}).` };
      }
    }
    if (outcome.kind === 'paused') {
      if (!mailPaused()) {
        mailServerFailures++;
        mailPausedUntil = nowMs() + pauseMs(mailServerFailures);
        console.error(`riposte: mail paused for ${Math.round(pauseMs(mailServerFailures) / 1000)} s: ${outcome.error}`);
      }
      await store.outbox.release(row.id, outcome.error, new Date(mailPausedUntil).toISOString());
      return;
    }
    if (row.channel === 'mail' && outcome.kind === 'sent') mailServerFailures = 0;
    const now = deps.now();
    await store.outbox.finishAttempt(row, attemptResult(outcome, row.channel, row.attempts, now), now.toISOString());
  }

  async function round(): Promise<void> {
    for (;;) {
      const events = await store.outbox.unexpandedEvents(batch);
      for (const event of events) await expandEvent(deps, event);
      if (events.length < batch || stopped) break;
    }
    while (!stopped) {
      const now = nowMs();
      const rows = await store.outbox.claim(new Date(now).toISOString(), new Date(now + leaseMs).toISOString(), batch, channels());
      if (rows.length === 0) break;
      await eachLimited(rows, concurrency, attempt);
    }
    if (nowMs() - prunedAt > PRUNE_EVERY_MS) {
      prunedAt = nowMs();
      await store.outbox.prune(new Date(prunedAt - KEEP_DONE_MS).toISOString());
    }
  }

  /** The next look: when the next retry is due, or the poll, whichever is sooner. */
  async function schedule(): Promise<void> {
    if (stopped) return;
    const due = await store.outbox.nextDue(channels());
    const untilDue = due ? Date.parse(due) - nowMs() : Number.POSITIVE_INFINITY;
    const untilResume = mailPaused() ? mailPausedUntil - nowMs() : Number.POSITIVE_INFINITY;
    // A due row that was not claimed is reserved by another process: the poll looks again.
    const delay = Math.min(pollMs, untilDue > 0 ? untilDue : pollMs, untilResume);
    clearTimeout(timer);
    timer = setTimeout(wake, Math.max(10, delay));
    timer.unref();
  }

  function wake(): void {
    if (stopped) return;
    again = true;
    running ??= (async () => {
      // A wake that comes while the next look is being scheduled runs another round.
      do {
        clearTimeout(timer);
        while (again && !stopped) {
          again = false;
          try {
            await round();
          } catch (err) {
            // Another process holding the database's write lock (an import) is not a failure: the next look goes on.
            if (!isBusy(err)) console.error('riposte: the outbox worker failed a round; it tries again soon:', err);
          }
        }
        await schedule().catch((err: unknown) => {
          if (!isBusy(err)) console.error('riposte: the outbox worker could not schedule its next look:', err);
        });
      } while (again && !stopped);
      running = null;
    })();
  }

  return {
    wake,
    async settled() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
