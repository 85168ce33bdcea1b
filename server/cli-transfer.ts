/**
 * `riposte import wordpress|disqus|riposte FILE [--site S]` and `riposte export [FILE]`:
 * moving comments in from another system, and everything out again.
 */
import { createReadStream, createWriteStream, existsSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as v from 'valibot';
import { DEFAULT_SITE } from '../shared/limits.ts';
import { siteIdSchema } from '../shared/schemas.ts';
import { ConfigError, loadConfig } from './config.ts';
import { riposteExport } from './export/riposte-export.ts';
import { describeSummary, IMPORT_FORMATS, type ImportFormat } from './import/import-summary.ts';
import { printable } from './import/printable.ts';
import { openToolStore } from './cli-store.ts';
import { isPostgresUrl } from './store/index.ts';

export const TRANSFER_USAGE = `  import wordpress|disqus|riposte FILE [--site SITE]
           Import a WordPress export (WXR), a Disqus export, or restore a Riposte export
           (into an empty database). Comments go to SITE (default "default"; made if
           missing). Running it again with the same file adds nothing.
  export [FILE] [--with-hash-key]
           Write every site, user, thread, comment, like, ban and audit entry as JSON to FILE
           (made readable by its owner only) or to standard output; safe while the
           server runs. --with-hash-key adds the server's hashing key (to move a server
           keeping avatars, likes and sender hashes; with it, IP hashes can be reversed).`;

/** Who the admin view's Log names for what was done at the command line: the system user (a uid with no name in a container). */
export function commandLine(): string {
  try {
    return `command line (${userInfo().username})`;
  } catch {
    return `command line (uid ${process.getuid?.() ?? 'unknown'})`;
  }
}

const isFormat = (value: string | undefined): value is ImportFormat => IMPORT_FORMATS.some((format) => format === value);

/** Takes `--site S` / `--site=S` out of the arguments (the other flags are the server's settings). */
function takeSite(args: string[]): { site: string; rest: string[] } {
  const rest: string[] = [];
  let site = DEFAULT_SITE;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--site') site = args[++i] ?? '';
    else if (arg.startsWith('--site=')) site = arg.slice('--site='.length);
    else rest.push(arg);
  }
  const checked = v.safeParse(siteIdSchema, site);
  if (!checked.success) throw new ConfigError(`--site: ${checked.issues[0].message}`);
  return { site: checked.output, rest };
}

export async function importCommand(args: string[]): Promise<void> {
  const { site, rest } = takeSite(args);
  const { config, positionals } = loadConfig(rest, process.env);
  const [format, file, extra] = positionals;
  if (!isFormat(format))
    throw new ConfigError(`import needs a format, one of ${IMPORT_FORMATS.join(', ')}: riposte import wordpress export.xml`);
  if (!file) throw new ConfigError(`import needs a file: riposte import ${format} FILE`);
  if (extra) throw new ConfigError(`unexpected argument "${extra}".`);
  if (!existsSync(file)) throw new ConfigError(`there is no file ${file}.`);

  const store = await openToolStore(config);
  try {
    const now = new Date();
    await store.sites.ensure(DEFAULT_SITE, 'Default site', now.toISOString());
    const progress = progressLine();
    const { importComments } = await import('./import/import-comments.ts');
    const summary = await importComments(store, {
      now,
      format,
      input: createReadStream(file),
      site,
      sourceName: file,
      onProgress: progress.update,
    });
    progress.done();
    // A restore is an exact copy, its Log included; an import into a running site is in the Log, as the admin view's are.
    if (format !== 'riposte') {
      const counts = `${summary.comments.imported} comments imported, ${summary.threads.created} threads created`;
      await store.audit.add(commandLine(), 'import', null, `${format} ${printable(file)} into ${site}: ${counts}`, now.toISOString());
    }
    console.log(describeSummary(summary, file));
  } finally {
    await store.close();
  }
}

export async function exportCommand(args: string[]): Promise<void> {
  const hashKey = args.includes('--with-hash-key');
  const { config, positionals } = loadConfig(
    args.filter((arg) => arg !== '--with-hash-key'),
    process.env,
  );
  const [file, extra] = positionals;
  if (extra) throw new ConfigError(`unexpected argument "${extra}".`);
  if (file && existsSync(file)) throw new ConfigError(`${file} exists already; choose a new file so nothing is overwritten.`);
  if (!isPostgresUrl(config.dbFile) && !existsSync(config.dbFile)) {
    throw new ConfigError(`there is no database at ${config.dbFile} (set --db or RIPOSTE_DB).`);
  }

  const store = await openToolStore(config);
  const { description } = store;
  const now = new Date();
  // Owner-only: the file holds readers' emails (and, if asked for, the hashing key, with which IP hashes can be reversed by trying every IPv4 address).
  const target: Writable = file ? createWriteStream(file, { flags: 'wx', mode: 0o600 }) : process.stdout;
  try {
    try {
      await pipeline(Readable.from(riposteExport(store, now, { hashKey })), target, { end: Boolean(file) });
    } catch (err) {
      if (file) rmSync(file, { force: true });
      throw err;
    }
    // Logged once written, so the file does not hold its own entry (a restore of it exports the same file again).
    const detail = `to ${file ? printable(file) : 'standard output'}${hashKey ? ' (with the hashing key)' : ''}`;
    await store.audit.add(commandLine(), 'export', null, detail, now.toISOString());
  } finally {
    await store.close();
  }
  if (file) console.error(`Exported ${description} to ${resolve(file)}.`);
}

/** "12.3 MB read, 4,500 comments" on one rewritten line, when a person watches (stderr is a terminal). */
function progressLine() {
  let last = 0;
  let shown = false;
  return {
    update: ({ bytes, comments }: { bytes: number; comments: number }) => {
      if (!process.stderr.isTTY || Date.now() - last < 250) return;
      last = Date.now();
      shown = true;
      process.stderr.write(`\r${(bytes / 1e6).toFixed(1)} MB read, ${comments.toLocaleString('en')} comments imported…`);
    },
    done: () => {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}
