#!/usr/bin/env -S node --max-semi-space-size=2 --max-old-space-size=1024
// The `riposte` command. It runs the server's build (dist/server/, made by `npm run build`)
// while that is up to date with every source file it was made from; otherwise (no build yet,
// or TypeScript edited since) it runs the TypeScript itself through tsx, slower to start.
// The node flags above (also in package.json's start and serve) keep V8's young generation at
// 2 MB and its old one from growing far ahead of what is live: about 30 MB less under load
// (README, Self-hosting). `node bin/riposte.js` without them works the same, with more memory.
import { readFileSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const build = new URL('dist/server/', root);

function buildIsCurrent() {
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(new URL('inputs.json', build), 'utf8'));
    return inputs.every((file) => statSync(new URL(file, root)).mtimeMs <= builtAt);
  } catch {
    return false; // no build, or a source file it was made from is gone
  }
}

let cli = new URL('cli.js', build);
let demo = new URL('start-demo.js', build);
if (!buildIsCurrent()) {
  (await import('tsx/esm/api')).register();
  cli = new URL('server/cli.ts', root);
  demo = new URL('demo/start-demo.ts', root);
}
const { main } = await import(cli.href);
// The demo sits beside the server, not inside it: `riposte demo` gets it from here, loaded only then.
const startDemo = async (config) => (await import(demo.href)).startDemo(config);
await main(process.argv.slice(2), startDemo).catch((err) => {
  console.error(err);
  process.exit(1);
});
