/**
 * Benchmark: what a write to a thread costs the next reader of its first page, at 1,000, 2,000,
 * 5,000 and 10,000 comments, end to end over loopback (brotli, as browsers ask) after each kind
 * of write, and split into its parts when the thread is read cold: the model's SQL (the outline
 * query alone, through the driver, and through the store), its JavaScript (which comments show,
 * counts), the order, the page's JSON (its rows, serialising, the ETag's hash) and compressing it.
 * Run: npm run bench:write-cost [-- --quick]  (prints figures; asserts nothing)
 */
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { loadConfig } from '../../server/config.ts';
import { startServer } from '../../server/main.ts';
import { siteSettings } from '../../shared/site-settings.ts';
import type { WireThread } from '../../shared/wire.ts';
import { toWireComment } from '../../server/comments/to-wire.ts';
import { threadPageJson } from '../../server/threads/thread-json.ts';
import { orderThread } from '../../server/threads/thread-order.ts';
import { nextCursor, pageFrom, pageIds } from '../../server/threads/thread-pages.ts';
import { visibleComments } from '../../server/threads/visible-comments.ts';
import { tempDir } from '../helpers/test-app.ts';
import { inProcessArgs, machineLoad } from './lib/bench-args.ts';
import { seedThread, TYPICAL_BODY, TYPICAL_HTML } from './lib/seed-thread.ts';
import { count, median, ms } from './lib/stats.ts';

const { quick } = inProcessArgs('npm run bench:write-cost', "What a write costs the next reader of a thread's first page");
const SIZES = [1_000, 2_000, 5_000, 10_000];
const ROUNDS = quick ? 5 : 15;

/** One GET on a connection of its own, asking for brotli as a browser does. */
function get(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    request(url, { agent: false, headers: { 'accept-encoding': 'gzip, deflate, br' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks)));
    })
      .on('error', reject)
      .end();
  });
}

