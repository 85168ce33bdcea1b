#!/usr/bin/env node
// The `riposte` command. The source is TypeScript, run through tsx so there is no server build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli.ts');
await main(process.argv.slice(2)).catch((err) => {
  console.error(err);
  process.exit(1);
});
