/**
 * Generates a Riposte export (the format in the README, version 1) of threads of given sizes,
 * for `riposte import riposte FILE` into an empty database: the fastest way in through the
 * command line, and the same file for every checkout. Streamed, so a million comments never
 * sit in memory.
 */
import { createWriteStream, existsSync, renameSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { commentBody, random, reader } from './comment-bodies.ts';

export interface ThreadPlan {
  /** The page key (a page-id: opaque, kept as it is). */
  key: string;
  comments: number;
}

export interface ExportOptions {
  /** One comment in this many is pending (for the admin queue); 0: all approved. */
  pendingEvery?: number;
}

/**
 * Who answers whom, the same on every run: a third of the comments answer the page, a third
 * answer an earlier response to the page, a third answer an earlier reply (so chains grow
 * deeper now and then, as real discussions do).
 */
export function threadShape(comments: number, seed: number): (number | null)[] {
  const next = random(seed);
  const parents: (number | null)[] = [];
  const top: number[] = [];
  const replies: number[] = [];
  for (let i = 0; i < comments; i++) {
    const pick = (from: number[]) => from[Math.floor(next() * from.length)]!;
    const kind = i % 3;
    const parent = kind === 0 || top.length === 0 ? null : kind === 1 || replies.length === 0 ? pick(top) : pick(replies);
    parents.push(parent);
    (parent === null ? top : replies).push(i);
  }
  return parents;
}

const EPOCH = Date.UTC(2024, 0, 1);

/** Writes the export to `file` unless it exists already (generation is deterministic); returns its size in bytes. */
export async function writeExportFile(file: string, threads: ThreadPlan[], { pendingEvery = 0 }: ExportOptions = {}): Promise<number> {
  if (existsSync(file)) return statSync(file).size;
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  let buffer = '';
  const write = async (text: string) => {
    buffer += text;
    if (buffer.length < 1 << 20) return;
    if (!out.write(buffer)) await once(out, 'drain');
    buffer = '';
  };
  const created = (n: number) => new Date(EPOCH + n * 7_000).toISOString();

  await write(`{"format":"riposte","version":1,"exportedAt":"${new Date(EPOCH).toISOString()}",\n"sites":[\n`);
  await write(`${JSON.stringify({ id: 'default', name: 'Default site', origins: [], settings: {}, createdAt: created(0) })}\n],\n`);
  await write('"users":[],\n"threads":[\n');
  for (const [i, thread] of threads.entries()) {
    const row = {
      id: i + 1,
      siteId: 'default',
      pageKey: thread.key,
      url: null,
      title: `Post ${i + 1}`,
      externalId: null,
      createdAt: created(i),
    };
    await write(`${i ? ',\n' : ''}${JSON.stringify(row)}`);
  }
  await write('\n],\n"comments":[\n');
  let id = 0;
  for (const [t, thread] of threads.entries()) {
    const first = id + 1;
    const parents = threadShape(thread.comments, t + 1);
    // Only comments nobody answered are held, so no reply hangs under a comment readers cannot see.
    const answered = new Set(parents);
    for (const [i, parent] of parents.entries()) {
      id++;
      const { name, email } = reader(id);
      const { markdown, html } = commentBody(id);
      const row = {
        id,
        threadId: t + 1,
        parentId: parent === null ? null : first + parent,
        status: pendingEvery && i % pendingEvery === pendingEvery - 1 && !answered.has(i) ? 'pending' : 'approved',
        kind: 'comment',
        authorName: name,
        authorEmail: email,
        authorWebsite: null,
        authorBadge: null,
        ipHash: null,
        bodyMarkdown: markdown,
        bodyHtml: html,
        createdAt: created(id),
        editedAt: null,
        importKey: null,
        userId: null,
        guestSecretHash: null,
      };
      await write(`${id > 1 ? ',\n' : ''}${JSON.stringify(row)}`);
    }
  }
  await write('\n],\n"likes":[],\n"settings":[],\n"bans":[],\n"audit":[]}\n');
  out.end(buffer);
  await once(out, 'finish');
  renameSync(partial, file);
  return statSync(file).size;
}
