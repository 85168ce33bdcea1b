/**
 * The reader's account with one comment server, loaded on demand by `<riposte-thread>` (a
 * chunk of its own, so none of it is in what readers download first): the session token and
 * guest secrets kept in this browser, the sign-in popup (and the full-page flow when a popup
 * is blocked), and editing and deleting one's own comments. `AccountController` holds this
 * state for the thread; the functions below it do the talking.
 */
import type { ReactiveControllerHost } from 'lit';
import type { SignInOptions, WireComment, WireSession, WireUser } from '../shared/wire.ts';
import { ApiError, call, url } from './api.ts';
import type { RiposteEventDetails } from './events.ts';
import { ta } from './i18n-account.ts';
import { t } from './i18n.ts';
import { read, write } from './storage.ts';

/** Why a sign-in did not happen, shown in the form it started from. */
export interface SignInNote {
  provider: string;
  parentId: number | null;
  message: string;
  /** Offer the full-page flow instead (the popup was blocked or lost). */
  redirect: boolean;
}

/** What the controller needs from `<riposte-thread>`. */
export interface AccountHost extends Pick<ReactiveControllerHost, 'requestUpdate'> {
  site: string;
  serverUrl(): string;
  /** Puts an edited comment in place, or takes a deleted one out (a placeholder if it has replies). */
  replaceComment(id: number, comment: WireComment | null): void;
  /** Shows a short message (a failed edit or deletion). */
  notify(message: string): void;
  /** Scrolls to `#comment-ID` once back from the full-page flow. */
  showHash(): Promise<void>;
}

/** Sign-in state for one thread; every change asks the thread to draw again. */
export class AccountController {
  user: WireUser | null = null;
  options: SignInOptions | null = null;
  note: SignInNote | null = null;
  /** The reader's own comment being edited, with its Markdown. */
  editing: { id: number; body: string } | null = null;
  /** Comments this browser posted as a guest (it holds their secrets). */
  private _guestOwn: Set<number>;

  constructor(private readonly host: AccountHost) {
    this._guestOwn = guestComments(host.serverUrl());
  }

  private get _server() {
    return this.host.serverUrl();
  }

  private _set(changes: Partial<Pick<AccountController, 'user' | 'options' | 'note' | 'editing'>>) {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }

  async load() {
    const { options, user, anchor } = await loadAccount(this._server, this.host.site);
    this._set({ options, user });
    if (anchor) await this.host.showHash();
  }

  /** [may edit, may delete]: the reader's own comment, within the site's edit window where that applies. */
  rights(comment: WireComment): [boolean, boolean] {
    const byUser = !!this.user && comment.author.id === this.user.id;
    const byGuest = this._guestOwn.has(comment.id);
    const open = !!this.options && Date.now() - Date.parse(comment.createdAt) < this.options.editWindowMinutes * 60_000;
    return [(byUser || byGuest) && open, byUser || (byGuest && open)];
  }

  headers(): Record<string, string> {
    return authHeaders(this._server);
  }

  /** After a post: keep a guest's secret, or forget a sign-in the server no longer accepts. */
  posted(id: number, secret: string | undefined) {
    if (!secret) return;
    rememberSecret(this._server, id, secret);
    this._guestOwn.add(id);
    this.host.requestUpdate();
  }

  failed(error: unknown) {
    if (!(error instanceof ApiError && error.code === 'unauthorized')) return;
    forget(this._server);
    this._set({ user: null });
  }

  /** Must run within the reader's click: a popup opened later would be blocked. */
  signIn({ provider, redirect, parentId }: RiposteEventDetails['riposte-sign-in']) {
    this._set({ note: null });
    // Back to the comment answered, or where the reader was.
    if (redirect)
      return void redirectSignIn(this._server, this.host.site, provider, parentId === null ? location.hash : `#comment-${parentId}`);
    const signedIn = popupSignIn(this._server, this.host.site, provider);
    if (!signedIn) return this._set({ note: { provider, parentId, message: ta.popupBlocked, redirect: true } });
    signedIn.then(
      (user) => this._set({ user }),
      (error: Error) => {
        const closed = error.message === 'closed';
        this._set({ note: { provider, parentId, message: closed ? ta.popupClosed : error.message, redirect: closed } });
      },
    );
  }

