/**
 * Comment texts for generated data: Markdown as a reader writes it and the HTML Riposte's
 * renderer made of it (checked once against server/render/markdown.ts, so a restore keeps it
 * unchanged), each ending in a number that makes it unique (duplicate detection holds repeats).
 */

const BODIES: readonly { markdown: string; html: string }[] = [
  { markdown: 'Short and to the point.', html: '<p>Short and to the point.</p>' },
  {
    markdown:
      'A reply that quotes:\n\n> something said *before*\n\nand adds a [link](https://example.com/source) and a few more words, to be typical of a reply on a blog.',
    html: '<p>A reply that quotes:</p>\n<blockquote>\n<p>something said <em>before</em></p>\n</blockquote>\n<p>and adds a <a href="https://example.com/source" rel="nofollow ugc noopener">link</a> and a few more words, to be typical of a reply on a blog.</p>',
  },
  {
    markdown:
      'I have been reading this blog for years, and this post is one of the **best** so far.\nThe part about the old machines reminded me of my first computer.\n\nThank you for writing it down.',
    html: '<p>I have been reading this blog for years, and this post is one of the <strong>best</strong> so far.<br />\nThe part about the old machines reminded me of my first computer.</p>\n<p>Thank you for writing it down.</p>',
  },
  {
    markdown:
      'Three things I would add:\n\n1. measure first,\n2. change one thing at a time,\n3. write down what you found.\n\nThe rest follows.',
    html: '<p>Three things I would add:</p>\n<ol>\n<li>measure first,</li>\n<li>change one thing at a time,</li>\n<li>write down what you found.</li>\n</ol>\n<p>The rest follows.</p>',
  },
  {
    markdown: 'Καλημέρα! The `x < y` check is wrong when both are `NaN`, as far as I can tell. Привет from a reader abroad.',
    html: '<p>Καλημέρα! The <code>x &lt; y</code> check is wrong when both are <code>NaN</code>, as far as I can tell. Привет from a reader abroad.</p>',
  },
];

/** Body number `n` (any whole number): one of the texts above, made unique by "(n)" at its end. */
export function commentBody(n: number): { markdown: string; html: string } {
  const { markdown, html } = BODIES[n % BODIES.length]!;
  // Every text ends in a paragraph, so the number goes inside its closing </p>.
  return { markdown: `${markdown} (${n})`, html: `${html.slice(0, -'</p>'.length)} (${n})</p>` };
}

/** A reader's name and email, from a pool of 5,000 readers. */
export function reader(n: number): { name: string; email: string } {
  const who = n % 5_000;
  return { name: `Reader ${who}`, email: `reader${who}@example.org` };
}

/** A small deterministic random number generator (mulberry32), so every run generates the same data. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The JSON of a guest's POST /api/v1/comments that passes every check: a unique body, a name
 * and email, no honeypot, and a form shown long enough for any minimum-time rule.
 */
export function postBody(page: string, n: number, parentId: number | null = null): string {
  const { name, email } = reader(n);
  return JSON.stringify({ page, parentId, body: commentBody(n).markdown, author: { name, email }, formMs: 60_000 });
}
