/** `riposte serve` as a real child process on a free loopback port, for tests that start, stop or kill servers; none outlives its test. */
import { type ChildProcess, spawn } from 'node:child_process';
import { onTestFinished } from 'vitest';
import { freePort } from './free-port.ts';
import { cleanEnv, RIPOSTE } from './riposte-cli.ts';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything it printed so far (standard output and error). */
  output(): string;
  /** Resolves when the process has exited, with its signal (e.g. 'SIGKILL') or exit code. */
  exited: Promise<NodeJS.Signals | number | null>;
}

/** Starts `riposte serve --db DB` with `settings` (RIPOSTE_* variables) and waits until it says where it listens. */
export async function startServerProcess(db: string, settings: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const env = { ...cleanEnv(), RIPOSTE_DB: db, RIPOSTE_HOST: '127.0.0.1', RIPOSTE_PORT: String(port), ...settings };
  const child = spawn(process.execPath, [RIPOSTE, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  onTestFinished(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk;
      if (output.includes(`Riposte comment server: ${url}`)) resolve();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    exited.then((status) => reject(new Error(`riposte serve stopped before listening (${status}):\n${output}`)));
  });
  return { url, child, output: () => output, exited };
}
