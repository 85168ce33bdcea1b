/**
 * Benchmark: big threads in Chromium (issue 13). A blog page on its own origin embeds the
 * checkout's widget for threads of 1,000 and 10,000 comments (a third answering the page,
 * replies nested deeper now and then, bodies with quotes, links and lists). Prints the time
 * from the thread's answer to the first comments drawn (and from the start of navigation, with
 * when the thread's request was sent and answered), until drawing settles, elements in
 * the DOM (shadow trees included), the page's height, and long tasks while scrolling to the
 * bottom, then (where the thread reads in pages) pressing "Show more comments": the time until
 * the next page's first comments are drawn, until all of them are, and long tasks meanwhile.
 * "First comments drawn" is the first task after the frame that painted them (page-probe.js).
 * Long tasks are told apart: while the page loads (before the answer) and while drawing. With
 * --trace, one more load of each size runs under Chromium's tracing, and the benchmark prints
 * where the main thread spent the time from the answer to the first comments drawn (script by
 * function, style, layout, paint, in wall and CPU time). Needs the checkout's widget built
 * (npm run build there).
 * Run: npm run bench:browser [-- --runs 3 --checkout DIR --trace --latency MS]
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { benchArgs, machineLoad, numberOption, printHeader } from './lib/bench-args.ts';
import { freePort } from '../helpers/free-port.ts';
import { cli, serve, tempDir } from './lib/checkout.ts';
import { writeExportFile } from './lib/export-file.ts';
import { count, median, ms } from './lib/stats.ts';
import { breakdown, describeBreakdown, TRACE_CATEGORIES } from './lib/trace-breakdown.ts';

const { values, checkout } = benchArgs(
  'npm run bench:browser',
  [
    '  --runs N          page loads per thread (default 3; --quick 1)',
    '  --trace           one more load of each size, traced: where the time to the first comments went',
    "  --latency MS      every request of the page answered MS later (Chromium's network emulation; default 0, loopback)",
  ].join('\n'),
  { runs: { type: 'string' }, trace: { type: 'boolean', default: false }, latency: { type: 'string' } },
);
const runs = numberOption(values.runs, values.quick ? 1 : 3, 'runs');
const latency = numberOption(values.latency, 0, 'latency');
const SIZES = [1_000, 10_000];
const PROBE = fileURLToPath(new URL('./page-probe.js', import.meta.url));

type LongTasks = { start: number; duration: number }[];

/** What page-probe.js offers in the page. */
declare global {
  interface Window {
    riposteBench: {
      figures: {
        requestStart: number | null;
        responseEnd: number | null;
        loaded: number | null;
        firstDrawn: number | null;
        longTasks: LongTasks;
      };
      countElements(): { elements: number; comments: number };
      countDrawn(): { comments: number; at: number };
      scrollToBottom(): Promise<{ ms: number; frames: number; slowFrames: number; longestFrame: number; bottom: boolean }>;
      showMore(): Promise<{ ms: number; added: number; pressedAt: number } | null>;
    };
  }
}

