/**
 * Benchmark: the server's memory. Resident size idle after start, where it goes (the process's
 * own view through a probe, beside a bare Node process and one with only tsx loaded), then peak
 * and steady resident size under a mixed load: reads of a 1,000-comment thread and of small
 * threads, and some posts; then the same for the memory floor (memory-floor-server.mjs: bare
 * node:http sending the same bytes), and for the server as `npm run serve` starts it when that
 * passes flags to node (a smaller young generation). Run: npm run bench:memory [-- --duration 20 --checkout DIR]
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchArgs, machineLoad, numberOption, printHeader } from './lib/bench-args.ts';
import { cacheDir, type Checkout, cli, serve, serveFlags, tempDir } from './lib/checkout.ts';
import { postBody } from './lib/comment-bodies.ts';
import { writeExportFile } from './lib/export-file.ts';
import { closedLoop, type Req } from './lib/load.ts';
import { startFloorServer } from './lib/floor-server.ts';
import { printSamples } from './lib/report.ts';
import { procMemory, sampleRss } from './lib/proc-memory.ts';
import { count, median, mib } from './lib/stats.ts';

const { values, checkout } = benchArgs(
  'npm run bench:memory',
  '  --duration S      seconds of load (default 20; --quick 8)\n  --connections N   (default 16)\n  --snapshot        also write a V8 heap snapshot of the idle server into .tmp/bench/',
  { duration: { type: 'string' }, connections: { type: 'string' }, snapshot: { type: 'boolean', default: false } },
);
const durationMs = numberOption(values.duration, values.quick ? 8 : 20, 'duration') * 1000;
const connections = numberOption(values.connections, 16, 'connections');
const SMALL_THREADS = 100;
const PROBE = fileURLToPath(new URL('./memory-probe.mjs', import.meta.url));
const FLOOR = fileURLToPath(new URL('./memory-floor-server.mjs', import.meta.url));
const sleep = (ms: number) => new Promise((wait) => setTimeout(wait, ms));

/** Resident size of a Node process running `args` in the checkout, 2 s after it starts; null if it exits early. */
async function idleRss(checkout: Checkout, args: string[]): Promise<number | null> {
  const child = spawn(process.execPath, args, { cwd: checkout.dir, stdio: 'ignore' });
  await sleep(2_000);
  if (child.exitCode !== null) return null;
  const { rss } = procMemory(child.pid!);
  child.kill();
  return rss;
}

/** The mixed load: half reads of the 1,000-comment thread, 40% of small threads, 10% posts. */
function mixedLoad(): () => Req {
  let n = 0;
  return (): Req => {
    n++;
    const roll = n % 20;
    const small = `small-${(n * 7) % SMALL_THREADS}`;
    if (roll < 10) return { tag: 'get 1,000', method: 'GET', path: '/api/v1/threads?page=big' };
    if (roll < 18) return { tag: 'get small', method: 'GET', path: `/api/v1/threads?page=${small}` };
    return { tag: 'post', method: 'POST', path: '/api/v1/comments', body: postBody(roll === 18 ? small : 'big', 100_000_000 + n) };
  };
}

interface LoadFigures {
  run: Awaited<ReturnType<typeof closedLoop>>;
  samples: number[];
  hwm: number;
  afterRss: number;
  load: string;
}

/** Runs the mixed load against `url`, sampling the resident size of process `pid`, then 5 s of rest. */
async function underLoad(url: string, pid: number): Promise<LoadFigures> {
  const sampler = sampleRss(pid);
  const run = await closedLoop(url, connections, durationMs, mixedLoad());
  const samples = sampler.stop();
  const { hwm } = procMemory(pid);
  const load = machineLoad();
  await sleep(5_000);
  return { run, samples, hwm, afterRss: procMemory(pid).rss, load };
}

function printLoad(who: string, { run, samples, hwm, afterRss, load }: LoadFigures): void {
  const tags = new Map<string, { n: number; bad: number }>();
  for (const r of run.results) {
    const t = tags.get(r.tag) ?? { n: 0, bad: 0 };
    t.n++;
    if (r.status !== 200 && r.status !== 201) t.bad++;
    tags.set(r.tag, t);
  }
  console.log(
    `\n${who} under load: ${durationMs / 1000} s, ${connections} connections, closed loop, ` +
      `${count(run.results.length / (run.elapsedMs / 1000))} requests/s (${[...tags].map(([tag, t]) => `${tag} ${count(t.n)}${t.bad ? `, ${t.bad} failed` : ''}`).join('; ')}), ${load}:`,
  );
  printSamples(run.samples);
  console.log(
    `  RSS peak ${mib(Math.max(...samples))} (sampled every 250 ms), steady ${mib(median(samples.slice(samples.length / 2)))} (median of the second half), VmHWM ${mib(hwm)}`,
  );
  console.log(`  5 s after the load: RSS ${mib(afterRss)}`);
}

