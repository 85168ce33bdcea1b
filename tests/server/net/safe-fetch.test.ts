import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { FetchError } from '../../../server/net/fetch-error.ts';
import { pinnedRequest } from '../../../server/net/pinned-request.ts';
import { safeFetch } from '../../../server/net/safe-fetch.ts';
import { type LoopbackServer, startLoopbackServer } from '../../helpers/loopback-server.ts';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function server(...args: Parameters<typeof startLoopbackServer>): Promise<LoopbackServer> {
  const started = await startLoopbackServer(...args);
  servers.push(started);
  return started;
}

/** The FetchError's code (and the message, to read in a failure). */
async function failure(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof FetchError)) throw new Error(`expected a FetchError, got ${String(err)}`);
  return err.code;
}

describe('safeFetch', () => {
  it('GETs a page with Riposte as user agent and follows redirects on allowed servers', async () => {
    const page = await server((req, res) => {
      if (req.url === '/old') res.writeHead(301, { location: '/new?x=1' }).end();
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hello</p>');
    });
    const answer = await safeFetch(`${page.origin}/old`, { allowLoopback: [page.port], userAgent: 'Riposte (+https://c.example.com)' });
    expect(answer).toMatchObject({ url: `${page.origin}/new?x=1`, status: 200 });
    expect(answer.headers['content-type']).toBe('text/html');
    expect(answer.body.toString()).toBe('<p>hello</p>');
    expect(page.requests.map((r) => [r.method, r.path, r.headers['user-agent'], r.headers.host])).toEqual([
      ['GET', '/old', 'Riposte (+https://c.example.com)', `127.0.0.1:${page.port}`],
      ['GET', '/new?x=1', 'Riposte (+https://c.example.com)', `127.0.0.1:${page.port}`],
    ]);
  });

  it('refuses loopback, private and link-local hosts before connecting, however they are written', async () => {
    const local = await server((_req, res) => res.end('secret'));
    const local6 = await server((_req, res) => res.end('secret'), '::1');
    const refused = [
      `${local.origin}/`,
      `http://localhost:${local.port}/`,
      `http://[::1]:${local6.port}/`,
      `http://[::ffff:127.0.0.1]:${local.port}/`,
      `http://2130706433:${local.port}/`,
      `http://0x7f.1:${local.port}/`,
      'http://10.0.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::ffff:169.254.169.254]/latest/meta-data/',
      'http://[fd00::1]/',
      'http://0.0.0.0/',
    ];
    for (const url of refused) expect(await failure(safeFetch(url, { timeoutMs: 2000 })), url).toBe('refused');
    expect(local.requests).toEqual([]);
    expect(local6.requests).toEqual([]);
  });

  it('checks every redirect: from an allowed server to loopback, private or link-local is refused', async () => {
    const other = await server((_req, res) => res.end('secret'));
    const other6 = await server((_req, res) => res.end('secret'), '::1');
    const targets = [
      `${other.origin}/`,
      `http://localhost:${other.port}/`,
      `http://[::1]:${other6.port}/`,
      'http://10.0.0.1/',
      'http://169.254.169.254/latest/meta-data/',
    ];
    const start = await server((req, res) => res.writeHead(302, { location: targets[Number(req.url?.slice(1))] }).end());
    for (const [i, target] of targets.entries()) {
      expect(await failure(safeFetch(`${start.origin}/${i}`, { allowLoopback: [start.port], timeoutMs: 2000 })), target).toBe('refused');
    }
    expect(start.requests).toHaveLength(targets.length);
    expect(other.requests).toEqual([]);
    expect(other6.requests).toEqual([]);
  });

  it('fetches only http and https, without credentials, and caps redirects', async () => {
    const loop = await server((req, res) => {
      if (req.url === '/file') res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      else res.writeHead(307, { location: `/again${req.url}` }).end();
    });
    const options = { allowLoopback: [loop.port], maxRedirects: 3 };
    expect(await failure(safeFetch('file:///etc/passwd', options))).toBe('bad-url');
    expect(await failure(safeFetch('ftp://example.com/', options))).toBe('bad-url');
    expect(await failure(safeFetch(`http://user:pass@127.0.0.1:${loop.port}/`, options))).toBe('bad-url');
    expect(await failure(safeFetch(`${loop.origin}/file`, options))).toBe('bad-url');
    expect(await failure(safeFetch(`${loop.origin}/`, options))).toBe('too-many-redirects');
    expect(loop.requests.filter((r) => r.path !== '/file')).toHaveLength(4);
  });

  it('caps the body, counted after decompression, with or without a Content-Length', async () => {
    const big = Buffer.alloc(64 * 1024, 'a');
    const page = await server((req, res) => {
      if (req.url === '/length') res.writeHead(200, { 'content-length': big.length }).end(big);
      else if (req.url === '/chunked') {
        res.writeHead(200);
        for (let i = 0; i < 64; i++) res.write(big.subarray(0, 1024));
        res.end();
      } else if (req.url === '/bomb') res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(10 * 1024 * 1024)));
      else res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('<p>small</p>'));
    });
    const options = { allowLoopback: [page.port], maxBytes: 32 * 1024 };
    expect(await failure(safeFetch(`${page.origin}/length`, options))).toBe('too-large');
    expect(await failure(safeFetch(`${page.origin}/chunked`, options))).toBe('too-large');
    expect(await failure(safeFetch(`${page.origin}/bomb`, options))).toBe('too-large');
    expect((await safeFetch(`${page.origin}/small`, options)).body.toString()).toBe('<p>small</p>');
    expect(page.requests[0]!.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('gives up after the total time, whether the server is silent or trickles', async () => {
    const slow = await server((req, res) => {
      if (req.url === '/trickle') {
        res.writeHead(200);
        const timer = setInterval(() => res.write('.'), 20);
        res.on('close', () => clearInterval(timer));
      }
      // '/silent' never answers.
    });
    const options = { allowLoopback: [slow.port], timeoutMs: 300 };
    expect(await failure(safeFetch(`${slow.origin}/silent`, options))).toBe('timeout');
    expect(await failure(safeFetch(`${slow.origin}/trickle`, options))).toBe('timeout');
  });

  it('connects only to the checked addresses, whatever the system would resolve the name to', async () => {
    const checked = await server((req, res) => res.end(`checked, Host ${req.headers.host}`), '127.0.0.2');
    // localhost is 127.0.0.1 to the system; the checked address says 127.0.0.2, and that is where the request goes.
    const target = {
      url: new URL(`http://localhost:${checked.port}/x`),
      addresses: [{ address: '127.0.0.2', family: 4 as const }],
      port: checked.port,
    };
    const answer = await pinnedRequest(target, { method: 'GET', headers: {}, signal: AbortSignal.timeout(5000), maxBytes: 1000 });
    expect(answer.body.toString()).toBe(`checked, Host localhost:${checked.port}`);
  });

  it('says when nothing answers', async () => {
    const gone = await server((_req, res) => res.end());
    await gone.close();
    // (No test of a name that does not resolve: it would ask the machine's DNS server, off this machine.)
    expect(await failure(safeFetch(`${gone.origin}/`, { allowLoopback: true }))).toBe('network');
  });
});
