/** The page's like ("N readers like this"): checked with the server, and toggled, for the thread's header. */
import type { LikeState } from '../riposte-thread.ts';
import { likedKey } from '../liked.ts';
import { write } from '../storage.ts';
import { likerId, storedLikerId } from './liker-id.ts';
import { getLikes, putLike } from './writing-api.ts';
import type { Writing } from './writing.ts';

export class PageLike {
  constructor(private readonly writing: Writing) {}

  private get _host() {
    return this.writing.host;
  }

  /**
   * The server knows whether this browser likes the page; what storage remembers may be lost
   * or stale. Only a browser that ever liked something has an id to ask with.
   */
  async check() {
    const liker = storedLikerId();
    if (!liker) return;
    try {
      const { site, api, key } = this._host;
      const state = await getLikes(api, site, key, liker);
      if (this._host.like.busy) return; // the reader clicked meanwhile: their answer wins
      this._set(state);
    } catch (error) {
      // The remembered state stays; nothing else depends on it.
      console.warn('Riposte: could not check the like with the server.', error);
    }
  }

  /** Likes or unlikes: shown at once, then corrected by the server's answer (or put back on failure). */
  async toggle(liked: boolean) {
    const host = this._host;
    const before = host.like;
    host.like = { count: Math.max(0, before.count + (liked ? 1 : -1)), liked, busy: true };
    this.writing.notice = '';
    try {
      this._set(await putLike(host.api, { site: host.site, page: host.key, liker: likerId(), liked }));
    } catch {
      // The reader sees the button go back and a short message beside it; nothing else depends on it.
      host.like = { ...before, busy: false };
      this.writing.notice = this.writing.strings.likeFailed;
      void host.announce(this.writing.notice);
    }
  }

  private _set({ count, liked }: Omit<LikeState, 'busy'>) {
    const host = this._host;
    write(likedKey(host.site, host.key), liked ? '1' : null);
    host.like = { count, liked, busy: false };
  }
}
