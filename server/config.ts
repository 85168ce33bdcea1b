/**
 * Server settings from command-line flags and RIPOSTE_* environment variables (flags win),
 * validated at start with messages a self-hoster can act on.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { authSettingsHelp, loadAuthConfig, type AuthConfig } from './auth/auth-config.ts';
import { loadMailConfig, mailSettingsHelp, type MailConfig } from './mail/mail-config.ts';
import { loadOutboxSettings, outboxSettingsHelp, type OutboxSettings } from './outbox/outbox-settings.ts';
import { isPostgresUrl } from './store/index.ts';
import { THREAD_CACHE_BYTES } from './threads/thread-cache.ts';

export interface Config {
  host: string;
  port: number;
  /** Path of the SQLite file (its folder is created if missing), or a PostgreSQL database's postgres:// URL. */
  dbFile: string;
  /** Whether the public URL was set (--public-url / RIPOSTE_PUBLIC_URL) rather than made from host and port. */
  publicUrlGiven: boolean;
  /** How long a client may take to send a whole request (0: no limit but the header timeout). */
  requestTimeoutMs: number;
  /** The database's size cap in bytes (0: none but the disk's). */
  dbMaxBytes: number;
  /** PostgreSQL: connections this process may open to the database. */
  dbPool: number;
  /** What the cache of thread answers may hold, in bytes (0: nothing is cached). */
  cacheBytes: number;
  /** The address readers reach the server at; links in feeds use it. */
  publicUrl: string;
  /** Origins allowed to embed the default site (CORS). */
  origins: string[];
  /** Take the client IP from X-Forwarded-For (only behind a reverse proxy you run). */
  trustProxy: boolean;
  /** Writes (comments, likes) one IP may make per minute; 0 turns the limit off. */
  writesPerMinute: number;
  /** Live update streams one IP may hold open at once; 0 turns live updates off. */
  liveStreams: number;
  /** Live update streams this process holds open in all (each about 40 KB). */
  liveStreamsTotal: number;
  /** Port of the demo blog, for `riposte demo`. */
  demoPort: number;
  /** Sign-in providers, roles and session lifetime (environment variables only). */
  auth: AuthConfig;
  /** The SMTP server and From address (environment variables only); null: mail is off. */
  mail: MailConfig | null;
  /** How the outbox sends mail, webhooks and Webmention verifications (environment variables only). */
  outbox: OutboxSettings;
}

