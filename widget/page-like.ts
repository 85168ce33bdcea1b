/** The page's like ("N readers like this"): its state, checked with the server, and toggling it. */
import type { ReactiveControllerHost } from 'lit';
import type { Api } from './api.ts';
import { t } from './i18n.ts';
import { isLiked, likerId, setLiked, storedLikerId } from './storage.ts';

/** What the like needs of the thread element (it has no lifecycle of its own, so no addController). */
export interface PageLikeHost extends Pick<ReactiveControllerHost, 'requestUpdate'> {
  site: string;
  /** The thread's client of the comment server. */
  readonly api: Api;
  pageKey(): string;
  notify(message: string): void;
}

export class PageLike {
  count = 0;
  liked = false;
  /** True while a change is being saved. */
  busy = false;

  constructor(private readonly host: PageLikeHost) {}

  /** The count from a freshly loaded thread; whether this browser likes it, from storage, then the server. */
  accept(count: number) {
    this.count = count;
    this.liked = isLiked(this.host.site, this.host.pageKey());
    this.host.requestUpdate();
    void this._check();
  }

  /**
   * The server knows whether this browser likes the page; what storage remembers may be lost
   * or stale. Only a browser that ever liked something has an id to ask with.
   */
  private async _check() {
    const liker = storedLikerId();
    if (!liker) return;
    try {
      const state = await this.host.api.getLikes(this.host.site, this.host.pageKey(), liker);
      if (this.busy) return; // the reader clicked meanwhile: their answer wins
      this._set(state.count, state.liked);
    } catch {
      // The remembered state stays; nothing else depends on it.
    }
  }

  /** Likes or unlikes: shown at once, then corrected by the server's answer (or put back on failure). */
  async toggle(liked: boolean) {
    const before = { count: this.count, liked: this.liked };
    this.count = Math.max(0, this.count + (liked ? 1 : -1));
    this.liked = liked;
    this.busy = true;
    this.host.notify('');
    try {
      const answer = await this.host.api.putLike({
        site: this.host.site,
        page: this.host.pageKey(),
        liker: likerId(),
        liked,
      });
      this._set(answer.count, answer.liked);
    } catch {
      // The reader sees the button go back and a short message; nothing else depends on it.
      this.count = before.count;
      this.liked = before.liked;
      this.host.notify(t.likeFailed);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  private _set(count: number, liked: boolean) {
    this.count = count;
    this.liked = liked;
    setLiked(this.host.site, this.host.pageKey(), liked);
    this.host.requestUpdate();
  }
}
