import { describe, expect, it } from 'vitest';
import { describeSummary } from '../../../server/import/import-summary.ts';
import { printable } from '../../../server/import/printable.ts';
import { importText } from '../../helpers/import-fixtures.ts';
import { openTempApp } from '../../helpers/test-app.ts';

const setup = () => openTempApp();

/** Any C0 or C1 control but the line breaks describeSummary puts between lines, or a bidi control. */
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

describe('text from an import file printed to a terminal', () => {
  it('loses escape sequences, control characters and bidi controls, and stays on one line', () => {
    expect(printable('a\x1b[2J\x1b[31mred\x1b[0m b')).toBe('ared b');
    expect(printable('title\x1b]0;owned\x07 and\x1b]52;c;Y2xpcA==\x1b\\ clip')).toBe('title and clip');
    expect(printable('8-bit \x9b31mCSI\x9d0;t\x9c and \x85NEL')).toBe('8-bit CSI and NEL');
    expect(printable('line\none\ttab\rcr\0nul\x7fdel')).toBe('line one tab crnuldel');
    expect(printable('evil\u202Etxt.exe\u2066x\u2069')).toBe('eviltxt.exex');
    expect(printable('Радио-Т: “quotes” ✓')).toBe('Радио-Т: “quotes” ✓');
  });

  it('keeps a WordPress title full of escapes from reaching the terminal through a warning', async () => {
    const { store } = await setup();
    // XML cannot carry ESC itself, but a title's HTML entities are decoded, and C1 characters are allowed.
    const title = 'Evil&amp;#27;[2J&amp;#27;]0;owned&amp;#7;&#x9b;31m\u202Etitle';
    const wxr = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
<item><title>${title}</title><wp:post_id>7</wp:post_id>
<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content>Hi</wp:comment_content></wp:comment>
</item></channel></rss>`;
    const summary = await importText(store, 'wordpress', wxr);
    expect(summary.warnings[0]).toMatch(/\x1b/);
    const printed = describeSummary(summary, 'blog.xml');
    expect(printed).not.toMatch(CONTROL);
    expect(printed).toContain('- post 7 "Eviltitle" has no permalink; its 1 comments were skipped.');
  });

  it('keeps control characters out of an import error', async () => {
    const { store } = await setup();
    await expect(importText(store, 'riposte', '{"format":"riposte","version":"\u009b2J\u202e","sites":[]}')).rejects.toThrow(
      /^upload\.xml line 1: "version" must be a whole number from 1 to 1, not ""\.$/,
    );
  });
});
