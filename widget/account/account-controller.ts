/**
 * The reader's account with one comment server, for the thread's writing side (loaded with
 * it, so none of it is in what readers download first). Holds who is signed in,
 * how readers may comment, which comments are the reader's own and which one they edit; signs
 * in (popup, else the full page) and out, and edits and deletes. It talks to the server
 * through the thread's one client, and every change asks the thread to draw again.
 */
import type { ReactiveControllerHost } from 'lit';
import { LIMITS } from '../../shared/limits.ts';
import type { WireSubscription } from '../../shared/notifications.ts';
import type { SignInOptions, WireComment, WireUser } from '../../shared/wire.ts';
import { type Api, ApiError } from '../api.ts';
import { defineOnce } from '../define.ts';
import type { EmailSignInStep, RiposteEventDetails, SignInFailure } from '../events.ts';
import type { FormStrings } from '../i18n/strings.ts';
import {
  deleteComment,
  editComment,
  endSubscription,
  exchangeCode,
  getCommentSource,
  getMe,
  getSignInOptions,
  getSubscriptions,
  logOut,
  startUrl,
} from './account-api.ts';
import {
  commentSecret,
  earlierComments,
  forgetSecrets,
  guestComments,
  keepSessionToken,
  rememberSecret,
  sessionToken,
} from './credentials.ts';
import { askSignInMail, returnedSignInMail, signInWithCode } from './email-sign-in.ts';
import { popupSignIn } from './popup-sign-in.ts';
import { leaveToSignIn, returnedSignIn } from './redirect-sign-in.ts';

/** What the controller needs from the thread's writing side (writing/writing.ts). */
export interface AccountHost extends Pick<ReactiveControllerHost, 'requestUpdate'> {
  readonly site: string;
  /** The thread's client of the comment server. */
  readonly api: Api;
  readonly strings: FormStrings;
  /** Puts an edited comment in place, or takes a deleted one out (a placeholder if it has replies). */
  replaceComment(id: number, comment: WireComment | null): void;
  /** Shows why a change to a comment failed at that comment (null: clears it). */
  commentError(id: number, error: unknown): void;
  /** Scrolls to `#comment-ID` once back from the full-page flow. */
  showHash(): Promise<void>;
}

/** The sign-in panel: a chunk of its own, fetched only where there is someone to show or a provider to offer. */
let signInPanel: Promise<void> | null = null;
function loadSignIn(): Promise<void> {
  signInPanel ??= import('../riposte-sign-in.ts').then(
    (m) => defineOnce('riposte-sign-in', m.RiposteSignIn),
    (error: unknown) => {
      signInPanel = null; // the next page load tries again
      throw error;
    },
  );
  return signInPanel;
}

export class AccountController {
  user: WireUser | null = null;
  options: SignInOptions | null = null;
  /** The reader's own comment being edited, with its Markdown. */
  editing: { id: number; body: string } | null = null;
  /** Comments this browser posted as a guest (it holds their secrets). */
  private _guestOwn: Set<number>;

  constructor(private readonly host: AccountHost) {
    this._guestOwn = guestComments(host.api.server);
  }

  private get _api() {
    return this.host.api;
  }

  private _set(changes: Partial<Pick<AccountController, 'user' | 'options' | 'editing'>>) {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }

  /** The session token for requests made as the reader (the client's token source). */
  token(): string | null {
    return sessionToken(this._api.server);
  }

  /**
   * How readers may comment, and who this reader is: finishes a full-page sign-in if the page
   * came back with its one-time code, then checks the stored token (401: forgotten).
   */
  async load() {
    const back = returnedSignIn();
    if (back) {
      try {
        keepSessionToken(this._api.server, (await exchangeCode(this._api, back.code, back.verifier)).token);
      } catch (error) {
        console.warn('Riposte: the sign-in could not be completed; log in again.', error);
      }
    }
    try {
      const session = await returnedSignInMail(this._api);
      if (session) keepSessionToken(this._api.server, session.token);
    } catch (error) {
      console.warn('Riposte: the sign-in link did not work; ask for a new mail.', error);
    }
    const options = await getSignInOptions(this._api, this.host.site);
    let user: WireUser | null = null;
    if (this.token()) {
      try {
        ({ user } = await getMe(this._api));
      } catch (error) {
        if (error instanceof ApiError && error.code === 'unauthorized') keepSessionToken(this._api.server, null);
        else console.warn('Riposte: could not check the sign-in; commenting as a guest for now.', error);
      }
    }
    if (user || options.providers.length || options.mail) {
      await loadSignIn().catch((error: unknown) =>
        console.warn('Riposte: the sign-in panel could not be loaded; reload to try again.', error),
      );
    }
    this._set({ options, user });
    if (back?.anchor) await this.host.showHash();
  }

  /** Whether the comment is the reader's: their account's, or one this browser wrote as a guest. */
  isOwn(comment: WireComment): boolean {
    return (!!this.user && comment.author.id === this.user.id) || this._guestOwn.has(comment.id);
  }

