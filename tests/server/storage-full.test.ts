/** On SQLite (the size cap is SQLite's own max_page_count, so this suite is not in the PostgreSQL project): a full disk (here: the database at its RIPOSTE_DB_MAX_MB cap, SQLITE_FULL) answers writes 507 "storage full" with one log line, keeps reads working, and takes writes again once there is room. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../helpers/test-app.ts';

const t = useTestApp(['--db-max-mb', '1']);
afterEach(() => vi.restoreAllMocks());

/** Up to 10 KB of text, different each time (so no spam check takes it for a repeat). */
const body = (n: number) => `Comment ${n}: ${'lorem ipsum dolor sit amet '.repeat(360)}`;

describe('a full database', () => {
  it('answers writes 507 storage_full with one log line, keeps reads, and writes again when there is room', async () => {
    const logged: unknown[][] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
    let res = await t.post({ page: 'p', body: body(0), author: { name: 'Ann' } });
    let n = 1;
    for (; res.status === 201 && n < 400; n++) res = await t.post({ page: 'p', body: body(n), author: { name: 'Ann' } });
    expect(res.status).toBe(507);
    expect(await res.json()).toMatchObject({ error: { code: 'storage_full' } });
    // More writes meet the same answer, and the log is not flooded with a stack trace each.
    for (let i = 0; i < 5; i++) expect((await t.post({ page: 'q', body: body(n + i), author: { name: 'Bo' } })).status).toBe(507);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toHaveLength(1);
    expect(String(logged[0]![0])).toMatch(/^riposte: storage full: [^\n]+$/);

    const read = await t.thread('p');
    expect(read.status).toBe(200);
    expect(read.body.count).toBe(n - 1);

    // Room again (a larger cap; on a real disk, files removed): writes go through.
    await t.reopen(['--db-max-mb', '0']);
    expect((await t.post({ page: 'p', body: 'room again', author: { name: 'Ann' } })).status).toBe(201);
  });
});
