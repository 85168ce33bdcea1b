/**
 * Generates a WordPress export (WXR 1.2) for import benchmarks: `posts` posts of `perPost`
 * comments, a third of them replies, some with HTML and several paragraphs, one in fifty
 * pending, one in two hundred a pingback. Written as a stream; the same file on every run.
 */
import { createWriteStream, existsSync, renameSync, statSync } from 'node:fs';
import { once } from 'node:events';

const BODIES = [
  'Short and to the point.',
  'A longer thought, with a <a href="https://example.org/source">link to the source</a> and <em>some</em> <strong>emphasis</strong>.\n\nAnd a second paragraph,\nwith a line break.',
  '<blockquote>Quoting the post: "the new cold war"</blockquote>\nI am not so sure about that. Καλημέρα! Привет!',
  'Code: <code>x &lt; y</code> and a backslash \\o/ ¯\\_(ツ)_/¯',
];

export interface WxrPlan {
  posts: number;
  perPost: number;
  /** The blog's address: files for different blogs import side by side. */
  blog?: string;
  /** The first post's id (`wp:post_id`); threads are matched by it, so another blog's file starts elsewhere. */
  firstPost?: number;
}

const two = (n: number) => String(n).padStart(2, '0');

/** Writes the export to `file` (kept if it exists: generation is deterministic); returns its size in bytes. */
export async function writeWxrFile(
  file: string,
  { posts, perPost, blog = 'https://bench.example', firstPost = 1 }: WxrPlan,
): Promise<number> {
  if (existsSync(file)) return statSync(file).size;
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench blog</title><link>${blog}</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>${blog}</wp:base_blog_url>
`);
  let id = 1;
  for (let post = firstPost; post < firstPost + posts; post++) {
    let item = `<item><title>Post ${post}</title><link>${blog}/${2000 + (post % 20)}/post-${post}/</link>
<content:encoded><![CDATA[<p>${'The post itself, which the importer reads past. '.repeat(40)}</p>]]></content:encoded>
<wp:post_id>${post}</wp:post_id><wp:post_date_gmt>2020-01-01 00:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
`;
    const first = id;
    for (let n = 0; n < perPost; n++, id++) {
      const parent = n % 3 === 2 ? id - 1 : n % 3 === 1 && n > 3 ? first : 0;
      const seconds = id % 86_400;
      const who = id % 997;
      item += `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author><![CDATA[Reader ${who}]]></wp:comment_author>
<wp:comment_author_email>reader${who}@example.org</wp:comment_author_email><wp:comment_author_url>https://reader${who}.example</wp:comment_author_url>
<wp:comment_author_IP>192.0.2.${id % 250}</wp:comment_author_IP><wp:comment_date>2021-03-04 05:06:07</wp:comment_date>
<wp:comment_date_gmt>2021-03-0${1 + (id % 9)} ${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}</wp:comment_date_gmt>
<wp:comment_content><![CDATA[${BODIES[id % BODIES.length]}]]></wp:comment_content><wp:comment_approved>${id % 50 === 0 ? '0' : '1'}</wp:comment_approved>
<wp:comment_type>${id % 200 === 0 ? 'pingback' : ''}</wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>
`;
    }
    await write(`${item}</item>\n`);
  }
  await write('</channel></rss>\n');
  out.end();
  await once(out, 'finish');
  renameSync(partial, file);
  return statSync(file).size;
}
