/**
 * GET /api/v1/threads/events: a thread's changes as Server-Sent Events, for a page that has the
 * thread open (see live/live-hub.ts). First `ready` (whether the thread changed since the
 * version the client names with `since` or Last-Event-ID), then a `change` per comment posted,
 * edited, approved, deleted or voted on and per change of the page's likes, each with the
 * thread's version as its id.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { LIVE_EVENTS, type LiveReady } from '../../shared/live.ts';
import { liveQuerySchema, versionTextSchema } from '../../shared/schemas.ts';
import type { AppEnv } from '../http/app-env.ts';
import { validate } from '../http/read-json.ts';
import { eventStream } from '../live/event-stream.ts';
import { sseEvent } from '../live/live-hub.ts';
import { requireSite } from '../sites/require-site.ts';

export const liveRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const query = validate(liveQuerySchema, c.req.query());
  const site = await requireSite(c, query.site);
  // A browser reconnecting by itself names the last event it had in this header; a bad one counts as none.
  const header = v.safeParse(versionTextSchema, c.req.header('last-event-id') ?? '');
  const since = query.since ?? (header.success ? header.output : undefined);
  const { store, live } = c.var;
  // The thread's own key, whichever address (URL or imported id) reached it; an unknown page is followed by the key asked.
  const pageKey = (await store.threads.find(site.id, query.page))?.pageKey ?? query.page;
  return eventStream(c, async (stream) => {
    const stop = await live.follow(site.id, pageKey, stream);
    // Read after following: a change made meanwhile is in this version, or comes as an event.
    const version = (await store.threads.find(site.id, pageKey))?.version ?? 0;
    const ready: LiveReady = { refetch: since !== version };
    await stream.write(sseEvent(LIVE_EVENTS.ready, ready, version));
    return stop;
  });
});
