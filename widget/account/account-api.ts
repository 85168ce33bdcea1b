/**
 * The account's endpoints, one line each, on the thread's one client (api.ts): loaded with
 * the account, so none of them is in what readers download first.
 */
import type { WireSubscription } from '../../shared/notifications.ts';
import type { SignInOptions, WireComment, WireSession, WireUser } from '../../shared/wire.ts';
import type { Api, Send } from '../api.ts';

/** Proof of authorship of one comment: the reader's session, and the guest secret if this browser has one. */
const asAuthor = (secret: string | undefined): Send => ({ asReader: true, headers: secret ? { 'riposte-comment-secret': secret } : {} });

/** How readers may comment on the site: its providers, whether guests may, the edit window. */
export const getSignInOptions = (api: Api, site: string) => api.send<SignInOptions>('GET', 'auth/providers', { query: { site } });

export const getMe = (api: Api) => api.send<{ user: WireUser }>('GET', 'auth/me', { asReader: true });

/** Ends a full-page sign-in: the one-time code it came back with, and this tab's verifier. */
export const exchangeCode = (api: Api, code: string, verifier: string) =>
  api.send<WireSession>('POST', 'auth/session', { body: { code, verifier } });

/** Revokes the session on the server (the token is read as the request starts). */
export const logOut = (api: Api) => api.send<null>('POST', 'auth/logout', { asReader: true });

/** The signed-in reader's own subscriptions (mail about replies or a page), and ending one. */
export const getSubscriptions = (api: Api) =>
  api.send<{ subscriptions: WireSubscription[] }>('GET', 'api/v1/subscriptions', { asReader: true });
export const endSubscription = (api: Api, id: number) => api.send<null>('DELETE', `api/v1/subscriptions/${id}`, { asReader: true });

export const getCommentSource = (api: Api, id: number, secret?: string) =>
  api.send<{ body: string }>('GET', `api/v1/comments/${id}`, asAuthor(secret));

export const editComment = (api: Api, id: number, body: string, secret?: string) =>
  api.send<{ comment: WireComment }>('PATCH', `api/v1/comments/${id}`, { ...asAuthor(secret), body: { body } });

export const deleteComment = (api: Api, id: number, secret?: string) => api.send<null>('DELETE', `api/v1/comments/${id}`, asAuthor(secret));

/** A provider's start page on the server: for a popup, or with `back` for the full-page flow. */
export function startUrl(api: Api, site: string, provider: string, back?: { page: string; challenge: string }): string {
  const query: Record<string, string> = { site, origin: location.origin };
  if (back) Object.assign(query, { return: back.page, challenge: back.challenge });
  return api.href(`auth/${encodeURIComponent(provider)}/start`, query);
}
