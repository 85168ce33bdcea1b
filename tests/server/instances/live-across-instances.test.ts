/**
 * Live updates between two `riposte serve` instances (startServer, real HTTP) on one
 * PostgreSQL: a comment posted through A reaches a stream open on B (LISTEN/NOTIFY), and an
 * instance shutting down ends its streams instead of waiting for them.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { type RunningServer, startServer } from '../../../server/main.ts';
import type { LiveChange, LiveReady } from '../../../shared/live.ts';
import type { PostedComment } from '../../../shared/wire.ts';
import { readEvents } from '../../helpers/event-stream.ts';
import { newPostgresDatabase } from '../../helpers/postgres.ts';
import { BLOG_ORIGIN, testConfig } from '../../helpers/test-app.ts';

const PAGE = `${BLOG_ORIGIN}/across`;

async function instance(db: string, flags: string[] = []): Promise<RunningServer> {
  const server = await startServer(testConfig(db, ['--port', '0', ...flags]));
  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= server.close();
    return closed;
  };
  onTestFinished(close);
  return { ...server, close };
}

const follow = async (server: RunningServer) => {
  const res = await fetch(`${server.url}/api/v1/threads/events?${new URLSearchParams({ page: PAGE })}`, {
    headers: { origin: BLOG_ORIGIN },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('x-accel-buffering')).toBe('no');
  const events = readEvents(res);
  await events.nextJson<LiveReady>('ready');
  return events;
};

describe('live updates across instances on one PostgreSQL', () => {
  it('sends a comment posted through A to a stream open on B', async () => {
    const db = await newPostgresDatabase();
    const a = await instance(db);
    const b = await instance(db);
    // Published at once (a new site holds first comments for moderation).
    await a.store.sites.updateSettings('default', { moderation: 'none' });
    const events = await follow(b);
    const res = await fetch(`${a.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BLOG_ORIGIN },
      body: JSON.stringify({ page: PAGE, body: 'Through A', author: { name: 'Ann' } }),
    });
    expect(res.status).toBe(201);
    const { comment } = (await res.json()) as PostedComment;
    const change = await events.nextJson<LiveChange>('change');
    expect(change.data).toEqual({ count: 1, likes: 0, comment });
    await events.close();
  });

  it('ends its streams when it shuts down, and counts streams per client address', async () => {
    const db = await newPostgresDatabase();
    const b = await instance(db, ['--live-streams', '1']);
    const events = await follow(b);
    const second = await fetch(`${b.url}/api/v1/threads/events?${new URLSearchParams({ page: PAGE })}`);
    expect(second.status).toBe(429);
    await b.close();
    await expect(events.next()).rejects.toThrow(/stream ended/);
  });
});
