/**
 * Benchmark: a million comments in one database (10,000 threads of 90 and one of 100,000; one
 * in twenty unanswered comments pending). The export file is generated once and the database
 * built from it once per version of the server's code with `riposte import riposte` (both cached under
 * .tmp/bench/); each run works on a copy. Prints file sizes, start-up time, GET latency of
 * random threads and of the 100,000-comment one, POST latency, and the admin queue and searches.
 * Run: npm run bench:million [-- --rebuild --checkout DIR]
 */
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { adminHeaders } from './lib/admin-login.ts';
import { benchArgs, machineLoad, numberOption, printHeader } from './lib/bench-args.ts';
import { cacheDir, cli, serve, tempDir } from './lib/checkout.ts';
import { postBody, random } from './lib/comment-bodies.ts';
import { writeExportFile } from './lib/export-file.ts';
import { inSequence, type Req } from './lib/load.ts';
import { procMemory } from './lib/proc-memory.ts';
import { figuresByTag, printFigures } from './lib/report.ts';
import { median, mib, ms } from './lib/stats.ts';

const { values, checkout } = benchArgs(
  'npm run bench:million',
  '  --rebuild         build the cached database again\n  --requests N      sequential GETs of random threads (default 2,000; --quick 300)',
  { rebuild: { type: 'boolean', default: false }, requests: { type: 'string' } },
);
const requests = numberOption(values.requests, values.quick ? 300 : 2_000, 'requests');
const THREADS = 10_000;
const PER_THREAD = 90;
const BIG = 100_000;
const MB = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

printHeader('A million comments: 10,000 threads of 90 and one of 100,000, in one SQLite file', checkout);
const exportFile = join(cacheDir(), 'million-v1.json');
const plan = [...Array.from({ length: THREADS }, (_, i) => ({ key: `t-${i}`, comments: PER_THREAD })), { key: 'big', comments: BIG }];
const generating = performance.now();
const exportBytes = await writeExportFile(exportFile, plan, { pendingEvery: 20 });
const seconds = (performance.now() - generating) / 1000;
console.log(`Export file ${exportFile}: ${MB(exportBytes)}${seconds > 1 ? ` (generated in ${seconds.toFixed(0)} s)` : ''}`);

const cached = join(cacheDir(), `million-${checkout.dataKey}.db`);
if (values.rebuild || !existsSync(cached)) {
  rmSync(cached, { force: true });
  const building = `${cached}.building`;
  rmSync(building, { force: true });
  const built = await cli(checkout, ['import', 'riposte', exportFile], { RIPOSTE_DB: building });
  renameSync(building, cached);
  console.log(`Built ${cached} with riposte import riposte: ${(built.ms / 1000).toFixed(0)} s (${machineLoad()})`);
  console.log(`  ${built.stdout.trim().split('\n').join('\n  ')}`);
}

const dir = tempDir();
try {
  const db = join(dir.path, 'riposte.db');
  copyFileSync(cached, db);
  console.log(`Database: ${MB(statSync(db).size)} (a copy of ${cached})`);
  const server = await serve(checkout, { db });
  console.log(`Start-up, process start to first HTTP answer: ${ms(server.startMs)} (${machineLoad()})`);

  const pick = random(1);
  const randomThread = (): Req => ({
    tag: 'GET a random thread of 90',
    method: 'GET',
    path: `/api/v1/threads?page=t-${Math.floor(pick() * THREADS)}`,
  });
  const big: Req = { tag: 'GET the 100,000-comment thread', method: 'GET', path: '/api/v1/threads?page=big' };
  const first = await inSequence(server.url, 1, () => ({ ...big, tag: 'first GET of the 100,000 (builds it)' }), 120_000);
  const reads = await inSequence(server.url, requests, randomThread);
  const bigReads = await inSequence(server.url, 50, () => big, 120_000);
  let n = 0;
  const posts = await inSequence(server.url, values.quick ? 100 : 500, () => ({
    tag: 'POST to a random thread',
    method: 'POST',
    path: '/api/v1/comments',
    body: postBody(`t-${Math.floor(pick() * THREADS)}`, 400_000_000 + n++),
  }));
  console.log(`\nSequential requests over one keep-alive connection, browser's accept-encoding (${machineLoad()}):`);
  printFigures(figuresByTag([...first.results, ...reads.results, ...bigReads.results, ...posts.results]));
  const bigBytes = bigReads.results.at(-1)?.bytes ?? 0;
  console.log(`  (the 100,000-comment answer is ${MB(bigBytes)} compressed)`);

  const headers = await adminHeaders(checkout, server, db);
  console.log(`\nAdmin API, median of 9 requests each (${machineLoad()}):`);
  for (const [label, query] of [
    ['queue (pending)', '?status=pending'],
    ['all comments', ''],
    ['search an author', '?q=Reader%204999'],
    ['search a page', '?q=t-9999'],
    ['page 1,000 of approved', '?status=approved&offset=50000'],
  ] as const) {
    const run = await inSequence(
      server.url,
      9,
      () => ({ tag: label, method: 'GET', path: `/api/v1/admin/comments${query}`, headers }),
      120_000,
    );
    const failed = run.results.filter((r) => r.status !== 200);
    console.log(
      `  GET /api/v1/admin/comments${query}: ${ms(median(run.results.map((r) => r.ms)))}${failed.length ? ` (${failed.length} failed: ${[...run.samples.values()][0]})` : ''}`,
    );
  }
  const memory = procMemory(server.pid);
  await server.stop();
  console.log(`\nServer memory at the end: RSS ${mib(memory.rss)}, peak (VmHWM) ${mib(memory.hwm)}`);
} finally {
  dir.remove();
}
