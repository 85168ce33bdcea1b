/**
 * Keeps relative dates ("5 minutes ago") true while the page is open, with one timer for a
 * whole thread: it wakes when the soonest date on screen changes its words, and not at all
 * once every date is a fixed one (older than a day). Stopped while the thread is disconnected.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { changesAt } from './format.ts';

export interface ClockHost extends ReactiveControllerHost {
  /** The ISO dates the host shows. */
  dates(): Iterable<string>;
}

export class RelativeClock implements ReactiveController {
  /** The time dates are written for: moves on only when some date's words change. */
  now = Date.now();
  private _timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ClockHost) {
    host.addController(this);
  }

  hostConnected() {
    this.now = Date.now();
    this._schedule();
  }

  hostUpdated() {
    this._schedule();
  }

  hostDisconnected() {
    clearTimeout(this._timer);
    this._timer = undefined;
  }

  private _schedule() {
    clearTimeout(this._timer);
    const now = Date.now();
    let next = Infinity;
    for (const iso of this.host.dates()) next = Math.min(next, changesAt(iso, now));
    if (next === Infinity) return;
    this._timer = setTimeout(() => {
      this.now = Date.now();
      this.host.requestUpdate();
    }, next - now);
  }
}
