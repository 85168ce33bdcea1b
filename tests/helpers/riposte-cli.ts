/** Running the `riposte` command in tests as a user would: a real process, with temporary folders removed after each test. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import { tempDir } from './test-app.ts';

export const RIPOSTE = fileURLToPath(new URL('../../bin/riposte.js', import.meta.url));

/** The environment without the developer's own RIPOSTE_* settings, so only what a test gives counts. */
export function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('RIPOSTE_')));
}

/** Runs `riposte ARGS` to its end (stdin `input`, if any) and returns its exit status and output. */
export function riposte(args: string[], input?: string) {
  return spawnSync(process.execPath, [RIPOSTE, ...args], { input, encoding: 'utf8', timeout: 30_000, env: cleanEnv() });
}

/** A temporary folder for the current test, removed when it finishes. */
export function testDir(): ReturnType<typeof tempDir> {
  const dir = tempDir();
  onTestFinished(() => dir.remove());
  return dir;
}
