/** The `riposte` command: `serve` runs the comment server, `demo` adds the demo blog beside it. */
import { fileURLToPath } from 'node:url';
import { startDemoBlog } from '../demo/demo-server.ts';
import { ConfigError, loadConfig, settingsHelp, type Config } from './config.ts';
import { seedDemoThread } from './demo-seed.ts';
import { startServer } from './main.ts';

const USAGE = `Usage: riposte <command> [options]

Commands:
  serve    Run the comment server.
  demo     Run the comment server and a demo blog on another port (seeded at first start).
  help     Show this text.

Options for serve and demo (each also an environment variable; flags win):
${settingsHelp()}
`;

const DEMO_SEED = fileURLToPath(new URL('../demo/seed-thread.json', import.meta.url));

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
  const server = await startServer(config);
  console.log(`Riposte comment server: ${server.url} (database ${config.dbFile})`);
  console.log(`Embed with: <script type="module" src="${config.publicUrl}/embed.js"></script> <riposte-thread></riposte-thread>`);
  closeOnSignal(server.close);
}

async function demoCommand(config: Config): Promise<void> {
  const demoOrigin = `http://${config.host}:${config.demoPort}`;
  const server = await startServer({ ...config, origins: [...config.origins, demoOrigin] });
  const blog = await startDemoBlog(config.host, config.demoPort, server.url);
  const seeded = seedDemoThread(server.store, DEMO_SEED, blog.url);
  console.log(`Riposte comment server: ${server.url} (database ${config.dbFile})`);
  console.log(`Demo blog:              ${blog.url}${seeded ? ` (seeded with ${seeded} comments)` : ''}`);
  console.log('Press Ctrl-C to stop.');
  closeOnSignal(async () => {
    await blog.close();
    await server.close();
  });
}

export async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  if (!command || command === 'help' || command === '--help' || command === '-h' || rest.includes('--help')) {
    console.log(USAGE);
    return;
  }
  if (command !== 'serve' && command !== 'demo') {
    console.error(`riposte: unknown command "${command}".\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  let config: Config;
  try {
    config = loadConfig(rest, process.env);
  } catch (err) {
    if (!(err instanceof ConfigError || (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')))) throw err;
    console.error(`riposte: ${err.message}\nRun "riposte ${command} --help" for the options.`);
    process.exitCode = 2;
    return;
  }
  await (command === 'serve' ? serveCommand(config) : demoCommand(config));
}
