#!/usr/bin/env node
// The `riposte` command. The source is TypeScript, run through tsx so there is no server build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli.ts');
// The demo sits beside the server, not inside it: `riposte demo` gets it from here, loaded only then.
const startDemo = async (config) => (await import('../demo/start-demo.ts')).startDemo(config);
await main(process.argv.slice(2), startDemo).catch((err) => {
  console.error(err);
  process.exit(1);
});