/** One entry per setting: flag name, environment variable, help text, default. */
export const SETTINGS = [
  { flag: 'host', env: 'RIPOSTE_HOST', help: 'Address to listen on.', fallback: '127.0.0.1' },
  { flag: 'port', env: 'RIPOSTE_PORT', help: 'Port to listen on.', fallback: '8787' },
  {
    flag: 'db',
    env: 'RIPOSTE_DB',
    help: 'SQLite database file (WAL mode; folder created if missing), or a PostgreSQL database as postgres://USER:PASSWORD@HOST:PORT/NAME.',
    fallback: './data/riposte.db',
  },
  { flag: 'db-pool', env: 'RIPOSTE_DB_POOL', help: 'PostgreSQL: connections this server may open to the database.', fallback: '10' },
  {
    flag: 'public-url',
    env: 'RIPOSTE_PUBLIC_URL',
    help: 'Public address of this server, used in feed links.',
    fallback: 'http://HOST:PORT',
  },
  {
    flag: 'origins',
    env: 'RIPOSTE_ORIGINS',
    help: 'Comma-separated origins allowed to embed the default site, e.g. https://blog.example.com.',
    fallback: '',
  },
  {
    flag: 'trust-proxy',
    env: 'RIPOSTE_TRUST_PROXY',
    help: 'Use X-Forwarded-For for client IPs (true/false; only behind your own proxy).',
    fallback: 'false',
  },
  {
    flag: 'rate-limit',
    env: 'RIPOSTE_RATE_LIMIT',
    help: 'Writes (comments, likes) one IP may make per minute; 0 turns it off.',
    fallback: '20',
  },
  {
    flag: 'live-streams',
    env: 'RIPOSTE_LIVE_STREAMS',
    help: 'Live update streams (pages and tabs with a thread open) one IP may hold open at once; 0 turns live updates off.',
    fallback: '20',
  },
  {
    flag: 'live-streams-total',
    env: 'RIPOSTE_LIVE_STREAMS_TOTAL',
    help: 'Live update streams the server holds open in all (about 40 KB each); past it, pages read and post without live updates.',
    fallback: '5000',
  },
  {
    flag: 'request-timeout',
    env: 'RIPOSTE_REQUEST_TIMEOUT',
    help: 'Seconds a client may take to send a whole request (headers: 10 at most); slower ones get 408. Raise it for large admin uploads over slow links.',
    fallback: '60',
  },
  {
    flag: 'db-max-mb',
    env: 'RIPOSTE_DB_MAX_MB',
    help: 'Largest the database may grow, in MB: writes past it are refused with 507 "storage full" (reads go on); 0: only the disk limits it.',
    fallback: '0',
  },
  {
    flag: 'cache-mb',
    env: 'RIPOSTE_CACHE_MB',
    help: 'Memory for ready-made thread answers, in MB (least recently read go first; a thread must fit whole to be kept); 0 builds every answer anew.',
    fallback: String(THREAD_CACHE_BYTES / 1024 / 1024),
  },
  { flag: 'demo-port', env: 'RIPOSTE_DEMO_PORT', help: 'Port of the demo blog (riposte demo only).', fallback: '8788' },
] as const;

type SettingName = (typeof SETTINGS)[number]['flag'];

export class ConfigError extends Error {}

function parsePort(value: string, name: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new ConfigError(`${name} must be a port number from 0 to 65535, not "${value}".`);
  return port;
}

function parseCount(value: string, name: string): number {
  if (!/^\d{1,6}$/.test(value)) throw new ConfigError(`${name} must be a whole number, not "${value}".`);
  return Number(value);
}

function parsePoolSize(value: string, name: string): number {
  const size = Number(value);
  if (!/^\d{1,4}$/.test(value) || size < 1)
    throw new ConfigError(`${name} must be a whole number of connections, 1 or more, not "${value}".`);
  return size;
}

function parseOrigin(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name}: "${value}" is not an origin such as https://blog.example.com.`);
  }
  // The URL parser lower-cases scheme and host, so compare the same way.
  if (!/^https?:$/.test(url.protocol) || url.origin !== value.replace(/\/$/, '').toLowerCase()) {
    throw new ConfigError(`${name}: "${value}" must be a scheme, host and optional port only, such as https://blog.example.com.`);
  }
  return url.origin;
}

/**
 * The SQLite file, resolved. A URL (`mysql://…`, `file:…`) is refused rather than taken for a
 * file named after it; `postgres://` URLs are left to the PostgreSQL store.
 */
function parseDbPath(value: string, name: string): string {
  if (isPostgresUrl(value)) return value;
  if (/^[a-z][a-z0-9+.-]+:/i.test(value)) {
    throw new ConfigError(`${name} must be a SQLite file path such as ./data/riposte.db or a postgres:// URL, not "${value}".`);
  }
  const file = resolve(value);
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw new ConfigError(`${name}: ${file} is a folder; name a file in it, e.g. ${join(file, 'riposte.db')}.`);
  }
  return file;
}