printHeader('Memory of the Riposte server (resident sizes from /proc/PID/status)', checkout);
const dir = tempDir();
try {
  const db = `${dir.path}/riposte.db`;
  const threads = [
    { key: 'big', comments: 1_000 },
    ...Array.from({ length: SMALL_THREADS }, (_, i) => ({ key: `small-${i}`, comments: 10 })),
  ];
  await writeExportFile(`${dir.path}/seed.json`, threads);
  await cli(checkout, ['import', 'riposte', `${dir.path}/seed.json`], { RIPOSTE_DB: db });
  // The same threads for the run with `npm run serve`'s flags (the first run's posts grow them).
  const dbCopy = `${dir.path}/riposte-copy.db`;
  copyFileSync(db, dbCopy);

  const probeFile = `${dir.path}/probe.json`;
  const server = await serve(checkout, {
    db,
    plainNode: true,
    nodeArgs: ['--expose-gc', '--import', PROBE],
    env: { BENCH_MEMORY_PROBE_FILE: probeFile, ...(values.snapshot ? { BENCH_MEMORY_SNAPSHOT_DIR: cacheDir('snapshots') } : {}) },
  });
  // One read of each kind, so what a first request loads (widget-free API routes) is in.
  for (const key of ['big', 'small-0']) await fetch(`${server.url}/api/v1/threads?page=${key}`).then((res) => res.arrayBuffer());
  await sleep(3_000);
  const idle = procMemory(server.pid);
  process.kill(server.pid, 'SIGUSR2');
  for (let waited = 0; !existsSync(probeFile); waited += 100) {
    if (waited > 120_000) throw new Error('the memory probe did not answer within 2 minutes');
    await sleep(100);
  }
  await sleep(100);
  const probe = JSON.parse(readFileSync(probeFile, 'utf8'));
  const bare = await idleRss(checkout, ['-e', 'setInterval(() => {}, 60_000)']);
  const tsx = await idleRss(checkout, [
    '--input-type=module',
    '-e',
    "import { register } from 'tsx/esm/api'; register(); setInterval(() => {}, 60_000);",
  ]);

  console.log(
    `\nIdle, plain node (without npm run serve's flags; with them below), 3 s after start and one read of each thread (start-up ${server.startMs.toFixed(0)} ms, ${machineLoad()}):`,
  );
  console.log(`  RSS ${mib(idle.rss)} (VmHWM so far ${mib(idle.hwm)})`);
  console.log(
    `  for comparison: bare node ${bare === null ? 'n/a' : mib(bare)}, node with tsx registered ${tsx === null ? 'n/a (no tsx)' : mib(tsx)}`,
  );
  const { before, after, spaces, commonJs, snapshot } = probe;
  console.log(
    `  inside (process.memoryUsage): heap used ${mib(before.heapUsed)} of ${mib(before.heapTotal)} (${mib(after.heapUsed)} after a full GC), ` +
      `external ${mib(before.external)} (array buffers ${mib(before.arrayBuffers)}), ` +
      `the rest of RSS (code, stacks, native allocations such as SQLite's cache, loader threads) ${mib(before.rss - before.heapTotal - before.external)}`,
  );
  const topSpaces = Object.entries(spaces as Record<string, number>)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5);
  console.log(`  V8 heap spaces (used, after GC): ${topSpaces.map(([name, bytes]) => `${name} ${mib(bytes)}`).join(', ')}`);
  const cjs = Object.entries(commonJs as Record<string, number>).sort((a, b) => b[1] - a[1]);
  console.log(
    `  CommonJS files loaded: ${cjs.reduce((n, [, files]) => n + files, 0)} (${cjs
      .slice(0, 12)
      .map(([name, files]) => `${name} ${files}`)
      .join(', ')}${cjs.length > 12 ? ', …' : ''})`,
  );
  if (snapshot) console.log(`  heap snapshot: ${snapshot}`);

  const serverLoad = await underLoad(server.url, server.pid);
  // The bytes each thread's GET sent, for the floor to send the same.
  const pagesDir = `${dir.path}/pages`;
  mkdirSync(pagesDir);
  for (const { key } of threads) {
    const res = await fetch(`${server.url}/api/v1/threads?page=${key}`, { headers: { 'accept-encoding': 'identity' } });
    writeFileSync(`${pagesDir}/${key}.json`, Buffer.from(await res.arrayBuffer()));
  }
  await server.stop();
  printLoad('Riposte (node bin/riposte.js serve)', serverLoad);

  const flags = serveFlags(checkout);
  if (flags.length) {
    const flagged = await serve(checkout, { db: dbCopy });
    for (const key of ['big', 'small-0']) await fetch(`${flagged.url}/api/v1/threads?page=${key}`).then((res) => res.arrayBuffer());
    await sleep(3_000);
    console.log(`\nAs \`npm run serve\` starts it (node ${flags.join(' ')}): idle RSS ${mib(procMemory(flagged.pid).rss)}`);
    const flaggedLoad = await underLoad(flagged.url, flagged.pid);
    await flagged.stop();
    printLoad(`Riposte (node ${flags.join(' ')})`, flaggedLoad);
  }

  const floor = await startFloorServer([FLOOR, pagesDir, `${dir.path}/floor.db`]);
  for (const key of ['big', 'small-0']) await fetch(`${floor.url}/api/v1/threads?page=${key}`).then((res) => res.arrayBuffer());
  await sleep(3_000);
  const floorIdle = procMemory(floor.pid);
  const floorLoad = await underLoad(floor.url, floor.pid);
  await floor.stop();
  console.log(
    `\nThe floor (tests/bench/memory-floor-server.mjs: bare node:http sending the same bytes from memory, brotli once per change, one INSERT per post): idle RSS ${mib(floorIdle.rss)}`,
  );
  printLoad('The floor', floorLoad);
} finally {
  dir.remove();
}
