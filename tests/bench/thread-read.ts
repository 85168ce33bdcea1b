/**
 * Benchmark: how long a GET of a 1,000-comment thread takes on a real server over loopback,
 * next to a bare node:http server sending the same bytes from memory, and the uncached build.
 * Run: npm run bench  (prints figures; asserts nothing)
 */
import { createServer, request, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../../server/config.ts';
import { startServer } from '../../server/main.ts';
import { renderMarkdown } from '../../server/render/markdown.ts';
import { threadJson } from '../../server/threads/thread-json.ts';
import { tempDir } from '../helpers/test-app.ts';

const COMMENTS = 1_000;
const ROUNDS = 2_000;
const PAGE = 'bench-page';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Sequential keep-alive GETs, one connection per target, alternating in blocks so machine noise hits all alike. */
async function time(targets: Record<string, { url: string; headers?: Record<string, string> }>) {
  const runs = Object.entries(targets).map(([name, target]) => ({
    name,
    ...target,
    agent: new Agent({ keepAlive: true, maxSockets: 1 }),
    ms: [] as number[],
    bytes: 0,
  }));
  const BLOCK = 100;
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

const dir = tempDir();
const { config } = loadConfig(['--db', `${dir.path}/bench.db`, '--port', '0', '--rate-limit', '0'], {});
const server = await startServer(config);
const store = server.store;

const thread = await store.threads.create('default', PAGE, new Date().toISOString(), 'https://blog.example/bench', 'Bench');
const body =
  'A reply that quotes:\n\n> something said *before*\n\nand adds a [link](https://example.com) and a few more words to be typical.';
const html = renderMarkdown(body);
await store.transaction(async (tx) => {
  const ids: number[] = [];
  for (let i = 0; i < COMMENTS; i++) {
    // A third start threads, the rest reply to a random earlier comment.
    const parentId = i % 3 === 0 || ids.length === 0 ? null : ids[Math.floor(Math.random() * ids.length)]!;
    const row = await tx.comments.insert({
      threadId: thread.id,
      parentId,
      status: 'approved',
      authorName: `Reader ${i}`,
      authorEmail: `r${i}@example.org`,
      bodyMarkdown: body,
      bodyHtml: html,
      createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    });
    ids.push(row.id);
  }
});

const url = `${server.url}/api/v1/threads?page=${PAGE}`;
const builds: number[] = [];
for (let i = 0; i < 50; i++) {
  const start = performance.now();
  await threadJson(store, 'key', 'default', PAGE, thread);
  builds.push(performance.now() - start);
}
const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
const baseline = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(bytes));
await new Promise<void>((resolve) => baseline.listen(0, '127.0.0.1', resolve));
const { riposte, riposteBr, memory } = await time({
  riposte: { url },
  riposteBr: { url, headers: { 'accept-encoding': 'br' } },
  memory: { url: `http://127.0.0.1:${(baseline.address() as AddressInfo).port}/` },
});

const fmt = (ms: number) => `${ms.toFixed(3)} ms`;
console.log(`Thread of ${COMMENTS} comments, ${ROUNDS} sequential keep-alive GETs each, interleaved (median, first 10% dropped):`);
console.log(`  riposte GET /api/v1/threads (identity, ${riposte.bytes} B):  ${fmt(median(riposte.ms))}`);
console.log(`  riposte GET /api/v1/threads (brotli, ${riposteBr.bytes} B):   ${fmt(median(riposteBr.ms))}`);
console.log(`  bare node:http, same bytes from memory:           ${fmt(median(memory.ms))}`);
console.log(`  ratio riposte / memory:                           ${(median(riposte.ms) / median(memory.ms)).toFixed(2)}x`);
console.log(`  building the answer uncached (select, map, JSON): ${fmt(median(builds))} (after a write, once)`);

baseline.close();
await server.close();
dir.remove();
