/**
 * The OAuth side of sign-in, through openid-client (certified, maintained by the author of
 * the OAuth specs' reference libraries): OpenID Connect providers found by their issuer URL,
 * and GitHub as plain OAuth 2 with PKCE and its REST API for the profile. State, nonce and
 * PKCE are made and checked by the library; this file only says which to use where.
 */
import { cleanName, isVisible } from '../../shared/clean-text.ts';
import { LIMITS } from '../../shared/limits.ts';
import { removeUnwantedChars } from '../../shared/clean-text.ts';
import * as client from 'openid-client';
import { isLoopback, type SignInProvider } from './auth-config.ts';
import type { Profile } from '../store/users.ts';

/** What the callback needs to check the provider's answer. */
export interface AuthChecks {
  state: string;
  codeVerifier: string;
  /** OpenID Connect only; GitHub issues no ID token. */
  nonce: string | null;
}

/** Requests to a provider give up after this long; the reader sees a message, not a hang. */
const TIMEOUT_SECONDS = 15;

/**
 * One Configuration per configured provider (the server's settings make each once), discovered
 * on first use; a failed discovery is retried next time. Keyed by the settings' object, not by
 * its values, so two apps in one process (tests) never share one's secret or keys.
 */
const configurations = new WeakMap<SignInProvider, Promise<client.Configuration>>();

function configuration(provider: SignInProvider): Promise<client.Configuration> {
  let config = configurations.get(provider);
  if (!config) {
    config = makeConfiguration(provider);
    configurations.set(provider, config);
    config.catch(() => configurations.delete(provider));
  }
  return config;
}

async function makeConfiguration(provider: SignInProvider): Promise<client.Configuration> {
  const base = new URL(provider.kind === 'oidc' ? provider.issuer! : provider.webUrl!);
  // Plain http only for a provider on this machine (tests, a local Keycloak); config.ts refuses it elsewhere.
  const insecure = base.protocol === 'http:' && isLoopback(base);
  let config: client.Configuration;
  if (provider.kind === 'oidc') {
    config = await client.discovery(base, provider.clientId, provider.clientSecret, undefined, {
      timeout: TIMEOUT_SECONDS,
      ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
    });
  } else {
    // GitHub publishes no discovery document: its endpoints are fixed paths under the web address.
    const web = provider.webUrl!;
    config = new client.Configuration(
      { issuer: web, authorization_endpoint: `${web}/login/oauth/authorize`, token_endpoint: `${web}/login/oauth/access_token` },
      provider.clientId,
      provider.clientSecret,
    );
    if (insecure || new URL(provider.apiUrl!).protocol === 'http:') client.allowInsecureRequests(config);
  }
  config.timeout = TIMEOUT_SECONDS;
  return config;
}

/** Fresh state, PKCE verifier and (for OpenID Connect) nonce for one sign-in. */
export function newChecks(provider: SignInProvider): AuthChecks {
  return {
    state: client.randomState(),
    codeVerifier: client.randomPKCECodeVerifier(),
    nonce: provider.kind === 'oidc' ? client.randomNonce() : null,
  };
}

/** Where to send the reader to log in at the provider. */
export async function authorizationUrl(provider: SignInProvider, redirectUri: string, checks: AuthChecks): Promise<URL> {
  const config = await configuration(provider);
  return client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    // GitHub: no scope is read-only access to public profile data, all a name needs.
    ...(provider.kind === 'oidc' ? { scope: 'openid profile email', nonce: checks.nonce! } : {}),
    state: checks.state,
    code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
    code_challenge_method: 'S256',
  });
}

/**
 * Checks the provider's redirect (state, issuer, code), redeems the code with the PKCE
 * verifier, checks the ID token and its nonce, and returns who signed in.
 */
export async function completeSignIn(provider: SignInProvider, callbackUrl: URL, checks: AuthChecks): Promise<Profile> {
  const config = await configuration(provider);
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    expectedState: checks.state,
    pkceCodeVerifier: checks.codeVerifier,
    ...(checks.nonce ? { expectedNonce: checks.nonce, idTokenExpected: true } : {}),
  });
  if (provider.kind === 'github') return githubProfile(provider, config, tokens.access_token);

  const claims = tokens.claims()!;
  // Some providers put only `sub` in the ID token; the UserInfo endpoint has the rest.
  const info =
    typeof claims.name === 'string' || typeof claims.preferred_username === 'string'
      ? claims
      : { ...(await client.fetchUserInfo(config, tokens.access_token, claims.sub)), ...claims };
  return storable({
    provider: provider.id,
    subject: claims.sub,
    name: pickName(info.name, info.preferred_username, info.nickname, info.given_name) ?? `${provider.name} user`,
    email: typeof info.email === 'string' && info.email_verified !== false ? info.email : null,
    // Mailing an address needs the provider's word that it is the person's, not only its silence.
    emailVerified: typeof info.email === 'string' && info.email_verified === true,
    website: webAddress(info.website) ?? webAddress(info.profile),
  });
}

async function githubProfile(provider: SignInProvider, config: client.Configuration, accessToken: string): Promise<Profile> {
  const response = await client.fetchProtectedResource(
    config,
    accessToken,
    new URL(`${provider.apiUrl}/user`),
    'GET',
    undefined,
    new Headers({ accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' }),
  );
  if (!response.ok) throw new Error(`${provider.name} answered ${response.status} when asked for the profile.`);
  const user: unknown = await response.json();
  if (typeof user !== 'object' || user === null || !('id' in user) || typeof user.id !== 'number') {
    throw new Error(`${provider.name} sent a profile without a user id.`);
  }
  const fields = user as { id: number; login?: unknown; name?: unknown; email?: unknown; blog?: unknown };
  return storable({
    provider: provider.id,
    // The numeric id never changes; logins can be renamed and then taken by someone else.
    subject: String(fields.id),
    name: pickName(fields.name, fields.login) ?? 'GitHub user',
    email: typeof fields.email === 'string' && fields.email ? fields.email : null,
    // GitHub shows only a verified address as a profile's public email.
    emailVerified: typeof fields.email === 'string' && fields.email !== '',
    website: webAddress(fields.blog),
  });
}

/** A profile as the provider sent it, without what no field should hold (U+0000 and other control characters, which PostgreSQL refuses). */
function storable(profile: Profile): Profile {
  return {
    ...profile,
    subject: removeUnwantedChars(profile.subject),
    email: profile.email === null ? null : removeUnwantedChars(profile.email),
  };
}

function pickName(...candidates: unknown[]): string | undefined {
  for (const candidate of candidates) {
    // Names end up in the widget as text: cleaned as a guest's name is, and no longer.
    const name = typeof candidate === 'string' ? cleanName(candidate).trim().slice(0, LIMITS.nameMaxChars) : '';
    if (isVisible(name)) return name;
  }
  return undefined;
}

/** A profile's website, if it is an http(s) address (GitHub's `blog` is free text). */
function webAddress(value: unknown): string | null {
  if (typeof value !== 'string' || !value.trim() || value.length > 300) return null;
  const withScheme = /^https?:\/\//i.test(value.trim()) ? value.trim() : `https://${value.trim()}`;
  try {
    const url = new URL(withScheme);
    return url.hostname.includes('.') ? url.href : null;
  } catch {
    return null;
  }
}
