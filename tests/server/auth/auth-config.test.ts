import { describe, expect, it } from 'vitest';
import { loadAuthConfig } from '../../../server/auth/auth-config.ts';
import { settingsHelp } from '../../../server/config.ts';

const gitlab = {
  RIPOSTE_OIDC_PROVIDERS: 'gitlab',
  RIPOSTE_OIDC_GITLAB_ISSUER: 'https://gitlab.com/',
  RIPOSTE_OIDC_GITLAB_CLIENT_ID: 'id',
  RIPOSTE_OIDC_GITLAB_CLIENT_SECRET: 'secret',
};

describe('sign-in settings', () => {
  it('read OpenID Connect and GitHub providers, roles and the session lifetime', () => {
    const auth = loadAuthConfig({
      ...gitlab,
      RIPOSTE_OIDC_GITLAB_NAME: 'GitLab',
      RIPOSTE_GITHUB_CLIENT_ID: 'gh',
      RIPOSTE_GITHUB_CLIENT_SECRET: 's',
      RIPOSTE_OWNERS: 'github:583231',
      RIPOSTE_SESSION_DAYS: '7',
    });
    expect(auth.providers).toEqual([
      { id: 'gitlab', kind: 'oidc', name: 'GitLab', issuer: 'https://gitlab.com', clientId: 'id', clientSecret: 'secret' },
      {
        id: 'github',
        kind: 'github',
        name: 'GitHub',
        clientId: 'gh',
        clientSecret: 's',
        webUrl: 'https://github.com',
        apiUrl: 'https://api.github.com',
      },
    ]);
    expect(auth).toMatchObject({ owners: ['github:583231'], moderators: [], sessionDays: 7 });
    expect(loadAuthConfig({})).toEqual({ providers: [], owners: [], moderators: [], admins: [], sessionDays: 30 });
  });

  it('refuse mistakes with a message naming the variable', () => {
    const bad: [Record<string, string>, RegExp][] = [
      [{ RIPOSTE_OIDC_PROVIDERS: 'gitlab' }, /RIPOSTE_OIDC_GITLAB_ISSUER is missing/],
      [{ ...gitlab, RIPOSTE_OIDC_GITLAB_ISSUER: 'http://gitlab.example' }, /RIPOSTE_OIDC_GITLAB_ISSUER.*https/],
      [{ ...gitlab, RIPOSTE_OIDC_PROVIDERS: 'Git Lab' }, /lower-case id/],
      [{ RIPOSTE_GITHUB_CLIENT_ID: 'x' }, /RIPOSTE_GITHUB_CLIENT_SECRET is missing/],
      [{ RIPOSTE_GITHUB_CLIENT_SECRET: 'x' }, /RIPOSTE_GITHUB_CLIENT_ID is missing/],
      [{ ...gitlab, RIPOSTE_OWNERS: 'alice' }, /RIPOSTE_OWNERS.*provider:subject/],
      [{ ...gitlab, RIPOSTE_MODERATORS: 'github:1' }, /not configured/],
      [{ RIPOSTE_SESSION_DAYS: '0' }, /RIPOSTE_SESSION_DAYS/],
    ];
    for (const [env, message] of bad) expect(() => loadAuthConfig(env), JSON.stringify(env)).toThrow(message);
  });

  it('allow plain http only for a provider on this machine', () => {
    expect(() => loadAuthConfig({ ...gitlab, RIPOSTE_OIDC_GITLAB_ISSUER: 'http://127.0.0.1:8080/realms/blog' })).not.toThrow();
  });

  it('are listed in `riposte serve --help` with the callback URL to register', () => {
    const help = settingsHelp();
    for (const name of [
      'RIPOSTE_OIDC_PROVIDERS',
      'RIPOSTE_OIDC_<ID>_ISSUER',
      'RIPOSTE_GITHUB_API_URL',
      'RIPOSTE_OWNERS',
      'RIPOSTE_SESSION_DAYS',
    ])
      expect(help).toContain(name);
    expect(help).toContain('/auth/<id>/callback');
  });
});
