/**
 * A real OpenID Provider for tests: `oidc-provider` (OpenID-certified) on a loopback port,
 * with one client registered for Riposte and its built-in login and consent pages, where
 * any login name signs in as that account ("ada" -> sub "ada", name "Ada Lovelace" if listed).
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registers Riposte's callback URL (known once Riposte listens) and starts answering. */
  register(redirectUri: string): void;
  close(): Promise<void>;
}

export async function startTestOidcProvider(names: Record<string, string> = {}): Promise<TestOidcProvider> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const server = createServer((req, res) => (handler ? handler(req, res) : res.writeHead(503).end('not ready')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'riposte-test';
  const clientSecret = 'riposte-test-secret-0123456789abcdef';
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  return {
    issuer,
    clientId,
    clientSecret,
    register(redirectUri) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [redirectUri],
            response_types: ['code'],
            grant_types: ['authorization_code'],
          },
        ],
        jwks: { keys: [{ ...key, kid: 'test', use: 'sig', alg: 'RS256' }] },
        cookies: { keys: ['riposte-test-cookie-key'] },
        claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'] },
        pkce: { required: () => true },
        async findAccount(_ctx, sub) {
          return {
            accountId: sub,
            claims: async () => ({ sub, name: names[sub] ?? sub, email: `${sub}@example.org`, email_verified: true }),
          };
        },
      });
      handler = provider.callback();
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
