/**
 * The full-page sign-in, for when the browser blocks the popup: leave for the provider, come
 * back to this page signed in, at the comment the reader left from. The code that comes back
 * is bound to a verifier this tab keeps (../pkce.ts).
 */
import { newPkce, takeReturnedCode } from '../pkce.ts';

/** In this tab only: where to come back to, and the verifier the code is bound to. */
const RETURN_KEY = 'riposte:return';

/** Leaves for the provider: `start` makes its start page's address, returning to this page. */
export async function leaveToSignIn(anchor: string, start: (back: { page: string; challenge: string }) => string): Promise<void> {
  const { verifier, challenge } = await newPkce();
  sessionStorage.setItem(RETURN_KEY, JSON.stringify({ anchor, verifier }));
  location.assign(start({ page: location.href.replace(/#.*$/, ''), challenge }));
}

/**
 * Back from the full-page flow: the one-time code, this tab's verifier, and the `#comment-ID`
 * the reader left from (back in the address). Null unless this tab started the sign-in: a code
 * someone else put in the address is ignored.
 */
export function returnedSignIn(): { code: string; verifier: string; anchor: string } | null {
  const started = startedSignIn();
  const code = takeReturnedCode(started?.anchor ?? '');
  if (!code) return null;
  sessionStorage.removeItem(RETURN_KEY);
  return started && { code, ...started };
}

function startedSignIn(): { anchor: string; verifier: string } | null {
  let saved: unknown = null;
  try {
    saved = JSON.parse(sessionStorage.getItem(RETURN_KEY) ?? 'null');
  } catch {
    // Damaged: as if no sign-in had started.
  }
  if (typeof saved !== 'object' || saved === null) return null;
  const { anchor, verifier }: { anchor?: unknown; verifier?: unknown } = saved;
  return typeof anchor === 'string' && typeof verifier === 'string' ? { anchor, verifier } : null;
}
