import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../server/render/markdown.ts';
import { expectSafeHtml } from '../../helpers/html-safety.ts';
import { depthOf, fixtureText, importFixture, importText, tableRows } from '../../helpers/import-fixtures.ts';
import { openTempApp } from '../../helpers/test-app.ts';

const THEME = 'wp-theme-test-data__themeunittestdata.wordpress.xml';
const CHAIN_PAGE = 'https://wpthemetestdata.wordpress.com/2012/01/03/template-comments/';
const PINGS_PAGE = 'https://wpthemetestdata.wordpress.com/2012/01/01/template-pingbacks-an-trackbacks/';

const setup = () => openTempApp();

const byKey = (rows: Record<string, unknown>[], wpId: number) => rows.find((c) => String(c.importKey).endsWith(`:${wpId}`))!;

describe('importing the WordPress theme unit test data (WXR 1.2, https namespace)', () => {
  it('brings every comment with its author, date, status, kind and thread', async () => {
    const { store } = await setup();
    const summary = await importFixture(store, 'wordpress', THEME);
    expect(summary.comments.imported).toBe(33);
    expect(summary.threads).toEqual({ created: 7, matched: 0 });
    expect(summary.comments.byKind).toEqual({ comment: 29, trackback: 2, pingback: 2 });
    // 3 unapproved, and one approved comment on a password-protected post kept unpublished.
    expect(summary.comments.byStatus).toEqual({ approved: 29, pending: 4 });
    expect(summary.skipped).toEqual({});

    const comments = await tableRows(store, 'comments');
    expect(
      comments
        .filter((c) => c.status === 'pending')
        .map((c) => String(c.importKey).split(':').pop())
        .sort(),
    ).toEqual(['1015', '1016', '1017', '926']);
    const c904 = byKey(comments, 904);
    expect(c904).toMatchObject({
      authorName: 'John Κώστας Doe Τάδε',
      authorEmail: 'example@example.org',
      authorWebsite: 'http://example.org/',
    });
    // comment_date_gmt, not the local comment_date (07:57:01 at UTC-7).
    expect(c904.createdAt).toBe('2013-03-14T14:57:01.000Z');
    expect(byKey(comments, 918).bodyHtml).toContain('Σίγουρα θα σχολιάσουμε τα τεστς!');
    // Trackback authors are HTML-escaped in WordPress; Riposte keeps plain text.
    expect(byKey(comments, 921)).toMatchObject({ kind: 'trackback', authorName: 'Ping 1 « What’s a tellyworth?' });
    expect(byKey(comments, 923).kind).toBe('pingback');

    const thread = await store.threads.find('default', 'https://wpthemetestdata.wordpress.com/2012/01/03/template-comments')!;
    expect(thread).toMatchObject({ title: 'Template: Comments', url: CHAIN_PAGE, externalId: '1148' });
  });

  it('keeps the 10-deep reply chain, each reply under its parent', async () => {
    const { store } = await setup();
    await importFixture(store, 'wordpress', THEME);
    const comments = await tableRows(store, 'comments');
    const chain = [904, 905, 906, 907, 910, 911, 912, 913, 914, 915].map((id) => byKey(comments, id));
    chain.forEach((c, i) => {
      expect(c.parentId).toBe(i === 0 ? null : chain[i - 1]!.id);
      expect(depthOf(comments, c.id)).toBe(i + 1);
    });
    expect(Math.max(...comments.map((c) => depthOf(comments, c.id)))).toBe(10);
    expect(byKey(comments, 1017).parentId).toBe(byKey(comments, 168).id);
  });

  it('turns HTML-heavy bodies into safe HTML, keeping quotes, links and line breaks, and a Markdown source', async () => {
    const { store } = await setup();
    await importFixture(store, 'wordpress', THEME);
    const comments = await tableRows(store, 'comments');
    for (const c of comments) expectSafeHtml(String(c.bodyHtml));
    const html = String(byKey(comments, 881).bodyHtml);
    expect(html).toContain('<blockquote><p>Stay hungry. Stay foolish.</p></blockquote>');
    expect(html).toContain(
      '<a href="https://developer.mozilla.org/en-US/docs/HTML/Element/blockquote#Notes" rel="nofollow ugc noopener">Notes</a>',
    );
    expect(html).toContain('<q>Developers, developers, developers...</q>');
    expect(html).toContain('E = MC<sup>2</sup>');
    expect(html).not.toMatch(/<(h\d|table|img|dl)\b/);
    // Blank lines are paragraphs, single newlines line breaks (WordPress's "autop").
    expect(byKey(comments, 910).bodyHtml).toBe('<p>Comment Depth 05</p>\n<p>Also an author comment.</p>');
    expect(byKey(comments, 1015).bodyHtml).toBe('<p>this is test comment</p>\n<p>\tFeeling testy?</p>');
    // The image is a link, not something readers' browsers would fetch from wordpress.com.
    expect(byKey(comments, 917).bodyHtml).toContain('>[image: Albany wind-farm against the sunset, Western Australia]</a>');
    expect(byKey(comments, 910).bodyMarkdown).toBe('Comment Depth 05\n\nAlso an author comment.');
    expect(renderMarkdown(String(byKey(comments, 881).bodyMarkdown))).toContain('<blockquote>');
  });

  it('adds nothing when the same file is imported again', async () => {
    const { store } = await setup();
    await importFixture(store, 'wordpress', THEME);
    const before = await tableRows(store, 'comments');
    const again = await importFixture(store, 'wordpress', THEME);
    expect(again.comments.imported).toBe(0);
    expect(again.threads).toEqual({ created: 0, matched: 7 });
    expect(again.skipped).toEqual({ 'already imported': 33 });
    expect(await tableRows(store, 'comments')).toEqual(before);
  });

  it('hides pingbacks and trackbacks unless the site shows them, and finds the thread by its WordPress id', async () => {
    const { store, thread } = await setup();
    await importFixture(store, 'wordpress', THEME);
    const hidden = await thread(PINGS_PAGE);
    expect(hidden.body.comments).toHaveLength(1);
    expect(hidden.body.comments[0]!.kind).toBeUndefined();

    // Another server whose site shows them (set before any answer is cached).
    const other = await setup();
    await other.store.sites.updateSettings('default', { showPingbacks: true });
    await importFixture(other.store, 'wordpress', THEME);
    // A page-id of 1149 (the WordPress post id) reaches the thread keyed by the permalink.
    const shown = await other.thread('1149');
    expect(shown.body.comments.map((c) => c.kind ?? 'comment').sort()).toEqual([
      'comment',
      'pingback',
      'pingback',
      'trackback',
      'trackback',
    ]);
    expect(shown.body.page).toMatchObject({ url: PINGS_PAGE, title: 'Template: Pingbacks And Trackbacks' });

    const chain = await thread(CHAIN_PAGE);
    expect(chain.body.comments).toHaveLength(19); // 20 comments on the page, one of them unapproved
  });
});

