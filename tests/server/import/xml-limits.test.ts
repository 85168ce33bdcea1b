import { describe, expect, it } from 'vitest';
import { MAX_RECORD_CHARS, MAX_XML_DEPTH } from '../../../server/import/xml-records.ts';
import { importText, tableRows } from '../../helpers/import-fixtures.ts';
import { openTempApp } from '../../helpers/test-app.ts';

const setup = () => openTempApp();

const WXR = 'http://wordpress.org/export/1.2/';

/** A WordPress export with one post whose one comment says `content`. */
function wordpress(content: string, inside = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="${WXR}"><channel>
<item><title>Deep</title><link>https://blog.example/deep</link><wp:post_id>1</wp:post_id>${inside}
<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>Ann</wp:comment_author>
<wp:comment_date_gmt>2026-01-01 00:00:00</wp:comment_date_gmt><wp:comment_approved>1</wp:comment_approved>
<wp:comment_content><![CDATA[${content}]]></wp:comment_content></wp:comment>
</item></channel></rss>`;
}

describe('XML exports beyond what real ones hold', () => {
  it(`refuses elements nested more than ${MAX_XML_DEPTH} deep as soon as it sees them, with line and column`, async () => {
    const { store } = await setup();
    // 100,000 levels: without the limit saxes would take minutes here, holding the write lock.
    const deep = wordpress('Hello', `\n${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}`);
    const started = Date.now();
    await expect(importText(store, 'wordpress', deep, 'default', 64 * 1024)).rejects.toThrow(
      new RegExp(
        `^upload\\.xml line 4, column ${3 * (MAX_XML_DEPTH - 2)}: elements nested more than ${MAX_XML_DEPTH} deep; real exports nest a few levels, so this is not one$`,
      ),
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await tableRows(store, 'comments')).toEqual([]);
  });

  it('reads a file nested as deep as the limit allows', async () => {
    const { store } = await setup();
    const levels = MAX_XML_DEPTH - 3; // rss > channel > item > these
    const summary = await importText(store, 'wordpress', wordpress('Hello', `${'<x>'.repeat(levels)}${'</x>'.repeat(levels)}`));
    expect(summary.comments.imported).toBe(1);
  });

  it(`refuses a record holding more than ${MAX_RECORD_CHARS / 1024 / 1024} MB of text, naming where it starts`, async () => {
    const { store } = await setup();
    // Many comments' worth of text in one post, none of them large by itself.
    const block = `<wp:comment><wp:comment_content>${'a'.repeat(1024 * 1024 - 100)}</wp:comment_content></wp:comment>\n`;
    const huge = wordpress('Hello', block.repeat(MAX_RECORD_CHARS / (1024 * 1024) + 1));
    await expect(importText(store, 'wordpress', huge, 'default', 1024 * 1024)).rejects.toThrow(
      /^upload\.xml line \d+, column \d+: the <item> that starts on line 3 holds more than 32 MB of text; not an export Riposte reads$/,
    );
    expect(await tableRows(store, 'comments')).toEqual([]);
  });
});
