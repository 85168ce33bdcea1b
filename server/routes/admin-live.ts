/**
 * GET /api/v1/admin/events: every comment change on the server as Server-Sent Events (`comment`:
 * its id, site and status; first `ready`), so an admin view open in several tabs sees the queue change. Mounted
 * behind the admin routes' guard (admin cookie); it only reads, so it needs no CSRF token.
 */
import { Hono } from 'hono';
import type { AdminEnv } from '../admin/admin-auth.ts';
import { LIVE_EVENTS } from '../../shared/live.ts';
import { eventStream } from '../live/event-stream.ts';
import { sseEvent } from '../live/live-hub.ts';

export function adminLiveRoutes() {
  return new Hono<AdminEnv>().get('/events', (c) =>
    eventStream(c, async (stream) => {
      const stop = await c.var.live.followAll(stream);
      // Sent once this process hears every change: the view reads its list again, then follows.
      await stream.write(sseEvent(LIVE_EVENTS.ready, {}));
      return stop;
    }),
  );
}
