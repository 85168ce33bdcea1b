/**
 * POST /preview: a comment's Markdown rendered and sanitised exactly as posting it would store
 * it, so what a reader previews is what readers will see. Stores nothing.
 */
import { Hono } from 'hono';
import { previewSchema } from '../../shared/schemas.ts';
import type { PreviewAnswer } from '../../shared/wire.ts';
import type { AppEnv } from '../http/app-env.ts';
import { readJson } from '../http/read-json.ts';
import { renderMarkdown } from '../render/markdown.ts';

export const previewRoutes = new Hono<AppEnv>().post('/', async (c) => {
  const { body } = await readJson(c, previewSchema);
  c.header('Cache-Control', 'no-store');
  return c.json({ html: renderMarkdown(body) } satisfies PreviewAnswer);
});
