/**
 * Benchmark: the admin API on 100,000 comments (1,000 pages, one in twenty pending): the queue,
 * the list of all comments, searches, a deep page, and a post with every spam check and
 * first-time moderation on. Run: npm run bench:admin  (prints figures; asserts nothing)
 */
import { performance } from 'node:perf_hooks';
import { addAdmin, adminHeaders } from '../helpers/admin-session.ts';
import { openTestApp, tempDir } from '../helpers/test-app.ts';

const PAGES = 1_000;
const PER_PAGE = 100;
const ROUNDS = 9;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const dir = tempDir();
const t = await openTestApp(`${dir.path}/riposte.db`);
try {
  await addAdmin(t);
  const headers = await adminHeaders(t);
  await t.store.transaction(async (tx) => {
    for (let p = 0; p < PAGES; p++) {
      const thread = await tx.threads.create(
        'default',
        `https://blog.example/p${p}`,
        new Date().toISOString(),
        `https://blog.example/p${p}`,
        `Post ${p}`,
      );
      for (let i = 0; i < PER_PAGE; i++) {
        await tx.comments.insert({
          threadId: thread.id,
          parentId: null,
          status: i % 20 === 0 ? 'pending' : 'approved',
          authorName: `Author ${i}`,
          authorEmail: `a${i}@example.org`,
          bodyMarkdown: `Comment ${p}-${i} about things`,
          bodyHtml: `<p>Comment ${p}-${i} about things</p>`,
          createdAt: new Date(Date.UTC(2025, 0, 1) + (p * PER_PAGE + i) * 60_000).toISOString(),
        });
      }
    }
  });
  console.log(`${PAGES * PER_PAGE} comments on ${PAGES} pages; median of ${ROUNDS} requests each:`);
  for (const [label, query] of [
    ['queue (pending)', '?status=pending'],
    ['all comments', ''],
    ['search an author', '?q=Author%2099'],
    ['search a page', '?q=p999'],
    ['page 1,000 of approved', '?status=approved&offset=50000'],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const start = performance.now();
      await (await t.app.request(`/api/v1/admin/comments${query}`, { headers })).json();
      times.push(performance.now() - start);
    }
    console.log(`  GET /api/v1/admin/comments ${label}: ${median(times).toFixed(1)} ms`);
  }
  await t.store.sites.updateSettings('default', { moderation: 'first', blockedWords: ['casino', 'pills'], minSeconds: 3 });
  const times: number[] = [];
  for (let i = 0; i < 51; i++) {
    const start = performance.now();
    await t.post({
      page: 'https://blog.example/p5',
      body: `New comment ${i}`,
      author: { name: `New ${i}`, email: `new${i}@example.org` },
      formMs: 9_000,
    });
    times.push(performance.now() - start);
  }
  console.log(`  POST /api/v1/comments with every check and first-time moderation: ${median(times).toFixed(1)} ms`);
} finally {
  await t.close();
  dir.remove();
}
