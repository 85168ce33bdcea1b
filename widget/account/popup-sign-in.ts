/**
 * The sign-in popup: the provider's login runs in a window on the comment server's origin,
 * whose last page posts the new session back to this page (or why there is none).
 */
import type { WireSession } from '../../shared/wire.ts';
import type { SignInFailure } from '../events.ts';
import type { FormStrings } from '../i18n/strings.ts';

/** A closed window sends nothing: this long between looks, and as long again for a message already on its way. */
const WATCH_MS = 500;

/**
 * Opens `startUrl` in a popup and resolves with the session it posts back, or why it did not.
 * Must run within the reader's click (popups need it); null when the browser blocked it.
 */
export function popupSignIn(
  startUrl: string,
  serverOrigin: string,
  strings: Pick<FormStrings, 'popupClosed'>,
): Promise<WireSession | SignInFailure> | null {
  const popup = open(startUrl, 'riposte-sign-in', 'popup,width=520,height=680');
  if (!popup) return null;
  return new Promise((resolve) => {
    const done = (outcome: WireSession | SignInFailure) => {
      removeEventListener('message', onMessage);
      clearInterval(watch);
      resolve(outcome);
    };
    function onMessage(event: MessageEvent) {
      // Only the popup we opened, on the comment server's origin, may sign the reader in.
      if (event.origin !== serverOrigin || event.source !== popup) return;
      const data: unknown = event.data;
      if (isSession(data)) done(data);
      else if (isObject(data) && data.type === 'riposte-sign-in-error' && typeof data.message === 'string')
        done({ message: data.message, redirect: false });
    }
    addEventListener('message', onMessage);
    const watch = setInterval(() => {
      if (!popup.closed) return;
      clearInterval(watch);
      setTimeout(() => done({ message: strings.popupClosed, redirect: true }), WATCH_MS);
    }, WATCH_MS);
  });
}

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
