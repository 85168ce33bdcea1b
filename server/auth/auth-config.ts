/**
 * Sign-in settings from RIPOSTE_* environment variables: the providers (OpenID Connect by
 * issuer URL, GitHub or GitHub Enterprise), who is owner or moderator, how long a session
 * lasts. Only environment variables: client secrets do not belong in a command line.
 */
import { ConfigError } from '../config.ts';

export interface SignInProvider {
  /** Lower-case id used in URLs (`/auth/<id>/start`) and identities (`<id>:<subject>`). */
  id: string;
  kind: 'oidc' | 'github';
  /** Shown on the button: "Log in with NAME". */
  name: string;
  clientId: string;
  clientSecret: string;
  /** OpenID Connect: the issuer, whose /.well-known/openid-configuration says the rest. */
  issuer?: string;
  /** GitHub: where the authorize and token pages are (https://github.com, or an Enterprise host). */
  webUrl?: string;
  /** GitHub: the REST API base (https://api.github.com, or https://HOST/api/v3). */
  apiUrl?: string;
}

export interface AuthConfig {
  providers: SignInProvider[];
  /** Identities (`provider:subject`) whose comments carry the "Author" badge. */
  owners: string[];
  /** Identities whose comments carry the "Moderator" badge. */
  moderators: string[];
  /** Identities that may open /admin by logging in with their provider. */
  admins: string[];
  sessionDays: number;
}

/** What `riposte serve --help` and the README list; per-provider variables are patterns. */
export const AUTH_SETTINGS = [
  { env: 'RIPOSTE_OIDC_PROVIDERS', help: 'Comma-separated ids of OpenID Connect providers, e.g. gitlab,keycloak.', fallback: '' },
  { env: 'RIPOSTE_OIDC_<ID>_ISSUER', help: 'Issuer URL of provider <ID> (https; http only on loopback).', fallback: '' },
  { env: 'RIPOSTE_OIDC_<ID>_CLIENT_ID', help: 'Client id registered at provider <ID>.', fallback: '' },
  { env: 'RIPOSTE_OIDC_<ID>_CLIENT_SECRET', help: 'Client secret of provider <ID>.', fallback: '' },
  { env: 'RIPOSTE_OIDC_<ID>_NAME', help: 'Name on the button for provider <ID>.', fallback: 'the id, capitalised' },
  { env: 'RIPOSTE_GITHUB_CLIENT_ID', help: 'Client id of a GitHub OAuth app (turns GitHub sign-in on).', fallback: '' },
  { env: 'RIPOSTE_GITHUB_CLIENT_SECRET', help: 'Client secret of that GitHub OAuth app.', fallback: '' },
  { env: 'RIPOSTE_GITHUB_URL', help: 'GitHub web address (GitHub Enterprise: https://HOST).', fallback: 'https://github.com' },
  {
    env: 'RIPOSTE_GITHUB_API_URL',
    help: 'GitHub API address (GitHub Enterprise: https://HOST/api/v3).',
    fallback: 'https://api.github.com',
  },
  { env: 'RIPOSTE_GITHUB_NAME', help: 'Name on the GitHub button.', fallback: 'GitHub' },
  {
    env: 'RIPOSTE_OWNERS',
    help: "Comma-separated provider:subject identities shown as the blog's Author, e.g. github:583231.",
    fallback: '',
  },
  { env: 'RIPOSTE_MODERATORS', help: 'Comma-separated provider:subject identities shown as Moderator.', fallback: '' },
  {
    env: 'RIPOSTE_ADMINS',
    help: 'Comma-separated provider:subject identities that may open /admin by logging in with their provider.',
    fallback: '',
  },
  { env: 'RIPOSTE_SESSION_DAYS', help: 'Days a sign-in lasts before the reader signs in again.', fallback: '30' },
] as const;

const LOOPBACK = /^(127(\.\d{1,3}){3}|localhost|\[::1\])$/i;

/** True for http(s) URLs on 127.0.0.0/8, localhost or [::1]: only there is plain http allowed. */
export function isLoopback(url: URL): boolean {
  return LOOPBACK.test(url.hostname);
}

function parseBaseUrl(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name}: "${value}" is not a URL such as https://login.example.com.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
    throw new ConfigError(
      `${name}: "${value}" must start with https:// (plain http is allowed only on 127.0.0.1 or localhost, for tests).`,
    );
  }
  if (url.search || url.hash) throw new ConfigError(`${name}: "${value}" must not have a ?query or #fragment.`);
  return url.href.replace(/\/$/, '');
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function required(env: NodeJS.ProcessEnv, name: string, why: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(`${name} is missing: ${why}.`);
  return value;
}

