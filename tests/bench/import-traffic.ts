/**
 * Benchmark: imports under traffic (issue 9). While `riposte import wordpress` of a generated
 * 30,000- and then a 100,000-comment export runs in another process on the running server's
 * database, readers GET 20 threads at a fixed rate and writers post 5 comments a second to
 * them (both open loop). Prints GET latency and write outcomes (201, 503, ...) before, during
 * and after each import. Run: npm run bench:import-traffic [-- --rate 200 --quick --checkout DIR]
 */
import { join } from 'node:path';
import { benchArgs, machineLoad, numberOption, printHeader } from './lib/bench-args.ts';
import { cacheDir, cli, runCli, serve, tempDir, type CliResult } from './lib/checkout.ts';
import { postBody } from './lib/comment-bodies.ts';
import { writeExportFile } from './lib/export-file.ts';
import { closedLoop, openLoop, type Req, type Result } from './lib/load.ts';
import { figuresByTag, printFigures, printSamples } from './lib/report.ts';
import { writeWxrFile } from './lib/wxr-file.ts';

const { values, checkout } = benchArgs(
  'npm run bench:import-traffic',
  [
    '  --rate R          reader GETs per second (default 200)',
    '  --writes W        posts per second (default 5)',
    '  --pause S         seconds of traffic before, between and after the imports (default 15; --quick 5)',
    '  (--quick: only the 30,000-comment import)',
  ].join('\n'),
  { rate: { type: 'string' }, writes: { type: 'string' }, pause: { type: 'string' } },
);
const readRate = numberOption(values.rate, 200, 'rate');
const writeRate = numberOption(values.writes, 5, 'writes');
const pauseMs = numberOption(values.pause, values.quick ? 5 : 15, 'pause') * 1000;
const THREADS = 20;
const sleep = (ms: number) => new Promise((wait) => setTimeout(wait, ms));

const imports = [
  { label: '30,000', posts: 300, firstPost: 1, blog: 'https://bench30k.example' },
  { label: '100,000', posts: 1_000, firstPost: 1_001, blog: 'https://bench100k.example' },
].slice(0, values.quick ? 1 : 2);

printHeader(`Imports under traffic: ${readRate} GET/s over ${THREADS} threads and ${writeRate} posts/s, open loop`, checkout);
const files = await Promise.all(
  imports.map(async ({ label, posts, firstPost, blog }) => {
    const file = join(cacheDir(), `wxr-${new URL(blog).hostname}-v1.xml`);
    const bytes = await writeWxrFile(file, { posts, perPost: 100, blog, firstPost });
    console.log(`  ${label}-comment WXR: ${file} (${(bytes / 1e6).toFixed(0)} MB)`);
    return file;
  }),
);

const dir = tempDir();
try {
  const db = join(dir.path, 'riposte.db');
  await writeExportFile(
    join(dir.path, 'seed.json'),
    Array.from({ length: THREADS }, (_, i) => ({ key: `read-${i}`, comments: 100 })),
  );
  await cli(checkout, ['import', 'riposte', join(dir.path, 'seed.json')], { RIPOSTE_DB: db });
  const server = await serve(checkout, { db });

  let n = 0;
  const read = (): Req => ({ tag: 'GET', method: 'GET', path: `/api/v1/threads?page=read-${n++ % THREADS}` });
  const write = (): Req => ({
    tag: 'POST',
    method: 'POST',
    path: '/api/v1/comments',
    body: postBody(`read-${n % THREADS}`, 500_000_000 + n++),
  });
  // A fresh server compiles and loads parts on first use: warm it up before measuring.
  await closedLoop(server.url, 8, 3_000, () => (n % 10 === 0 ? write() : read()));
  const stop = new AbortController();
  const started = performance.now();
  const common = { url: server.url, durationMs: Number.POSITIVE_INFINITY, signal: stop.signal };
  const load = Promise.all([
    openLoop({ ...common, rate: readRate, connections: 32, next: read }),
    openLoop({ ...common, rate: writeRate, connections: 8, next: write }),
  ]);

  /** Phases by time since the load started, in ms. */
  const phases: { name: string; from: number; to: number; result?: CliResult }[] = [];
  let last = 0;
  await sleep(pauseMs);
  for (const [i, file] of files.entries()) {
    const from = performance.now() - started;
    phases.push({ name: i === 0 ? 'before' : `between`, from: last, to: from });
    const result = await runCli(checkout, ['import', 'wordpress', file], { RIPOSTE_DB: db });
    last = performance.now() - started;
    phases.push({ name: `during the ${imports[i]!.label}-comment import`, from, to: last, result });
    await sleep(pauseMs);
  }
  phases.push({ name: 'after', from: last, to: performance.now() - started });
  stop.abort();
  const [reads, writes] = await load;
  await server.stop();

  const results: Result[] = [...reads.results, ...writes.results];
  for (const phase of phases) {
    const seconds = (phase.to - phase.from) / 1000;
    console.log(`\n${phase.name} (${seconds.toFixed(1)} s${phase.result ? `, import exit code ${phase.result.code}` : ''}):`);
    if (phase.result) console.log(`  ${(phase.result.stdout + phase.result.stderr).trim().split('\n').slice(0, 4).join('\n  ')}`);
    printFigures(figuresByTag(results, (r) => r.at >= phase.from && r.at < phase.to));
  }
  printSamples(new Map([...reads.samples, ...writes.samples]));
  console.log(`\n(${machineLoad()})`);
} finally {
  dir.remove();
}
