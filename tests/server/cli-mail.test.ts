import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.ts';

const RIPOSTE = fileURLToPath(new URL('../../bin/riposte.js', import.meta.url));
const servers: TestSmtpServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** Runs `riposte ARGS` as a child process (not spawnSync: the SMTP server lives in this process and must keep answering). */
function riposte(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [RIPOSTE, ...args], {
    env: { ...process.env, RIPOSTE_PORT: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

async function smtpServer(options?: Parameters<typeof startSmtpServer>[0]) {
  const server = await startSmtpServer(options);
  servers.push(server);
  return server;
}

describe('riposte mail test', () => {
  it('sends one mail through the configured server, with its login, and prints the server’s answer', async () => {
    const smtp = await smtpServer({ auth: { user: 'riposte', password: 'secret pass' } });
    const run = await riposte(['mail', 'test', 'owner@example.org'], { ...smtp.env, RIPOSTE_PUBLIC_URL: 'https://c.example.com' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `^Sent a test mail to owner@example\\.org through 127\\.0\\.0\\.1:${smtp.port} \\(Message-ID <[0-9a-f-]+@example\\.com>\\)\\.\\n`,
      ),
    );
    expect(run.stdout).toContain('The server answered: 250 2.0.0 Ok: queued as TEST1\n');
    const mail = await smtp.nextMessage('owner@example.org');
    expect(mail.parsed.subject).toBe('Riposte test mail');
    expect(mail.parsed.text).toContain('Riposte comment server at https://c.example.com. If you read it, mail works.');
    expect(run.stdout).toContain(mail.parsed.messageId);
  });

  it('says in one line, with exit code 1 and no stack trace, why a mail was not sent', async () => {
    const smtp = await smtpServer({ auth: { user: 'riposte', password: 'secret pass' }, refuse: ['gone@example.org'] });
    const refused = await riposte(['mail', 'test', 'gone@example.org'], smtp.env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      `riposte: the test mail to gone@example.org was not sent: 127.0.0.1:${smtp.port} refused the recipient or the sender: 550 5.1.1 <gone@example.org>: Recipient address rejected: User unknown\n`,
    );
    const wrongLogin = await riposte(['mail', 'test', 'owner@example.org'], {
      ...smtp.env,
      RIPOSTE_SMTP_URL: smtp.url.replace('secret', 'wrong'),
    });
    expect(wrongLogin.status).toBe(1);
    expect(wrongLogin.stderr).toBe(
      `riposte: the test mail to owner@example.org was not sent: 127.0.0.1:${smtp.port} refused the login (535 Invalid username or password); check the SMTP user and password.\n`,
    );
    expect(smtp.messages).toEqual([]);
  });

  it('refuses to run without mail settings or a valid address, naming what to set', async () => {
    const off = await riposte(['mail', 'test', 'owner@example.org'], {});
    expect(off.status).toBe(2);
    expect(off.stderr).toContain('riposte: mail is off: set RIPOSTE_SMTP_URL (or RIPOSTE_SMTP_HOST) and RIPOSTE_MAIL_FROM');
    const smtp = await smtpServer();
    const notAddress = await riposte(['mail', 'test', 'owner'], smtp.env);
    expect(notAddress.status).toBe(2);
    expect(notAddress.stderr).toContain('"owner" is not an email address.');
    const half = await riposte(['mail', 'test', 'owner@example.org'], { RIPOSTE_SMTP_HOST: 'mail.example.com' });
    expect(half.stderr).toContain('RIPOSTE_MAIL_FROM is missing');
  });
});
