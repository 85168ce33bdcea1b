/**
 * Mail settings from RIPOSTE_* environment variables: the SMTP server (one URL, or host, port,
 * user, password and TLS mode) and the From address. None set means mail is off; a half-set
 * or contradictory group stops the server at start with a message naming the variable.
 */
import addressparser from 'nodemailer/lib/addressparser';
import * as v from 'valibot';
import { emailSchema } from '../../shared/schemas.ts';
import { ConfigError } from '../config.ts';

/** How the connection is encrypted: TLS from the first byte, a required STARTTLS upgrade, or none (a relay on this machine). */
export const SMTP_SECURITY = ['tls', 'starttls', 'none'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

export interface MailConfig {
  host: string;
  port: number;
  security: SmtpSecurity;
  /** Both set, or both null (a server that needs no login). */
  user: string | null;
  password: string | null;
  /** The From of every mail, e.g. `{ name: 'Blog comments', address: 'comments@example.com' }`. */
  from: { name: string; address: string };
}

export const MAIL_SETTINGS = [
  {
    env: 'RIPOSTE_SMTP_URL',
    help: 'SMTP server as one URL: smtp://USER:PASSWORD@HOST:587 (STARTTLS) or smtps://USER:PASSWORD@HOST (TLS, port 465).',
    fallback: '',
  },
  { env: 'RIPOSTE_SMTP_HOST', help: 'SMTP server host, instead of RIPOSTE_SMTP_URL.', fallback: '' },
  { env: 'RIPOSTE_SMTP_PORT', help: 'SMTP server port.', fallback: '465 with tls, 587 with starttls, 25 with none' },
  { env: 'RIPOSTE_SMTP_USER', help: 'SMTP login name.', fallback: '' },
  { env: 'RIPOSTE_SMTP_PASSWORD', help: 'SMTP password.', fallback: '' },
  {
    env: 'RIPOSTE_SMTP_SECURE',
    help: 'tls (encrypted from the start), starttls (upgrade required) or none (only for a relay on this machine).',
    fallback: 'tls for smtps:// or port 465, else starttls',
  },
  { env: 'RIPOSTE_MAIL_FROM', help: 'From address of every mail, e.g. "Blog comments <comments@example.com>".', fallback: '' },
] as const;

const DEFAULT_PORTS: Record<SmtpSecurity, number> = { tls: 465, starttls: 587, none: 25 };
const LOOPBACK_HOSTS = /^(127(\.\d{1,3}){3}|localhost|::1)$/i;

function readEnv(env: NodeJS.ProcessEnv, name: (typeof MAIL_SETTINGS)[number]['env']): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function parseSecurity(value: string, name: string): SmtpSecurity {
  const security = SMTP_SECURITY.find((s) => s === value.toLowerCase());
  if (!security) throw new ConfigError(`${name} must be tls, starttls or none, not "${value}".`);
  return security;
}

function parsePort(value: string, name: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1 || Number(value) > 65535) {
    throw new ConfigError(`${name} must be a port number from 1 to 65535, not "${value}".`);
  }
  return Number(value);
}

/** The server part of the settings, from RIPOSTE_SMTP_URL. */
function fromUrl(value: string, securityEnv: string | undefined): Omit<MailConfig, 'from'> {
  const shown = value.replace(/\/\/[^@/]*@/, '//…@');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`RIPOSTE_SMTP_URL: "${shown}" is not a URL such as smtp://user:password@mail.example.com:587.`);
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new ConfigError(`RIPOSTE_SMTP_URL: "${shown}" must start with smtp:// (STARTTLS) or smtps:// (TLS).`);
  }
  if (!url.hostname || (url.pathname !== '' && url.pathname !== '/') || url.search || url.hash) {
    throw new ConfigError(`RIPOSTE_SMTP_URL: "${shown}" must be smtp(s)://[USER:PASSWORD@]HOST[:PORT] and nothing more.`);
  }
  const scheme: SmtpSecurity = url.protocol === 'smtps:' ? 'tls' : 'starttls';
  const security = securityEnv ? parseSecurity(securityEnv, 'RIPOSTE_SMTP_SECURE') : scheme;
  if (scheme === 'tls' && security !== 'tls') {
    throw new ConfigError(`RIPOSTE_SMTP_SECURE=${security} contradicts RIPOSTE_SMTP_URL's smtps:// (TLS); use smtp:// for ${security}.`);
  }
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  if (Boolean(user) !== Boolean(password)) {
    throw new ConfigError('RIPOSTE_SMTP_URL must have both a user and a password (smtp://USER:PASSWORD@HOST), or neither.');
  }
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? parsePort(url.port, 'RIPOSTE_SMTP_URL') : DEFAULT_PORTS[security],
    security,
    user: user || null,
    password: password || null,
  };
}