function parseBoolean(value: string, name: string): boolean {
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false, not "${value}".`);
}

/** Edit distance, to suggest the flag a typo meant. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** node:util's parseArgs, with its errors turned into one line that names the fix. */
function parseFlags(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: Object.fromEntries(SETTINGS.map((s) => [s.flag, { type: 'string' as const }])),
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? err.code : undefined;
    const option = err instanceof Error ? (/'(-[^'\s]+)/.exec(err.message)?.[1] ?? '') : '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const name = option.replace(/^-+/, '').split('=')[0]!;
      const guess = SETTINGS.map((s) => s.flag).find((flag) => distance(flag, name) <= 2);
      throw new ConfigError(`unknown option ${option}${guess ? ` (did you mean --${guess}?)` : ''}.`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new ConfigError(`option ${option} needs a value.`);
    throw err;
  }
}

/** Reads the settings (and any plain arguments); throws ConfigError with a readable message on bad input. */
export function loadConfig(argv: string[], env: NodeJS.ProcessEnv): { config: Config; positionals: string[] } {
  const { values, positionals } = parseFlags(argv);
  const raw = (name: SettingName): string => {
    const setting = SETTINGS.find((s) => s.flag === name)!;
    const value = values[name] ?? env[setting.env];
    return typeof value === 'string' && value !== '' ? value : setting.fallback;
  };
  const host = raw('host');
  const port = parsePort(raw('port'), '--port / RIPOSTE_PORT');
  const publicUrlRaw = raw('public-url');
  const publicUrl =
    publicUrlRaw === 'http://HOST:PORT'
      ? `http://${host.includes(':') ? `[${host}]` : host}:${port}`
      : parseOrigin(publicUrlRaw.replace(/\/$/, ''), '--public-url / RIPOSTE_PUBLIC_URL');
  const config: Config = {
    host,
    port,
    publicUrlGiven: publicUrlRaw !== 'http://HOST:PORT',
    dbFile: parseDbPath(raw('db'), '--db / RIPOSTE_DB'),
    dbPool: parsePoolSize(raw('db-pool'), '--db-pool / RIPOSTE_DB_POOL'),
    publicUrl,
    origins: raw('origins')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean)
      .map((o) => parseOrigin(o, '--origins / RIPOSTE_ORIGINS')),
    trustProxy: parseBoolean(raw('trust-proxy'), '--trust-proxy / RIPOSTE_TRUST_PROXY'),
    writesPerMinute: parseCount(raw('rate-limit'), '--rate-limit / RIPOSTE_RATE_LIMIT'),
    liveStreams: parseCount(raw('live-streams'), '--live-streams / RIPOSTE_LIVE_STREAMS'),
    liveStreamsTotal: parseCount(raw('live-streams-total'), '--live-streams-total / RIPOSTE_LIVE_STREAMS_TOTAL'),
    requestTimeoutMs: parseCount(raw('request-timeout'), '--request-timeout / RIPOSTE_REQUEST_TIMEOUT') * 1000,
    dbMaxBytes: parseCount(raw('db-max-mb'), '--db-max-mb / RIPOSTE_DB_MAX_MB') * 1024 * 1024,
    cacheBytes: parseCount(raw('cache-mb'), '--cache-mb / RIPOSTE_CACHE_MB') * 1024 * 1024,
    demoPort: parsePort(raw('demo-port'), '--demo-port / RIPOSTE_DEMO_PORT'),
    auth: loadAuthConfig(env),
    mail: loadMailConfig(env),
    outbox: loadOutboxSettings(env),
  };
  return { config, positionals };
}

/** The text of `riposte serve --help`'s settings list. */
export function settingsHelp(): string {
  const flags = SETTINGS.map((s) => `  --${s.flag.padEnd(12)} ${s.env.padEnd(20)} ${s.help} (default: ${s.fallback || 'none'})`).join('\n');
  const signIn = `Sign-in (environment variables only; callback URL to register: PUBLIC_URL/auth/<id>/callback):\n${authSettingsHelp()}`;
  const mail = `Mail (environment variables only; with none of them set, mail is off):\n${mailSettingsHelp()}`;
  const outbox = `Outbox (mail, webhooks, Webmention; environment variables only):\n${outboxSettingsHelp()}`;
  return `${flags}\n\n${signIn}\n\n${mail}\n\n${outbox}`;
}
