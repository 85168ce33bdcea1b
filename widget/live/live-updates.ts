/// <reference types="vite/client" />
/**
 * Live updates for `<riposte-thread>`, a chunk fetched once the thread scrolls into view
 * (watch-live.ts): a Server-Sent Events stream of the thread's changes (GET
 * /api/v1/threads/events). Edits, deletions, votes and the like count change in place; new
 * comments wait behind "N new comments", which the reader opens, so the page never jumps.
 * The stream closes while the tab is hidden and resumes from the last event's id on return;
 * after an error it reconnects later and later (1 s, 2 s, 4 s, ... up to a minute).
 */
import type { ReactiveController } from 'lit';
// lit-html is in embed.js already (the thread draws with it): nothing more to fetch.
import { html, nothing } from 'lit/html.js';
import { LIVE_EVENTS, type LiveChange, type LiveReady } from '../../shared/live.ts';
import { Formats } from '../format.ts';
import type { LiveStrings } from '../i18n/strings.ts';
import type { RiposteThread } from '../riposte-thread.ts';
import { applyChange, applyPage, type LiveState, openFresh } from './live-changes.ts';

/** The live catalogues, one chunk per language (widget/locales/LANG/live.ts). */
const liveCatalogues = import.meta.glob<LiveStrings>('../locales/*/live.ts', { import: 'default' });

const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 60_000;

export async function startLive(host: RiposteThread, lang: string): Promise<LiveUpdates> {
  const strings = await liveCatalogues[`../locales/${lang}/live.ts`]!();
  return new LiveUpdates(host, strings, new Formats(lang));
}

export class LiveUpdates implements ReactiveController {
  /** New comments the reader has not opened yet. */
  private _fresh: LiveState['fresh'] = [];
  private _source?: EventSource;
  /** The id of the last event: the thread version the screen is up to date with (before any event: the load's). */
  private _version?: string;
  /** Which thread the stream follows (a new load may be of another). */
  private _following = '';
  private _retryMs = FIRST_RETRY_MS;
  private _timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: RiposteThread,
    private readonly strings: LiveStrings,
    private readonly formats: Formats,
  ) {
    host.live = this;
    // Connected already: this opens the stream.
    host.addController(this);
  }

  hostConnected() {
    document.addEventListener('visibilitychange', this._onVisibility);
    this._open();
  }

  hostDisconnected() {
    document.removeEventListener('visibilitychange', this._onVisibility);
    this._close();
  }

  /** The thread loaded again (another order, a retry, another page): follow it from what it shows now. */
  reloaded() {
    if (this._following === this._followKey()) return;
    this._fresh = [];
    this._version = undefined;
    this._close();
    this._open();
  }

  /** "2 new comments", where the thread shows it; announced politely when it appears or changes. */
  banner() {
    const n = this._unseen();
    return html`<div class="more" aria-live="polite">${
      n
        ? html`<button part="new-comments" class="secondary" @click=${this._openFresh}>${this.formats.count(n, this.strings.newComments)}</button>`
        : nothing
    }</div>`;
  }

  private _followKey() {
    const { api, site, key } = this.host;
    return `${api.server} ${site} ${key}`;
  }

  private _open() {
    if (this._source || document.hidden || !this.host.isConnected || !this.host.key) return;
    clearTimeout(this._timer);
    const { api, site, key, version } = this.host;
    this._following = this._followKey();
    // Named even the first time: the server then asks for the thread again only if it changed since it was loaded.
    const since = this._version ?? String(version);
    const source = new EventSource(api.href('api/v1/threads/events', { site, page: key, since }));
    this._source = source;
    source.addEventListener(LIVE_EVENTS.ready, (event) => {
      this._retryMs = FIRST_RETRY_MS;
      const ready: LiveReady = JSON.parse(event.data);
      this._version = event.lastEventId;
      // The thread changed since what is shown was read (loaded, or the last event): compare.
      if (ready.refetch) void this._refetch();
    });
    source.addEventListener(LIVE_EVENTS.change, (event) => {
      this._version = event.lastEventId;
      this._change(JSON.parse(event.data));
    });
    source.addEventListener(LIVE_EVENTS.refetch, () => void this._refetch());
    // The browser would retry at once, forever (or never, after a refusal): ours waits longer each time.
    source.addEventListener('error', () => {
      this._close();
      this._timer = setTimeout(() => this._open(), this._retryMs * (0.8 + Math.random() * 0.4));
      this._retryMs = Math.min(this._retryMs * 2, LAST_RETRY_MS);
    });
  }

  private _close() {
    clearTimeout(this._timer);
    this._source?.close();
    this._source = undefined;
  }

  /** Hidden tab: no stream. Back: resume from the last event's id (the server says whether anything changed). */
  private _onVisibility = () => (document.hidden ? this._close() : this._open());

  private _state(): LiveState {
    return { segments: this.host.segments, fresh: this._fresh };
  }

  private _accept({ segments, fresh }: LiveState) {
    this.host.segments = segments;
    this._fresh = fresh;
    this.host.requestUpdate();
  }

  /** How many fresh comments wait; one the thread shows by now (the reader's own, just posted) is not new. */
  private _unseen(): number {
    const loaded = new Set(this.host.comments.map((c) => c.id));
    this._fresh = this._fresh.filter((c) => !loaded.has(c.id));
    return this._fresh.length;
  }

  /**
   * The heading counts what the reader can see: the thread's count less the comments waiting
   * behind "N new comments" (they count once opened). The reader's own new comment is counted
   * by the writing side when its post is answered, whether or not its event came first.
   */
  private _counts(count: number, likes: number) {
    this.host.count = count - this._unseen();
    this.host.like = { ...this.host.like, count: likes };
  }

  private _change(change: LiveChange) {
    this._accept(applyChange(this._state(), change));
    this._counts(change.count, change.likes);
  }

  /** Reads the thread's first page again and compares it with what is shown (after a gap or a time away). */
  private async _refetch() {
    const { api, site, key, sort } = this.host;
    try {
      const page = await api.getThread(site, key, sort);
      this._accept(applyPage(this._state(), page.comments));
      this._counts(page.count, page.likes);
    } catch (error) {
      // What is on screen stays; the next change or reconnect tries again.
      console.warn('Riposte: the comments could not be read again.', error);
    }
  }

  /** The reader opens the new comments: they take their places, and focus goes to the first. */
  private _openFresh = async () => {
    const first = this._fresh[0]?.id;
    const opened = this._unseen();
    this.host.segments = openFresh(this._state(), this.host.sort);
    this.host.count += opened;
    this._fresh = [];
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (first !== undefined) this.host.commentElement(first)?.focus();
  };
}
