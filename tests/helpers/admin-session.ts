/** Admins in tests: made as `riposte admin add` makes them, logged in through the API, with the cookie and CSRF header to send. */
import { hashPassword } from '../../server/admin/admin-auth.ts';
import { useTestApp, type TestApp } from './test-app.ts';

export const ADMIN_EMAIL = 'owner@blog.example';
export const ADMIN_PASSWORD = 'correct horse battery staple';

export async function addAdmin(
  t: Pick<TestApp, 'store' | 'now'>,
  email = ADMIN_EMAIL,
  password = ADMIN_PASSWORD,
  name = 'Blog Owner',
): Promise<void> {
  await t.store.admins.upsert(email, name, await hashPassword(password), t.now().toISOString());
}

/** Logs in; returns the headers an admin view's request carries (cookie, CSRF token, same origin). */
export async function adminHeaders(
  t: Pick<TestApp, 'send' | 'config'>,
  email = ADMIN_EMAIL,
  password = ADMIN_PASSWORD,
): Promise<Record<string, string>> {
  const res = await t.send('POST', '/api/v1/admin/login', { email, password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const { csrf } = (await res.json()) as { csrf: string };
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return { cookie, 'riposte-csrf': csrf, origin: t.config.publicUrl };
}

/**
 * For the admin API's tests: a fresh app for each test (useTestApp) with its first admin
 * (ADMIN_EMAIL) added and logged in; `admin` is that admin's headers.
 */
export function useAdminApp(flags: string[] = [], env: NodeJS.ProcessEnv = {}) {
  let headers: Record<string, string> = {};
  const t = useTestApp(flags, env, async (app) => {
    await addAdmin(app);
    headers = await adminHeaders(app);
  });
  return Object.defineProperties(t, { admin: { get: () => headers, enumerable: true } }) as typeof t & {
    readonly admin: Record<string, string>;
  };
}
