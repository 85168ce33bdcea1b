/**
 * Seeds the demo blog's thread with the seed post's nine responses, once, keeping their
 * dates, nesting and the blog author's badge (which the public API cannot set).
 */
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { AUTHOR_BADGES } from '../shared/wire.ts';
import { renderMarkdown } from './render/markdown.ts';
import type { Store } from './store/index.ts';

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

/** Returns how many comments were added (0 when the thread already has comments). */
export async function seedDemoThread(store: Store, seedFile: string, pageUrl: string): Promise<number> {
  const seed = v.parse(seedSchema, JSON.parse(readFileSync(seedFile, 'utf8')));
  return store.transaction(async (tx) => {
    const thread = await tx.threads.create(seed.site, seed.page, new Date().toISOString(), pageUrl, seed.title);
    if ((await tx.comments.listForThread(thread.id)).length > 0) return 0;
    const idByRef = new Map<number, number>();
    for (const c of seed.comments) {
      const row = await tx.comments.insert({
        threadId: thread.id,
        parentId: c.parentRef === null ? null : idByRef.get(c.parentRef)!,
        status: 'approved',
        authorName: c.author.name,
        authorWebsite: c.author.website ?? null,
        authorBadge: c.author.badge ?? null,
        bodyMarkdown: c.body,
        bodyHtml: renderMarkdown(c.body),
        createdAt: new Date(c.createdAt).toISOString(),
      });
      idByRef.set(c.ref, row.id);
    }
    return seed.comments.length;
  });
}
