/**
 * `<riposte-thread>`: loads the first page of a page's comments, in the reader's order, with
 * the strings of the page's language and draws it, long runs of replies folded; everything for
 * writing (form, sign-in, likes, votes, one's own comments) follows in a chunk of its own
 * (writing/writing.ts), and reading further (more pages, a permalink further down) in another
 * (thread-reading.ts), so readers get the comments first.
 */
import { html, nothing } from 'lit/html.js';
import { DEFAULT_SITE } from '../shared/default-site.ts';
import type { WireMention } from '../shared/notifications.ts';
import { THREAD_SORTS, type ThreadSort, type WireComment, type WireThread } from '../shared/wire.ts';
import { type Api, ApiError, createApi } from './api.ts';
import { commentView, type CommentContext } from './comment-view.ts';
import { emit } from './events.ts';
import { fontWarmup } from './font-warmup.ts';
import { Formats } from './format.ts';
import { elementLanguage, FALLBACK, matchLanguage } from './i18n/languages.ts';
import type { ThreadStrings } from './i18n/strings.ts';
import { LANGUAGES, loadThreadStrings } from './i18n/thread-catalogues.ts';
import { LeanElement, type PropertyValues } from './lean-element.ts';
import { pageKey } from './page.ts';
import { RelativeClock } from './relative-clock.ts';
import { isLiked } from './liked.ts';
import { FOLD, shownReplies } from './reply-folds.ts';
import { loadSort, saveSort } from './sort-choice.ts';
import { threadStyles } from './thread-styles.ts';
import type { Segment } from './thread-segments.ts';
import { buildTree, type CommentNode, MAX_INDENT_DEPTH } from './tree.ts';
import type { Writing } from './writing/writing.ts';

/** The page's like as the header shows it. */
export interface LikeState {
  count: number;
  liked: boolean;
  /** True while a change is being saved. */
  busy: boolean;
}

/**
 * A page's comment section: "N Responses", the like button, the feed link, the threaded
 * comments and "Leave a Reply", in the language of the element (its `lang`, else the page's).
 * The only element that talks to the server, through its one client (api.ts) and the writing
 * side's controllers: the elements inside get properties and send events.
 *
 * @fires riposte-loaded - The thread was loaded; `detail.thread` is what the server sent.
 * @fires riposte-posted - The reader's comment was stored; `detail.comment` is it.
 * @csspart header - The count, like button and feed link.
 * @csspart title - The "N Responses" heading.
 * @csspart like-button - The like toggle.
 * @csspart like-count - The "N readers like this." text.
 * @csspart feed-link - "Subscribe to comments with RSS".
 * @csspart sort - The "Sort by" choice (oldest first, newest first, best).
 * @csspart comments - The list of comments (one per run of loaded pages).
 * @csspart more-button - "Show more comments" after the comments loaded so far.
 * @csspart new-comments - "N new comments" above the comments: posted since the reader opened the page.
 * @csspart fold-button - "Show N more replies" where a long run of replies folds.
 * @csspart pinned - The "Pinned" mark on a comment the owner pinned.
 * @csspart vote-button - The upvote and downvote buttons with their counts (inactive on one's own comment and in a closed thread).
 * @csspart reply-form - A reply form under a comment (the form inside is `form`).
 * @csspart closed - "Comments are closed.", in place of the form on a locked or closed thread.
 * @slot - The thread as the server drew it into the page (GET /api/v1/threads/html), for readers
 *   without JavaScript: shown in place of the loading placeholder until the thread is drawn.
 * @csspart loading - The placeholder shown while loading.
 * @csspart error - The message shown when loading failed, with its `retry-button`.
 * @cssproperty --riposte-accent - Links, buttons, focus rings (default blue, lighter on dark pages).
 * @cssproperty --riposte-accent-contrast - Text on accent buttons.
 * @cssproperty --riposte-muted - Secondary text (default: the text colour, faded).
 * @cssproperty --riposte-border - Lines and field borders.
 * @cssproperty --riposte-surface - Quiet backgrounds: the owner's comments, code.
 * @cssproperty --riposte-bg-highlight - The comment a permalink points at.
 * @cssproperty --riposte-danger - Error messages.
 * @cssproperty --riposte-radius - Corner rounding.
 * @cssproperty --riposte-font-size - Text size (default: inherited).
 * @cssproperty --riposte-avatar-size - Avatar diameter.
 * @cssproperty --riposte-input-bg - Field background.
 * @cssproperty --riposte-min-height - Space kept while loading, so the page does not jump.
 * @cssproperty --riposte-form-height - Space kept for "Leave a Reply" while its code loads.
 */
