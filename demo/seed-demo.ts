/**
 * Seeds the demo blog's thread with the seed post's nine responses, once, as a blog owner
 * moving to Riposte would: seed-thread.json becomes a Riposte export (one thread, its
 * comments), restored through the import pipeline. That keeps their dates, their nesting and
 * the blog author's badge, none of which a reader can set through the public API.
 */
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { AUTHOR_BADGES } from '../shared/wire.ts';
import { RIPOSTE_FORMAT, RIPOSTE_FORMAT_VERSION } from '../server/export/riposte-format.ts';
import { importComments } from '../server/import/import-comments.ts';
import { ImportError } from '../server/import/import-error.ts';
import type { RunningServer } from '../server/main.ts';
import { renderMarkdown } from '../server/render/markdown.ts';
import { projectPath } from '../server/runtime/project-root.ts';

const SEED_FILE = projectPath('demo/seed-thread.json');

const seedSchema = v.object({
  site: v.string(),
  page: v.string(),
  title: v.string(),
  comments: v.array(
    v.object({
      ref: v.number(),
      parentRef: v.nullable(v.number()),
      author: v.object({ name: v.string(), website: v.optional(v.string()), badge: v.optional(v.picklist(AUTHOR_BADGES)) }),
      createdAt: v.string(),
      body: v.string(),
    }),
  ),
});

type Seed = v.InferOutput<typeof seedSchema>;

/** What the public API answers for a page: only whether it has comments matters here. */
const threadSchema = v.object({ comments: v.array(v.unknown()) });

/**
 * The seed as a Riposte export: the thread, then its comments with their seed numbers as ids
 * (a restore keeps ids, and fills only an empty database, where 1 to 9 are free).
 */
export function seedExport(seed: Seed, pageUrl: string): string {
  const threadId = 1;
  return JSON.stringify({
    format: RIPOSTE_FORMAT,
    version: RIPOSTE_FORMAT_VERSION,
    threads: [{ id: threadId, siteId: seed.site, pageKey: seed.page, url: pageUrl, title: seed.title }],
    comments: seed.comments.map((c) => ({
      id: c.ref,
      threadId,
      parentId: c.parentRef,
      status: 'approved',
      authorName: c.author.name,
      authorWebsite: c.author.website ?? null,
      authorBadge: c.author.badge ?? null,
      bodyMarkdown: c.body,
      bodyHtml: renderMarkdown(c.body),
      createdAt: new Date(c.createdAt).toISOString(),
    })),
  });
}

/**
 * Returns how many comments were added: 0 when the thread has comments already, or when the
 * database holds other comments (a restore fills an empty database only; it says so).
 */
export async function seedDemoThread(server: RunningServer, pageUrl: string): Promise<number> {
  const seed = v.parse(seedSchema, JSON.parse(readFileSync(SEED_FILE, 'utf8')));
  const response = await fetch(`${server.url}/api/v1/threads?${new URLSearchParams({ site: seed.site, page: seed.page })}`);
  if (!response.ok) throw new Error(`The demo could not read its thread: HTTP ${response.status} ${await response.text()}`);
  if (v.parse(threadSchema, await response.json()).comments.length > 0) return 0;
  try {
    const summary = await importComments(server.store, {
      format: 'riposte',
      input: [seedExport(seed, pageUrl)],
      site: seed.site,
      sourceName: 'demo/seed-thread.json',
      now: new Date(),
    });
    return summary.comments.imported;
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    console.warn(`Demo blog: not seeded. ${error.message}`);
    return 0;
  }
}
