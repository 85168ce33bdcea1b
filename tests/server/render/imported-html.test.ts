import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../../server/render/html-to-markdown.ts';
import { renderMarkdown, sanitizeImportedHtml } from '../../../server/render/markdown.ts';
import { expectSafeHtml } from '../../helpers/html-safety.ts';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/xss/${name}`, import.meta.url), 'utf8'));
const payloads = [
  ...(fixture('dompurify-expect.json') as { payload: string }[]).map((c) => c.payload),
  ...(fixture('payloadbox-xss-payload-list.json') as string[]),
];

describe('sanitizeImportedHtml (WordPress and Disqus bodies)', () => {
  it('keeps formatting, maps synonyms onto allowed tags and unwraps the rest', () => {
    expect(sanitizeImportedHtml('<b>bold</b> <i>it</i> <strike>old</strike> <cite>Frost</cite> <span style="x">plain</span>')).toBe(
      '<strong>bold</strong> <em>it</em> <del>old</del> <em>Frost</em> plain',
    );
    expect(sanitizeImportedHtml('<h2>Title</h2><dl><dt>term</dt><dd>means</dd></dl>')).toBe('<p>Title</p><p>term</p><p>means</p>');
    expect(sanitizeImportedHtml('<q cite="x">said</q> H<sub>2</sub>O')).toBe('<q>said</q> H<sub>2</sub>O');
  });

  it("turns images into links, so readers' browsers fetch nothing", () => {
    expect(sanitizeImportedHtml('<img src="https://cdn.example/a.jpg" alt="A cat" onerror="x()">')).toBe(
      '<a href="https://cdn.example/a.jpg" rel="nofollow ugc noopener">[image: A cat]</a>',
    );
    expect(sanitizeImportedHtml('<img src="javascript:alert(1)">')).toBe('<a>[image]</a>');
  });

  it(`keeps all ${payloads.length} DOMPurify and payloadbox payloads inert, and their derived Markdown too`, () => {
    for (const payload of payloads) {
      const html = sanitizeImportedHtml(payload);
      expectSafeHtml(html);
      expectSafeHtml(renderMarkdown(htmlToMarkdown(html)));
    }
  });
});

describe('htmlToMarkdown', () => {
  it('derives Markdown that renders back to the same HTML', () => {
    for (const html of [
      '<p>One <em>two</em> <strong>three</strong> <code>four</code><br />\nfive</p>\n<p>six</p>',
      '<blockquote>\n<p>it seems to me</p>\n</blockquote>\n<p>How would this work?</p>',
      '<p><a href="https://example.com/a_b" rel="nofollow ugc noopener">a * b</a> and 2*3 and \\o/</p>',
      '<ul>\n<li>a</li>\n<li>b</li>\n</ul>',
    ]) {
      expect(renderMarkdown(htmlToMarkdown(html))).toBe(html);
    }
  });
});

describe("htmlToMarkdown's fast path for plain paragraphs", () => {
  it('writes what turndown writes, for every plain body of the fixtures and tricky text', async () => {
    const { autop } = await import('@wordpress/autop');
    const { htmlToMarkdownWithTurndown } = await import('../../../server/render/html-to-markdown.ts');
    const { fixtureText } = await import('../../helpers/import-fixtures.ts');
    const contents = [
      ...fixtureText('wp-theme-test-data__themeunittestdata.wordpress.xml').matchAll(/<wp:comment_content><!\[CDATA\[([\s\S]*?)\]\]>/g),
    ].map((m) => m[1]!);
    const tricky = [
      'a * b _c_ `d` [e](f) # g\n> h\n1. i\n- j',
      '\\o/ ¯\\_(ツ)_/¯ &amp; &lt;tag&gt; &quot;q&quot; &#8217;',
      '  leading\tand   inner   spaces  \n\n\n\tnext paragraph\nline two\n\n',
      '+ plus\n=== equals\n--- dashes\n~~~ tildes\n``` fences',
    ];
    let plain = 0;
    for (const text of [...contents, ...tricky]) {
      const html = sanitizeImportedHtml(autop(text));
      if (!/^<p>/.test(html) || /<(?!\/?p>|br \/>)/.test(html)) continue;
      plain++;
      expect(htmlToMarkdown(html), html).toBe(htmlToMarkdownWithTurndown(html));
    }
    expect(plain).toBeGreaterThan(25);
  });
});
