/**
 * The admin view's live updates: while an admin is logged in, a stream of every comment change
 * (GET /api/v1/admin/events). A comment the view shows with another status by now reloads it
 * (another tab moderated it); a newly held comment is counted in "N new held comments", which reloads the
 * list when pressed, so the list never changes under the admin's cursor on its own accord otherwise.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { LIVE_EVENTS, type LiveAdminChange } from '../../shared/live.ts';
import type { CommentStatus } from '../../shared/wire.ts';
import type { Formats } from '../format.ts';
import type { AdminStrings } from './admin-strings.ts';

export interface AdminLiveView {
  /** Whether an admin is logged in (the stream needs the session cookie). */
  loggedIn(): boolean;
  /** The comments the view shows now, with the status each is shown with. */
  shown(): ReadonlyMap<number, CommentStatus>;
  /** Resolves once a reload in flight (this tab's own action's) is done. */
  settled(): Promise<unknown>;
  /** Reads the current view again. */
  reload(): void;
}

export class AdminLive implements ReactiveController {
  /** Comments held since the list was read, not on screen yet. */
  private _held = new Set<number>();
  private _source?: EventSource;
  private _readyBefore = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly view: AdminLiveView,
  ) {
    host.addController(this);
  }

  hostUpdated() {
    if (this.view.loggedIn() && !this._source) this._open();
    else if (!this.view.loggedIn() && this._source) this._close();
  }

  hostDisconnected() {
    this._close();
  }

  /** "2 new held comments: show", above the list (polite: a screen reader says it between other things). */
  banner(t: AdminStrings, formats: Formats) {
    const n = this._held.size;
    return html`<div aria-live="polite">${
      n ? html`<button class="secondary new-held" @click=${this._show}>${formats.count(n, t.newHeld)}</button>` : nothing
    }</div>`;
  }

  /** The list was read again: what was counted as new is in it, or was moderated since. */
  listed() {
    this._held.clear();
  }

  private _open() {
    // Same origin: the browser sends the admin cookie, and reconnects by itself after a network error.
    const source = new EventSource('/api/v1/admin/events');
    this._source = source;
    source.addEventListener(LIVE_EVENTS.ready, () => {
      // Back after a break: changes may have been missed meanwhile.
      if (this._readyBefore) this.view.reload();
      this._readyBefore = true;
    });
    source.addEventListener('comment', (event) => void this._change(JSON.parse(event.data)));
  }

  private _close() {
    this._source?.close();
    this._source = undefined;
    this._readyBefore = false;
  }

  private async _change(change: LiveAdminChange) {
    // This tab's own action reloads the list itself: compare with what that reload shows.
    await this.view.settled().catch(() => undefined); // a failed reload says so on screen
    const shown = this.view.shown().get(change.id);
    if (shown !== undefined) {
      if (shown !== change.status) this.view.reload();
      return;
    }
    if (change.status === 'pending') this._held.add(change.id);
    else this._held.delete(change.id);
    this.host.requestUpdate();
  }

  private _show = () => {
    this._held.clear();
    this.view.reload();
  };
}