  async signOut() {
    this._set({ user: null });
    await signOut(this._server);
  }

  async edit(id: number) {
    try {
      const { body } = await commentSource(this._server, id);
      this._set({ editing: { id, body } });
    } catch (error) {
      this.host.notify(messageOf(error));
    }
  }

  async save(id: number, body: string) {
    const { comment } = await editComment(this._server, id, body);
    this.host.replaceComment(id, comment);
    this._set({ editing: null });
  }

  async remove(id: number) {
    if (!confirm(ta.confirmDelete)) return;
    try {
      await deleteComment(this._server, id);
      this.host.replaceComment(id, null);
    } catch (error) {
      this.host.notify(messageOf(error));
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof ApiError ? (t.errors[error.code] ?? error.message) : String(error);
}

/** Kept per server: two comment servers on one blog have two sessions. */
const tokenKey = (server: string) => `riposte:session:${server}`;
const secretsKey = (server: string) => `riposte:secrets:${server}`;
/** The full-page flow, in this tab only: where to come back to, and the secret the code is bound to. */
const RETURN_KEY = 'riposte:return';
const CODE = /^#riposte-sign-in=([A-Za-z0-9_-]{20,100})$/;
/** Guest secrets are useless after the longest edit window (7 days): forget them then. */
const SECRET_DAYS = 8;

interface Account {
  options: SignInOptions;
  user: WireUser | null;
  /** Set after the full-page flow: the `#comment-ID` the reader left from, to return to. */
  anchor: string;
}

/** Sent with every request that acts as the reader. */
function authHeaders(server: string): Record<string, string> {
  const token = read(tokenKey(server));
  return token ? { authorization: `Bearer ${token}` } : {};
}

function forget(server: string): void {
  write(tokenKey(server), null);
}

/**
 * How readers may comment, and who this reader is: finishes a full-page sign-in if the
 * page was opened with its one-time code, then checks the stored token (401: forgotten).
 */
async function loadAccount(server: string, site: string): Promise<Account> {
  let anchor = '';
  const code = CODE.exec(location.hash)?.[1];
  if (code) {
    // Out of the address bar and history at once; the code is good for one exchange anyway.
    const started = startedSignIn();
    sessionStorage.removeItem(RETURN_KEY);
    anchor = started?.anchor ?? '';
    history.replaceState(history.state, '', location.pathname + location.search + anchor);
    // Only a sign-in this tab started: a code someone else put in the address is ignored.
    if (started) {
      const session = await call<WireSession>('POST', url(server, 'auth/session'), { code, verifier: started.verifier }).catch(() => null);
      if (session) write(tokenKey(server), session.token);
    }
  }
  const options = await call<SignInOptions>('GET', url(server, 'auth/providers', { site }));
  let user: WireUser | null = null;
  if (read(tokenKey(server))) {
    try {
      ({ user } = await call<{ user: WireUser }>('GET', url(server, 'auth/me'), undefined, undefined, authHeaders(server)));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'unauthorized') forget(server);
    }
  }
  return { options, user, anchor };
}

function startUrl(server: string, site: string, provider: string, back?: { page: string; challenge: string }): string {
  const query: Record<string, string> = { site, origin: location.origin };
  if (back) Object.assign(query, { return: back.page, challenge: back.challenge });
  return url(server, `auth/${encodeURIComponent(provider)}/start`, query);
}

const base64url = (bytes: ArrayBuffer | Uint8Array) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** The full-page sign-in this tab started, if any. */
function startedSignIn(): { anchor: string; verifier: string } | null {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(RETURN_KEY) ?? 'null');
    return isObject(saved) && typeof saved.anchor === 'string' && typeof saved.verifier === 'string'
      ? { anchor: saved.anchor, verifier: saved.verifier }
      : null;
  } catch {
    return null;
  }
}

/**
 * Opens the provider's login in a popup on the server's origin and waits for the session it
 * posts back. Must run within the reader's click (popups need it). Resolves null if blocked.
 */
