/**
 * `riposte admin add EMAIL [NAME]`: makes (or gives a new password to) someone who may open
 * /admin. The password is asked for without echo on a terminal, or read from stdin's first line.
 * `riposte admin list` shows who may, `riposte admin remove EMAIL` takes it away.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import * as v from 'valibot';
import { emailSchema } from '../shared/schemas.ts';
import { hashPassword } from './admin/admin-auth.ts';
import { ConfigError, type Config } from './config.ts';
import { openToolStore } from './cli-store.ts';

export const ADMIN_USAGE = `  admin add EMAIL [NAME]
           Let EMAIL log in at /admin (or set a new password); asks for the password, or reads
           it from stdin: echo "$PASSWORD" | riposte admin add owner@example.com "Blog Owner"
  admin list
           Show who may log in at /admin.
  admin remove EMAIL
           Take EMAIL's access to /admin away (their sessions end at once).`;

/** Passwords shorter than this are refused: the login is on the open web. */
export const MIN_PASSWORD_CHARS = 10;

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? '';
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      process.stdout.write(prompt);
      // Typed characters go nowhere: nothing is echoed.
      const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
      const rl = createInterface({ input: process.stdin, output: silent, terminal: true });
      rl.question('', (answer) => {
        rl.close();
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  const password = await ask('Password: ');
  if ((await ask('Again: ')) !== password) throw new ConfigError('the two passwords differ; nothing was changed.');
  return password;
}

export async function adminCommand(config: Config, positionals: string[]): Promise<void> {
  const [action, email, ...name] = positionals;
  if (action === 'list') {
    const store = await openToolStore(config);
    try {
      const admins = await store.admins.list();
      console.log(admins.length ? admins.map((a) => `${a.email} (${a.name})`).join('\n') : 'No admins yet: riposte admin add EMAIL');
    } finally {
      await store.close();
    }
    return;
  }
  if (action === 'remove' && email) {
    const store = await openToolStore(config);
    try {
      // As written first: a provider identity (github:Ab12) keeps its case; emails are stored lower-cased.
      const removed = (await store.admins.remove(email))
        ? email
        : (await store.admins.remove(email.toLowerCase()))
          ? email.toLowerCase()
          : null;
      if (!removed) throw new ConfigError(`there is no admin ${email}; see riposte admin list.`);
      console.log(`Removed admin ${removed}.`);
    } finally {
      await store.close();
    }
    return;
  }
  if (action !== 'add' || !email) throw new ConfigError(`usage:\n${ADMIN_USAGE}`);
  if (!v.is(emailSchema, email)) throw new ConfigError(`"${email}" is not an email address.`);
  const password = await readPassword();
  if ([...password].length < MIN_PASSWORD_CHARS) throw new ConfigError(`the password must be at least ${MIN_PASSWORD_CHARS} characters.`);
  const passwordHash = await hashPassword(password);
  const store = await openToolStore(config);
  try {
    const { admin, created } = await store.admins.upsert(
      email.toLowerCase(),
      name.join(' ') || null,
      passwordHash,
      new Date().toISOString(),
    );
    console.log(
      `${created ? 'Added' : 'Changed the password of'} admin ${admin.email} (${admin.name}); log in at ${config.publicUrl}/admin`,
    );
  } finally {
    await store.close();
  }
}