/** The server part of the settings, from RIPOSTE_SMTP_HOST and its companions. */
function fromParts(env: NodeJS.ProcessEnv, host: string): Omit<MailConfig, 'from'> {
  const securityEnv = readEnv(env, 'RIPOSTE_SMTP_SECURE');
  const portEnv = readEnv(env, 'RIPOSTE_SMTP_PORT');
  const security = securityEnv
    ? parseSecurity(securityEnv, 'RIPOSTE_SMTP_SECURE')
    : portEnv && Number(portEnv) === DEFAULT_PORTS.tls
      ? 'tls'
      : 'starttls';
  const user = readEnv(env, 'RIPOSTE_SMTP_USER') ?? null;
  const password = env.RIPOSTE_SMTP_PASSWORD || null;
  if (user && !password) throw new ConfigError('RIPOSTE_SMTP_PASSWORD is missing: RIPOSTE_SMTP_USER is set.');
  if (password && !user) throw new ConfigError('RIPOSTE_SMTP_USER is missing: RIPOSTE_SMTP_PASSWORD is set.');
  return { host, port: portEnv ? parsePort(portEnv, 'RIPOSTE_SMTP_PORT') : DEFAULT_PORTS[security], security, user, password };
}

function parseFrom(value: string): MailConfig['from'] {
  const [first, ...more] = /[\r\n]/.test(value) ? [] : addressparser(value);
  if (!first || more.length > 0 || !first.address || !v.is(emailSchema, first.address)) {
    throw new ConfigError(`RIPOSTE_MAIL_FROM must be one address, such as "Blog comments <comments@example.com>", not "${value}".`);
  }
  return { name: first.name, address: first.address };
}

/** Reads the mail settings: null when none is set (mail is off); throws ConfigError naming the variable on a mistake. */
export function loadMailConfig(env: NodeJS.ProcessEnv): MailConfig | null {
  const url = readEnv(env, 'RIPOSTE_SMTP_URL');
  const host = readEnv(env, 'RIPOSTE_SMTP_HOST');
  const from = readEnv(env, 'RIPOSTE_MAIL_FROM');
  const parts = (['RIPOSTE_SMTP_PORT', 'RIPOSTE_SMTP_USER', 'RIPOSTE_SMTP_PASSWORD'] as const).filter((name) => readEnv(env, name));
  if (url && (host || parts.length > 0)) {
    throw new ConfigError(`set either RIPOSTE_SMTP_URL or RIPOSTE_SMTP_HOST (with ${parts[0] ?? 'its companions'}), not both.`);
  }
  if (!url && !host) {
    const stray = [...parts, ...(readEnv(env, 'RIPOSTE_SMTP_SECURE') ? ['RIPOSTE_SMTP_SECURE'] : [])][0];
    if (stray) throw new ConfigError(`${stray} is set, but RIPOSTE_SMTP_HOST is not: which server should Riposte send mail through?`);
    if (from) throw new ConfigError('RIPOSTE_MAIL_FROM is set, but RIPOSTE_SMTP_URL (or RIPOSTE_SMTP_HOST) is not: mail needs a server.');
    return null;
  }
  const server = url ? fromUrl(url, readEnv(env, 'RIPOSTE_SMTP_SECURE')) : fromParts(env, host!);
  if (server.security === 'none' && server.password && !LOOPBACK_HOSTS.test(server.host)) {
    throw new ConfigError(
      `RIPOSTE_SMTP_SECURE=none would send the SMTP password unencrypted to ${server.host}; use starttls or tls (none is for a relay on this machine).`,
    );
  }
  if (!from)
    throw new ConfigError('RIPOSTE_MAIL_FROM is missing: mail needs a From address, such as "Blog comments <comments@example.com>".');
  return { ...server, from: parseFrom(from) };
}

/** The mail part of `riposte serve --help`. */
export function mailSettingsHelp(): string {
  return MAIL_SETTINGS.map((s) => `  ${s.env.padEnd(33)} ${s.help}${s.fallback ? ` (default: ${s.fallback})` : ''}`).join('\n');
}