export class RiposteThread extends LeanElement {
  static override styles = threadStyles;
  static override properties = {
    site: {},
    pageId: { attribute: 'page-id' },
    pageUrl: { attribute: 'page-url' },
    pageTitle: { attribute: 'page-title' },
    server: {},
    _t: { state: true },
    _failure: { state: true },
    _loaded: { state: true },
    _segments: { state: true },
    _sort: { state: true },
    _unfolded: { state: true },
    _more: { state: true },
    _votes: { state: true },
    _count: { state: true },
    _like: { state: true },
    _replyTo: { state: true },
    _highlight: { state: true },
    _announcement: { state: true },
    _closed: { state: true },
    _limit: { state: true },
  };

  /**
   * Whether the page holds the thread as the server drew it (GET /api/v1/threads/html) inside
   * this element: readers without JavaScript read that; the widget shows it until its own is drawn.
   */
  private get _serverDrawn(): boolean {
    return this.querySelector('.riposte-html') !== null;
  }

  /** The comment server's root URL, set by embed.ts from where the script was loaded. */
  static defaultServer = '';

  /** The site this page belongs to, when one server holds several blogs. */
  site: string = DEFAULT_SITE;

  /** A stable id for the page (stays the same when its address changes); else its address is used. */
  pageId: string | null = null;

  /** The page's address, stored with new comments (default: canonical link or this address). */
  pageUrl: string | null = null;

  /** The page's title, stored with new comments (default: document.title). */
  pageTitle: string | null = null;

  /** The comment server's root URL, when it is not where embed.js came from. */
  server = '';

  /** The thread's strings and formats once loaded (the language's chunk comes with the comments). */
  private _t?: ThreadStrings;
  /** Why the last load failed, until a retry starts. */
  private _failure: unknown = null;
  private _loaded = false;
  /** The pages loaded so far, in runs (thread-segments.ts): the first page, then any the reader asked for. */
  private _segments: Segment[] = [];
  /** The order the reader chose (remembered in this browser). */
  private _sort: ThreadSort = loadSort();
  /** Comments whose long run of replies is unfolded (reply-folds.ts). */
  private _unfolded: ReadonlySet<number> = new Set();
  /** The run of pages whose next page is loading, and the run whose last try failed, with why. */
  private _more: { at: number | null; failed?: number; error?: string } = { at: null };
  /** The votes the site takes; undefined: none. */
  private _votes: WireThread['votes'];
  /** The whole thread's count (not only the pages loaded). */
  private _count = 0;
  /** Other pages that answered this one (approved Webmentions), shown after the comments. */
  private _mentions: WireMention[] = [];
  private _like: LikeState = { count: 0, liked: false, busy: false };
  private _replyTo: number | null = null;
  private _highlight: number | null = null;
  /** Said by screen readers (visually hidden): "Your comment was posted.", errors about one comment. */
  private _announcement = '';
  /** The thread takes no new comments: locked by the owner, or closed after the site's number of days. */
  private _closed = false;
  /** How many comments a drawing draws (all, or the first few of a long page, more each frame: see updated()). */
  private _limit = Number.POSITIVE_INFINITY;

  /** Writing: loaded after the comments show (writing/writing.ts); `writing` resolves once it is here. */
  private _writing?: Writing;
  private _writingLoaded?: Promise<Writing>;

