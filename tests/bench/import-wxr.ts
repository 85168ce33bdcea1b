/**
 * Benchmark: importing a generated WordPress export of 100,000 comments (1,000 posts of 100,
 * a third of them replies, some with HTML and several paragraphs): comments per second and
 * peak memory, then the same file again (everything already imported), then an export.
 * Run: npm run bench:import  (prints figures; asserts nothing; uses a temporary folder)
 */
import { createReadStream, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { riposteExport } from '../../server/export/riposte-export.ts';
import { importComments } from '../../server/import/import-comments.ts';
import { openStore } from '../../server/store/index.ts';
import { tempDir } from '../helpers/test-app.ts';
import { writeWxrFile } from './lib/wxr-file.ts';

const POSTS = 1_000;
const PER_POST = 100;
const COMMENTS = POSTS * PER_POST;

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
  await writeWxrFile(file, { posts: POSTS, perPost: PER_POST });
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
