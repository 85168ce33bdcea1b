/** The widget's typed custom events (`riposte-` prefix, bubbling, composed) and how to send them. */
// Children tell the thread what the reader did (properties go down, events go up), and the
// thread tells the host page what happened; composed, so they leave the shadow DOM.
import type { WireSubscription } from '../shared/notifications.ts';
import type { WireComment, WireThread } from '../shared/wire.ts';
import type { ApiError } from './api.ts';

/** What a reader typed into a comment form. */
export interface CommentDraft {
  /** The comment answered, or null for a response to the page. */
  parentId: number | null;
  body: string;
  author: { name: string; email: string; website: string };
  /** Whether to keep name, email and website in this browser. */
  remember: boolean;
  /** The comment being edited, or null for a new one. */
  editId: number | null;
  /** The hidden honeypot field: empty unless a robot filled it. */
  trap: string;
  /** Milliseconds the form was on screen before it was sent (spam defence: people take a while). */
  formMs: number;
  /** The notification boxes ticked (all false where the server sends no mail). */
  notify: { replies: boolean; thread: boolean };
}

/** A step of "Log in with email": the mail asked for, or the code from it typed in. */
export type EmailSignInStep = { step: 'start'; email: string; name: string } | { step: 'code'; code: string };

/** Why a sign-in did not happen, shown where it was asked for. */
export interface SignInFailure {
  message: string;
  /** Offer the full-page flow instead (the popup was blocked or closed). */
  redirect: boolean;
}

/**
 * A request to the thread, the only element that talks to the server (as in the admin view):
 * the thread calls `reply` once the work is done, with null or why it failed.
 */
interface Replies<Failure> {
  reply: (failure: Failure | null) => void;
}

export interface RiposteEventDetails {
  /** A form was sent: post it, or save the edit (from `<riposte-comment-form>`). */
  'riposte-submit': CommentDraft & Replies<ApiError>;
  /** A reply form was cancelled with its button or Escape (from `<riposte-comment-form>`). */
  'riposte-cancel': { parentId: number | null };
  /** A provider's button was pressed; `redirect` for the full-page flow (from `<riposte-sign-in>`). */
  'riposte-sign-in': { provider: string; redirect: boolean; parentId: number | null } & Replies<SignInFailure>;
  /** "Log in with email": send the mail, or sign in with the code from it (from `<riposte-sign-in>`). */
  'riposte-email-sign-in': { ask: EmailSignInStep } & Replies<SignInFailure>;
  /** A signed-in reader's subscriptions: list them (`end` null) or end one, then list them (from `<riposte-sign-in>`); the answer is the list or why not. */
  'riposte-subscriptions': { end: number | null; reply: (answer: WireSubscription[] | string) => void };
  /** "Log Out" or "Change" was pressed (from `<riposte-sign-in>`). */
  'riposte-sign-out': Record<string, never>;
  /** "My data" was pressed (from `<riposte-sign-in>`'s signed-in line), or its panel closed (from `<riposte-my-data>`). */
  'riposte-my-data': Record<string, never>;
  'riposte-my-data-close': Record<string, never>;
  /** The form asks for its Markdown rendered as the server would store it (from `<riposte-comment-form>`). */
  'riposte-preview': { body: string; reply: (answer: { html: string } | ApiError) => void };
  /** The thread loaded or reloaded (from `<riposte-thread>`, for the host page). */
  'riposte-loaded': { thread: WireThread };
  /** A comment was stored (from `<riposte-thread>`, for the host page). */
  'riposte-posted': { comment: WireComment };
}

export type RiposteEvent<K extends keyof RiposteEventDetails> = CustomEvent<RiposteEventDetails[K]>;

declare global {
  interface GlobalEventHandlersEventMap {
    'riposte-submit': RiposteEvent<'riposte-submit'>;
    'riposte-cancel': RiposteEvent<'riposte-cancel'>;
    'riposte-sign-in': RiposteEvent<'riposte-sign-in'>;
    'riposte-sign-out': RiposteEvent<'riposte-sign-out'>;
    'riposte-email-sign-in': RiposteEvent<'riposte-email-sign-in'>;
    'riposte-subscriptions': RiposteEvent<'riposte-subscriptions'>;
    'riposte-preview': RiposteEvent<'riposte-preview'>;
    'riposte-my-data': RiposteEvent<'riposte-my-data'>;
    'riposte-my-data-close': RiposteEvent<'riposte-my-data-close'>;
    'riposte-loaded': RiposteEvent<'riposte-loaded'>;
    'riposte-posted': RiposteEvent<'riposte-posted'>;
  }
}

/** Dispatches a typed, bubbling, composed event from `target`. */
export function emit<K extends keyof RiposteEventDetails>(target: EventTarget, type: K, detail: RiposteEventDetails[K]): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
