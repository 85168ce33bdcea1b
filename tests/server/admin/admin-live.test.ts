/**
 * GET /api/v1/admin/events: an admin view open in two tabs sees the queue change: a new held
 * comment and a moderation made elsewhere arrive as `comment` events. Only for a logged-in admin.
 */
import { describe, expect, it } from 'vitest';
import type { LiveAdminChange } from '../../../shared/live.ts';
import type { PostedComment } from '../../../shared/wire.ts';
import { useAdminApp } from '../../helpers/admin-session.ts';
import { readEvents } from '../../helpers/event-stream.ts';
import { BLOG_ORIGIN } from '../../helpers/test-app.ts';

const t = useAdminApp();

describe('GET /api/v1/admin/events', () => {
  it('sends each held comment and each moderation, with its site and status', async () => {
    await t.store.sites.updateSettings('default', { moderation: 'all' });
    const res = await t.app.request('/api/v1/admin/events', { headers: { cookie: t.admin.cookie! } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = readEvents(res);
    // Changes are followed from `ready` on.
    await events.next('ready');

    const posted = await t.post({ page: `${BLOG_ORIGIN}/queue`, body: 'Hold me', author: { name: 'Ann' } }, { origin: BLOG_ORIGIN });
    const { comment } = (await posted.json()) as PostedComment;
    expect((await events.nextJson<LiveAdminChange>('comment')).data).toEqual({ id: comment.id, site: 'default', status: 'pending' });

    const approve = await t.send('POST', '/api/v1/admin/comments/actions', { ids: [comment.id], action: 'approve' }, t.admin);
    expect(approve.status).toBe(200);
    expect((await events.nextJson<LiveAdminChange>('comment')).data).toEqual({ id: comment.id, site: 'default', status: 'approved' });
    await events.close();
  });

  it('refuses anyone without an admin session', async () => {
    const res = await t.app.request('/api/v1/admin/events');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });
});
