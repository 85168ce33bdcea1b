/**
 * GET /api/v1/threads/events: a thread's changes as Server-Sent Events, on the real app and
 * database. What a page with the thread open is sent (new, edited, deleted and voted comments,
 * likes, never a held comment's content), resuming from the last event's id, the per-address
 * cap, and the admin stream.
 */
import { describe, expect, it } from 'vitest';
import type { LiveChange, LiveReady } from '../../../shared/live.ts';
import type { PostedComment, WireThread } from '../../../shared/wire.ts';
import { readEvents } from '../../helpers/event-stream.ts';
import { BLOG_ORIGIN, useTestApp } from '../../helpers/test-app.ts';

const PAGE = `${BLOG_ORIGIN}/live`;
const t = useTestApp(['--live-streams', '3']);

const open = (query: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  t.app.request(`/api/v1/threads/events?${new URLSearchParams({ page: PAGE, ...query })}`, {
    headers: { origin: BLOG_ORIGIN, ...headers },
  });

async function follow(query: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const res = await open(query, headers);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const events = readEvents(res);
  const ready = await events.nextJson<LiveReady>('ready');
  return { events, ready };
}

const post = async (body: string, extra: Record<string, unknown> = {}) => {
  const res = await t.post({ page: PAGE, body, author: { name: 'Ann' }, ...extra }, { origin: BLOG_ORIGIN });
  expect(res.status).toBe(201);
  return (await res.json()) as PostedComment;
};

describe('GET /api/v1/threads/events', () => {
  it('sends a new comment, its edit and its deletion as the thread shows them, each with the thread version as id', async () => {
    const { events, ready } = await follow();
    // Named no version: the page should read the thread again.
    expect(ready.data.refetch).toBe(true);
    const posted = await post('Hello *live*');
    const created = await events.nextJson<LiveChange>('change');
    expect(created.data.comment).toEqual(posted.comment);
    expect(created.data.count).toBe(1);
    expect(Number(created.id)).toBeGreaterThan(Number(ready.id));

    const secret = { 'riposte-comment-secret': posted.secret! };
    expect((await t.send('PATCH', `/api/v1/comments/${posted.comment.id}`, { body: 'Edited' }, secret)).status).toBe(200);
    const edited = await events.nextJson<LiveChange>('change');
    expect(edited.data.comment?.html).toBe('<p>Edited</p>');
    expect(edited.data.comment?.editedAt).toBeTruthy();

    expect((await t.send('DELETE', `/api/v1/comments/${posted.comment.id}`, undefined, secret)).status).toBe(204);
    const deleted = await events.nextJson<LiveChange>('change');
    expect(deleted.data).toEqual({ count: 0, likes: 0, gone: posted.comment.id });
    await events.close();
  });

  it("sends the page's likes, and never a held comment's content", async () => {
    const { events } = await follow();
    expect((await t.send('PUT', '/api/v1/likes', { page: PAGE, liker: 'a'.repeat(32), liked: true }, { origin: BLOG_ORIGIN })).status).toBe(
      200,
    );
    expect((await events.nextJson<LiveChange>('change')).data).toEqual({ count: 0, likes: 1 });

    await t.store.sites.updateSettings('default', { moderation: 'all' });
    const held = await post('Wait for me');
    expect(held.comment.status).toBe('pending');
    const change = await events.nextJson<LiveChange>('change');
    expect(change.data).toEqual({ count: 0, likes: 1, gone: held.comment.id });
    expect(JSON.stringify(change.data)).not.toContain('Wait for me');
    await events.close();
  });

  it("starts from the version the thread's answer names: no refetch for a page read just before, one once the thread changed", async () => {
    await post('Read first');
    const read = await t.app.request(`/api/v1/threads?${new URLSearchParams({ page: PAGE })}`, { headers: { origin: BLOG_ORIGIN } });
    const since = String(((await read.json()) as WireThread).version);
    const unchanged = await follow({ since });
    expect(unchanged.ready).toEqual({ id: since, data: { refetch: false } });
    await unchanged.events.close();

    await post('Posted since');
    const changed = await follow({ since });
    expect(changed.ready.data.refetch).toBe(true);
    await changed.events.close();
  });

  it('resumes from the last event id (since, or Last-Event-ID): refetch only when the thread changed meanwhile', async () => {
    await post('Before');
    const first = await follow();
    const seen = first.ready.id!;
    await first.events.close();

    const unchanged = await follow({ since: seen });
    expect(unchanged.ready).toEqual({ id: seen, data: { refetch: false } });
    await unchanged.events.close();

    await post('While away');
    const byQuery = await follow({ since: seen });
    expect(byQuery.ready.data.refetch).toBe(true);
    expect(Number(byQuery.ready.id)).toBeGreaterThan(Number(seen));
    await byQuery.events.close();

    const byHeader = await follow({}, { 'last-event-id': byQuery.ready.id! });
    expect(byHeader.ready.data.refetch).toBe(false);
    await byHeader.events.close();
  });

  it('caps the streams one address holds open, with a clear error; a closed stream frees its place', async () => {
    const streams = [await follow(), await follow(), await follow()];
    const refused = await open();
    expect(refused.status).toBe(429);
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('rate_limited');
    expect(error.message).toMatch(/live comment streams open/);

    await streams[0]!.events.close();
    await expect.poll(async () => (await open({ since: '0' })).status).toBe(200);
    for (const stream of streams.slice(1)) await stream.events.close();
  });

  it('caps the streams the server holds open in all, whatever the addresses, with a clear error', async () => {
    await t.reopen(['--live-streams', '3', '--live-streams-total', '2', '--trust-proxy', 'true']);
    const from = (address: string) => ({ 'x-forwarded-for': address });
    const streams = [await follow({}, from('192.0.2.1')), await follow({}, from('192.0.2.2'))];
    const refused = await open({}, from('192.0.2.3'));
    expect(refused.status).toBe(503);
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('busy');
    expect(error.message).toMatch(/without live updates/);

    await streams[0]!.events.close();
    await expect.poll(async () => (await open({ since: '0' }, from('192.0.2.3'))).status).toBe(200);
    await streams[1]!.events.close();
  });

  it('refuses an origin the site does not allow, and a bad since, as the other reads do', async () => {
    const foreign = await open({}, { origin: 'https://elsewhere.example' });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('origin_not_allowed');
    const bad = await open({ since: 'yesterday' });
    expect(bad.status).toBe(400);
    // A Last-Event-ID that is not a version counts as none.
    const { ready, events } = await follow({}, { 'last-event-id': 'garbage' });
    expect(ready.data.refetch).toBe(true);
    await events.close();
  });
});
