/** Running the `riposte` command in tests as a user would: a real process, with temporary folders removed after each test. */
import { spawn, spawnSync } from 'node:child_process';
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

/** `riposte ARGS` started in the background: its output so far, a wait for a line of it, and its exit code. */
export function startRiposte(args: string[]) {
  const child = spawn(process.execPath, [RIPOSTE, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: cleanEnv() });
  onTestFinished(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  let output = '';
  const seen: (() => void)[] = [];
  const take = (chunk: Buffer) => {
    output += chunk;
    for (const check of seen) check();
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return {
    child,
    exited,
    output: () => output,
    /** The first match of `pattern` in the output; fails if the process ends first. */
    waitFor(pattern: RegExp): Promise<RegExpExecArray> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output);
          if (match) resolve(match);
        };
        seen.push(check);
        check();
        void exited.then(() => reject(new Error(`riposte ${args[0]} ended before printing ${pattern}:\n${output}`)));
      });
    },
  };
}
