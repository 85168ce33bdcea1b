/**
 * Two `riposte serve` processes on one PostgreSQL under a write load; one is killed with
 * SIGKILL mid-load. Every comment either answered 201 is stored, and the other instance goes on
 * answering every request. The load is counted in posts, not seconds: it stops once the
 * survivor has taken a set number after the kill (with a generous deadline, should it stall).
 */
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../server/store/index.ts';
import { newPostgresDatabase } from '../../helpers/postgres.ts';
import { startServerProcess } from '../../helpers/riposte-server.ts';
import { BLOG_ORIGIN } from '../../helpers/test-app.ts';

const PAGE = 'crash-load';
/** Concurrent posting loops per instance. */
const LOOPS = 4;
/** Posts A answers before it is killed, and B after that. */
const BEFORE_KILL = 60;
const AFTER_KILL = 60;
const DEADLINE_MS = 120_000;

interface Acknowledged {
  id: number;
  body: string;
}

describe('an instance killed during a write load', () => {
  it('loses no acknowledged comment, and the other instance keeps serving', async () => {
    const url = await newPostgresDatabase();
    const settings = { RIPOSTE_RATE_LIMIT: '0', RIPOSTE_ORIGINS: BLOG_ORIGIN };
    // Started together on an empty database: they take turns to migrate.
    const [a, b] = await Promise.all([startServerProcess(url, settings), startServerProcess(url, settings)]);
    // New sites hold first comments; this load is of published ones, as on a blog that publishes at once.
    const owner = await openStore(url);
    await owner.sites.updateSettings('default', { moderation: 'none' });
    await owner.close();

    const acknowledged: Acknowledged[] = [];
    const survivorAnswers: (number | string)[] = [];
    let afterKill = 0;
    let killed = false;
    const deadline = Date.now() + DEADLINE_MS;
    const done = () => afterKill >= AFTER_KILL || Date.now() > deadline;

    async function postTo(server: string, body: string): Promise<Response> {
      return fetch(`${server}/api/v1/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: BLOG_ORIGIN },
        body: JSON.stringify({ page: PAGE, body, author: { name: 'Load' } }),
      });
    }

    async function loadA(loop: number) {
      for (let n = 0; !killed; n++) {
        const body = `a-${loop}-${n}`;
        let res: Response;
        try {
          res = await postTo(a.url, body);
        } catch {
          return; // A is gone: this post was never acknowledged.
        }
        if (res.status !== 201) throw new Error(`A answered ${res.status} before it was killed: ${await res.text()}`);
        acknowledged.push({ id: ((await res.json()) as { comment: { id: number } }).comment.id, body });
        if (acknowledged.filter((c) => c.body.startsWith('a-')).length >= BEFORE_KILL && !killed) {
          killed = true;
          a.child.kill('SIGKILL');
        }
      }
    }

    async function loadB(loop: number) {
      for (let n = 0; !done(); n++) {
        const body = `b-${loop}-${n}`;
        const res = await postTo(b.url, body).catch((err: unknown) => String(err));
        if (typeof res === 'string') {
          survivorAnswers.push(res);
          continue;
        }
        survivorAnswers.push(res.status);
        if (res.status !== 201) continue;
        acknowledged.push({ id: ((await res.json()) as { comment: { id: number } }).comment.id, body });
        if (killed) afterKill++;
      }
    }

    await Promise.all([...Array.from({ length: LOOPS }, (_, i) => loadA(i)), ...Array.from({ length: LOOPS }, (_, i) => loadB(i))]);
    expect(killed).toBe(true);
    expect(await a.exited).toBe('SIGKILL');
    expect(afterKill, `B took only ${afterKill} posts after the kill within ${DEADLINE_MS} ms`).toBeGreaterThanOrEqual(AFTER_KILL);
    expect(new Set(survivorAnswers)).toEqual(new Set([201]));

    // Every acknowledged comment is stored, as it was acknowledged, and B serves them all.
    const store = await openStore(url);
    try {
      const thread = (await store.threads.find('default', PAGE))!;
      const stored = new Map((await store.comments.listForThread(thread.id)).map((c) => [c.id, c.bodyMarkdown]));
      expect(acknowledged.filter(({ id, body }) => stored.get(id) !== body)).toEqual([]);
    } finally {
      await store.close();
    }
    // The thread comes in pages: B counts every acknowledged comment. It may count one more: a
    // post A stored in the instant before the kill, whose 201 never left (stored, not acknowledged).
    const read = (await (await fetch(`${b.url}/api/v1/threads?page=${PAGE}`)).json()) as { count: number };
    expect(read.count).toBeGreaterThanOrEqual(acknowledged.length);
    expect(read.count).toBeLessThanOrEqual(acknowledged.length + LOOPS);
  });
});