describe('importing other WordPress exports', () => {
  it("reads WXR 1.0 (isso's sample): 8 comments in 2 threads, replies to depth 3, a ?p=4 page", async () => {
    const { store } = await setup();
    const summary = await importFixture(store, 'wordpress', 'isso__wordpress.xml');
    expect(summary.comments.imported).toBe(8);
    expect(summary.threads.created).toBe(2);
    const comments = await tableRows(store, 'comments');
    const id = (wpId: number) => comments.find((c) => String(c.importKey).endsWith(`:18:${wpId}`))!.id;
    expect(comments.find((c) => c.id === id(7))!.parentId).toBe(id(6));
    expect(comments.find((c) => c.id === id(8))!.parentId).toBe(id(7));
    expect(comments.find((c) => c.id === id(9))!.parentId).toBe(id(7));
    expect(Math.max(...comments.map((c) => depthOf(comments, c.id)))).toBe(3);
    expect(await store.threads.find('default', 'http://example.tld/?p=4')).toBeDefined();
    // The multi-line comment keeps its lines.
    expect(comments.some((c) => /<br \/>\n/.test(String(c.bodyHtml)))).toBe(true);
  });

  it("reads remark42's sample: 3 comments and a pingback, one unapproved", async () => {
    const { store } = await setup();
    const summary = await importFixture(store, 'wordpress', 'remark42__wordpress_test.go__xmlTestWP.xml');
    expect(summary.comments).toMatchObject({ imported: 4, byStatus: { approved: 3, pending: 1 }, byKind: { comment: 3, pingback: 1 } });
    const comments = await tableRows(store, 'comments');
    expect(comments.filter((c) => c.parentId !== null)).toHaveLength(1);
  });

  it("keeps backslashes (the WordPress importer's slashes test)", async () => {
    const { store } = await setup();
    await importFixture(store, 'wordpress', 'wordpress-importer__slashes.xml');
    const [comment] = await tableRows(store, 'comments');
    expect(comment!.bodyHtml).toContain('\\o/ ¯\\_(ツ)_/¯');
    // The derived Markdown escapes them, so it renders back to the same text.
    expect(renderMarkdown(String(comment!.bodyMarkdown))).toBe(comment!.bodyHtml);
  });

  it("reads WXR 1.1 (the WordPress importer's valid file)", async () => {
    const { store } = await setup();
    expect((await importFixture(store, 'wordpress', 'wordpress-importer__valid-wxr-1.1.xml')).comments.imported).toBe(1);
  });

  it('adds only what is new from an updated export', async () => {
    const { store } = await setup();
    const full = fixtureText('isso__wordpress.xml');
    // The same export before comment 10 was written.
    const older = full.replace(/<wp:comment>\s*<wp:comment_id>10<\/wp:comment_id>[\s\S]*?<\/wp:comment>/, '');
    expect(older).not.toBe(full);
    expect((await importText(store, 'wordpress', older)).comments.imported).toBe(7);
    const update = await importText(store, 'wordpress', full);
    expect(update.comments.imported).toBe(1);
    expect(update.skipped).toEqual({ 'already imported': 7 });
    expect(update.threads).toEqual({ created: 0, matched: 2 });
  });
});