  /** Live updates, once the thread has scrolled into view (live/live-updates.ts): draws "N new comments". */
  live?: { banner(): unknown };

  /** The client of the comment server; see `api`. */
  private _api?: Api;
  private _formats = new Formats('en');
  private _clock = new RelativeClock(this);
  /** Comments drawn by the last drawing so far, in reading order; past `_limit` they wait. */
  private _shown = 0;
  /** The page's key as this element names it (page.ts). */
  private _page = '';
  /** The page's key as the server normalised it (shared/page-key.ts), once the thread is loaded. */
  private _key = '';
  /** The thread's version its first page showed when loaded: live updates start from it. */
  private _version = 0;
  /** Each run of loaded pages as a reply tree. */
  private _trees: CommentNode[][] = [];
  /** What the current load is for (server, site, page, language, order): a change of any loads again. */
  private _loading = '';
  private _abort?: AbortController;

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', this._onHashChange);
  }

  override disconnectedCallback() {
    window.removeEventListener('hashchange', this._onHashChange);
    super.disconnectedCallback();
  }

  override willUpdate(changed: PropertyValues) {
    // Cheap, and the canonical link or title may have changed since the last look.
    this._page = pageKey(this.pageId);
    const lang = matchLanguage(elementLanguage(this), LANGUAGES) ?? FALLBACK;
    const loading = [this.api.server, this.site, this._page, lang, this._sort].join(' ');
    if (loading !== this._loading) {
      // Another order of the same thread: its comments stay on screen (and the choice keeps focus) until it is here.
      const resort = this._loaded && loading.slice(0, loading.lastIndexOf(' ')) === this._loading.slice(0, this._loading.lastIndexOf(' '));
      this._loading = loading;
      void this._load(lang, resort);
    }
    if (changed.has('_segments')) this._trees = this._segments.map((segment) => buildTree(segment.comments));
  }

  override updated() {
    // The widget's own drawing has replaced the server's: drop that copy, so ids such as
    // #comment-7 and the text of each comment are in the page once.
    if (this._loaded && !this._failure) for (const drawn of this.querySelectorAll(':scope > .riposte-html')) drawn.remove();
    // A code block with a long line scrolls sideways: keyboard users reach it with Tab and
    // scroll it with the arrow keys (axe: scrollable-region-focusable).
    for (const pre of this.renderRoot.querySelectorAll<HTMLElement>('.body pre:not([tabindex])')) pre.tabIndex = 0;
    // Comments wait past the limit: CHUNK more draw after the frame that paints these (a timer
    // set in a frame runs after it paints), so the first ones show alone and no task is long.
    const next = this._limit + CHUNK;
    if (this._shown > this._limit) requestAnimationFrame(() => setTimeout(() => (this._limit = Math.max(this._limit, next))));
    else this._limit = Number.POSITIVE_INFINITY;
  }

  override render() {
    const t = this._t;
    this._shown = 0;
    return html`<section aria-labelledby="title" lang=${this._formats.lang}>
      ${this._failure ? this._renderError(t) : t && this._loaded ? this._renderThread(t) : this._renderLoading(t)}
      <div class="visually-hidden" role="status">${this._announcement}</div>
    </section>`;
  }

  private _renderLoading(t: ThreadStrings | undefined) {
    // The thread as the server drew it into the page stays on screen until the widget's own drawing replaces it.
    const shown = this._serverDrawn
      ? html`<slot></slot>`
      : html`<div part="loading" class="loading" role="status">
          <p id="title">${t?.loading}</p>
          ${[0, 1, 2].map(() => html`<div class="skeleton"><span></span><span></span></div>`)}
        </div>`;
    return html`${shown}${fontWarmup}`;
  }

  /** Why loading failed. */
  private _renderError(t: ThreadStrings | undefined) {
    const message = this._message(this._failure);
    return html`<div part="error" class="failed" role="alert">
      <p id="title"><strong>${t?.loadFailed}</strong> ${message}</p>
      <button part="retry-button" class="secondary" @click=${this._retry}>${t?.retry ?? '↻'}</button>
    </div>${this._serverDrawn ? html`<slot></slot>` : nothing}`;
  }

  /** What went wrong, in the reader's language once the writing side's strings are here (else the server's words). */
  private _message(error: unknown): string {
    if (!(error instanceof ApiError)) return String(error);
    const known = this._writing?.strings.errors[error.code];
    // A refused origin: the reader's line, then the server's words for the site's owner (what to allow, for which site).
    return error.code === 'origin_not_allowed' && known ? `${known} ${error.message}` : (known ?? error.message);
  }

  private _renderThread(t: ThreadStrings) {
    const { count, liked, busy } = this._like;
    const w = this._writing;
    const x = this._context(t);
    return html`<header part="header">
        <h2 id="title" part="title">${this._formats.count(this._count, t.responses)}</h2>
        <span class="like">
          <button part="like-button" aria-pressed=${liked} aria-disabled=${busy} @click=${this._onLike}>
            <span class="heart" aria-hidden="true">${liked ? '♥' : '♡'}</span>${t.like}
          </button>
          <span part="like-count" class="count">${this._formats.count(count, t.likes)}</span>
        </span>
        ${w?.notice ? html`<span class="notice">${w.notice}</span>` : nothing}
        <a part="feed-link" class="feed" href=${this.api.feedUrl(this.site, this._key)}>${feedIcon}${t.subscribe}</a>
      </header>
      ${this._count > 1 ? this._renderSort(t) : nothing}${this.live?.banner()}
      ${this._segments.map((segment, i) => {
        const tree = this._trees[i] ?? [];
        return html`${tree.length ? html`<ol part="comments" class="comments">${tree.map((node) => this._renderNode(node, x))}</ol>` : nothing}${
          segment.next && this._limit === Number.POSITIVE_INFINITY ? this._renderMore(t, i) : nothing
        }`;
      })}
      ${w?.mentions(this._mentions, x.now)}
      ${this._closed ? html`<p part="closed" class="closed">${t.closed}</p>` : (w?.form(null, t.leaveReply) ?? html`<div class="form-pending"></div>`)}`;
  }

  /** Oldest first, newest first, and best where the site takes votes. */
  private _renderSort(t: ThreadStrings) {
    const sorts = this._votes ? THREAD_SORTS : THREAD_SORTS.filter((sort) => sort !== 'best');
    return html`<label part="sort" class="sort">${t.sortBy}
      <select @change=${this._onSort}>${sorts.map((sort) => html`<option value=${sort} ?selected=${sort === this._sort}>${t.sorts[sort]}</option>`)}</select>
    </label>`;
  }

  /** "Show more comments" after run `at` of the loaded pages, and why the last try failed. */
  private _renderMore(t: ThreadStrings, at: number) {
    const loading = this._more.at === at;
    return html`<p class="more">
      <button part="more-button" class="secondary" aria-disabled=${loading} @click=${() => this._loadMore(at)}>
        ${loading ? t.loadingMore : t.showMore}
      </button>
      ${this._more.failed === at ? html`<span class="notice" role="alert">${t.loadFailed} ${this._more.error}</span>` : nothing}
    </p>`;
  }

  /** What every comment needs from the thread: made once per drawing, shared by all. */
  private _context(t: ThreadStrings): CommentContext {
    return {
      t,
      formats: this._formats,
      now: this._clock.now,
      reply: (id) => this._reply(id),
      own: this._writing?.own,
      votes: this._votes,
      // The votes' code is the writing side's: here by the time a reader clicks, or soon after.
      vote: (id, value) => void this._writingLoaded?.then((w) => w.votes.cast(id, value)),
    };
  }

  private _renderNode(node: CommentNode, x: CommentContext): unknown {
    // Drawn in reading order (a comment before its replies): past the limit, the rest waits.
    if (this._shown++ >= this._limit) return nothing;
    const { comment } = node;
    const { id } = comment;
    const w = this._writing;
    const editing = w?.account.editing;
    const state = {
      replyTo: node.replyTo,
      replyToId: node.replyToId,
      highlighted: this._highlight === id,
      replying: this._replyTo === id,
      closed: this._closed,
      myVote: w?.votes.mine(id) ?? 0,
      votable: !w?.account.isOwn(comment),
    };
    return html`<li>
      ${commentView(comment, state, x)}
      ${
        editing?.id === id
          ? w?.form(id, '', editing.body)
          : this._replyTo === id
            ? w?.form(id, x.t.replyTo(comment.author.name || x.t.someone))
            : nothing
      }
      ${node.replies.length ? this._renderReplies(node, x) : nothing}
    </li>`;
  }

  /** The replies under a comment: past the first few, a long run folds behind "Show N more replies". */
  private _renderReplies(node: CommentNode, x: CommentContext) {
    const { shown, hidden } = shownReplies(node, this._unfolded);
    return html`<ol class=${node.depth >= MAX_INDENT_DEPTH ? 'replies flat' : 'replies'}>
      ${shown.map((reply) => this._renderNode(reply, x))}
      ${
        hidden
          ? html`<li class="fold"><button part="fold-button" class="quiet" @click=${() => this._unfold(node)}>${this._formats.count(hidden, x.t.moreReplies)}</button></li>`
          : nothing
      }
    </ol>`;
  }

  /** The one client of the comment server, for this element and its controllers; a new one when `server` changes. */
  get api(): Api {
    const root = this.server || RiposteThread.defaultServer || location.href;
    const server = new URL(root.endsWith('/') ? root : `${root}/`, location.href).href;
    if (this._api?.server !== server) this._api = createApi({ server, token: () => this._writing?.account.token() ?? null });
    return this._api;
  }

  /** Loads the language's strings and the thread's first page together; a newer load (or a retry) replaces this one. */
  private async _load(lang: string, resort = false) {
    this._abort?.abort();
    const abort = new AbortController();
    this._abort = abort;
    this._failure = null;
    this._loaded = resort;
    const strings = loadThreadStrings(lang).then((t) => {
      if (!abort.signal.aborted) this._t = t;
    });
    const answer = this.api.getThread(this.site, this._page, this._sort, abort.signal);
    // The request is on its way (the browser sends it while this script runs): the formatters
    // its drawing needs are built meanwhile, rather than before it was sent or after it came.
    if (this._formats.lang !== lang) this._formats = new Formats(lang);
    this._formats.warm();
    try {
      const [thread] = await Promise.all([answer, strings]);
      if (!abort.signal.aborted) this._accept(thread, lang);
    } catch (error) {
      if (abort.signal.aborted) return;
      this._failure = error;
      // The reason is said in the reader's language once the writing side's strings are here.
      this._startWriting(lang, false);
    }
  }

  private _retry() {
    this._loading = '';
    this.requestUpdate();
  }

  private _accept(thread: WireThread, lang: string) {
    // A long page draws a screenful at a time; taking over the server's drawing, all at once, so nothing on screen disappears meanwhile.
    this._limit = this._serverDrawn ? Number.POSITIVE_INFINITY : CHUNK;
    this._segments = [{ comments: thread.comments, next: thread.next }];
    this._unfolded = new Set();
    this._more = { at: null };
    this._votes = thread.votes;
    this._key = thread.page.key;
    this._version = thread.version;
    this._loaded = true;
    this._count = thread.count;
    this._mentions = thread.mentions ?? [];
    this._closed = !!thread.locked || (!!thread.closesAt && Date.now() >= Date.parse(thread.closesAt));
    this._like = { count: thread.likes, liked: isLiked(this.site, this._key), busy: false };
    this._clock.now = Date.now();
    emit(this, 'riposte-loaded', { thread });
    void this.showHash();
    this._startWriting(lang);
  }

  /** Fetches the writing side once; after a load it starts (held comments, the like, the reader's sign-in). */
  private _startWriting(lang: string, loaded = true) {
    this._writingLoaded ??= import('./writing/writing.ts').then((m) => m.loadWriting(this, lang)).then((w) => (this._writing = w));
    this._writingLoaded.then(
      (w) => (loaded ? w.start() : this.requestUpdate()),
      (error: unknown) => {
        this._writingLoaded = undefined; // the next load tries again
        console.error('Riposte: the comment form could not be loaded; reload to try again.', error);
      },
    );
  }

  /** For the writing side: change the loaded comments (post, edit, delete, held ones, votes) and the count. */
  changeSegments(change: (segments: Segment[]) => Segment[], countChange = 0) {
    this._segments = change(this._segments);
    this._count += countChange;
  }

  /** For the writing side: unfolds the replies under `id` (the reader just answered it). */
  unfold(id: number) {
    this._unfolded = new Set([...this._unfolded, id]);
  }

  /** For reading further (thread-reading.ts): the loaded pages, the thread's count, its order. */
  get segments(): Segment[] {
    return this._segments;
  }

  /** Another page (or live comments) in place: the comments it brings draw a chunk at a time after those on screen. */
  set segments(segments: Segment[]) {
    this._limit = this._shown + CHUNK;
    this._segments = segments;
  }

  get count(): number {
    return this._count;
  }

  set count(count: number) {
    this._count = count;
  }

  get sort(): ThreadSort {
    return this._sort;
  }

  /** The votes the site takes; undefined: none. */
  get votes(): WireThread['votes'] {
    return this._votes;
  }

  /** For the writing side: the like as the header shows it. */
  get like(): LikeState {
    return this._like;
  }

  set like(like: LikeState) {
    this._like = like;
  }

  /** For the writing side: the page's key, as the server normalised it. */
  get key(): string {
    return this._key;
  }

  /** For live updates: the thread's version when it was loaded. */
  get version(): number {
    return this._version;
  }

  /** Every loaded comment, in the order of the loaded pages. */
  get comments(): readonly WireComment[] {
    return this._segments.flatMap((segment) => segment.comments);
  }

  /** Has screen readers say `message` (the same message again is said again). */
  async announce(message: string) {
    this._announcement = '';
    await this.updateComplete;
    this._announcement = message;
  }

  /** The dates shown, for the clock: a comment's date and its "(edited …)". */
  *dates(): Iterable<string> {
    for (const c of this.comments) {
      yield c.createdAt;
      if (c.editedAt) yield c.editedAt;
    }
  }

  /** A comment's <article> (it takes focus after posting, or when its permalink is opened). */
  commentElement(id: number): HTMLElement | null {
    return this.renderRoot.querySelector(`#comment-${id}`);
  }

  /**
   * Scrolls to and highlights `#comment-ID` (the browser cannot see ids inside shadow DOM):
   * loads the page that holds it when it is further down the thread, and unfolds the replies
   * that hide it.
   */
  async showHash() {
    const id = Number(/^#comment-(\d+)$/.exec(location.hash)?.[1]);
    if (!id) return;
    // The reply trees are made when the thread draws: let a load just accepted draw first.
    await this.updateComplete;
    if (!this.comments.some((c) => c.id === id)) {
      try {
        const { loadHolding } = await import('./thread-reading.ts');
        if (!(await loadHolding(this, id))) return;
      } catch (error) {
        console.warn(`Riposte: comment ${id} could not be loaded.`, error);
        return;
      }
      await this.updateComplete;
    }
    // It may be waiting for a later frame: all draw now.
    this._limit = Number.POSITIVE_INFINITY;
    this._highlight = id;
    await this.updateComplete;
    if (!this.commentElement(id)) await this._unfoldTo(id);
    // Comments draw themselves after the thread does, and off-screen responses are laid out
    // only when near the screen (content-visibility): scroll, let sizes settle, scroll again.
    const element = this.commentElement(id);
    for (let i = 0; i < 2; i++) {
      await new Promise(requestAnimationFrame);
      // Centred when it fits; a comment taller than the screen shows from its author and date.
      const fits = (element?.getBoundingClientRect().height ?? 0) < innerHeight * 0.8;
      element?.scrollIntoView({ block: fits ? 'center' : 'start' });
    }
    element?.focus({ preventScroll: true });
  }

  /** Unfolds the replies that hide comment `id` (reading further's code, fetched the first time). */
  private async _unfoldTo(id: number) {
    try {
      const { unfoldFor } = await import('./thread-reading.ts');
      this._unfolded = new Set([...this._unfolded, ...this._trees.flatMap((tree) => unfoldFor(tree, id))]);
      await this.updateComplete;
    } catch (error) {
      console.warn(`Riposte: the replies around comment ${id} could not be unfolded.`, error);
    }
  }

  private _onHashChange = () => void this.showHash();

  /** A new order: saved in this browser; the thread loads again in it (willUpdate sees the change). */
  private _onSort(event: Event) {
    const chosen = event.target instanceof HTMLSelectElement ? event.target.value : '';
    const sort = THREAD_SORTS.find((s) => s === chosen);
    if (!sort || sort === this._sort) return;
    saveSort(sort);
    this._sort = sort;
  }

  /** Loads the page after run `at`; focus goes to the first new response, for keyboard and screen reader users. */
  private async _loadMore(at: number) {
    if (this._more.at !== null) return;
    this._more = { at };
    try {
      const { loadMore } = await import('./thread-reading.ts');
      const added = await loadMore(this, at);
      this._more = { at: null };
      await this.updateComplete;
      if (added[0] !== undefined) this.commentElement(added[0])?.focus();
    } catch (error) {
      // The reader keeps what they have read, and the button to try again (the server leads on
      // from a response hidden or erased since, so a failure is not answered by reloading page 1).
      this._more = { at: null, failed: at, error: this._message(error) };
    }
  }

  /** Unfolds a long run of replies, and takes the reader to the first one that was hidden. */
  private async _unfold(node: CommentNode) {
    this.unfold(node.comment.id);
    await this.updateComplete;
    const first = node.replies[FOLD];
    if (first) this.commentElement(first.comment.id)?.focus();
  }

  /** The like button: the writing side saves the change (it is here by the time a reader clicks, or soon after). */
  private _onLike() {
    if (!this._like.busy) void this._writingLoaded?.then((w) => w.like.toggle(!this._like.liked));
  }

  // Reply and Cancel only open and close forms; the requests (post, sign in, edit, delete) are
  // the writing side's. None leaves the element: riposte-submit carries the reader's email.

  /** A comment's Reply button: opens the reply form under it, or closes it. */
  private _reply(id: number) {
    this._replyTo = this._replyTo === id ? null : id;
    this._writing?.account.stopEditing();
  }

  /** For the writing side: closes the reply form under `parentId` (a reply was posted there), or any. */
  closeReply(parentId?: number | null) {
    if (parentId === undefined || this._replyTo === parentId) this._replyTo = null;
  }
}

/** Comments a long page draws at once, then after each painted frame: a screenful (3 to 6 show on a laptop or a phone). */
const CHUNK = 6;

const feedIcon = html`<svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" fill="currentColor">
  <circle cx="3" cy="13" r="2"></circle>
  <path d="M1 6.5a8.5 8.5 0 0 1 8.5 8.5h-2.2A6.3 6.3 0 0 0 1 8.7zM1 1.5A13.5 13.5 0 0 1 14.5 15h-2.2A11.3 11.3 0 0 0 1 3.7z"></path>
</svg>`;

declare global {
  interface HTMLElementTagNameMap {
    'riposte-thread': RiposteThread;
  }
}
