import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, sanitizeCommentHtml } from '../../../server/render/markdown.ts';
import { expectSafeHtml } from '../../helpers/html-safety.ts';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/xss/${name}`, import.meta.url), 'utf8'));
const dompurifyCases = fixture('dompurify-expect.json') as { payload: string }[];
const payloadList = fixture('payloadbox-xss-payload-list.json') as string[];

describe('renderMarkdown keeps what commenters write', () => {
  it('renders paragraphs, line breaks, emphasis and code', () => {
    expect(renderMarkdown('One *two* **three** `four`\nfive\n\nsix')).toBe(
      '<p>One <em>two</em> <strong>three</strong> <code>four</code><br />\nfive</p>\n<p>six</p>',
    );
  });

  it('renders > quotes as in the seed post', () => {
    expect(renderMarkdown('> it seems to me that the new cold war\n\nHow would this work?')).toBe(
      '<blockquote>\n<p>it seems to me that the new cold war</p>\n</blockquote>\n<p>How would this work?</p>',
    );
  });

  it('renders links and bare URLs with rel="nofollow ugc noopener"', () => {
    expect(renderMarkdown('[Mediapart](https://www.mediapart.fr/) and https://example.com')).toBe(
      '<p><a href="https://www.mediapart.fr/" rel="nofollow ugc noopener">Mediapart</a> and ' +
        '<a href="https://example.com" rel="nofollow ugc noopener">https://example.com</a></p>',
    );
  });

  it('renders lists and code blocks', () => {
    expect(renderMarkdown('- a\n- b\n\n1. c\n\n```\nx < y\n```')).toBe(
      '<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ol>\n<li>c</li>\n</ol>\n<pre><code>x &lt; y\n</code></pre>',
    );
  });
});

describe('renderMarkdown neutralises attacks', () => {
  it('shows script tags as text', () => {
    const html = renderMarkdown('<script>alert(1)</script>');
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('drops javascript: and data: links', () => {
    for (const source of [
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '[x](data:text/html;base64,PHNjcmlwdD4=)',
      '<javascript:alert(1)>',
    ]) {
      const html = renderMarkdown(source);
      expect(html).not.toMatch(/href/);
      expectSafeHtml(html);
    }
  });

  it('shows event-handler attributes and raw HTML as text', () => {
    expect(renderMarkdown('<img src=x onerror=alert(1)>')).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    const html = renderMarkdown('<a href="https://x.org" onclick="alert(1)">x</a>');
    expectSafeHtml(html);
    expect(html).toMatch(/^<p>&lt;a href=/);
  });

  it('keeps only absolute http(s) and mailto links', () => {
    expect(renderMarkdown('[rel](/admin) [mail](mailto:a@b.org)')).toBe(
      '<p><a>rel</a> <a href="mailto:a@b.org" rel="nofollow ugc noopener">mail</a></p>',
    );
  });

  it('does not load images (no third-party requests from readers): an image is a link to it', () => {
    expect(renderMarkdown('![tracker](https://tracker.example/p.gif)')).toBe(
      '<p><a href="https://tracker.example/p.gif" rel="nofollow ugc noopener">[image: tracker]</a></p>',
    );
    expect(renderMarkdown('See ![](javascript:alert(1)) here')).toBe('<p>See ![](javascript:alert(1)) here</p>');
    expect(renderMarkdown('![a <b> & "c"](https://x.example/i.png "t")')).toBe(
      '<p><a href="https://x.example/i.png" rel="nofollow ugc noopener">[image: a &lt;b&gt; &amp; "c"]</a></p>',
    );
  });

  it(`keeps all ${dompurifyCases.length} DOMPurify payloads and ${payloadList.length} payloadbox payloads inert, as Markdown`, () => {
    for (const { payload } of dompurifyCases) expectSafeHtml(renderMarkdown(payload));
    for (const payload of payloadList) expectSafeHtml(renderMarkdown(payload));
  });

  it('keeps the same payloads inert when sanitising raw HTML (as imports will)', () => {
    for (const { payload } of dompurifyCases) expectSafeHtml(sanitizeCommentHtml(payload));
    for (const payload of payloadList) expectSafeHtml(sanitizeCommentHtml(payload));
  });

  it('keeps quotes and links when sanitising raw HTML', () => {
    expect(sanitizeCommentHtml('<blockquote>q</blockquote><a href="https://x.org" target="_blank">x</a><script>bad()</script>')).toBe(
      '<blockquote>q</blockquote><a href="https://x.org" rel="nofollow ugc noopener">x</a>&lt;script&gt;bad()&lt;/script&gt;',
    );
  });
});
