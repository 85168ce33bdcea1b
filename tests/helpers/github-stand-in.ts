/**
 * A small stand-in for GitHub (or GitHub Enterprise) on a loopback port: the authorize page
 * (approves at once and redirects back with a code), the token endpoint (checks the client
 * secret, the redirect URI and the PKCE verifier) and the REST API's /user. Riposte reaches
 * it through RIPOSTE_GITHUB_URL and RIPOSTE_GITHUB_API_URL, as an Enterprise user would.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GitHubUser {
  id: number;
  login: string;
  name: string | null;
  blog?: string;
  email?: string | null;
}

export interface GitHubStandIn {
  /** The web address (RIPOSTE_GITHUB_URL) and the API address (RIPOSTE_GITHUB_API_URL). */
  webUrl: string;
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  /** What the token endpoint saw, newest last. */
  tokenRequests: URLSearchParams[];
  close(): Promise<void>;
}

export async function startGitHubStandIn(user: GitHubUser): Promise<GitHubStandIn> {
  const clientId = 'Iv1.standin0000000';
  const clientSecret = 'standin-secret-0123456789abcdef';
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const tokens = new Set<string>();
  const tokenRequests: URLSearchParams[] = [];

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method === 'GET' && url.pathname === '/login/oauth/authorize') {
      const q = url.searchParams;
      if (q.get('client_id') !== clientId || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge') || !q.get('state')) {
        return res.writeHead(400).end('bad authorize request');
      }
      const code = randomBytes(10).toString('hex');
      codes.set(code, { challenge: q.get('code_challenge')!, redirectUri: q.get('redirect_uri')! });
      const back = new URL(q.get('redirect_uri')!);
      back.search = new URLSearchParams({ code, state: q.get('state')! }).toString();
      return res.writeHead(302, { location: back.href }).end();
    }
    if (req.method === 'POST' && url.pathname === '/login/oauth/access_token') {
      let text = '';
      for await (const chunk of req) text += chunk;
      const form = new URLSearchParams(text);
      tokenRequests.push(form);
      const issued = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const challenge = createHash('sha256')
        .update(form.get('code_verifier') ?? '')
        .digest('base64url');
      // GitHub answers errors with 200 and an `error` field.
      if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret)
        return json(200, { error: 'incorrect_client_credentials' });
      if (!issued || issued.redirectUri !== form.get('redirect_uri') || issued.challenge !== challenge)
        return json(200, { error: 'bad_verification_code' });
      const token = `gho_${randomBytes(12).toString('hex')}`;
      tokens.add(token);
      return json(200, { access_token: token, token_type: 'bearer', scope: '' });
    }
    if (req.method === 'GET' && url.pathname === '/api/v3/user') {
      const token = /^(?:Bearer|token) (\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      if (!token || !tokens.has(token)) return json(401, { message: 'Bad credentials' });
      return json(200, { ...user, html_url: `https://github.example/${user.login}` });
    }
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    webUrl: base,
    apiUrl: `${base}/api/v3`,
    clientId,
    clientSecret,
    tokenRequests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
