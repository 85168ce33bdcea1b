/**
 * Catching a thread model up change by change gives what working it out whole gives: the
 * visible comments, the count, every order and each comment's span, after thousands of random
 * changes (new responses and replies, held ones, pingbacks, comments dated earlier, votes,
 * pins, moderation, comments removed for good), with every order held, or only some.
 */
import { describe, expect, it } from 'vitest';
import { siteSettings } from '../../../shared/site-settings.ts';
import { THREAD_SORTS, type CommentStatus } from '../../../shared/wire.ts';
import type { CommentOutline } from '../../../server/store/comments.ts';
import type { ThreadRow } from '../../../server/store/schema.ts';
import { catchUp } from '../../../server/threads/thread-catch-up.ts';
import { commentsChangedSince } from '../../../server/threads/thread-changes.ts';
import { deriveVisible, orderOf, type ThreadModel } from '../../../server/threads/thread-model.ts';
import { subtreeSizes } from '../../../server/threads/thread-order.ts';

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const thread = (version: number): ThreadRow => ({
  id: 1,
  siteId: 'default',
  pageKey: 'k',
  url: null,
  title: null,
  lang: null,
  externalId: null,
  version,
  changes: '',
  locked: false,
  createdAt: '2026-01-01T00:00:00.000Z',
});

function modelOf(all: Map<number, CommentOutline>, settings: ThreadModel['settings'], version: number): ThreadModel {
  const model: ThreadModel = {
    thread: thread(version),
    settings,
    all: new Map(all),
    gone: new Map(),
    byId: new Map(),
    count: 0,
    dangling: false,
    likes: 0,
    closesAt: null,
    mentions: [],
    orders: new Map(),
    sizes: undefined,
    wire: new Map(),
    changing: false,
  };
  deriveVisible(model);
  return model;
}

function expectSame(caught: ThreadModel, whole: ThreadModel): void {
  const sorted = (m: ThreadModel) => [...m.byId.values()].sort((a, b) => a.id - b.id);
  expect(sorted(caught)).toEqual(sorted(whole));
  expect(caught.count).toBe(whole.count);
  for (const sort of caught.orders.keys()) expect(caught.orders.get(sort), sort).toEqual(orderOf(whole, sort));
  if (caught.orders.size) expect(caught.sizes).toEqual(subtreeSizes(orderOf(whole, 'oldest'), whole.byId));
}

function run(seed: number, settings: ThreadModel['settings'], steps: number): void {
  const next = random(seed);
  const pick = <T>(from: readonly T[]): T => from[Math.floor(next() * from.length)]!;
  const all = new Map<number, CommentOutline>();
  let id = 0;
  let minute = 0;
  const comment = (): CommentOutline => {
    const ids = [...all.keys()];
    const status: CommentStatus = next() < 0.8 ? 'approved' : pick(['pending', 'spam', 'deleted'] as const);
    // Mostly the newest, sometimes dated earlier (an import), sometimes at the same minute.
    if (next() >= 0.2) minute++;
    const at = next() < 0.1 ? Math.floor(next() * minute) : minute;
    return {
      id: ++id,
      parentId: ids.length && next() < 0.7 ? pick(ids) : null,
      status,
      kind: next() < 0.9 ? 'comment' : 'pingback',
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, at)).toISOString(),
      upvotes: 0,
      downvotes: 0,
      pinned: next() < 0.03,
    };
  };
  for (let i = 0; i < 40; i++) {
    const row = comment();
    all.set(row.id, row);
  }
  let version = 0;
  const model = modelOf(all, settings, version);
  for (let step = 0; step < steps; step++) {
    // Hold every order, or only some, as readers would have asked.
    for (const sort of THREAD_SORTS) if (next() < 0.8) orderOf(model, sort);
    const changed: number[] = [];
    for (let n = next() < 0.8 ? 1 : 3; n > 0; n--) {
      const ids = [...all.keys()];
      const roll = next();
      const target = all.get(pick(ids))!;
      if (roll < 0.5) {
        const row = comment();
        all.set(row.id, row);
        changed.push(row.id);
      } else if (roll < 0.7) {
        all.set(target.id, {
          ...target,
          upvotes: target.upvotes + (next() < 0.7 ? 1 : 0),
          downvotes: target.downvotes + (next() < 0.3 ? 1 : 0),
        });
        changed.push(target.id);
      } else if (roll < 0.8) {
        all.set(target.id, { ...target, pinned: !target.pinned });
        changed.push(target.id);
      } else if (roll < 0.95) {
        all.set(target.id, { ...target, status: pick(['approved', 'pending', 'spam', 'deleted'] as const) });
        changed.push(target.id);
      } else {
        all.delete(target.id);
        changed.push(target.id);
      }
    }
    version += changed.length;
    catchUp(
      model,
      thread(version),
      changed,
      changed.flatMap((changedId) => (all.has(changedId) ? [all.get(changedId)!] : [])),
    );
    expectSame(model, modelOf(all, settings, version));
  }
}

describe('catchUp', () => {
  it('keeps a thread as working it out whole would, over random changes, pingbacks hidden', () => {
    for (const seed of [1, 2, 3]) run(seed, siteSettings({ votes: 'updown' }), 400);
  });

  it('the same with pingbacks shown and upvotes only', () => {
    for (const seed of [4, 5]) run(seed, siteSettings({ votes: 'up', showPingbacks: true }), 400);
  });
});

describe('catchUp of a response with many replies', () => {
  it('moves it with all 25,000 of them when it is pinned, as working it out whole would', () => {
    const all = new Map<number, CommentOutline>();
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
    const add = (id: number, parentId: number | null) =>
      all.set(id, { id, parentId, status: 'approved', kind: 'comment', createdAt: at(id), upvotes: 0, downvotes: 0, pinned: false });
    add(1, null);
    add(2, null);
    for (let id = 3; id < 25_003; id++) add(id, 2);
    const settings = siteSettings({});
    const model = modelOf(all, settings, 0);
    for (const sort of THREAD_SORTS) orderOf(model, sort);
    all.set(2, { ...all.get(2)!, pinned: true });
    catchUp(model, thread(1), [2], [all.get(2)!]);
    expectSame(model, modelOf(all, settings, 1));
    expect(model.orders.get('oldest')!.ids.slice(0, 2)).toEqual([2, 3]);
  });
});

describe('commentsChangedSince', () => {
  const entry = (version: number, id: number) => `${String(version).padStart(12, '0')}${String(id).padStart(12, '0')}`;
  const list = entry(7, 30) + entry(6, 12) + entry(5, 30) + entry(4, 9);

  it('names the comments changed since a version, oldest first, each once', () => {
    expect(commentsChangedSince(list, 4, 7)).toEqual([30, 12]);
    expect(commentsChangedSince(list, 3, 7)).toEqual([9, 30, 12]);
    expect(commentsChangedSince(list, 7, 7)).toEqual([]);
  });

  it('says nothing when a version is not listed: another kind of change, or older than the list', () => {
    expect(commentsChangedSince(list, 2, 7)).toBeUndefined();
    expect(commentsChangedSince(list, 4, 8)).toBeUndefined();
    expect(commentsChangedSince(entry(7, 30) + entry(5, 1), 4, 7)).toBeUndefined();
    expect(commentsChangedSince('', 0, 1)).toBeUndefined();
    expect(commentsChangedSince('0000000x0007000000000030', 6, 7)).toBeUndefined();
  });
});
