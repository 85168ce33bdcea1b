/**
 * Benchmark: POST /api/v1/comments throughput and latency with 50 connections (closed loop),
 * beside the write floor in the same run: a bare node:http + better-sqlite3 server
 * (write-floor-server.ts) that parses the same JSON and inserts one row. Every post passes the
 * server's checks (unique bodies over 100 pages, no honeypot, a long formMs) and is published at
 * once: the site's moderation is set to `none` first (a new site holds first-time commenters).
 * Beside posts/s, each server's CPU milliseconds per post (from /proc), steadier than posts/s
 * on a machine other work shares.
 * Run: npm run bench:writes [-- --duration 20 --connections 50 --checkout DIR --cpu-prof DIR]
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchArgs, machineLoad, numberOption, printHeader } from './lib/bench-args.ts';
import { BENCH_REPO, cli, serve, tempDir } from './lib/checkout.ts';
import { postBody } from './lib/comment-bodies.ts';
import { startFloorServer } from './lib/floor-server.ts';
import { closedLoop, type Req, type RunStats } from './lib/load.ts';
import { procCpuMs } from './lib/proc-cpu.ts';
import { figuresByTag, printFigures, printSamples } from './lib/report.ts';
import { count } from './lib/stats.ts';

const { values, checkout } = benchArgs(
  'npm run bench:writes',
  [
    '  --duration S      seconds of measured load per server (default 20; --quick 5), after 3 s of warm-up',
    '  --connections N   (default 50)',
    "  --cpu-prof DIR    write a V8 CPU profile of Riposte's server into DIR (open it in Chrome's DevTools)",
  ].join('\n'),
  { duration: { type: 'string' }, connections: { type: 'string' }, 'cpu-prof': { type: 'string' } },
);
const durationMs = numberOption(values.duration, values.quick ? 5 : 20, 'duration') * 1000;
const connections = numberOption(values.connections, 50, 'connections');
const profileDir = typeof values['cpu-prof'] === 'string' ? resolve(values['cpu-prof']) : undefined;
const PAGES = 100;
const FLOOR = fileURLToPath(new URL('./write-floor-server.ts', import.meta.url));

let n = 0;
/** Posts spread over PAGES pages, each body unique (duplicate detection would hold repeats). */
const nextPost = (): Req => {
  n++;
  return { tag: 'POST /api/v1/comments', method: 'POST', path: '/api/v1/comments', body: postBody(`writes-${n % PAGES}`, 200_000_000 + n) };
};

interface Measured {
  run: RunStats;
  /** How many posts were stored (201), warm-up included. */
  stored: number;
  /** The server's CPU time over the measured run, in milliseconds. */
  cpuMs: number;
}

/** 3 s of warm-up, then the measured run, with the server's CPU time (process `pid`) over it. */
async function measure(url: string, pid: number): Promise<Measured> {
  const warm = await closedLoop(url, connections, 3_000, nextPost);
  const cpuBefore = procCpuMs(pid);
  const run = await closedLoop(url, connections, durationMs, nextPost);
  const cpuMs = procCpuMs(pid) - cpuBefore;
  return { run, cpuMs, stored: [...warm.results, ...run.results].filter((r) => r.status === 201).length };
}

/** Posts stored (201) in the measured run. */
const createdIn = (run: RunStats) => run.results.filter((r) => r.status === 201).length;
/** The server's CPU milliseconds per stored post over the measured run. */
const cpuPerPost = ({ run, cpuMs }: Measured) => cpuMs / Math.max(1, createdIn(run));

function print(name: string, measured: Measured): number {
  const { run, cpuMs } = measured;
  const rate = createdIn(run) / (run.elapsedMs / 1000);
  console.log(`\n${name}: ${count(rate)} posts/s (201s over ${(run.elapsedMs / 1000).toFixed(1)} s), ${machineLoad()}`);
  console.log(`  server CPU: ${cpuPerPost(measured).toFixed(3)} ms per post (${count(cpuMs)} ms over the run)`);
  printFigures(figuresByTag(run.results));
  printSamples(run.samples);
  return rate;
}

printHeader(`POST throughput and latency, ${connections} connections, closed loop, ${durationMs / 1000} s each`, checkout);
const dir = tempDir();
try {
  const db = `${dir.path}/riposte.db`;
  await cli(checkout, ['site', 'default', 'moderation=none'], { RIPOSTE_DB: db });
  // The profile is written when the server exits (its stop below); start-up is in it too.
  const server = await serve(checkout, { db, nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [] });
  const riposte = await measure(server.url, server.pid);
  // Held comments would mean a check caught the generated posts: the figures would be of another path.
  let shown = 0;
  for (let page = 0; page < PAGES; page++) {
    const thread = (await (await fetch(`${server.url}/api/v1/threads?page=writes-${page}`)).json()) as { count: number };
    shown += thread.count;
  }
  await server.stop();
  const floor = await startFloorServer(['--import', 'tsx', FLOOR, `${dir.path}/floor.db`], BENCH_REPO);
  const bare = await measure(floor.url, floor.pid);
  await floor.stop();

  const riposteRate = print('Riposte', riposte);
  console.log(
    `  comments shown in the threads afterwards: ${count(shown)} of ${count(riposte.stored)} posts answered 201 (warm-up included)`,
  );
  const floorRate = print('Write floor (node:http + better-sqlite3, one INSERT)', bare);
  console.log(
    `\nRiposte / floor: ${(riposteRate / floorRate).toFixed(2)}× the floor's posts/s; ${(cpuPerPost(riposte) / cpuPerPost(bare)).toFixed(1)}× its CPU per post`,
  );
} finally {
  dir.remove();
}