/** Median milliseconds of `rounds` runs of `work`. */
async function timed(rounds: number, work: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

const dir = tempDir();
const dbFile = `${dir.path}/bench.db`;
const { config } = loadConfig(['--db', dbFile, '--port', '0', '--rate-limit', '0'], {});
const server = await startServer(config);
const { store } = server;
const raw = new Database(dbFile, { readonly: true });
const outlineSql = raw.prepare(
  'SELECT id, parent_id, status, kind, created_at, upvotes, downvotes, pinned FROM comments WHERE thread_id = ? ORDER BY created_at, id',
);

console.log(`Median of ${ROUNDS}:`);
for (const size of SIZES) {
  const key = `cost-${size}`;
  const thread = await store.threads.create('default', key, new Date().toISOString(), `https://blog.example/${key}`, 'Bench');
  const ids = await seedThread(store, thread.id, size);
  const url = `${server.url}/api/v1/threads?page=${key}`;
  const plain = (await (await fetch(url)).json()) as WireThread;
  const firstId = plain.comments[0]!.id;

  // End to end: a write, then the next reader's GET.
  const cached = await timed(ROUNDS, () => get(url));
  let pin = false;
  // The GET alone, after each write.
  const getAfter = async (write: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await write();
      const start = performance.now();
      await get(url);
      times.push(performance.now() - start);
    }
    return median(times);
  };
  let n = 0;
  const afterNew = await getAfter(() =>
    store.comments.insert({
      threadId: thread.id,
      parentId: null,
      status: 'approved',
      authorName: 'Late',
      bodyMarkdown: TYPICAL_BODY,
      bodyHtml: TYPICAL_HTML,
      createdAt: new Date(Date.UTC(2027, 0, 1) + ++n * 1000).toISOString(),
    }),
  );
  const afterPinGet = await getAfter(() => {
    pin = !pin;
    return store.comments.setPinned(ids[0]!, pin);
  });

  // The parts of a cold read, each alone.
  const site = await store.sites.get('default');
  const settings = siteSettings(site?.settings);
  const sqlOnly = await timed(ROUNDS, () => outlineSql.all(thread.id));
  const listOutlines = await timed(ROUNDS, () => store.comments.listOutlines(thread.id));
  const outlines = await store.comments.listOutlines(thread.id);
  const others = await timed(ROUNDS, async () => {
    await store.sites.get(thread.siteId);
    await store.likes.count(thread.id);
    await store.mentions.approvedForThread(thread.id);
  });
  let rows = visibleComments(outlines, settings);
  const js = await timed(ROUNDS, () => {
    rows = visibleComments(outlines, settings);
    new Map(rows.map((row) => [row.id, row]));
    rows.reduce((k, row) => k + (row.status === 'approved' ? 1 : 0), 0);
  });
  const oldest = await timed(ROUNDS, () => orderThread(rows, 'oldest', settings.votes));
  const best = await timed(ROUNDS, () => orderThread(rows, 'best', 'updown'));
  const order = orderThread(rows, 'oldest', settings.votes);
  const span = pageFrom(order, 0);
  const pageIdList = pageIds(order, span);
  const getMany = await timed(ROUNDS, () => store.comments.getMany(pageIdList));
  const pageRows = await store.comments.getMany(pageIdList);
  const fresh = await store.threads.get(thread.id);
  const model = {
    thread: fresh!,
    settings,
    rows,
    byId: new Map(rows.map((row) => [row.id, row])),
    count: rows.length,
    likes: 0,
    closesAt: null,
    mentions: [],
  };
  let text = '';
  // Each comment shaped for the wire (avatar hash included) and serialised, then the page around them.
  const json = await timed(ROUNDS, () => {
    const comments = new Map(pageRows.map((row) => [row.id, JSON.stringify(toWireComment(row, 'k', settings.votes))]));
    text = threadPageJson(model, 'oldest', pageIdList, comments, nextCursor(order, span));
  });
  const bytes = new TextEncoder().encode(text);
  const sha = await timed(ROUNDS, () => createHash('sha1').update(bytes).digest('base64url'));
  const sizes: Record<string, number> = {};
  const squeeze = async (name: string, make: () => Uint8Array) => {
    sizes[name] = make().length;
    return timed(ROUNDS, make);
  };
  const br5 = await squeeze('br5', () => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }));
  const br4 = await squeeze('br4', () => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }));
  const br1 = await squeeze('br1', () => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } }));
  const gz6 = await squeeze('gz6', () => gzipSync(bytes, { level: 6 }));
  const gz1 = await squeeze('gz1', () => gzipSync(bytes, { level: 1 }));

  console.log(
    `\nThread of ${count(size)} comments (first page: ${pageIdList.length} comments, ${count(bytes.length)} B of JSON, first comment ${firstId}):`,
  );
  console.log(`  GET, cached:                          ${ms(cached)}`);
  console.log(`  GET after a new comment:              ${ms(afterNew)}`);
  console.log(`  GET after a pin:                      ${ms(afterPinGet)}`);
  console.log('  A cold read in parts:');
  console.log(`    outline SQL (better-sqlite3 alone): ${ms(sqlOnly)}`);
  console.log(`    listOutlines (SQL + drizzle):       ${ms(listOutlines)}`);
  console.log(`    site, likes, mentions:              ${ms(others)}`);
  console.log(`    visible comments, by id, count:     ${ms(js)}`);
  console.log(`    order oldest / best:                ${ms(oldest)} / ${ms(best)}`);
  console.log(`    page rows (getMany):                ${ms(getMany)}`);
  console.log(`    page JSON (all its comments) / sha1: ${ms(json)} / ${ms(sha)}`);
  console.log(
    `    compress br5 ${ms(br5)} (${count(sizes.br5!)} B), br4 ${ms(br4)} (${count(sizes.br4!)} B), br1 ${ms(br1)} (${count(sizes.br1!)} B), gzip6 ${ms(gz6)} (${count(sizes.gz6!)} B), gzip1 ${ms(gz1)} (${count(sizes.gz1!)} B)`,
  );
}
console.log(`\n${machineLoad()} at the end`);
raw.close();
await server.close();
dir.remove();
