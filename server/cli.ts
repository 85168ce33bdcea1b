/**
 * The `riposte` command: `serve` runs the comment server, `demo` adds the demo blog beside it;
 * `backup`, `import`, `export` and `copy` look after the data; `mail test` checks the mail settings.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { adminCommand, ADMIN_USAGE } from './cli-admin.ts';
import { copyCommand, COPY_USAGE } from './cli-copy.ts';
import { siteCommand, SITE_USAGE } from './cli-site.ts';
import { lockWaitNotice } from './cli-store.ts';
import { mailCommand, MAIL_USAGE } from './cli-mail.ts';
import { privacyCommand, PRIVACY_USAGE } from './cli-privacy.ts';
import { renderCommand, RENDER_USAGE } from './cli-render.ts';
import { exportCommand, importCommand, TRANSFER_USAGE } from './cli-transfer.ts';
import { ConfigError, loadConfig, settingsHelp, type Config } from './config.ts';
import { ImportError } from './import/import-error.ts';
import { DEFAULT_WIDGET_DIR, startServer, type RunningServer } from './main.ts';
import { backupDatabase } from './store/backup.ts';
import { isBusy, isFull, isPostgresUrl, type Store } from './store/index.ts';

const USAGE = `Usage: riposte <command> [options]

Commands:
  serve    Run the comment server.
  demo     Run the comment server and a demo blog on another port (seeded at first start).
  backup FILE
           Write a consistent copy of the SQLite database to FILE; safe while the server
           runs (PostgreSQL: use pg_dump, or export).
${TRANSFER_USAGE}
${COPY_USAGE}
${RENDER_USAGE}
${SITE_USAGE}
${ADMIN_USAGE}
${MAIL_USAGE}
${PRIVACY_USAGE}
  help     Show this text.

Options (each also an environment variable; flags win). Every command reads --db; the
others are for serve and demo:
${settingsHelp()}
`;

/** Stops everything on Ctrl-C or SIGTERM; a second Ctrl-C exits at once. */
function closeOnSignal(close: () => Promise<void>): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(130);
    closing = true;
    console.log(`\n${signal}: finishing requests in flight and closing the database…`);
    close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('riposte: error while shutting down:', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

async function serveCommand(config: Config): Promise<void> {
  // Started during an import, it serves readers at once; only a migration that is due waits for the import.
  const server = await startServer(config, DEFAULT_WIDGET_DIR, lockWaitNotice(config.dbFile));
  console.log(`Riposte comment server: ${server.url} (database ${server.store.description})`);
  console.log(`Embed with: <script type="module" src="${config.publicUrl}/embed.js"></script> <riposte-thread></riposte-thread>`);
  console.log(await adminLine(config, server.store));
  closeOnSignal(server.close);
}

/** Where to moderate, and how to get in when nobody can yet. */
async function adminLine(config: Config, store: Store): Promise<string> {
  const nobody = (await store.admins.list()).length === 0 && config.auth.admins.length === 0;
  // Spelled as a newcomer types it (riposte is not on the PATH after npm install), on this database (a URL's password hidden).
  const db = config.dbFile === loadConfig([], {}).config.dbFile ? '' : ` --db ${store.description}`;
  return `Moderate at: ${config.publicUrl}/admin${nobody ? ` (no admin yet: node bin/riposte.js admin add EMAIL${db})` : ''}`;
}

/** What `riposte demo` starts: bin/riposte.js hands in demo/start-demo.ts's, so the server never imports the demo. */
export type StartDemo = (config: Config) => Promise<{ server: RunningServer; blogUrl: string; seeded: number; close(): Promise<void> }>;

async function demoCommand(config: Config, startDemo: StartDemo | undefined): Promise<void> {
  if (!startDemo) throw new ConfigError('the demo is not part of this installation (run it from a checkout: npm start).');
  const demo = await startDemo(config);
  console.log(`Riposte comment server: ${demo.server.url} (database ${demo.server.store.description})`);
  console.log(
    `Demo blog:              ${demo.blogUrl} (${demo.seeded ? `seeded with ${demo.seeded} comments` : 'not seeded now: its database already holds comments'})`,
  );
  console.log(await adminLine(config, demo.server.store));
  console.log('Open the demo blog in your browser. Press Ctrl-C to stop.');
  closeOnSignal(demo.close);
}

async function backupCommand(config: Config, destination: string | undefined): Promise<void> {
  if (!destination) throw new ConfigError('backup needs a file to write, e.g. riposte backup backups/riposte-2026-11-27.db');
  if (isPostgresUrl(config.dbFile)) {
    throw new ConfigError(
      'backup copies a SQLite file; for PostgreSQL use pg_dump (e.g. pg_dump -Fc -f riposte.dump DATABASE_URL), or riposte export FILE for a portable copy.',
    );
  }
  if (existsSync(destination)) throw new ConfigError(`${destination} exists already; choose a new file so no backup is overwritten.`);
  if (!existsSync(config.dbFile)) throw new ConfigError(`There is no database at ${config.dbFile} (set --db or RIPOSTE_DB).`);
  await backupDatabase(config.dbFile, destination);
  console.log(`Backed up ${config.dbFile} to ${resolve(destination)}.`);
}

export async function main(args: string[], startDemo?: StartDemo): Promise<void> {
  const [command, ...rest] = args;
  if (!command || command === 'help' || command === '--help' || command === '-h' || rest.includes('--help')) {
    console.log(USAGE);
    return;
  }
  if (!['serve', 'demo', 'backup', 'import', 'export', 'copy', 'site', 'admin', 'mail', 'render', 'privacy'].includes(command)) {
    console.error(`riposte: unknown command "${command}".\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  try {
    if (command === 'import' || command === 'export') return await (command === 'import' ? importCommand(rest) : exportCommand(rest));
    if (command === 'copy') return await copyCommand(rest);
    if (command === 'render') return await renderCommand(rest);
    const own = command === 'privacy' ? ['--yes', '--markdown'] : [];
    const { config, positionals } = loadConfig(
      rest.filter((arg) => !own.includes(arg)),
      process.env,
    );
    if (command === 'privacy')
      await privacyCommand(config, positionals, { yes: rest.includes('--yes'), markdown: rest.includes('--markdown') });
    else if (command === 'backup') await backupCommand(config, positionals[0]);
    else if (command === 'site') await siteCommand(config, positionals);
    else if (command === 'admin') await adminCommand(config, positionals);
    else if (command === 'mail') await mailCommand(config, positionals);
    else if (positionals.length > 0) throw new ConfigError(`unexpected argument "${positionals[0]}".`);
    else await (command === 'serve' ? serveCommand(config) : demoCommand(config, startDemo));
  } catch (err) {
    // A file that cannot be imported says why and where; options would not help.
    if (err instanceof ImportError) console.error(`riposte: ${err.message}`);
    else console.error(`riposte: ${readableStartError(err)}\nRun "riposte --help" for the options.`);
    process.exitCode = 2;
  }
}

/** Turns the failures a self-hoster can fix into one line; anything else is a bug and keeps its stack. */
function readableStartError(err: unknown): string {
  if (err instanceof ConfigError) return err.message;
  if (isFull(err))
    return 'storage full: the disk (or --db-max-mb / RIPOSTE_DB_MAX_MB) is full; nothing was changed. Make room and try again.';
  if (isBusy(err)) return 'another process (an import?) is writing to the database; nothing was changed. Try again once it has finished.';
  const code = err instanceof Error && 'code' in err ? String(err.code) : '';
  if (code === 'EADDRINUSE') return `${(err as Error).message}: another program uses that port; choose one with --port (or --demo-port).`;
  if (code === 'EACCES') return `${(err as Error).message}: no permission to use that port or file.`;
  throw err;
}
