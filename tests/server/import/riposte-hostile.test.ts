import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { RESTORE_ROW_SCHEMAS } from '../../../server/import/riposte-rows.ts';
import type { Store } from '../../../server/store/index.ts';
import * as schema from '../../../server/store/schema.ts';
import { DERIVED_COLUMNS, EXPORTED_TABLE_NAMES, exportedTable } from '../../../server/store/transfer.ts';
import { importText, tableRows } from '../../helpers/import-fixtures.ts';
import { useTestApp } from '../../helpers/test-app.ts';

// One app per test on an emptied database (on PostgreSQL much quicker than a new database each time).
const t = useTestApp();
const setup = async () => t;

type Row = Record<string, unknown>;
type Doc = { format: unknown; version: unknown } & Record<(typeof EXPORTED_TABLE_NAMES)[number], Row[]>;

const T = '2026-11-27T12:00:00.000Z';
const PAGE = 'https://blog.example/a';

const comment = (id: number, threadId: number, parentId: number | null): Row => ({
  id,
  threadId,
  parentId,
  status: 'approved',
  kind: 'comment',
  authorName: 'Ann',
  authorEmail: 'ann@example.org',
  authorWebsite: 'https://ann.example.org/',
  authorBadge: null,
  ipHash: '0123456789abcdef0123456789abcdef',
  bodyMarkdown: `Comment ${id}`,
  bodyHtml: `<p>Comment ${id}</p>`,
  createdAt: T,
  editedAt: null,
  importKey: null,
  userId: null,
  guestSecretHash: null,
  heldReasons: null,
  pinned: id === 1,
});

/** A small, valid export: two threads, a reply, a user, a like, the hashing key. */
function sample(): Doc {
  return {
    format: 'riposte',
    version: 1,
    sites: [{ id: 'default', name: 'Default site', origins: ['https://blog.example'], settings: { guests: false }, createdAt: T }],
    users: [
      {
        id: 1,
        provider: 'github',
        subject: '42',
        name: 'Octo',
        email: null,
        website: 'https://octo.example/',
        createdAt: T,
        signedInAt: T,
      },
    ],
    threads: [
      { id: 1, siteId: 'default', pageKey: PAGE, url: PAGE, title: 'A', externalId: null, locked: false, createdAt: T },
      {
        id: 2,
        siteId: 'default',
        pageKey: 'https://blog.example/b',
        url: null,
        title: null,
        externalId: '12',
        locked: false,
        createdAt: T,
      },
    ],
    comments: [comment(1, 1, null), comment(2, 1, 1), comment(3, 2, null)],
    likes: [{ threadId: 1, likerHash: 'fedcba9876543210fedcba9876543210', createdAt: T }],
    votes: [
      { commentId: 1, voter: 'liker:fedcba9876543210fedcba9876543210', value: 1, createdAt: T },
      { commentId: 1, voter: 'user:1', value: -1, createdAt: T },
    ],
    settings: [{ key: 'hash_key', value: 'k'.repeat(43) }],
    bans: [{ id: 1, kind: 'email', value: 'troll@example.org', hidExisting: false, createdBy: 'owner@blog.example', createdAt: T }],
    audit: [{ id: 1, actor: 'owner@blog.example', action: 'ban', commentId: null, detail: 'email troll@example.org', createdAt: T }],
    mailAddresses: [
      { address: 'ann@example.org', confirmedAt: T, bouncedAt: null, confirmationsSince: T, confirmationsSent: 1, createdAt: T },
    ],
    mailStops: [{ address: 'bob@example.org', siteId: 'default', createdAt: T }],
    subscriptions: [{ id: 1, threadId: 1, kind: 'replies', commentId: 1, address: 'ann@example.org', userId: null, createdAt: T }],
    mentions: [
      {
        id: 1,
        threadId: 1,
        source: 'https://other.example/re-a',
        target: PAGE,
        status: 'approved',
        type: 'reply',
        url: 'https://other.example/re-a',
        authorName: 'Eve',
        authorUrl: 'https://other.example/',
        name: null,
        contentHtml: '<p>Good point.</p>',
        publishedAt: T,
        createdAt: T,
        updatedAt: T,
      },
    ],
  };
}

/** Written as `riposte export` writes it: header first, then a row per line. */
function toFile(doc: Doc): string {
  const tables = EXPORTED_TABLE_NAMES.map(
    (name) => `,\n${JSON.stringify(name)}:[\n${doc[name].map((row) => JSON.stringify(row)).join(',\n')}\n]`,
  );
  return `{"format":${JSON.stringify(doc.format)},"version":${JSON.stringify(doc.version)}${tables.join('')}}\n`;
}

function hostile(change: (doc: Doc) => void): string {
  const doc = sample();
  change(doc);
  return toFile(doc);
}

