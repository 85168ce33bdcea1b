/**
 * How late the load tool's own event loop runs: a timer due every few milliseconds notes how
 * late it fired. A load tool that stalls (its garbage collection, the machine's other work)
 * adds that stall to every latency it measures, so a benchmark prints this beside its figures.
 */

export interface LoopLag {
  /** The lateness noted in [from, to) milliseconds since the start: the largest and the total. */
  between(from: number, to: number): { max: number; total: number };
  stop(): void;
}

const TICK_MS = 5;

export function watchLoopLag(start = performance.now()): LoopLag {
  const lags: { at: number; ms: number }[] = [];
  let expected = performance.now() + TICK_MS;
  const timer = setInterval(() => {
    const now = performance.now();
    // A timer is a millisecond or so late at best: only lateness beyond that is a stall.
    if (now - expected > 2) lags.push({ at: expected - start, ms: now - expected });
    expected = now + TICK_MS;
  }, TICK_MS);
  return {
    between(from, to) {
      let max = 0;
      let total = 0;
      for (const lag of lags) {
        if (lag.at < from || lag.at >= to) continue;
        max = Math.max(max, lag.ms);
        total += lag.ms;
      }
      return { max, total };
    },
    stop: () => clearInterval(timer),
  };
}
