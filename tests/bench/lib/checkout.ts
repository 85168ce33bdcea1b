/**
 * The Riposte checkout a benchmark measures, driven only from outside: its command line
 * (`node bin/riposte.js ...`) as child processes and its HTTP API over loopback. Nothing here
 * imports the server's modules, so one benchmark script measures an old and a new checkout
 * alike. Choose it with `--checkout DIR` or RIPOSTE_BENCH_CHECKOUT (default: this repository).
 */
import { execFileSync, spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../helpers/free-port.ts';

/** This repository's root (where the benchmark scripts live). */
export const BENCH_REPO = fileURLToPath(new URL('../../../', import.meta.url));

export interface Checkout {
  dir: string;
  /** The commit, with "-modified" when the server's files differ from it (changes to tests or docs do not count). */
  label: string;
  /**
   * Names what the server's code would make of generated data (a database built by its import):
   * the git tree of server/ and shared/, so a commit that changes only tests or docs reuses it.
   */
  dataKey: string;
}

export function resolveCheckout(flag: string | undefined): Checkout {
  const dir = resolve(flag ?? process.env.RIPOSTE_BENCH_CHECKOUT ?? BENCH_REPO);
  if (!existsSync(join(dir, 'bin', 'riposte.js'))) throw new Error(`${dir} is not a Riposte checkout (no bin/riposte.js).`);
  if (!existsSync(join(dir, 'node_modules'))) throw new Error(`${dir} has no node_modules: run npm ci there first.`);
  return { dir, ...describeCommit(dir) };
}

function describeCommit(dir: string): Pick<Checkout, 'label' | 'dataKey'> {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  let commit: string;
  try {
    commit = git('rev-parse', '--short=10', 'HEAD');
  } catch {
    // Not a git checkout (an unpacked archive): no commit to name, so the folder names it.
    const folder = `no-git-${createHash('sha256').update(dir).digest('hex').slice(0, 10)}`;
    return { label: folder, dataKey: folder };
  }
  const modified = git('status', '--porcelain', '--', 'server', 'shared', 'bin', 'package-lock.json') ? '-modified' : '';
  const trees = createHash('sha256')
    .update(git('rev-parse', 'HEAD:server', 'HEAD:shared'))
    .digest('hex')
    .slice(0, 10);
  return { label: `${commit}${modified}`, dataKey: `server-${trees}${modified}` };
}

/** The environment a child gets: ours without any RIPOSTE_* setting of the caller's shell, plus `env`. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('RIPOSTE_')));
  return { ...inherited, RIPOSTE_RATE_LIMIT: '0', ...env };
}

/** Servers and commands still running when the benchmark ends (finished or thrown): none may outlive it. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts node in the checkout; the child is killed if the benchmark exits first. */
function spawnInCheckout(checkout: Checkout, args: string[], env: Record<string, string>, stdio: StdioOptions): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: checkout.dir, env: childEnv(env), stdio });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `node bin/riposte.js ARGS` in the checkout; resolves when it exits (never rejects on exit codes). */
export function runCli(checkout: Checkout, args: string[], env: Record<string, string>, stdin?: string): Promise<CliResult> {
  const started = performance.now();
  const child = spawnInCheckout(checkout, ['bin/riposte.js', ...args], env, 'pipe');
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  child.stdin!.end(stdin ?? '');
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

/** Like runCli, but a non-zero exit is an error carrying what the command printed. */
export async function cli(checkout: Checkout, args: string[], env: Record<string, string>, stdin?: string): Promise<CliResult> {
  const result = await runCli(checkout, args, env, stdin);
  if (result.code !== 0) throw new Error(`riposte ${args.join(' ')} exited ${result.code}:\n${result.stderr}${result.stdout}`);
  return result;
}

export interface RunningRiposte {
  url: string;
  pid: number;
  /** From spawning the process to its first successful HTTP answer. */
  startMs: number;
  /** SIGTERM (the server finishes requests and closes the database), SIGKILL after 15 s; prints the end of its stderr, if any. */
  stop(): Promise<void>;
}

export interface ServeOptions {
  /** The SQLite file (RIPOSTE_DB). */
  db: string;
  /** More RIPOSTE_* settings. */
  env?: Record<string, string>;
  /** More flags for node itself, before bin/riposte.js (e.g. `--import` of a probe). */
  nodeArgs?: string[];
  /** Without the node flags `npm run serve` passes (by default the server runs as that command starts it). */
  plainNode?: boolean;
}

/** The flags for node itself that the checkout's `npm run serve` passes (package.json), if any. */
export function serveFlags({ dir }: Checkout): string[] {
  const { scripts } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts?: { serve?: string } };
  const flags = /^node ((?:--\S+ )*)bin\/riposte\.js serve$/.exec(scripts?.serve ?? '')?.[1] ?? '';
  return flags.split(' ').filter(Boolean);
}

/** Starts `riposte serve` on a free loopback port and waits (up to 5 minutes) for it to answer. */
export async function serve(checkout: Checkout, { db, env = {}, nodeArgs = [], plainNode = false }: ServeOptions): Promise<RunningRiposte> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const settings = { RIPOSTE_HOST: '127.0.0.1', RIPOSTE_PORT: String(port), RIPOSTE_DB: db, ...env };
  const child = spawnInCheckout(checkout, [...(plainNode ? [] : serveFlags(checkout)), ...nodeArgs, 'bin/riposte.js', 'serve'], settings, [
    'ignore',
    'ignore',
    'pipe',
  ]);
  let stderr = '';
  // The end is what matters (the last error); a chatty server must not fill the benchmark's memory.
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk).slice(-20_000)));
  const exited = new Promise<boolean>((done) => child.once('exit', () => done(false)));
  const deadline = Date.now() + 300_000;
  for (;;) {
    // Any version answers this (an unknown page is an empty thread), and it creates nothing.
    const answered = await Promise.race([
      fetch(`${url}/api/v1/threads?page=bench-start`).then(
        (res) => res.ok,
        () => false,
      ),
      exited,
    ]);
    if (answered) break;
    if (child.exitCode !== null) throw new Error(`riposte serve exited ${child.exitCode} before answering:\n${stderr}`);
    if (Date.now() > deadline) throw new Error(`riposte serve did not answer within 5 minutes:\n${stderr}`);
    await new Promise((wait) => setTimeout(wait, 5));
  }
  const startMs = performance.now() - started;
  return {
    url,
    pid: child.pid!,
    startMs,
    stop: async () => {
      if (child.exitCode === null) {
        const closed = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await closed;
        clearTimeout(kill);
      }
      if (stderr.trim()) console.log(`  (the server's stderr ended with:)\n${stderr.trim().slice(-2_000)}`);
    },
  };
}

/** A fresh folder for one run's database, removed by `remove()`. */
export function tempDir(prefix = 'riposte-bench-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Where generated inputs and cached databases live between runs (git-ignored). */
export function cacheDir(...parts: string[]): string {
  const dir = join(BENCH_REPO, '.tmp', 'bench', ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}
