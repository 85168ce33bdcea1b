/** A client that sends its request a byte at a time is cut off with 408 once --request-timeout (or the header timeout) has passed, not held for Node's default 300 s. */
import { connect } from 'node:net';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { startServer } from '../../../server/main.ts';
import { testDir } from '../../helpers/riposte-cli.ts';
import { testConfig } from '../../helpers/test-app.ts';

/** Sends `head`, then one byte of `trickle` every 300 ms, until the server answers and closes; returns what it answered. */
function trickle(port: number, head: string, trickled: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let sent = 0;
    const timer = setInterval(() => {
      if (sent < trickled.length) socket.write(trickled[sent++]!);
    }, 300);
    socket.on('connect', () => socket.write(head));
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      clearInterval(timer);
      resolve(answer);
    });
  });
}

afterEach(() => vi.restoreAllMocks());

describe('request timeouts', () => {
  it('answers 408 and closes the connection for a body or headers sent too slowly', async () => {
    const logged: unknown[][] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
    const dir = testDir();
    const server = await startServer(testConfig(`${dir.path}/riposte.db`, ['--port', '0', '--request-timeout', '2']));
    onTestFinished(() => server.close());
    const port = Number(new URL(server.url).port);

    const body = JSON.stringify({ page: 'p', body: 'a comment sent very slowly', author: { name: 'Slow' } }).repeat(20);
    const slowBody = await trickle(
      port,
      `POST /api/v1/comments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
      body,
    );
    expect(slowBody).toMatch(/^HTTP\/1\.1 408 /);
    const slowHeaders = await trickle(port, 'GET /api/v1/threads?page=p HTTP/1.1\r\n', 'Host: 127.0.0.1\r\nX-Slow: '.padEnd(200, 'x'));
    expect(slowHeaders).toMatch(/^HTTP\/1\.1 408 /);

    // Cutting a client off is not a server error.
    expect(logged).toEqual([]);
    // An ordinary request is answered as before.
    expect((await fetch(`${server.url}/api/v1/threads?page=p`)).status).toBe(200);
  });
});
