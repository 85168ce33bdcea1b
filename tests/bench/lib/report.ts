/** Turning a load run's results into printed lines: per tag, latency percentiles and what was answered. */
import type { Result } from './load.ts';
import { count, describe, summarise, type Summary } from './stats.ts';

export interface TagFigures {
  /** Latencies of answered requests (any HTTP status). */
  latency: Summary;
  /** Answers by HTTP status; "failed" (network error or timeout) and "dropped" (never sent) too. */
  statuses: Map<string, number>;
  total: number;
}

/** Groups results by tag (only those for which `keep` says so). */
export function figuresByTag(results: readonly Result[], keep: (r: Result) => boolean = () => true): Map<string, TagFigures> {
  const groups = new Map<string, { ms: number[]; statuses: Map<string, number>; total: number }>();
  for (const r of results) {
    if (!keep(r)) continue;
    const group = groups.get(r.tag) ?? { ms: [], statuses: new Map<string, number>(), total: 0 };
    groups.set(r.tag, group);
    group.total++;
    const status = r.status === -1 ? 'dropped' : r.status === 0 ? 'failed' : String(r.status);
    group.statuses.set(status, (group.statuses.get(status) ?? 0) + 1);
    if (r.status > 0) group.ms.push(r.ms);
  }
  return new Map([...groups].map(([tag, g]) => [tag, { latency: summarise(g.ms), statuses: g.statuses, total: g.total }]));
}

/** "200 ×1,234, 503 ×5, failed ×2" */
export function statusLine(statuses: Map<string, number>): string {
  return [...statuses]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${status} ×${count(n)}`)
    .join(', ');
}

/** "  get: p50 1.2 ms, p99 8 ms, max 12 ms (n 1,234); 200 ×1,234" for each tag. */
export function printFigures(figures: Map<string, TagFigures>, indent = '  '): void {
  for (const [tag, f] of figures) console.log(`${indent}${tag}: ${describe(f.latency)}; ${statusLine(f.statuses)}`);
}

/** The first answer of each kind that was not a success, so a failing run says why. */
export function printSamples(samples: Map<string, string>, indent = '  '): void {
  for (const [kind, text] of samples) console.log(`${indent}first ${kind}: ${text || '(no body)'}`);
}
