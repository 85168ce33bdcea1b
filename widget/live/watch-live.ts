/**
 * Starts live updates for a thread once it scrolls into view (IntersectionObserver): no
 * connection and no live code before that. The code (live-updates.ts) is a chunk of its own.
 */
import type { RiposteThread } from '../riposte-thread.ts';

const watched = new WeakMap<RiposteThread, { loaded?: Promise<{ reloaded(): void }> }>();

/** Called after each load of the thread; `lang` is the thread's language. */
export function watchLive(host: RiposteThread, lang: string): void {
  const known = watched.get(host);
  if (known) {
    void known.loaded?.then((live) => live.reloaded());
    return;
  }
  const entry: { loaded?: Promise<{ reloaded(): void }> } = {};
  watched.set(host, entry);
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    observer.disconnect();
    entry.loaded = import('./live-updates.ts').then((m) => m.startLive(host, lang));
    entry.loaded.catch((error: unknown) => {
      // Reading and writing go on without live updates; the next page view tries again.
      console.warn('Riposte: live updates could not be loaded.', error);
    });
  });
  observer.observe(host);
}
