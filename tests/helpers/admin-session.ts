/** Admins in tests: made as `riposte admin add` makes them, logged in through the API, with the cookie and CSRF header to send. */
import { hashPassword } from '../../server/admin/admin-auth.ts';
import type { openTestApp } from './test-app.ts';

export const ADMIN_EMAIL = 'owner@blog.example';
export const ADMIN_PASSWORD = 'correct horse battery staple';

type TestApp = ReturnType<typeof openTestApp>;

export async function addAdmin(
  t: Pick<TestApp, 'store'>,
  email = ADMIN_EMAIL,
  password = ADMIN_PASSWORD,
  name = 'Blog Owner',
): Promise<void> {
  t.store.admins.upsert(email, name, await hashPassword(password));
}

/** Logs in; returns the headers an admin view's request carries (cookie, CSRF token, same origin). */
export async function adminHeaders(t: TestApp, email = ADMIN_EMAIL, password = ADMIN_PASSWORD): Promise<Record<string, string>> {
  const res = await t.send('POST', '/api/v1/admin/login', { email, password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const { csrf } = (await res.json()) as { csrf: string };
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return { cookie, 'riposte-csrf': csrf, origin: t.config.publicUrl };
}
