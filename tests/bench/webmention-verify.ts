/**
 * Benchmark: verifying a Webmention whose source is a blog post (about 11 KB of HTML,
 * with an h-entry) served on loopback: fetch with every address check, link check (parse5),
 * h-entry (microformats-parser), sanitising. Run: npm run bench:webmention  (prints figures)
 */
import { performance } from 'node:perf_hooks';
import { verifyWebmention } from '../../server/webmention/verify-webmention.ts';
import { startLoopbackServer } from '../helpers/loopback-server.ts';

const TARGET = 'https://blog.example.com/2026/11/hello';
const ROUNDS = 200;

const filler = Array.from(
  { length: 60 },
  (_, i) =>
    `<p>Paragraph ${i} of an ordinary post, with <a href="https://example.org/${i}">a link</a> and some <em>words</em> around it to make it long enough to matter.</p>`,
).join('\n');
const page = `<!doctype html><html><head><title>A reply</title><link rel="stylesheet" href="/style.css"></head><body>
<nav>${Array.from({ length: 40 }, (_, i) => `<a href="/archive/${i}">Archive ${i}</a>`).join(' ')}</nav>
<article class="h-entry"><h1 class="p-name">Re: Hello</h1>
<span class="p-author h-card"><img class="u-photo" src="/me.jpg" alt=""><a class="p-name u-url" href="/">Ann</a></span>
<time class="dt-published" datetime="2026-11-27T12:00:00Z">today</time>
<div class="e-content"><p>In reply to <a class="u-in-reply-to" href="${TARGET}">Hello</a>.</p>${filler}</div></article></body></html>`;

const source = await startLoopbackServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
const times: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const started = performance.now();
  const result = await verifyWebmention(`${source.origin}/re-hello`, TARGET, { allowLoopback: [source.port] });
  times.push(performance.now() - started);
  if (!result.ok) throw new Error(result.message);
}
await source.close();
times.sort((a, b) => a - b);
console.log(`Source page: ${(Buffer.byteLength(page) / 1024).toFixed(1)} KB. ${ROUNDS} verifications:`);
console.log(`median ${times[ROUNDS / 2]!.toFixed(1)} ms, p90 ${times[Math.floor(ROUNDS * 0.9)]!.toFixed(1)} ms (loopback fetch included)`);
