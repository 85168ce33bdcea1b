/**
 * `npm run build`'s last step: bundles the server (server/cli.ts) and the demo
 * (demo/start-demo.ts) into dist/server/, so `riposte` starts without compiling TypeScript
 * (faster, and tsx and esbuild stay out of the server's memory). Packages stay in
 * node_modules. Beside the bundle, inputs.json lists every source file it was made from:
 * bin/riposte.js runs the build only while none of them is newer, else the TypeScript itself.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { projectPath } from './project-root.ts';

/** Two folders below the root, as project-root.ts expects. */
const OUT = projectPath('dist/server');

const startedAt = Date.now();
// Chunk names change with their content: start empty so no earlier chunk lingers.
rmSync(OUT, { recursive: true, force: true });
const result = await build({
  entryPoints: { cli: projectPath('server/cli.ts'), 'start-demo': projectPath('demo/start-demo.ts') },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  metafile: true,
  logLevel: 'warning',
});
// Paths in the metafile are relative to the working directory, which npm sets to the root.
const inputs = Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('node_modules/'));
writeFileSync(`${OUT}/inputs.json`, `${JSON.stringify({ builtAt: startedAt, inputs }, null, 1)}\n`);
console.log(`Server built into dist/server/ from ${inputs.length} source files in ${Date.now() - startedAt} ms.`);