function blogPage(server: string, page: string): string {
  const paragraph = '<p>A blog post long enough to read for a moment before the comments, as on any blog. '.repeat(3);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Bench post</title></head><body style="max-width:46rem;margin:auto;font:18px/1.5 Georgia,serif">
<article><h1>Bench post</h1>${paragraph}</article>
<script type="module" src="${server}/embed.js"></script>
<riposte-thread page-id="${page}"></riposte-thread></body></html>`;
}

printHeader(
  `Big threads in Chromium: first comments drawn, DOM size, smoothness while scrolling${latency ? `; every request ${latency} ms away` : ''}`,
  checkout,
);
const dir = tempDir();
const blogPort = await freePort();
const blogOrigin = `http://127.0.0.1:${blogPort}`;
try {
  const db = join(dir.path, 'riposte.db');
  await writeExportFile(
    join(dir.path, 'seed.json'),
    SIZES.map((size) => ({ key: `browser-${size}`, comments: size })),
  );
  await cli(checkout, ['import', 'riposte', join(dir.path, 'seed.json')], { RIPOSTE_DB: db });
  const server = await serve(checkout, { db, env: { RIPOSTE_ORIGINS: blogOrigin } });
  const embed = await fetch(`${server.url}/embed.js`);
  if (!embed.ok)
    throw new Error(`${server.url}/embed.js answers ${embed.status}: build the widget first (npm run build in ${checkout.dir}).`);
  const blog = createServer((req, res) => {
    const url = new URL(req.url ?? '/', blogOrigin);
    const html =
      url.pathname === '/blank' ? '<!doctype html><p>A page without Riposte.' : blogPage(server.url, url.searchParams.get('page') ?? '');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((listening) => blog.listen(blogPort, '127.0.0.1', listening));
  const browser = await launchChromium();
  try {
    const intl = [];
    for (let run = 0; run < 3; run++) intl.push(await firstIntlUse());
    console.log(
      `Chromium's first localised number in a fresh page (its ICU data; any Intl use pays it once, a date as much): ${ms(median(intl))} (each: ${intl.map(ms).join(', ')}). ` +
        "The widget pays it right after sending the thread's request, so it counts below wherever the answer comes sooner.",
    );
    for (const size of SIZES) {
      const firsts: number[] = [];
      const settles: number[] = [];
      const sinceStart: number[] = [];
      let last: Awaited<ReturnType<typeof measure>> | undefined;
      for (let run = 0; run < runs; run++) {
        last = await measure(`browser-${size}`, run === runs - 1);
        firsts.push(last.firstDrawn);
        settles.push(last.settled);
        sinceStart.push(last.sinceStart);
      }
      const l = last!;
      console.log(`\nThread of ${count(size)} comments (${runs} page load${runs > 1 ? 's' : ''}, ${machineLoad()}):`);
      console.log(`  answer ${count(l.bytes)} B of JSON; riposte-loaded ${ms(l.loadedAfter)} after the answer arrived`);
      console.log(`  first comments drawn ${ms(median(firsts))} after the answer (median; each: ${firsts.map(ms).join(', ')})`);
      console.log(
        `  from the start of navigation (median): the thread's request sent at ${ms(l.requestStart)} (last load), its answer ${ms(l.responseEnd)} (last load), first comments drawn ${ms(median(sinceStart))} (each: ${sinceStart.map(ms).join(', ')})`,
      );
      console.log(
        `  drawing settled ${ms(median(settles))} after the answer (no new comment for 1 s; each: ${settles.map(ms).join(', ')})`,
      );
      console.log(
        `  ${count(l.comments)} comments drawn, ${count(l.elements)} elements (shadow trees included), page ${count(l.height)} px tall`,
      );
      console.log(
        `  long tasks (> 50 ms) while the page loads, before the answer: ${describeTasks(l.loadTasks)}; from the answer until drawing settled: ${describeTasks(l.drawTasks)}`,
      );
      console.log(
        `  scrolling to the bottom, 0.9 screen a frame: ${ms(l.scroll.ms)}${l.scroll.bottom ? '' : ' (stopped after a minute, not at the bottom)'}, ${l.scroll.frames} frames, ${l.scroll.slowFrames} over 50 ms (longest ${ms(l.scroll.longestFrame)}); long tasks: ${describeTasks(l.scrollTasks)}`,
      );
      console.log(
        l.more
          ? `  "Show more comments": the first ${count(l.more.added)} new comments drawn ${ms(l.more.ms)} after the press (request included), ${count(l.more.total)} in all ${ms(l.more.settled)} after it; long tasks until then: ${describeTasks(l.moreTasks)}`
          : '  "Show more comments": none (the whole thread is drawn)',
      );
      if (values.trace) {
        const traced = await measure(`browser-${size}`, false, true);
        console.log(
          `  traced load (trace in ${traced.traceFile}, for DevTools' Performance panel): first comments drawn ${ms(traced.firstDrawn)} after the answer; from the answer to them:`,
        );
        for (const line of traced.breakdown) console.log(`    ${line}`);
      }
    }
  } finally {
    await browser.close();
    blog.close();
    await server.stop();
  }

  /** How long a fresh page's first `Intl` object takes to make (ms). */
  async function firstIntlUse(): Promise<number> {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${blogOrigin}/blank`);
    const took = await tab.evaluate(() => {
      const start = performance.now();
      new Intl.NumberFormat('en').format(1_000);
      return performance.now() - start;
    });
    await context.close();
    return took;
  }

  async function measure(page: string, full: boolean, trace = false) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const tab = await context.newPage();
    // A reader's network: the request leaves as soon as on loopback, and its answer comes `latency` later.
    if (latency)
      await (await context.newCDPSession(tab)).send('Network.emulateNetworkConditions', {
        offline: false,
        latency,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
    await tab.addInitScript({ path: PROBE });
    if (trace) await browser.startTracing(tab, { categories: TRACE_CATEGORIES });
    const answer = tab.waitForResponse((res) => res.url().includes('/api/v1/threads'), { timeout: 120_000 });
    await tab.goto(`${blogOrigin}/?page=${encodeURIComponent(page)}`);
    await tab.waitForFunction(
      () => window.riposteBench.figures.firstDrawn !== null && window.riposteBench.figures.responseEnd !== null,
      null,
      {
        timeout: 120_000,
      },
    );
    // Its size is read only now: fetching the body through the DevTools protocol takes Chromium's
    // time, which while the comments draw would count against them.
    const bytes = (await (await answer).body()).length;
    const settledAt = await settle(tab);
    const figures = await tab.evaluate(() => window.riposteBench.figures);
    const responseEnd = figures.responseEnd!;
    const traced = trace ? (await browser.stopTracing()).toString('utf8') : '';
    const traceFile = join(tmpdir(), `riposte-trace-${page}.json`);
    if (traced) writeFileSync(traceFile, traced);
    const result = {
      bytes,
      loadedAfter: (figures.loaded ?? Number.NaN) - responseEnd,
      firstDrawn: figures.firstDrawn! - responseEnd,
      requestStart: figures.requestStart ?? Number.NaN,
      responseEnd,
      sinceStart: figures.firstDrawn!,
      settled: settledAt - responseEnd,
      loadTasks: figures.longTasks.filter((task) => task.start < responseEnd),
      drawTasks: figures.longTasks.filter((task) => task.start >= responseEnd),
      ...(await tab.evaluate(() => window.riposteBench.countElements())),
      height: await tab.evaluate(() => document.documentElement.scrollHeight),
      scroll: { ms: Number.NaN, frames: 0, slowFrames: 0, longestFrame: Number.NaN, bottom: false },
      scrollTasks: [] as LongTasks,
      more: null as { ms: number; added: number; total: number; settled: number } | null,
      moreTasks: [] as LongTasks,
      traceFile,
      breakdown: traced
        ? describeBreakdown(breakdown(traced, 'riposte-first-drawn', figures.firstDrawn!, responseEnd, figures.firstDrawn!), ms)
        : [],
    };
    if (full) {
      const loadTasks = figures.longTasks.length;
      result.scroll = await tab.evaluate(() => window.riposteBench.scrollToBottom());
      const tasks = await tab.evaluate(() => window.riposteBench.figures.longTasks);
      result.scrollTasks = tasks.slice(loadTasks);
      const drawn = (await tab.evaluate(() => window.riposteBench.countDrawn())).comments;
      const first = await tab.evaluate(() => window.riposteBench.showMore());
      if (first) {
        // The page's comments draw over a few frames: until no new one came for a second.
        const settled = await settle(tab);
        const total = (await tab.evaluate(() => window.riposteBench.countDrawn())).comments - drawn;
        result.more = { ms: first.ms, added: first.added, total, settled: settled - first.pressedAt };
      }
      result.moreTasks = (await tab.evaluate(() => window.riposteBench.figures.longTasks)).slice(tasks.length);
    }
    await context.close();
    return result;
  }
} finally {
  dir.remove();
}

/** Waits until the number of comments drawn has not changed for a second; returns when it last changed (performance.now()). */
async function settle(tab: Page): Promise<number> {
  let drawn = -1;
  let settledAt = 0;
  for (let stable = 0; stable < 5; ) {
    await tab.waitForTimeout(200);
    const now = await tab.evaluate(() => window.riposteBench.countDrawn());
    if (now.comments === drawn) stable++;
    else [stable, drawn, settledAt] = [0, now.comments, now.at];
  }
  return settledAt;
}

function describeTasks(tasks: LongTasks): string {
  if (tasks.length === 0) return 'none';
  return `${tasks.length}, longest ${ms(Math.max(...tasks.map((t) => t.duration)))}, total ${ms(tasks.reduce((sum, t) => sum + t.duration, 0))}`;
}
