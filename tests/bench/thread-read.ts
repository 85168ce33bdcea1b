/**
 * Benchmark: how long a GET of one page of a thread takes on a real server over loopback, for
 * threads of 1,000 and 10,000 comments (the first page, and one deep in the thread), next to a
 * bare node:http server sending the same bytes from memory (the floor); and what a write costs
 * the next reader (the thread's model, its order and the page rebuilt once).
 * Run: npm run bench [-- --quick]  (prints figures; asserts nothing)
 */
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../../server/config.ts';
import { startServer } from '../../server/main.ts';
import type { WireThread } from '../../shared/wire.ts';
import { tempDir } from '../helpers/test-app.ts';
import { inProcessArgs } from './lib/bench-args.ts';
import { seedThread } from './lib/seed-thread.ts';
import { count, median, ms } from './lib/stats.ts';

const { quick } = inProcessArgs('npm run bench', 'GET of one page of a thread over loopback');
const SIZES = [1_000, 10_000];
const ROUNDS = quick ? 400 : 2_000;
const BLOCK = 100;

interface Target {
  url: string;
  headers?: Record<string, string>;
}

/** Sequential keep-alive GETs, one connection per target, alternating in blocks so machine noise hits all alike. */
async function time(targets: Record<string, Target>): Promise<Record<string, { ms: number[]; bytes: number }>> {
  const runs = Object.entries(targets).map(([name, target]) => ({
    name,
    ...target,
    agent: new Agent({ keepAlive: true, maxSockets: 1 }),
    ms: [] as number[],
    bytes: 0,
  }));
  for (let block = 0; block < ROUNDS / BLOCK; block++) {
    for (const run of runs) {
      for (let i = 0; i < BLOCK; i++) {
        const start = performance.now();
        run.bytes = await new Promise<number>((resolve, reject) => {
          request(run.url, { agent: run.agent, headers: run.headers ?? {} }, (res) => {
            let n = 0;
            res.on('data', (chunk: Buffer) => (n += chunk.length));
            res.on('end', () => resolve(n));
          })
            .on('error', reject)
            .end();
        });
        // The first blocks warm up.
        if (block >= 2) run.ms.push(performance.now() - start);
      }
    }
  }
  for (const run of runs) run.agent.destroy();
  return Object.fromEntries(runs.map((run) => [run.name, { ms: run.ms, bytes: run.bytes }]));
}

/** One GET on a connection of its own (the server may have closed an idle pooled one during a long setup). */
function get(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    request(url, { agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks)));
    })
      .on('error', reject)
      .end();
  });
}
const getThread = async (url: string) => JSON.parse((await get(url)).toString()) as WireThread;

/** A bare node:http server answering these bytes from memory: the floor a cached answer is measured against. */
async function floorServer(bytes: Buffer): Promise<{ url: string; close(): void }> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(bytes));
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

const dir = tempDir();
const { config } = loadConfig(['--db', `${dir.path}/bench.db`, '--port', '0', '--rate-limit', '0'], {});
const server = await startServer(config);
const { store } = server;

console.log(`${ROUNDS} sequential keep-alive GETs each, interleaved; median, first 10% dropped:`);
for (const size of SIZES) {
  const key = `bench-${size}`;
  const thread = await store.threads.create('default', key, new Date().toISOString(), `https://blog.example/${key}`, 'Bench');
  await seedThread(store, thread.id, size);
  const first = `${server.url}/api/v1/threads?page=${key}`;
  // A page in the middle of the thread, reached by following the cursors.
  let deep = first;
  let pages = 1;
  for (let answer = await getThread(first); answer.next && pages < 50; pages++) {
    deep = `${first}&cursor=${answer.next}`;
    answer = await getThread(deep);
  }
  const firstBytes = await get(first);
  const floor = await floorServer(firstBytes);
  const figures = await time({
    first: { url: first },
    firstBr: { url: first, headers: { 'accept-encoding': 'br' } },
    deep: { url: deep },
    floor: { url: floor.url },
  });
  floor.close();

  // After a write, the next reader's GET rebuilds the thread's model, its order and the page.
  const rebuilds: number[] = [];
  const firstComment = (JSON.parse(firstBytes.toString()) as WireThread).comments[0]!.id;
  for (let i = 0; i < (quick ? 5 : 20); i++) {
    await store.comments.setPinned(firstComment, i % 2 === 0);
    const start = performance.now();
    await get(first);
    rebuilds.push(performance.now() - start);
  }

  const p = (name: string) => median(figures[name]!.ms);
  console.log(`\nThread of ${count(size)} comments, first page ${count(firstBytes.length)} B of JSON:`);
  console.log(`  GET first page (identity):             ${ms(p('first'))}`);
  console.log(`  GET first page (brotli, ${count(figures.firstBr!.bytes)} B):     ${ms(p('firstBr'))}`);
  console.log(`  GET page ${pages} (by cursor, ${count(figures.deep!.bytes)} B):     ${ms(p('deep'))}`);
  console.log(`  bare node:http, first page's bytes from memory: ${ms(p('floor'))}`);
  console.log(`  ratio first page / floor:              ${(p('first') / p('floor')).toFixed(2)}x`);
  console.log(`  first GET after a write (model, order and page rebuilt): ${ms(median(rebuilds))}`);
}

await server.close();
dir.remove();
