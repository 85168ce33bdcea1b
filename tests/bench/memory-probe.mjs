// Loaded into the measured server with `node --import` (plain JavaScript: it runs before any TypeScript loader).
// On SIGUSR2 it writes the process's own view of its memory to $BENCH_MEMORY_PROBE_FILE, and with
// $BENCH_MEMORY_SNAPSHOT_DIR set also a V8 heap snapshot there (open it in Chrome's DevTools, Memory tab).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import v8 from 'node:v8';

const file = process.env.BENCH_MEMORY_PROBE_FILE;
const snapshotDir = process.env.BENCH_MEMORY_SNAPSHOT_DIR;
const require = createRequire(import.meta.url);

/** CommonJS packages loaded so far, by name (ES modules leave no such trace without a loader hook). */
function commonJsPackages() {
  const counts = {};
  for (const path of Object.keys(require.cache)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const name = match ? match[1] : '(own files)';
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

process.on('SIGUSR2', () => {
  const before = process.memoryUsage();
  // --expose-gc is passed by the benchmark: what is still reachable, without garbage waiting for a collection.
  globalThis.gc?.();
  const after = process.memoryUsage();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((space) => [space.space_name, space.space_used_size]));
  const snapshot = snapshotDir ? v8.writeHeapSnapshot(`${snapshotDir}/riposte-${process.pid}-${Date.now()}.heapsnapshot`) : null;
  writeFileSync(file, JSON.stringify({ before, after, spaces, commonJs: commonJsPackages(), snapshot }));
});
