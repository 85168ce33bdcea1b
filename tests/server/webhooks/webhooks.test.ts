import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from '../../../server/net/fetch-error.ts';
import { sendWebhook } from '../../../server/webhooks/send-webhook.ts';
import { buildWebhookDelivery, newDeliveryId, newWebhookSecret, type WebhookPayload } from '../../../server/webhooks/webhook-delivery.ts';
import { type LoopbackServer, startLoopbackServer } from '../../helpers/loopback-server.ts';
import { tempDir } from '../../helpers/test-app.ts';

type Verify = (body: Buffer | string, signature: unknown, secret: string) => boolean;

/** The verification example from the README, run as a receiver would run it. */
let verifyRiposteSignature: Verify;
const dir = tempDir();
beforeAll(async () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const example = [...readme.matchAll(/```js\n([\s\S]*?)```/g)]
    .map((m) => m[1]!)
    .find((code) => code.includes('function verifyRiposteSignature'));
  if (!example) throw new Error('README.md has no verifyRiposteSignature example');
  writeFileSync(`${dir.path}/verify.mjs`, example);
  ({ verifyRiposteSignature } = (await import(`${dir.path}/verify.mjs`)) as { verifyRiposteSignature: Verify });
});
afterAll(() => dir.remove());

const servers: LoopbackServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

const payload = (): WebhookPayload => ({
  id: newDeliveryId(),
  event: 'comment.created',
  occurredAt: '2026-11-27T12:00:00.000Z',
  site: { id: 'default', name: 'Blog' },
  page: { key: 'https://blog.example.com/hello', url: 'https://blog.example.com/hello', title: 'Hello' },
  comment: {
    id: 42,
    parentId: null,
    status: 'approved',
    author: { name: 'Ann', avatar: 'abc' },
    html: '<p>Hi!</p>',
    createdAt: '2026-11-27T12:00:00.000Z',
    markdown: 'Hi!',
    url: 'https://blog.example.com/hello#comment-42',
  },
});

describe('webhook deliveries', () => {
  it('are the JSON payload with event, delivery id, timestamp and a signature the README example accepts', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^[\w-]{43}$/);
    const body = payload();
    const delivery = buildWebhookDelivery(body, secret, 'Riposte (+https://c.example.com)');
    expect(JSON.parse(delivery.body)).toEqual(body);
    expect(delivery.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'Riposte (+https://c.example.com)',
      'riposte-event': 'comment.created',
      'riposte-delivery': body.id,
      'riposte-timestamp': '1795780800',
    });
    expect(delivery.headers['riposte-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyRiposteSignature(delivery.body, delivery.headers['riposte-signature'], secret)).toBe(true);
    expect(verifyRiposteSignature(delivery.body.replace('Hi!', 'Bye'), delivery.headers['riposte-signature'], secret)).toBe(false);
    expect(verifyRiposteSignature(delivery.body, delivery.headers['riposte-signature'], newWebhookSecret())).toBe(false);
    expect(verifyRiposteSignature(delivery.body, undefined, secret)).toBe(false);
  });

  it('are POSTed to a receiver that checks the signature on the raw body; a retry carries the same id', async () => {
    const secret = newWebhookSecret();
    const receiver = await startLoopbackServer((req, res) => {
      res.writeHead(verifyRiposteSignature(req.body, req.headers['riposte-signature'], secret) ? 204 : 401).end();
    });
    servers.push(receiver);
    const delivery = buildWebhookDelivery(payload(), secret, 'Riposte');
    const options = { allowLoopback: [receiver.port] };
    expect(await sendWebhook(`${receiver.origin}/hooks/riposte`, delivery, options)).toEqual({ delivered: true, status: 204, answer: '' });
    expect(await sendWebhook(`${receiver.origin}/hooks/riposte`, delivery, options)).toMatchObject({ delivered: true });
    const forged = buildWebhookDelivery(payload(), 'not the secret', 'Riposte');
    expect(await sendWebhook(`${receiver.origin}/hooks/riposte`, forged, options)).toMatchObject({ delivered: false, status: 401 });
    expect(receiver.requests.map((r) => [r.method, r.path, r.headers['riposte-delivery']])).toEqual([
      ['POST', '/hooks/riposte', delivery.id],
      ['POST', '/hooks/riposte', delivery.id],
      ['POST', '/hooks/riposte', forged.id],
    ]);
    expect(receiver.requests[0]!.body.toString()).toBe(delivery.body);
  });

  it('follow no redirect, keep the start of a long answer, and give up after the deadline', async () => {
    const elsewhere = await startLoopbackServer((_req, res) => res.writeHead(204).end());
    const receiver = await startLoopbackServer((req, res) => {
      if (req.url === '/moved') res.writeHead(307, { location: `${elsewhere.origin}/` }).end();
      else if (req.url === '/long') res.writeHead(500).end(`Internal error\n${'x'.repeat(1_000_000)}`);
      // '/silent' never answers.
    });
    servers.push(elsewhere, receiver);
    const delivery = buildWebhookDelivery(payload(), 'secret', 'Riposte');
    const options = { allowLoopback: [receiver.port, elsewhere.port], timeoutMs: 500 };
    expect(await sendWebhook(`${receiver.origin}/moved`, delivery, options)).toMatchObject({ delivered: false, status: 307 });
    expect(elsewhere.requests).toEqual([]);
    const long = await sendWebhook(`${receiver.origin}/long`, delivery, options);
    expect(long).toMatchObject({ delivered: false, status: 500 });
    expect(long.answer).toMatch(/^Internal error x{100}/);
    const silent = await sendWebhook(`${receiver.origin}/silent`, delivery, options).catch((err: unknown) => err);
    expect(silent).toBeInstanceOf(FetchError);
    expect((silent as FetchError).code).toBe('timeout');
  });

  it('are never sent to loopback, private or link-local addresses', async () => {
    const local = await startLoopbackServer((_req, res) => res.writeHead(204).end());
    servers.push(local);
    const delivery = buildWebhookDelivery(payload(), 'secret', 'Riposte');
    for (const url of [
      `${local.origin}/`,
      `http://localhost:${local.port}/`,
      'http://10.0.0.1/hook',
      'http://169.254.169.254/',
      'http://[::1]/',
    ]) {
      const err = await sendWebhook(url, delivery).catch((e: unknown) => e);
      expect(err instanceof FetchError && err.code, url).toBe('refused');
    }
    expect(local.requests).toEqual([]);
  });
});
