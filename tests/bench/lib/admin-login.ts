/** An admin for a running server, made as a self-hoster makes one (`riposte admin add`), logged in over HTTP. */
import { cli, type Checkout, type RunningRiposte } from './checkout.ts';

const EMAIL = 'bench@example.org';
const PASSWORD = 'benchmark password, long enough';

/** Adds the admin to `db` and logs in; returns the headers the admin view's requests carry. */
export async function adminHeaders(checkout: Checkout, server: RunningRiposte, db: string): Promise<Record<string, string>> {
  await cli(checkout, ['admin', 'add', EMAIL, 'Bench Admin'], { RIPOSTE_DB: db }, `${PASSWORD}\n`);
  const res = await fetch(`${server.url}/api/v1/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${await res.text()}`);
  const { csrf } = (await res.json()) as { csrf: string };
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('admin login set no cookie');
  return { cookie, 'riposte-csrf': csrf, origin: server.url };
}