function popupSignIn(server: string, site: string, provider: string): Promise<WireUser> | null {
  const popup = open(startUrl(server, site, provider), 'riposte-sign-in', 'popup,width=520,height=680');
  if (!popup) return null;
  const serverOrigin = new URL(server).origin;
  return new Promise((resolve, reject) => {
    const done = () => {
      removeEventListener('message', onMessage);
      clearInterval(watch);
    };
    function onMessage(event: MessageEvent) {
      // Only the popup we opened, on the comment server's origin, may sign the reader in.
      if (event.origin !== serverOrigin || event.source !== popup) return;
      const data: unknown = event.data;
      if (isSession(data)) {
        done();
        write(tokenKey(server), data.token);
        resolve(data.user);
      } else if (isObject(data) && data.type === 'riposte-sign-in-error' && typeof data.message === 'string') {
        done();
        reject(new Error(data.message));
      }
    }
    addEventListener('message', onMessage);
    // A closed window sends nothing; give a message already on its way a moment to arrive.
    const watch = setInterval(() => {
      if (!popup.closed) return;
      clearInterval(watch);
      setTimeout(() => {
        done();
        reject(new Error('closed'));
      }, 500);
    }, 500);
  });
}

/**
 * The full-page flow: leave for the provider, come back to this page and `anchor` signed in.
 * The code that comes back is exchanged only with a verifier this tab keeps (its SHA-256 goes
 * to the server now), so nobody can plant their own sign-in in a reader's page.
 */
async function redirectSignIn(server: string, site: string, provider: string, anchor: string): Promise<void> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(RETURN_KEY, JSON.stringify({ anchor, verifier }));
  location.assign(startUrl(server, site, provider, { page: location.href.replace(/#.*$/, ''), challenge }));
}

async function signOut(server: string): Promise<void> {
  const headers = authHeaders(server);
  forget(server);
  // Revoked on the server too; if that fails the token is still gone from this browser.
  await call('POST', url(server, 'auth/logout'), undefined, undefined, headers).catch(() => undefined);
}

function secrets(server: string): Record<string, [string, number]> {
  try {
    const parsed: unknown = JSON.parse(read(secretsKey(server)) ?? '{}');
    return isObject(parsed) ? (parsed as Record<string, [string, number]>) : {};
  } catch {
    return {}; // not ours, or damaged: the reader loses only the Edit buttons of old comments
  }
}

/** Keeps the secret a guest got for a new comment, dropping ones too old to use. */
function rememberSecret(server: string, id: number, secret: string): void {
  const all = secrets(server);
  const cutoff = Date.now() - SECRET_DAYS * 86_400_000;
  for (const [key, [, at]] of Object.entries(all)) if (!(at > cutoff)) delete all[key];
  all[id] = [secret, Date.now()];
  write(secretsKey(server), JSON.stringify(all));
}

/** Comment ids this browser posted as a guest and still holds the secret for. */
function guestComments(server: string): Set<number> {
  return new Set(Object.keys(secrets(server)).map(Number));
}

/** Proof of authorship for one comment: the session, and the guest secret if this browser has one. */
function proof(server: string, id: number): Record<string, string> {
  const secret = secrets(server)[id]?.[0];
  return { ...authHeaders(server), ...(typeof secret === 'string' ? { 'riposte-comment-secret': secret } : {}) };
}

const commentSource = (server: string, id: number) =>
  call<{ body: string }>('GET', url(server, `api/v1/comments/${id}`), undefined, undefined, proof(server, id));

const editComment = (server: string, id: number, body: string) =>
  call<{ comment: WireComment }>('PATCH', url(server, `api/v1/comments/${id}`), { body }, undefined, proof(server, id));

const deleteComment = (server: string, id: number) =>
  call<null>('DELETE', url(server, `api/v1/comments/${id}`), undefined, undefined, proof(server, id));

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isSession(data: unknown): data is WireSession {
  return (
    isObject(data) &&
    data.type === 'riposte-session' &&
    typeof data.token === 'string' &&
    isObject(data.user) &&
    typeof data.user.name === 'string'
  );
}