function oidcProvider(env: NodeJS.ProcessEnv, id: string): SignInProvider {
  if (!/^[a-z][a-z0-9-]{0,31}$/.test(id) || id === 'github' || id === 'email') {
    throw new ConfigError(
      `RIPOSTE_OIDC_PROVIDERS: "${id}" must be a lower-case id of letters, digits and "-" (and not "github", which has its own settings, or "email", the sign-in by mail).`,
    );
  }
  const prefix = `RIPOSTE_OIDC_${id.toUpperCase().replace(/-/g, '_')}_`;
  const why = `provider "${id}" is listed in RIPOSTE_OIDC_PROVIDERS`;
  return {
    id,
    kind: 'oidc',
    name: env[`${prefix}NAME`]?.trim() || id.charAt(0).toUpperCase() + id.slice(1),
    issuer: parseBaseUrl(required(env, `${prefix}ISSUER`, why), `${prefix}ISSUER`),
    clientId: required(env, `${prefix}CLIENT_ID`, why),
    clientSecret: required(env, `${prefix}CLIENT_SECRET`, why),
  };
}

function githubProvider(env: NodeJS.ProcessEnv): SignInProvider | null {
  if (!env.RIPOSTE_GITHUB_CLIENT_ID?.trim()) {
    if (env.RIPOSTE_GITHUB_CLIENT_SECRET?.trim())
      throw new ConfigError('RIPOSTE_GITHUB_CLIENT_ID is missing: RIPOSTE_GITHUB_CLIENT_SECRET is set.');
    return null;
  }
  return {
    id: 'github',
    kind: 'github',
    name: env.RIPOSTE_GITHUB_NAME?.trim() || 'GitHub',
    clientId: env.RIPOSTE_GITHUB_CLIENT_ID.trim(),
    clientSecret: required(env, 'RIPOSTE_GITHUB_CLIENT_SECRET', 'RIPOSTE_GITHUB_CLIENT_ID is set'),
    webUrl: parseBaseUrl(env.RIPOSTE_GITHUB_URL?.trim() || 'https://github.com', 'RIPOSTE_GITHUB_URL'),
    apiUrl: parseBaseUrl(env.RIPOSTE_GITHUB_API_URL?.trim() || 'https://api.github.com', 'RIPOSTE_GITHUB_API_URL'),
  };
}

function identities(value: string | undefined, name: string, providers: SignInProvider[]): string[] {
  return list(value).map((identity) => {
    const match = /^([a-z][a-z0-9-]*):(.+)$/.exec(identity);
    if (!match) throw new ConfigError(`${name}: "${identity}" must be provider:subject, such as github:583231.`);
    if (!providers.some((p) => p.id === match[1])) {
      throw new ConfigError(`${name}: "${identity}" names provider "${match[1]}", which is not configured.`);
    }
    return identity;
  });
}

/** Reads the sign-in settings; throws ConfigError naming the variable on bad input. */
export function loadAuthConfig(env: NodeJS.ProcessEnv): AuthConfig {
  const providers = list(env.RIPOSTE_OIDC_PROVIDERS).map((id) => oidcProvider(env, id.toLowerCase()));
  const github = githubProvider(env);
  if (github) providers.push(github);
  const duplicate = providers.find((p, i) => providers.findIndex((q) => q.id === p.id) !== i);
  if (duplicate) throw new ConfigError(`RIPOSTE_OIDC_PROVIDERS lists "${duplicate.id}" twice.`);
  const days = env.RIPOSTE_SESSION_DAYS?.trim() || '30';
  if (!/^\d{1,4}$/.test(days) || Number(days) < 1)
    throw new ConfigError(`RIPOSTE_SESSION_DAYS must be a whole number of days from 1, not "${days}".`);
  return {
    providers,
    owners: identities(env.RIPOSTE_OWNERS, 'RIPOSTE_OWNERS', providers),
    moderators: identities(env.RIPOSTE_MODERATORS, 'RIPOSTE_MODERATORS', providers),
    admins: identities(env.RIPOSTE_ADMINS, 'RIPOSTE_ADMINS', providers),
    sessionDays: Number(days),
  };
}

/** The sign-in part of `riposte serve --help`. */
export function authSettingsHelp(): string {
  return AUTH_SETTINGS.map((s) => `  ${s.env.padEnd(33)} ${s.help}${s.fallback ? ` (default: ${s.fallback})` : ''}`).join('\n');
}
