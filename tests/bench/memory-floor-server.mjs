// The memory floor for `npm run bench:memory` (plain JavaScript, so no TypeScript loader sits in
// its memory): a bare node:http server doing the least the same requests need. GET
// /api/v1/threads?page=K sends the bytes Riposte sent for that page (files K.json in the folder
// given as the first argument), brotli-compressed once per change as Riposte does; POST
// /api/v1/comments parses the JSON, inserts one row into SQLite (WAL, the second argument) and
// marks its page changed. It prints its loopback port when listening.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { brotliCompressSync, constants } from 'node:zlib';

const [pagesDir, dbFile] = process.argv.slice(2);
if (!pagesDir || !dbFile) throw new Error('usage: memory-floor-server.mjs PAGES_DIR DATABASE_FILE');
const Database = createRequire(import.meta.url)('better-sqlite3');

const pages = new Map(readdirSync(pagesDir).map((name) => [name.replace(/\.json$/, ''), readFileSync(`${pagesDir}/${name}`)]));
const compressed = new Map();
const sqlite = new Database(dbFile);
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = NORMAL');
sqlite.exec(
  'CREATE TABLE IF NOT EXISTS comments (id INTEGER PRIMARY KEY, page TEXT NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL)',
);
const insert = sqlite.prepare('INSERT INTO comments (page, body, created_at) VALUES (?, ?, ?) RETURNING id');

const server = createServer((req, res) => {
  if (req.method === 'POST') {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const post = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const { id } = insert.get(String(post.page), String(post.body), new Date().toISOString());
      compressed.delete(String(post.page));
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ comment: { id } }));
    });
    return;
  }
  const key = new URL(req.url, 'http://floor').searchParams.get('page') ?? '';
  const body = pages.get(key);
  if (!body) return res.writeHead(404).end();
  let br = compressed.get(key);
  if (!br) {
    br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
    compressed.set(key, br);
  }
  res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'br' }).end(br);
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close();
  sqlite.close();
});
