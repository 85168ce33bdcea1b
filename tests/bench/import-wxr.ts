/**
 * Benchmark: importing a generated WordPress export of 100,000 comments (1,000 posts of 100,
 * a third of them replies, some with HTML and several paragraphs): comments per second and
 * peak memory, then the same file again (everything already imported), then an export.
 * Run: npm run bench:import  (prints figures; asserts nothing; uses a temporary folder)
 */
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { riposteExport } from '../../server/export/riposte-export.ts';
import { importComments } from '../../server/import/import-comments.ts';
import { openStore } from '../../server/store/index.ts';
import { tempDir } from '../helpers/test-app.ts';

const POSTS = 1_000;
const PER_POST = 100;
const COMMENTS = POSTS * PER_POST;

const BODIES = [
  'Short and to the point.',
  'A longer thought, with a <a href="https://example.org/source">link to the source</a> and <em>some</em> <strong>emphasis</strong>.\n\nAnd a second paragraph,\nwith a line break.',
  '<blockquote>Quoting the post: "the new cold war"</blockquote>\nI am not so sure about that. Καλημέρα! Привет!',
  'Code: <code>x &lt; y</code> and a backslash \\o/ ¯\\_(ツ)_/¯',
];

async function writeExport(file: string): Promise<void> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench blog</title><link>https://bench.example</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>https://bench.example</wp:base_blog_url>
`);
  let id = 1;
  for (let post = 1; post <= POSTS; post++) {
    let items = `<item><title>Post ${post}</title><link>https://bench.example/${2000 + (post % 20)}/post-${post}/</link>
<content:encoded><![CDATA[<p>${'The post itself, which the importer reads past. '.repeat(40)}</p>]]></content:encoded>
<wp:post_id>${post}</wp:post_id><wp:post_date_gmt>2020-01-01 00:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
`;
    const first = id;
    for (let n = 0; n < PER_POST; n++, id++) {
      const parent = n % 3 === 2 ? id - 1 : n % 3 === 1 && n > 3 ? first : 0;
      const seconds = id % 86_400;
      items += `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author><![CDATA[Reader ${id % 997}]]></wp:comment_author>
<wp:comment_author_email>reader${id % 997}@example.org</wp:comment_author_email><wp:comment_author_url>https://reader${id % 997}.example</wp:comment_author_url>
<wp:comment_author_IP>192.0.2.${id % 250}</wp:comment_author_IP><wp:comment_date>2021-03-04 05:06:07</wp:comment_date>
<wp:comment_date_gmt>2021-03-0${1 + (id % 9)} ${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}</wp:comment_date_gmt>
<wp:comment_content><![CDATA[${BODIES[id % BODIES.length]}]]></wp:comment_content><wp:comment_approved>${id % 50 === 0 ? '0' : '1'}</wp:comment_approved>
<wp:comment_type>${id % 200 === 0 ? 'pingback' : ''}</wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>
`;
    }
    await write(`${items}</item>\n`);
  }
  await write('</channel></rss>\n');
  out.end();
  await once(out, 'finish');
}

/** Highest resident memory seen while fn runs (sampled every 20 ms), and the process's lifetime peak. */
async function measure<T>(fn: () => Promise<T>): Promise<{ result: T; seconds: number; sampledPeakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = performance.now();
  const result = await fn();
  const seconds = (performance.now() - start) / 1000;
  clearInterval(timer);
  return { result, seconds, sampledPeakMb: Math.max(peak, process.memoryUsage().rss) / 1e6 };
}

const dir = tempDir();
try {
  const file = `${dir.path}/bench-wxr.xml`;
  await writeExport(file);
  const mb = statSync(file).size / 1e6;
  const baseline = process.memoryUsage().rss / 1e6;
  const store = await openStore(`${dir.path}/riposte.db`);
  await store.sites.ensure('default', 'Default site', new Date().toISOString());

  const first = await measure(() =>
    importComments(store, { now: new Date(), format: 'wordpress', input: createReadStream(file), site: 'default', sourceName: file }),
  );
  const again = await measure(() =>
    importComments(store, { now: new Date(), format: 'wordpress', input: createReadStream(file), site: 'default', sourceName: file }),
  );
  let bytes = 0;
  const exported = await measure(() =>
    pipeline(
      Readable.from(riposteExport(store, new Date())),
      new Writable({
        write(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          done();
        },
      }),
    ),
  );
  store.close();

  console.log(`Generated WXR: ${COMMENTS.toLocaleString('en')} comments in ${POSTS.toLocaleString('en')} posts, ${mb.toFixed(1)} MB`);
  console.log(
    `First import:  ${first.result.comments.imported.toLocaleString('en')} comments in ${first.seconds.toFixed(1)} s = ` +
      `${Math.round(first.result.comments.imported / first.seconds).toLocaleString('en')} comments/s, ${(mb / first.seconds).toFixed(1)} MB/s`,
  );
  console.log(
    `Second import: ${JSON.stringify(first.result.skipped)} -> ${JSON.stringify(again.result.skipped)} in ${again.seconds.toFixed(1)} s`,
  );
  console.log(`Export:        ${(bytes / 1e6).toFixed(1)} MB of JSON in ${exported.seconds.toFixed(1)} s`);
  console.log(
    `Memory: RSS ${baseline.toFixed(0)} MB before, peak ${first.sampledPeakMb.toFixed(0)} MB while importing (sampled), ` +
      `process maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (includes generating the file)`,
  );
} finally {
  dir.remove();
}
