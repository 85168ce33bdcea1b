/**
 * The write floor for `npm run bench:writes`: a bare node:http server that does the least a
 * comment server must do per post (read the body, parse the JSON, insert one row into SQLite
 * in WAL mode with Riposte's pragmas, answer 201 with JSON). Started as a child process on a
 * free loopback port, which it prints; the database file is its first argument.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';

const file = process.argv[2];
if (!file) throw new Error('usage: write-floor-server.ts DATABASE_FILE');

const sqlite = new Database(file);
// As server/store/database.ts opens Riposte's database (at commit 128b3fa).
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = NORMAL');
sqlite.pragma('foreign_keys = ON');
sqlite.pragma('busy_timeout = 500');
sqlite.exec(`CREATE TABLE IF NOT EXISTS comments (
  id INTEGER PRIMARY KEY AUTOINCREMENT, page TEXT NOT NULL, parent_id INTEGER, author_name TEXT NOT NULL,
  author_email TEXT, body TEXT NOT NULL, created_at TEXT NOT NULL)`);
const insert = sqlite.prepare(
  'INSERT INTO comments (page, parent_id, author_name, author_email, body, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
);

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let post: { page?: unknown; parentId?: unknown; body?: unknown; author?: { name?: unknown; email?: unknown } };
    try {
      post = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"code":"invalid_json"}}');
      return;
    }
    const createdAt = new Date().toISOString();
    const row = insert.get(
      String(post.page),
      typeof post.parentId === 'number' ? post.parentId : null,
      String(post.author?.name ?? ''),
      typeof post.author?.email === 'string' ? post.author.email : null,
      String(post.body),
      createdAt,
    ) as { id: number };
    const comment = { id: row.id, parentId: post.parentId ?? null, status: 'approved', html: String(post.body), createdAt };
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ comment }));
  });
});
server.listen(0, '127.0.0.1', () => console.log((server.address() as AddressInfo).port));
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close();
  sqlite.close();
});