/** Every exported table's rows, from one export (one snapshot: on PostgreSQL one connection, not one per table). */
async function everything(store: Store): Promise<Map<string, unknown[]>> {
  const rows = new Map<string, unknown[]>(EXPORTED_TABLE_NAMES.map((name) => [name, []]));
  for await (const { table, row } of store.exportRows()) rows.get(table)?.push(row);
  return rows;
}

describe('restoring a Riposte export that was tampered with', () => {
  it('checks every exported column (a new column needs a check here)', () => {
    for (const name of EXPORTED_TABLE_NAMES) {
      const columns = Object.keys(getTableColumns(exportedTable(schema, name))).filter((key) => !DERIVED_COLUMNS[name]?.includes(key));
      expect(Object.keys(RESTORE_ROW_SCHEMAS[name].entries).sort(), name).toEqual(columns.sort());
    }
  });

  it('restores the untouched sample, votes counted and pins kept as readers see them', async () => {
    const app = await setup();
    const summary = await importText(app.store, 'riposte', toFile(sample()));
    expect(summary.restored).toEqual({
      sites: 1,
      users: 1,
      threads: 2,
      comments: 3,
      likes: 1,
      votes: 2,
      settings: 1,
      bans: 1,
      audit: 1,
      mailAddresses: 1,
      mailStops: 1,
      subscriptions: 1,
      mentions: 1,
    });
    expect(summary.warnings).toEqual([]);
    // The site counts upvotes only (its default): the downvote is kept but not shown.
    expect((await app.thread(PAGE)).body.comments.map((c) => [c.id, c.up, c.down, c.pinned])).toEqual([
      [1, 1, undefined, true],
      [2, undefined, undefined, undefined],
    ]);
  });

  it('restores a file from before votes and pins (no votes table, no pinned field)', async () => {
    const { store } = await setup();
    const old = sample();
    for (const row of old.comments) delete row.pinned;
    const text = toFile({ ...old, votes: [] }).replace(',\n"votes":[\n\n]', '');
    expect(text).not.toContain('votes');
    const summary = await importText(store, 'riposte', text);
    expect(summary.restored).toMatchObject({ comments: 3, votes: 0 });
    expect((await tableRows(store, 'comments')).map((row) => row.pinned)).toEqual([false, false, false]);
  });

  const refusals: [string, (doc: Doc) => void, RegExp][] = [
    [
      'origins as an object',
      (d) => (d.sites[0]!.origins = { a: 1 }),
      /line 3: sites row 1: origins: must be a list of origins, not \{"a":1\}\.$/,
    ],
    ['origins as a string', (d) => (d.sites[0]!.origins = 'https://x'), /sites row 1: origins: must be a list of origins/],
    ['a javascript: origin', (d) => (d.sites[0]!.origins = ['javascript:alert(1)']), /sites row 1: origins\.0: must be an origin/],
    ['an origin with a path', (d) => (d.sites[0]!.origins = ['https://blog.example/path']), /sites row 1: origins\.0: must be an origin/],
    ['a setting of the wrong type', (d) => (d.sites[0]!.settings = { guests: 'yes' }), /sites row 1: settings: guests: /],
    [
      'an unknown setting',
      (d) => (d.sites[0]!.settings = { evil: 1 }),
      /sites row 1: settings: "evil" is not a setting this Riposte knows/,
    ],
    ['a bad site id', (d) => (d.sites[0]!.id = '../x'), /sites row 1: id: must be a site id/],
    [
      'a javascript: user website',
      (d) => (d.users[0]!.website = 'javascript:alert(1)'),
      /users row 1 \(id 1\): website: must be an http:\/\/ or https:\/\/ address/,
    ],
    [
      'a javascript: thread url',
      (d) => (d.threads[0]!.url = 'javascript:alert(1)'),
      /threads row 1 \(id 1\): url: must be an http:\/\/ or https:\/\/ address/,
    ],
    [
      'a data: author website',
      (d) => (d.comments[1]!.authorWebsite = 'data:text/html,<script>alert(1)</script>'),
      /comments row 2 \(id 2\): authorWebsite: must be an http/,
    ],
    [
      'a date that is not one',
      (d) => (d.comments[0]!.createdAt = 'yesterday'),
      /comments row 1 \(id 1\): createdAt: must be a UTC date in ISO 8601/,
    ],
    [
      'a date in local time',
      (d) => (d.comments[0]!.createdAt = '2026-11-27T12:00:00'),
      /comments row 1 \(id 1\): createdAt: must be a UTC date/,
    ],
    ['February 30th', (d) => (d.likes[0]!.createdAt = '2026-02-30T12:00:00.000Z'), /likes row 1: createdAt: must be a UTC date/],
    ['an edit date that is a number', (d) => (d.comments[0]!.editedAt = 5), /comments row 1 \(id 1\): editedAt: must be text, not 5\./],
    [
      'an unknown status',
      (d) => (d.comments[2]!.status = 'maybe'),
      /comments row 3 \(id 3\): status: must be one of approved, pending, spam, deleted, not "maybe"\./,
    ],
    [
      'an unknown kind',
      (d) => (d.comments[2]!.kind = 'script'),
      /comments row 3 \(id 3\): kind: must be one of comment, pingback, trackback/,
    ],
    [
      'an unknown badge',
      (d) => (d.comments[2]!.authorBadge = 'admin'),
      /comments row 3 \(id 3\): authorBadge: must be one of owner, moderator/,
    ],
    ['an unknown held reason', (d) => (d.comments[2]!.heldReasons = ['x']), /comments row 3 \(id 3\): heldReasons\.0: must be one of/],
    ['an IP hash that is the IP', (d) => (d.comments[2]!.ipHash = '192.0.2.1'), /comments row 3 \(id 3\): ipHash: must be a keyed hash/],
    ['a fractional id', (d) => (d.comments[2]!.id = 3.5), /comments row 3 \(id 3.5\): id: must be a whole number/],
    // PostgreSQL's integer ends at 2^31 - 1; no database of Riposte's holds a larger id.
    ['an id past 2^31 - 1', (d) => (d.comments[2]!.id = 2 ** 31), /comments row 3 \(id 2147483648\): id: must be at most 2147483647/],
    ['a parent id past 2^31 - 1', (d) => (d.comments[2]!.parentId = 2 ** 53 - 1), /comments row 3 \(id 3\): parentId: must be at most/],
    // PostgreSQL's text cannot hold U+0000, and no form of Riposte's keeps it.
    [
      'U+0000 in a comment',
      (d) => (d.comments[2]!.bodyMarkdown = 'a\u0000b'),
      /comments row 3 \(id 3\): bodyMarkdown: must not hold the character U\+0000/,
    ],
    [
      'U+0000 in a thread title',
      (d) => (d.threads[0]!.title = '\u0000'),
      /threads row 1 \(id 1\): title: must not hold the character U\+0000/,
    ],
    [
      'U+0000 in a ban',
      (d) => (d.bans[0]!.value = 'x\u0000@example.org'),
      /bans row 1 \(id 1\): value: must not hold the character U\+0000/,
    ],
    ['an empty hashing key', (d) => (d.settings[0]!.value = ''), /settings row 1: value: must be a hashing key as Riposte makes it/],
    [
      'an unknown server setting',
      (d) => (d.settings[0]!.key = 'admin_password'),
      /settings row 1: key: must be a server setting this Riposte knows/,
    ],
    [
      'a comment of a missing thread',
      (d) => (d.comments[2]!.threadId = 9),
      // Each database says it in its own words (SQLite's, then PostgreSQL's).
      /line 15: comments row 3 \(id 3\): (FOREIGN KEY constraint failed|.* violates foreign key constraint .*: Key \(thread_id\)=\(9\))/,
    ],
    [
      'the same comment id twice',
      (d) => (d.comments[2]!.id = 1),
      /comments row 3 \(id 1\): (UNIQUE constraint failed: comments\.id|duplicate key value .*: Key \(id\)=\(1\) already exists)/,
    ],
    ['a voter that is a raw liker id', (d) => (d.votes[0]!.voter = 'liker:browser-1234567890'), /votes row 1: voter: must be "user:ID"/],
    ['a vote worth two', (d) => (d.votes[1]!.value = 2), /votes row 2: value: must be 1 or -1, not 2\./],
    ['a pin that is not true or false', (d) => (d.comments[0]!.pinned = 'yes'), /comments row 1 \(id 1\): pinned: must be true or false/],
    [
      'a vote on a missing comment',
      (d) => (d.votes[0]!.commentId = 9),
      /votes row 1: (FOREIGN KEY constraint failed|.* violates foreign key constraint)/,
    ],
    ['the same vote twice', (d) => (d.votes[1]!.voter = d.votes[0]!.voter), /votes row 2: (UNIQUE constraint failed|duplicate key value)/],
    ['a parent that does not exist', (d) => (d.comments[1]!.parentId = 7), /: comments \(id 2\): parentId 7: there is no such comment\.$/],
    [
      'a parent in another thread',
      (d) => (d.comments[2]!.parentId = 1),
      /: comments \(id 3\): parentId 1: that comment is in another thread\.$/,
    ],
    [
      'parents in a loop',
      (d) => (d.comments[0]!.parentId = 2),
      /: comments \(id 1\): parentId 2: its chain of parents loops back on itself\.$/,
    ],
    ['a comment its own parent', (d) => (d.comments[2]!.parentId = 3), /: comments \(id 3\): parentId 3: its chain of parents loops/],
    [
      'a subscriber address in capitals',
      (d) => (d.subscriptions[0]!.address = 'Ann@Example.org'),
      /subscriptions row 1 \(id 1\): address: must be a lower-case email address/,
    ],
    [
      'an address that is not one',
      (d) => (d.mailAddresses[0]!.address = 'ann'),
      /mailAddresses row 1: address: must be a lower-case email/,
    ],
    [
      'an unknown subscription kind',
      (d) => (d.subscriptions[0]!.kind = 'all'),
      /subscriptions row 1 \(id 1\): kind: must be one of replies, thread/,
    ],
    [
      'a javascript: mention url',
      (d) => (d.mentions[0]!.url = 'javascript:alert(1)'),
      /mentions row 1 \(id 1\): url: must be an http:\/\/ or https:\/\/ address/,
    ],
    [
      'an unknown mention status',
      (d) => (d.mentions[0]!.status = 'deleted'),
      /mentions row 1 \(id 1\): status: must be one of approved, pending, spam/,
    ],
    ['version 0', (d) => (d.version = 0), /"version" must be a whole number from 1 to 1, not 0\./],
    ['a negative version', (d) => (d.version = -1), /"version" must be a whole number from 1 to 1, not -1\./],
    ['a fractional version', (d) => (d.version = 0.5), /"version" must be a whole number from 1 to 1, not 0\.5\./],
    ['a version as text', (d) => (d.version = '1'), /"version" must be a whole number from 1 to 1, not "1"\./],
  ];

  it.each(refusals)('refuses %s in one line naming the row and field, and changes nothing', async (_name, change, message) => {
    const { store } = await setup();
    const before = await everything(store);
    const refused = importText(store, 'riposte', hostile(change));
    await expect(refused).rejects.toThrow(message);
    await refused.catch((err: Error) => expect(err.message).not.toContain('\n'));
    expect(await everything(store)).toEqual(before);
  });

  it('refuses a file whose header holds no tables but a bad version', async () => {
    const { store } = await setup();
    await expect(importText(store, 'riposte', '{"format":"riposte","version":-3}')).rejects.toThrow(
      /"version" must be a whole number from 1 to 1, not -3\./,
    );
  });

  it('refuses values nested deeper than any export, before checking them', async () => {
    const { store } = await setup();
    // 100,000 levels overflowed the stack while the row was checked and quoted.
    const deep = `{"format":"riposte","version":1,\n"sites":[{"id":"default","name":"x","origins":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`;
    await expect(importText(store, 'riposte', deep, 'default', 64 * 1024)).rejects.toThrow(
      /^upload\.xml line 2: values nested more than 8 deep; not a Riposte export$/,
    );
  });

  it('keeps long values out of the message', async () => {
    const { store } = await setup();
    const refused = importText(
      store,
      'riposte',
      hostile((d) => (d.comments[0]!.createdAt = 'x'.repeat(100_000))),
    );
    await expect(refused).rejects.toThrow(/createdAt: must be a UTC date in ISO 8601, such as 2026-11-27T12:00:00\.000Z, not "x{39}…\.$/);
  });

  it('stores comment HTML only as the sanitiser lets it through, and says which rows it cleaned', async () => {
    const { store, thread } = await setup();
    const planted =
      '<img src=x onerror=alert(1)><script>alert(2)</script><p onclick="alert(3)">Hi <a href="javascript:alert(4)">there</a></p>';
    const summary = await importText(
      store,
      'riposte',
      hostile((d) => (d.comments[1]!.bodyHtml = planted)),
    );
    expect(summary.warnings).toEqual(['comments row 2 (id 2): bodyHtml held markup Riposte does not write; stored sanitised.']);
    const stored = (await tableRows(store, 'comments')).find((c) => c.id === 2)!;
    expect(stored.bodyHtml).toBe('<a>[image]</a><p>Hi <a>there</a></p>');
    const served = await thread(PAGE);
    expect(JSON.stringify(served.body)).not.toMatch(/onerror|onclick|<script|javascript:/);
  });

  it("stores mention HTML only as the sanitiser lets it through, as a comment's", async () => {
    const { store, thread } = await setup();
    const summary = await importText(
      store,
      'riposte',
      hostile((d) => (d.mentions[0]!.contentHtml = '<p onclick="alert(1)">Hi<script>alert(2)</script></p>')),
    );
    expect(summary.warnings).toEqual(['mentions row 1 (id 1): contentHtml held markup Riposte does not write; stored sanitised.']);
    const served = await thread(PAGE);
    expect(served.body.mentions).toMatchObject([{ html: '<p>Hi</p>' }]);
  });
});
