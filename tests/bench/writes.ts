/**
 * Benchmark: POST /api/v1/comments throughput and latency with 50 connections (closed loop),
 * beside the write floor in the same run: a bare node:http + better-sqlite3 server
 * (write-floor-server.ts) that parses the same JSON and inserts one row. Every post passes the
 * server's checks (unique bodies over 100 pages, no honeypot, a long formMs).
 * Run: npm run bench:writes [-- --duration 20 --connections 50 --checkout DIR]
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { benchArgs, machineLoad, numberOption, printHeader } from './lib/bench-args.ts';
import { BENCH_REPO, serve, tempDir } from './lib/checkout.ts';
import { postBody } from './lib/comment-bodies.ts';
import { closedLoop, type Req, type RunStats } from './lib/load.ts';
import { figuresByTag, printFigures, printSamples } from './lib/report.ts';
import { count } from './lib/stats.ts';

const { values, checkout } = benchArgs(
  'npm run bench:writes',
  '  --duration S      seconds of measured load per server (default 20; --quick 5), after 3 s of warm-up\n  --connections N   (default 50)',
  { duration: { type: 'string' }, connections: { type: 'string' } },
);
const durationMs = numberOption(values.duration, values.quick ? 5 : 20, 'duration') * 1000;
const connections = numberOption(values.connections, 50, 'connections');
const PAGES = 100;
const FLOOR = fileURLToPath(new URL('./write-floor-server.ts', import.meta.url));

/** Starts the write floor server on its own database; resolves with its URL and a stop function. */
async function startFloor(db: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', FLOOR, db], { cwd: BENCH_REPO, stdio: ['ignore', 'pipe', 'inherit'] });
  const [port] = await once(child.stdout!, 'data');
  return {
    url: `http://127.0.0.1:${String(port).trim()}`,
    stop: async () => {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

let n = 0;
/** Posts spread over PAGES pages, each body unique (duplicate detection would hold repeats). */
const nextPost = (): Req => {
  n++;
  return { tag: 'POST /api/v1/comments', method: 'POST', path: '/api/v1/comments', body: postBody(`writes-${n % PAGES}`, 200_000_000 + n) };
};

/** 3 s of warm-up, then the measured run; also returns how many posts were stored (201) in both. */
async function measure(url: string): Promise<{ run: RunStats; stored: number }> {
  const warm = await closedLoop(url, connections, 3_000, nextPost);
  const run = await closedLoop(url, connections, durationMs, nextPost);
  return { run, stored: [...warm.results, ...run.results].filter((r) => r.status === 201).length };
}

function print(name: string, run: RunStats): number {
  const created = run.results.filter((r) => r.status === 201).length;
  const rate = created / (run.elapsedMs / 1000);
  console.log(`\n${name}: ${count(rate)} posts/s (201s over ${(run.elapsedMs / 1000).toFixed(1)} s), ${machineLoad()}`);
  printFigures(figuresByTag(run.results));
  printSamples(run.samples);
  return rate;
}

printHeader(`POST throughput and latency, ${connections} connections, closed loop, ${durationMs / 1000} s each`, checkout);
const dir = tempDir();
try {
  const server = await serve(checkout, { db: `${dir.path}/riposte.db` });
  const riposte = await measure(server.url);
  // Held comments would mean a check caught the generated posts: the figures would be of another path.
  let shown = 0;
  for (let page = 0; page < PAGES; page++) {
    const thread = (await (await fetch(`${server.url}/api/v1/threads?page=writes-${page}`)).json()) as { count: number };
    shown += thread.count;
  }
  await server.stop();
  const floor = await startFloor(`${dir.path}/floor.db`);
  const bare = await measure(floor.url);
  await floor.stop();

  const riposteRate = print('Riposte', riposte.run);
  console.log(
    `  comments shown in the threads afterwards: ${count(shown)} of ${count(riposte.stored)} posts answered 201 (warm-up included)`,
  );
  const floorRate = print('Write floor (node:http + better-sqlite3, one INSERT)', bare.run);
  console.log(`\nRiposte / floor: ${(riposteRate / floorRate).toFixed(2)}× the floor's posts/s`);
} finally {
  dir.remove();
}
