/**
 * Every value reads back from PostgreSQL as the same JS value as from SQLite, to the byte once
 * serialised (an export must not tell the dialects apart), and rows are stamped the same way.
 */
import { describe, expect, it } from 'vitest';
import * as postgresSchema from '../../../server/store/postgres-schema.ts';
import * as sqliteSchema from '../../../server/store/schema.ts';
import { usePostgresDatabase } from '../../helpers/postgres.ts';
import { PAIRED_TABLES, useDialectConnections } from '../../helpers/sql-dialects.ts';

const AT = '2024-05-06T07:08:09.123Z';
const LATER = '2024-06-07T08:09:10.456Z';

/** A row for every table with every column set (parents before children), odd text included. */
const ROWS: [string, Record<string, unknown>[]][] = [
  [
    'sites',
    [
      // Keys out of order: PostgreSQL's jsonb would sort them, json keeps them as written.
      {
        id: 'blog',
        name: 'Blög ✍️',
        origins: ['https://blog.example', 'https://www.blog.example'],
        settings: { moderation: 'first', guests: false, blockedWords: ['spam', 'ünïcode'], maxLinks: 3 },
        createdAt: AT,
      },
      { id: 'default', name: 'Default site', createdAt: AT },
    ],
  ],
  [
    'users',
    [
      {
        id: 7,
        provider: 'github',
        subject: '123',
        name: 'Ann "A" O\'Hara',
        email: 'ann@example.com',
        emailVerified: true,
        website: 'https://ann.example',
        createdAt: AT,
        signedInAt: LATER,
      },
    ],
  ],
  [
    'threads',
    [
      {
        id: 3,
        siteId: 'blog',
        pageKey: 'https://blog.example/?p=1',
        url: 'https://blog.example/?p=1',
        title: 'Tïtle <b>&</b> \\ 100%',
        externalId: '42',
        version: 5,
        locked: true,
        createdAt: AT,
      },
      { id: 4, siteId: 'default', pageKey: 'page', url: null, title: null, externalId: null, version: 0, locked: false, createdAt: AT },
    ],
  ],
  ['sessions', [{ tokenHash: 'token-hash', userId: 7, createdAt: AT, expiresAt: LATER }]],
  [
    'authRequests',
    [
      {
        state: 'state',
        provider: 'github',
        siteId: 'blog',
        origin: 'https://blog.example',
        returnUrl: 'https://blog.example/?p=1',
        returnChallenge: 'challenge',
        codeVerifier: 'verifier',
        nonce: 'nonce',
        codeHash: 'code-hash',
        userId: 7,
        expiresAt: LATER,
      },
    ],
  ],
  [
    'comments',
    [
      {
        id: 10,
        threadId: 3,
        parentId: null,
        status: 'pending',
        kind: 'pingback',
        authorName: 'Ann',
        authorEmail: 'Ann@Example.com',
        authorWebsite: 'https://ann.example',
        authorBadge: 'owner',
        ipHash: 'ip-hash',
        bodyMarkdown: 'Line one\n\nLine *two* 😀',
        bodyHtml: '<p>Line one</p>\n<p>Line <em>two</em> 😀</p>',
        createdAt: AT,
        editedAt: LATER,
        importKey: 'blog:wordpress:1',
        userId: 7,
        guestSecretHash: 'secret-hash',
        heldReasons: ['first_time', 'too_many_links'],
        pinned: true,
      },
      {
        id: 11,
        threadId: 3,
        parentId: 10,
        status: 'approved',
        kind: 'comment',
        authorName: 'Bob',
        authorEmail: null,
        authorWebsite: null,
        authorBadge: null,
        ipHash: null,
        bodyMarkdown: 'Reply',
        bodyHtml: '<p>Reply</p>',
        createdAt: LATER,
        editedAt: null,
        importKey: null,
        userId: null,
        guestSecretHash: null,
        heldReasons: null,
      },
    ],
  ],
  ['pageLikes', [{ threadId: 3, likerHash: 'liker-hash', createdAt: AT }]],
  [
    'commentVotes',
    [
      { commentId: 10, voter: 'liker:liker-hash', value: 1, createdAt: AT },
      { commentId: 10, voter: 'user:7', value: -1, createdAt: AT },
    ],
  ],
  ['admins', [{ id: 2, email: 'owner@example.com', name: 'Owner', passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$x$y', createdAt: AT }]],
  ['adminSessions', [{ tokenHash: 'admin-token-hash', adminId: 2, csrfToken: 'csrf', createdAt: AT, expiresAt: LATER }]],
  ['bans', [{ id: 4, kind: 'email', value: 'troll@example.org', hidExisting: true, createdBy: 'owner@example.com', createdAt: AT }]],
  ['auditLog', [{ id: 9, actor: 'owner@example.com', action: 'ban', commentId: 11, detail: 'email troll@example.org', createdAt: AT }]],
  ['settings', [{ key: 'hash_key', value: 'abc' }]],
  [
    'mailAddresses',
    [{ address: 'ann@example.com', confirmedAt: AT, bouncedAt: null, confirmationsSince: LATER, confirmationsSent: 2, createdAt: AT }],
  ],
  ['mailStops', [{ address: 'bob@example.org', siteId: 'blog', createdAt: AT }]],
  ['subscriptions', [{ id: 5, threadId: 3, kind: 'replies', commentId: 10, address: 'ann@example.com', userId: 7, createdAt: AT }]],
  [
    'emailSignIns',
    [
      {
        id: 'sign-in-id',
        address: 'ann@example.com',
        name: 'Ann',
        siteId: 'blog',
        origin: 'https://blog.example',
        codeHash: 'code-hash',
        linkHash: 'link-hash',
        challenge: 'challenge',
        attempts: 1,
        createdAt: AT,
        expiresAt: LATER,
      },
    ],
  ],
  [
    'outboxEvents',
    [
      {
        id: 6,
        type: 'comment.created',
        commentId: 11,
        siteId: 'blog',
        status: 'approved',
        payload: { event: 'comment.created', comment: { id: 11, html: '<p>Reply</p>' } },
        occurredAt: AT,
        expandedAt: null,
      },
    ],
  ],
  [
    'outbox',
    [
      {
        id: 8,
        channel: 'mail',
        kind: 'replies',
        recipient: 'ann@example.com',
        messageId: '<id@example.com>',
        dedupeKey: 'comment:11:ann@example.com',
        eventId: 6,
        commentId: 11,
        siteId: 'blog',
        payload: { held: false, ünïcode: '😀' },
        status: 'pending',
        attempts: 2,
        nextAttemptAt: LATER,
        lockedUntil: null,
        lastError: 'could not talk to 127.0.0.1:25',
        lastResponse: null,
        createdAt: AT,
        doneAt: null,
      },
    ],
  ],
  [
    'mentions',
    [
      {
        id: 12,
        threadId: 3,
        source: 'https://other.example/re',
        target: 'https://blog.example/?p=1',
        status: 'approved',
        type: 'reply',
        url: 'https://other.example/re',
        authorName: 'Eve',
        authorUrl: null,
        name: null,
        contentHtml: '<p>Yes 😀</p>',
        publishedAt: AT,
        createdAt: AT,
        updatedAt: LATER,
      },
    ],
  ],
  ['rateLimits', [{ key: 'writes:2001:db8::1', hits: 3, resetsAt: LATER }]],
];

describe('values on PostgreSQL', () => {
  const database = usePostgresDatabase();
  const connections = useDialectConnections(() => database.url);

  it('read back as the same JS values as on SQLite, to the byte', async () => {
    const { sqlite, postgres } = connections;
    const tables = (name: string) => PAIRED_TABLES.find((t) => t.exportName === name)!;
    for (const [name, rows] of ROWS) {
      await sqlite.db.insert(tables(name).sqlite).values(rows);
      await postgres.db.insert(tables(name).postgres).values(rows);
    }
    expect(ROWS.map(([name]) => name).sort()).toEqual(PAIRED_TABLES.map((t) => t.exportName).sort());
    // PostgreSQL keeps no insertion order (an updated row moves): compare the rows sorted.
    const serialised = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();
    const read: Record<string, unknown[]> = {};
    for (const [name] of ROWS) {
      const fromSqlite = serialised(await sqlite.db.select().from(tables(name).sqlite));
      expect(serialised(await postgres.db.select().from(tables(name).postgres)), name).toEqual(fromSqlite);
      read[name] = fromSqlite.map((row) => JSON.parse(row));
    }
    // Defaults filled in the same way; the comments, the like, the votes and the mention bumped their thread's version on both.
    expect(read.sites![1]).toEqual({ id: 'default', name: 'Default site', origins: [], settings: {}, createdAt: AT });
    expect(read.threads![0]).toMatchObject({ id: 3, version: 11, locked: true });
    expect(read.comments![0]).toMatchObject({ heldReasons: ['first_time', 'too_many_links'], pinned: true, upvotes: 1, downvotes: 1 });
  });

  it('are stamped with the time as ISO 8601 UTC text, to the millisecond, on both', async () => {
    // The test server's time zone is +12:45 (tests/helpers/postgres-server.ts): a local time would be far off.
    const before = Date.now();
    const [sqliteSite] = await connections.sqlite.db.insert(sqliteSchema.sites).values({ id: 'stamped', name: 'S' }).returning();
    const [postgresSite] = await connections.postgres.db.insert(postgresSchema.sites).values({ id: 'stamped', name: 'S' }).returning();
    const after = Date.now();
    for (const stamp of [sqliteSite?.createdAt, postgresSite?.createdAt]) {
      expect(stamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(Date.parse(String(stamp))).toBeGreaterThan(before - 60_000);
      expect(Date.parse(String(stamp))).toBeLessThan(after + 60_000);
    }
  });
});
