/**
 * Rate limits' counts in the database, on both dialects: fixed windows that start again once
 * ended, hits taken back, and on PostgreSQL every hit counted when two stores (two instances)
 * count the same key at once.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { openStore, type Store } from '../../../server/store/index.ts';
import { newPostgresDatabase } from '../../helpers/postgres.ts';
import { testDir } from '../../helpers/riposte-cli.ts';

const AT = new Date('2026-01-02T03:04:05.000Z');
const MINUTE = 60_000;
const later = (ms: number) => new Date(AT.getTime() + ms);

async function opened(location: string): Promise<Store> {
  const store = await openStore(location);
  onTestFinished(() => store.close());
  return store;
}

const DIALECTS = {
  sqlite: async () => opened(`${testDir().path}/riposte.db`),
  postgres: async () => opened(await newPostgresDatabase()),
};

describe.each(Object.entries(DIALECTS))('rate limits on %s', (_name, open) => {
  it('counts hits in a window, starts again when it ends, and takes hits back', async () => {
    const { rateLimits } = await open();
    expect(await rateLimits.hit('writes:a', AT, MINUTE)).toEqual({ hits: 1, resetsAt: later(MINUTE).toISOString() });
    expect((await rateLimits.hit('writes:a', later(1_000), MINUTE)).hits).toBe(2);
    expect((await rateLimits.hit('writes:b', later(1_000), MINUTE)).hits).toBe(1);
    await rateLimits.takeBack('writes:a');
    expect(await rateLimits.hit('writes:a', later(2_000), MINUTE)).toEqual({ hits: 2, resetsAt: later(MINUTE).toISOString() });
    // The window ended: a new one, from this hit.
    expect(await rateLimits.hit('writes:a', later(MINUTE), MINUTE)).toEqual({ hits: 1, resetsAt: later(2 * MINUTE).toISOString() });
    await rateLimits.clear('writes:a');
    expect((await rateLimits.hit('writes:a', later(MINUTE + 1), MINUTE)).hits).toBe(1);
  });

  it('sweeps only windows that have ended', async () => {
    const { rateLimits } = await open();
    await rateLimits.hit('short:a', AT, 1_000);
    await rateLimits.hit('long:a', AT, MINUTE);
    await rateLimits.deleteEnded(later(1_000));
    // The short window's row went, so its next hit is a first; the long one still counts.
    expect((await rateLimits.hit('short:a', later(1_000), 1_000)).hits).toBe(1);
    expect((await rateLimits.hit('long:a', later(1_000), MINUTE)).hits).toBe(2);
  });
});

describe('rate limits on PostgreSQL, from two instances', () => {
  it('counts every hit when two stores on one database count one key at once', async () => {
    const url = await newPostgresDatabase();
    const [a, b] = [await opened(url), await opened(url)];
    const hits = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).rateLimits.hit('writes:c', AT, MINUTE)));
    expect(hits.map((h) => h.hits).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });
});