  /** [may edit, may delete]: the reader's own comment, within the site's edit window where that applies. */
  rights(comment: WireComment): [boolean, boolean] {
    const byUser = !!this.user && comment.author.id === this.user.id;
    const byGuest = this._guestOwn.has(comment.id);
    const open = !!this.options && Date.now() - Date.parse(comment.createdAt) < this.options.editWindowMinutes * 60_000;
    return [(byUser || byGuest) && open, byUser || (byGuest && open)];
  }

  /** For a guest's post: the proof that this browser wrote earlier comments (a signed-in author's account is proof enough). */
  earlierComments() {
    return this.user ? undefined : earlierComments(this._api.server, LIMITS.earlierCommentsMax);
  }

  /** After a post as a guest: keep the secret that lets this browser edit it. */
  posted(id: number, secret: string | undefined) {
    if (!secret) return;
    rememberSecret(this._api.server, id, secret);
    this._guestOwn.add(id);
    this.host.requestUpdate();
  }

  /** This browser's guest comments with their secrets (at most `max`, the newest): what proves them the reader's. */
  guestProofs(max: number) {
    return earlierComments(this._api.server, max);
  }

  /** The reader deleted their data: this browser forgets their session and guest secrets too. */
  forget() {
    keepSessionToken(this._api.server, null);
    forgetSecrets(this._api.server);
    this._guestOwn = new Set();
    this._set({ user: null });
  }

  /** After a failed request: forget a sign-in the server no longer accepts. */
  failed(error: unknown) {
    if (!(error instanceof ApiError && error.code === 'unauthorized')) return;
    keepSessionToken(this._api.server, null);
    this._set({ user: null });
  }

  /** Must run within the reader's click (a popup opened later is blocked). Resolves with why it did not happen, or null. */
  async signIn({ provider, redirect, parentId }: Omit<RiposteEventDetails['riposte-sign-in'], 'reply'>): Promise<SignInFailure | null> {
    const { site } = this.host;
    if (redirect) {
      // Back to the comment answered, or where the reader was.
      const anchor = parentId === null ? location.hash : `#comment-${parentId}`;
      await leaveToSignIn(anchor, (back) => startUrl(this._api, site, provider, back));
      return null;
    }
    const signedIn = popupSignIn(startUrl(this._api, site, provider), new URL(this._api.server).origin, this.host.strings);
    if (!signedIn) return { message: this.host.strings.popupBlocked, redirect: true };
    const outcome = await signedIn;
    if (!('token' in outcome)) return outcome;
    keepSessionToken(this._api.server, outcome.token);
    this._set({ user: outcome.user });
    return null;
  }

  /** "Log in with email": asks for the mail, or signs in with its code. Resolves with why not, or null. */
  async emailSignIn(step: EmailSignInStep): Promise<SignInFailure | null> {
    try {
      if (step.step === 'start') {
        await askSignInMail(this._api, this.host.site, step.email, step.name);
        return null;
      }
      const session = await signInWithCode(this._api, step.code);
      keepSessionToken(this._api.server, session.token);
      this._set({ user: session.user });
      return null;
    } catch (error) {
      // The server's words say what was wrong with what was typed; other failures in the reader's language.
      const message =
        error instanceof ApiError ? (error.code === 'invalid_input' ? error.message : this.host.strings.errors[error.code]) : String(error);
      return { message, redirect: false };
    }
  }

  /** The signed-in reader's subscriptions, after ending the one given, if any; else why not, in the reader's language. */
  async subscriptions(end: number | null): Promise<WireSubscription[] | string> {
    try {
      if (end !== null) await endSubscription(this._api, end);
      return (await getSubscriptions(this._api)).subscriptions;
    } catch (error) {
      return error instanceof ApiError ? this.host.strings.errors[error.code] : String(error);
    }
  }

  async signOut() {
    // Asked before the token is forgotten (the request reads it as it starts), then signed
    // out here at once; if the server cannot be told, the token is still gone from this browser.
    const revoked = logOut(this._api);
    keepSessionToken(this._api.server, null);
    this._set({ user: null });
    await revoked.catch((error: unknown) => console.warn('Riposte: the session could not be revoked on the server.', error));
  }

  /** Opens the editor on the reader's own comment, with its Markdown from the server (or says at the comment why not). */
  async edit(id: number) {
    this.host.commentError(id, null);
    try {
      const { body } = await getCommentSource(this._api, id, commentSecret(this._api.server, id));
      this._set({ editing: { id, body } });
    } catch (error) {
      this.host.commentError(id, error);
    }
  }

  /** Closes the editor without saving (Reply or Cancel elsewhere); the thread draws next anyway. */
  stopEditing() {
    this.editing = null;
  }

  async save(id: number, body: string) {
    const { comment } = await editComment(this._api, id, body, commentSecret(this._api.server, id));
    this.host.replaceComment(id, comment);
    this._set({ editing: null });
  }

  /** Deletes the reader's own comment once they confirm (or says at the comment why it could not). */
  async remove(id: number) {
    if (!confirm(this.host.strings.confirmDelete)) return;
    this.host.commentError(id, null);
    try {
      await deleteComment(this._api, id, commentSecret(this._api.server, id));
      this.host.replaceComment(id, null);
    } catch (error) {
      this.host.commentError(id, error);
    }
  }
}
