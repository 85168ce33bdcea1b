import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seedDemoThread } from '../../demo/seed-demo.ts';
import { startServer } from '../../server/main.ts';
import { freePort } from '../helpers/free-port.ts';
import { BLOG_ORIGIN, tempDir, testConfig } from '../helpers/test-app.ts';

const RIPOSTE = fileURLToPath(new URL('../../bin/riposte.js', import.meta.url));
const SEED: { comments: { ref: number; parentRef: number | null; author: { name: string; badge?: string }; createdAt: string }[] } =
  JSON.parse(readFileSync(new URL('../../demo/seed-thread.json', import.meta.url), 'utf8'));
const THREAD = 'api/v1/threads?site=default&page=marine-le-pen-moscow-2017';

const dirs: ReturnType<typeof tempDir>[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});
function newDir() {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

describe('riposte demo', () => {
  it('starts the comment server and the demo blog, prints both addresses, and seeds the thread as the seed file has it', async () => {
    const [port, demoPort] = [await freePort(), await freePort()];
    const args = ['demo', '--port', String(port), '--demo-port', String(demoPort), '--db', `${newDir().path}/riposte.db`];
    const child = spawn(process.execPath, [RIPOSTE, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start: ${output}`)), 20_000);
      child.stdout.on('data', () => {
        if (!output.includes('Press Ctrl-C')) return;
        clearTimeout(timer);
        resolve();
      });
    });
    const server = `http://127.0.0.1:${port}`;
    const blog = `http://127.0.0.1:${demoPort}/`;
    expect(output).toContain(`Riposte comment server: ${server}`);
    expect(output).toContain(`Demo blog:              ${blog} (seeded with 9 comments)`);
    expect(await (await fetch(blog)).text()).toContain(`<script type="module" src="${server}/embed.js"></script>`);

    const thread = await (await fetch(`${server}/${THREAD}`)).json();
    expect(thread.page.url).toBe(blog);
    expect(
      thread.comments.map((c: { id: number; parentId: number | null; author: { name: string; badge?: string }; createdAt: string }) => [
        c.id,
        c.parentId,
        c.author.name,
        c.author.badge ?? null,
        c.createdAt,
      ]),
      // The thread answers in reading order (each reply under its parent); compare in the seed's order.
    ).toEqual(
      expect.arrayContaining(
        SEED.comments.map((c) => [c.ref, c.parentRef, c.author.name, c.author.badge ?? null, new Date(c.createdAt).toISOString()]),
      ),
    );
    expect(thread.comments).toHaveLength(SEED.comments.length);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('seeds once, and leaves a database that holds other comments as it is, saying why', async () => {
    const first = await startServer(testConfig(`${newDir().path}/riposte.db`, ['--port', '0']));
    expect(await seedDemoThread(first, 'http://127.0.0.1:8788/')).toBe(9);
    expect(await seedDemoThread(first, 'http://127.0.0.1:8788/')).toBe(0);
    expect((await (await fetch(`${first.url}/${THREAD}`)).json()).count).toBe(9);
    await first.close();

    const used = await startServer(testConfig(`${newDir().path}/riposte.db`, ['--port', '0']));
    const posted = await fetch(`${used.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BLOG_ORIGIN },
      body: JSON.stringify({ page: 'another-post', body: 'Already here.', author: { name: 'Ann' } }),
    });
    expect(posted.status).toBe(201);
    // The warning is what `riposte demo` prints; caught here to read it.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(await seedDemoThread(used, 'http://127.0.0.1:8788/')).toBe(0);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/^Demo blog: not seeded\. .*restored into an empty database only/);
    } finally {
      warn.mockRestore();
    }
    expect((await (await fetch(`${used.url}/${THREAD}`)).json()).count).toBe(0);
    await used.close();
  });
});