describe('files that cannot be imported', () => {
  it('names the line and column of malformed XML, and changes nothing', async () => {
    const { store } = await setup();
    await importFixture(store, 'wordpress', 'isso__wordpress.xml');
    const before = await tableRows(store, 'comments');
    await expect(importFixture(store, 'wordpress', 'wordpress-importer__malformed.xml')).rejects.toThrow(
      'wordpress-importer__malformed.xml line 90, column 10: not well-formed XML (unexpected close tag)',
    );
    expect(await tableRows(store, 'comments')).toEqual(before);
  });

  it('rolls back a file that breaks after many comments were written', async () => {
    const { store } = await setup();
    const text = fixtureText(THEME);
    const truncated = text.slice(0, text.indexOf('<wp:comment_id>1016</wp:comment_id>'));
    await expect(importText(store, 'wordpress', truncated, 'default', 64 * 1024)).rejects.toThrow(/not well-formed XML/);
    expect(await tableRows(store, 'comments')).toEqual([]);
    expect(await tableRows(store, 'threads')).toEqual([]);
  });

  it('says so when the file is not the format claimed', async () => {
    const { store } = await setup();
    await expect(importFixture(store, 'wordpress', 'isso__disqus.xml')).rejects.toThrow(
      /isso__disqus.xml line \d+, column \d+: not a WordPress export \(expected <rss> with the WordPress export namespace, found <disqus>\)/,
    );
    await expect(importText(store, 'wordpress', '<rss version="2.0"><channel></channel></rss>')).rejects.toThrow(
      /not a WordPress export.*found <rss> without it/,
    );
    await expect(importText(store, 'wordpress', '')).rejects.toThrow(/line 1, column 0: not well-formed XML/);
  });

  it('refuses text that is not UTF-8', async () => {
    const { store } = await setup();
    const latin1 = Buffer.from('<?xml version="1.0"?><rss>caf\xe9</rss>', 'latin1');
    const { importComments } = await import('../../../server/import/import-comments.ts');
    await expect(
      importComments(store, { now: new Date(), format: 'wordpress', input: [latin1], site: 'default', sourceName: 'old.xml' }),
    ).rejects.toThrow('old.xml: not UTF-8 text');
  });
});
