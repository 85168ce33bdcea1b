import { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { importComments } from '../../../server/import/import-comments.ts';
import { useTestApp } from '../../helpers/test-app.ts';

const t = useTestApp();

/**
 * WordPress exports names and titles HTML-escaped inside the XML, so `&amp;#1;` is legal XML
 * that decodes to the HTML entity `&#1;`, a control character once the importer decodes it.
 */
const wxr = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Blog</title><link>https://blog.example</link><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Odd&amp;#27; title</title><link>https://blog.example/odd</link><wp:post_id>7</wp:post_id><wp:post_type>post</wp:post_type>
<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>Ann&amp;#1;ie</wp:comment_author>
<wp:comment_date_gmt>2020-01-01 10:00:00</wp:comment_date_gmt><wp:comment_content>Hello&amp;#2; there</wp:comment_content>
<wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>
</item></channel></rss>`;

describe('imported text', () => {
  it("loses characters XML cannot carry, so the thread's feed stays valid", async () => {
    const summary = await importComments(t.store, {
      now: new Date(),
      format: 'wordpress',
      input: Readable.from([wxr]),
      site: 'default',
      sourceName: 'odd.xml',
    });
    expect(summary.comments.imported).toBe(1);
    const feed = await (await t.app.request(`/feeds/thread.atom?page=${encodeURIComponent('https://blog.example/odd')}`)).text();
    expect(() => new SaxesParser().write(feed).close()).not.toThrow();
    expect(feed).toContain('Comment by Annie');
    expect(feed).toContain('Comments on Odd title');
  });
});
