/**
 * Benchmark: live updates with 1,000 open streams on one thread (GET /api/v1/threads/events).
 * Each round posts one comment and times, from the POST's 201, until the last of the streams
 * has its `change` event (and each stream's own delay), with the server's memory before and
 * with the streams open. On SQLite (one instance, events in process), then on PostgreSQL with
 * two instances: streams on B, posts through A (events through LISTEN/NOTIFY). The streams
 * are plain node:http connections from this process; the servers are child processes.
 * Run: npm run bench:streams [-- --streams 1000 --rounds 30 --checkout DIR | --quick]
 */
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDatabase, startPostgres } from '../helpers/postgres-server.ts';
import { benchArgs, machineLoad, numberOption, printHeader } from './lib/bench-args.ts';
import { cli, type RunningRiposte, serve, tempDir } from './lib/checkout.ts';
import { procMemory } from './lib/proc-memory.ts';
import { count, describe, median, ms, summarise } from './lib/stats.ts';

const { values, checkout } = benchArgs(
  'npm run bench:streams',
  [
    '  --streams N       open streams on the thread (default 1,000; --quick 200)',
    '  --rounds N        comments posted, one at a time (default 30; --quick 10)',
  ].join('\n'),
  { streams: { type: 'string' }, rounds: { type: 'string' } },
);
const streamCount = numberOption(values.streams, values.quick ? 200 : 1_000, 'streams');
const rounds = numberOption(values.rounds, values.quick ? 10 : 30, 'rounds');
const PAGE = 'bench-live';
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** One open stream: counts its `change` events, and the time each arrived. */
interface Stream {
  changes: number[];
  close(): void;
}

function openStream(server: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const changes: number[] = [];
    const req = request(`${server}/api/v1/threads/events?page=${PAGE}`, { agent: false }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
      res.setEncoding('utf8');
      let buffer = '';
      let ready = false;
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith('event: change')) changes.push(performance.now());
          else if (block.startsWith('event: ready') && !ready) {
            ready = true;
            resolve({ changes, close: () => req.destroy() });
          }
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
}

let posted = 0;
async function post(server: string): Promise<number> {
  posted++;
  const res = await fetch(`${server}/api/v1/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      page: PAGE,
      body: `Live comment number ${posted}, posted while ${streamCount} readers watch.`,
      author: { name: 'Bench' },
    }),
  });
  const at = performance.now();
  if (res.status !== 201) throw new Error(`POST answered ${res.status}: ${await res.text()}`);
  return at;
}

/** Opens the streams on `watched`, posts `rounds` comments through `posting`, prints the figures. */
async function measure(name: string, posting: RunningRiposte, watched: RunningRiposte): Promise<void> {
  const before = procMemory(watched.pid);
  const streams: Stream[] = [];
  const opening = performance.now();
  // In batches, as readers arrive: a thousand connections at once would measure the listen backlog.
  for (let i = 0; i < streamCount; i += 50)
    streams.push(...(await Promise.all(Array.from({ length: Math.min(50, streamCount - i) }, () => openStream(watched.url)))));
  const openedMs = performance.now() - opening;
  const open = procMemory(watched.pid);
  const lasts: number[] = [];
  const each: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const answered = await post(posting.url);
    while (streams.some((s) => s.changes.length < round)) await sleep(1);
    const arrived = streams.map((s) => s.changes[round - 1]! - answered);
    lasts.push(Math.max(...arrived));
    each.push(...arrived);
    await sleep(50);
  }
  const after = procMemory(watched.pid);
  for (const stream of streams) stream.close();
  console.log(
    `\n${name}: ${count(streamCount)} streams on one thread (opened in ${ms(openedMs)}), ${rounds} comments one at a time, ${machineLoad()}`,
  );
  console.log(
    `  201 -> last stream has the change: median ${ms(median(lasts))}, p99 ${ms(summarise(lasts).p99)}, max ${ms(Math.max(...lasts))}`,
  );
  console.log(`  201 -> each stream (all ${count(each.length)} deliveries): ${describe(summarise(each))}`);
  console.log(
    `  server memory (RSS): ${mb(before.rss)} before, ${mb(open.rss)} with the streams open, ${mb(after.rss)} after the rounds (peak ${mb(after.hwm)}); ` +
      `${((open.rss - before.rss) / streamCount / 1024).toFixed(1)} KB per stream`,
  );
}

printHeader(`Live updates: ${count(streamCount)} open streams on one thread`, checkout);
const env = { RIPOSTE_LIVE_STREAMS: String(streamCount + 10) };
const dir = tempDir();
const servers: RunningRiposte[] = [];
const postgres = await startPostgres();
try {
  const sqliteDb = `${dir.path}/riposte.db`;
  const onSqlite = await serve(checkout, { db: sqliteDb, env });
  servers.push(onSqlite);
  await cli(checkout, ['site', 'default', 'moderation=none'], { RIPOSTE_DB: sqliteDb });
  await measure('SQLite, one instance', onSqlite, onSqlite);
  while (servers.length) await servers.pop()!.stop();

  const db = await createDatabase(postgres.adminUrl);
  const a = await serve(checkout, { db, env });
  servers.push(a);
  const b = await serve(checkout, { db, env });
  servers.push(b);
  await cli(checkout, ['site', 'default', 'moderation=none'], { RIPOSTE_DB: db });
  await measure('PostgreSQL, two instances: posts through A, streams on B', a, b);
} finally {
  while (servers.length) await servers.pop()!.stop();
  dir.remove();
  await postgres.stop();
}
