/** POST /api/v1/preview: a comment's Markdown as posting it would store it, and nothing stored. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../server/render/markdown.ts';
import { openTempApp, useTestApp } from '../../helpers/test-app.ts';

const t = useTestApp();
const preview = (body: unknown, headers: Record<string, string> = {}, app: Pick<typeof t, 'send'> = t) =>
  app.send('POST', '/api/v1/preview', body, headers);

describe('preview', () => {
  it('renders and sanitises exactly as posting does, and stores nothing', async () => {
    const markdown = 'Some *emphasis*, a [link](https://example.com), <script>alert(1)</script> and [bad](javascript:alert(1))';
    const res = await preview({ body: markdown });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { html } = (await res.json()) as { html: string };
    expect(html).toBe(renderMarkdown(markdown));
    expect(html).toContain('<em>emphasis</em>');
    expect(html).not.toMatch(/<script|href="javascript/);
    const posted = await t.post({ page: 'https://blog.example/p', body: markdown, author: { name: 'Ann' } });
    expect(((await posted.json()) as { comment: { html: string } }).comment.html).toBe(html);
    expect((await t.thread('https://blog.example/other')).body.count).toBe(0);
  });

  it('refuses what posting refuses: an empty or over-long body, not JSON, another origin', async () => {
    const cases: [Response, number, string][] = [
      [await preview({ body: '   ' }), 400, 'invalid_input'],
      [await preview({}), 400, 'invalid_input'],
      [await preview({ body: 'x'.repeat(10_001) }), 400, 'invalid_input'],
      [await preview('not json'), 400, 'invalid_input'],
      [await preview({ body: 'Hi' }, { origin: 'https://evil.example' }), 403, 'origin_not_allowed'],
    ];
    for (const [res, status, code] of cases) {
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
  });

  it('has an allowance per address of its own, three times --rate-limit', async () => {
    const app = await openTempApp(['--rate-limit', '1']);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await preview({ body: `Draft ${i}` }, {}, app)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await app.post({ page: 'https://blog.example/p', body: 'Posted.', author: { name: 'Ann' } })).status).toBe(201);
  });
});
