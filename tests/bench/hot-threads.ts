/**
 * Benchmark: read-hot threads under writes (issue 14's soak). 20 threads start at 100 comments (--start);
 * 90% GETs of them, 10% POSTs to them, at a fixed request rate (open loop, so a stall shows as
 * latency rather than as fewer requests), by default half of what a short closed-loop probe on
 * 20 other threads sustained. Prints, per interval, GET and POST percentiles, dropped and
 * failed requests, the threads' sizes, the server's memory, and the load tool's own longest
 * stall (which every latency measured meanwhile includes).
 * Run: npm run bench:hot-threads [-- --rate 900 --duration 300 --start 100 | --quick] [--checkout DIR]
 */
import { loadavg } from 'node:os';
import { benchArgs, machineLoad, numberOption, printHeader } from './lib/bench-args.ts';
import { cli, serve, tempDir } from './lib/checkout.ts';
import { postBody, random } from './lib/comment-bodies.ts';
import { writeExportFile } from './lib/export-file.ts';
import { closedLoop, openLoop, type Req, type Result } from './lib/load.ts';
import { watchLoopLag } from './lib/loop-lag.ts';
import { procMemory } from './lib/proc-memory.ts';
import { figuresByTag, printSamples, statusLine } from './lib/report.ts';
import { count, describe, mib, ms } from './lib/stats.ts';

const { values, checkout } = benchArgs(
  'npm run bench:hot-threads',
  [
    '  --rate R          requests per second (default: half of what a 10 s probe sustains)',
    '  --duration S      seconds (default 300; --quick 60)',
    '  --interval S      seconds per printed line (default 60; 15 with --quick)',
    '  --connections N   keep-alive connections (default 64)',
    '  --start N         comments each thread starts with (default 100)',
    '  --cpu-prof DIR    the server writes a CPU profile into DIR when it stops (node --cpu-prof)',
  ].join('\n'),
  {
    rate: { type: 'string' },
    duration: { type: 'string' },
    interval: { type: 'string' },
    connections: { type: 'string' },
    start: { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
);
const durationMs = numberOption(values.duration, values.quick ? 60 : 300, 'duration') * 1000;
const intervalMs = numberOption(values.interval, values.quick ? 15 : 60, 'interval') * 1000;
const connections = numberOption(values.connections, 64, 'connections');
const THREADS = 20;
const START_SIZE = numberOption(values.start, 100, 'start');

/** 90% reads, 10% writes, over the threads named `prefix-0` to `prefix-19` (the thread's index is the request's target). */
function mix(prefix: string) {
  const next = random(14);
  let n = 0;
  return (): Req => {
    n++;
    const thread = Math.floor(next() * THREADS);
    const page = `${prefix}-${thread}`;
    return next() < 0.1
      ? { tag: 'POST', method: 'POST', path: '/api/v1/comments', body: postBody(page, 300_000_000 + n), target: thread }
      : { tag: 'GET', method: 'GET', path: `/api/v1/threads?page=${page}`, target: thread };
  };
}

printHeader(`Read-hot threads under writes: 20 threads from ${count(START_SIZE)} comments, 90% GET / 10% POST, open loop`, checkout);
const dir = tempDir();
try {
  const db = `${dir.path}/riposte.db`;
  const plan = ['hot', 'probe'].flatMap((prefix) =>
    Array.from({ length: THREADS }, (_, i) => ({ key: `${prefix}-${i}`, comments: START_SIZE })),
  );
  await writeExportFile(`${dir.path}/seed.json`, plan);
  await cli(checkout, ['import', 'riposte', `${dir.path}/seed.json`], { RIPOSTE_DB: db });
  const profile = values['cpu-prof'];
  const server = await serve(checkout, { db, nodeArgs: profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [] });

  // Also the warm-up: a fresh server compiles and loads parts on first use.
  const probe = await closedLoop(server.url, 50, values.rate === undefined ? 10_000 : 5_000, mix('probe'));
  let rate = values.rate === undefined ? 0 : numberOption(values.rate, 0, 'rate');
  if (!rate) {
    const sustained = probe.results.filter((r) => r.status === 200 || r.status === 201).length / (probe.elapsedMs / 1000);
    rate = Math.max(1, Math.round(sustained / 2));
    console.log(`Probe: ${count(sustained)} requests/s sustained (closed loop, 50 connections, 10 s, other threads), ${machineLoad()}`);
  }
  console.log(
    `Soak: ${count(rate)} requests/s for ${durationMs / 1000} s over ${connections} connections, lines every ${intervalMs / 1000} s`,
  );

  const rss: { at: number; bytes: number; load: number }[] = [];
  const started = performance.now();
  const rssTimer = setInterval(() => {
    try {
      rss.push({ at: performance.now() - started, bytes: procMemory(server.pid).rss, load: loadavg()[0]! });
    } catch {
      // The server ended (its stderr is printed when the run stops); the load runs on and counts the failures.
      clearInterval(rssTimer);
      console.log(`The server exited ${((performance.now() - started) / 1000).toFixed(0)} s into the soak.`);
    }
  }, 250);
  const lag = watchLoopLag(started);
  const run = await openLoop({ url: server.url, rate, durationMs, connections, next: mix('hot') });
  clearInterval(rssTimer);
  lag.stop();

  // Each request counts in the interval it was due in; thread sizes are the seeded 100 plus the posts answered 201 so far.
  const sizes = Array.from({ length: THREADS }, () => START_SIZE);
  const byDue = [...run.results].sort((a, b) => a.at - b.at);
  console.log(
    '\n  due by    GET p50 / p99 / max              POST p50 / p99     requests  dropped  failed  thread sizes  peak RSS  load 1m  tool stalls',
  );
  for (let end = intervalMs, i = 0; end < durationMs + intervalMs; end += intervalMs) {
    const results: Result[] = [];
    for (; i < byDue.length && byDue[i]!.at < end; i++) {
      results.push(byDue[i]!);
      if (byDue[i]!.status === 201) sizes[byDue[i]!.target!]!++;
    }
    const f = figuresByTag(results);
    const get = f.get('GET')?.latency;
    const post = f.get('POST')?.latency;
    const samples = rss.filter((r) => r.at >= end - intervalMs && r.at < end);
    const stalls = lag.between(end - intervalMs, end);
    const peak = Math.max(0, ...samples.map((r) => r.bytes));
    const cols = [
      `${(end / 1000).toFixed(0)} s`.padStart(8),
      `${ms(get?.p50 ?? Number.NaN)} / ${ms(get?.p99 ?? Number.NaN)} / ${ms(get?.max ?? Number.NaN)}`.padEnd(32),
      `${ms(post?.p50 ?? Number.NaN)} / ${ms(post?.p99 ?? Number.NaN)}`.padEnd(18),
      count(results.length).padStart(8),
      count(results.filter((r) => r.status === -1).length).padStart(8),
      count(results.filter((r) => r.status === 0).length).padStart(7),
      `${Math.min(...sizes)}–${Math.max(...sizes)}`.padStart(13),
      mib(peak).padStart(10),
      (samples.at(-1)?.load.toFixed(2) ?? '-').padStart(6),
      `${ms(stalls.max)} max`.padStart(12),
    ];
    console.log(`  ${cols.join(' ')}`);
  }
  const all = figuresByTag(run.results);
  console.log(`\nWhole run (${(run.elapsedMs / 1000).toFixed(0)} s, ${machineLoad()}):`);
  for (const [tag, f] of all) console.log(`  ${tag}: ${describe(f.latency)}; ${statusLine(f.statuses)}`);
  printSamples(run.samples);
  await server.stop();
} finally {
  dir.remove();
}
