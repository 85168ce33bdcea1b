/** `riposte privacy export|erase` as an owner runs them, on a real SQLite file: the files, the erasure, the Log, the errors. */
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../server/store/index.ts';
import { riposte, testDir } from '../helpers/riposte-cli.ts';
import { openTestApp } from '../helpers/test-app.ts';

const page = 'https://blog.example/cli-privacy';

/** A database where Ann (by mail) wrote a comment Bo answered, and one nobody answered. */
async function seeded(db: string) {
  const t = await openTestApp(db);
  const post = async (body: string, name: string, email: string | undefined, parentId?: number) => {
    const res = await t.post({ page, body, author: { name, email }, parentId });
    return ((await res.json()) as { comment: { id: number } }).comment.id;
  };
  const answered = await post('Ann on *albatrosses*.', 'Ann', 'ann@example.org');
  await post('Bo answers.', 'Bo', undefined, answered);
  await post('Ann again, on *petrels*.', 'Ann', 'ANN@example.org');
  await t.close();
}

describe('riposte privacy', () => {
  it('exports a person as JSON or Markdown (owner-only files, never over one), then erases them with --yes; both in the Log', async () => {
    const dir = testDir();
    const db = `${dir.path}/riposte.db`;
    await seeded(db);
    const file = `${dir.path}/ann.json`;
    const exported = riposte(['privacy', 'export', 'ann@example.org', file, '--db', db]);
    expect(exported.stderr).toBe('');
    expect(exported.stdout).toContain('Wrote 2 comment(s), 0 vote(s), 0 subscription(s) and 0 identit(ies) of ann@example.org');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const data = JSON.parse(readFileSync(file, 'utf8')) as { comments: { markdown: string }[]; personalFields: string[] };
    expect(data.comments.map((c) => c.markdown)).toEqual(['Ann on *albatrosses*.', 'Ann again, on *petrels*.']);
    expect(data.personalFields).toContain('comments.authorEmail');
    expect(riposte(['privacy', 'export', 'ann@example.org', file, '--db', db]).stderr).toContain('exists already');
    const md = `${dir.path}/ann.md`;
    expect(riposte(['privacy', 'export', 'ann@example.org', md, '--markdown', '--db', db]).status).toBe(0);
    expect(readFileSync(md, 'utf8')).toContain('Ann again, on *petrels*.');

    const refused = riposte(['privacy', 'erase', 'ann@example.org', '--db', db]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('erasing cannot be undone');
    const erased = riposte(['privacy', 'erase', 'ann@example.org', '--yes', '--db', db]);
    expect(erased.stderr).toBe('');
    expect(erased.stdout).toContain('Erased ann@example.org: 1 comment(s) removed, 1 left as placeholder(s)');

    const store = await openStore(db);
    try {
      const thread = (await store.threads.find('default', page))!;
      const rows = await store.comments.listForThread(thread.id);
      expect(rows.map((r) => [r.status, r.authorName, r.bodyMarkdown, r.authorEmail])).toEqual([
        ['deleted', '', '', null],
        ['approved', 'Bo', 'Bo answers.', null],
      ]);
      const log = await store.audit.list(10, 0);
      expect(log.map((e) => [e.action, e.actor.startsWith('command line ('), e.detail?.split(':')[0]])).toEqual([
        ['privacy-erase', true, 'for ann@example.org'],
        ['privacy-export', true, 'for ann@example.org'],
        ['privacy-export', true, 'for ann@example.org'],
      ]);
    } finally {
      await store.close();
    }
  });

  it('says in one line what is wrong', () => {
    const dir = testDir();
    const db = `${dir.path}/riposte.db`;
    expect(riposte(['privacy', '--db', db]).stderr).toContain('privacy needs export or erase');
    expect(riposte(['privacy', 'export', 'nobody', 'x.json', '--db', db]).stderr).toContain('"nobody" is neither an email address');
    expect(riposte(['privacy', 'erase', '--db', db]).stderr).toContain('erase needs a person');
  });
});
