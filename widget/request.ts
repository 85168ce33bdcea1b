/** A request to the thread from an element inside it (a form, the sign-in panel), answered with null or why it failed, or a preview. */
import type { RiposteEventDetails } from './events.ts';

type Request = 'riposte-submit' | 'riposte-sign-in' | 'riposte-email-sign-in' | 'riposte-subscriptions' | 'riposte-preview';

/** Sends a request up from `from` and resolves with the thread's answer: null or why it failed (a preview: its HTML or why not). */
export function request<K extends Request>(
  from: EventTarget,
  type: K,
  detail: Omit<RiposteEventDetails[K], 'reply'>,
): Promise<Parameters<RiposteEventDetails[K]['reply']>[0]> {
  return new Promise((reply) => from.dispatchEvent(new CustomEvent(type, { detail: { ...detail, reply }, bubbles: true, composed: true })));
}
