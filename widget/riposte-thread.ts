/**
 * `<riposte-thread>`: loads one page's comments with the strings of the page's language and
 * draws them; everything for writing (form, sign-in, likes, one's own comments) follows in a
 * chunk of its own (writing/writing.ts), so readers get the comments first.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { DEFAULT_SITE } from '../shared/default-site.ts';
import type { WireComment, WireThread } from '../shared/wire.ts';
import { type Api, ApiError, createApi } from './api.ts';
import { commentView, type CommentContext } from './comment-view.ts';
import { emit } from './events.ts';
import { Formats } from './format.ts';
import { elementLanguage, FALLBACK, matchLanguage } from './i18n/languages.ts';
import type { ThreadStrings } from './i18n/strings.ts';
import { LANGUAGES, loadThreadStrings } from './i18n/thread-catalogues.ts';
import { LeanElement, type PropertyValues } from './lean-element.ts';
import { pageKey } from './page.ts';
import { RelativeClock } from './relative-clock.ts';
import { isLiked } from './liked.ts';
import { threadStyles } from './thread-styles.ts';
import { buildTree, type CommentNode, MAX_INDENT_DEPTH, sliceEnd } from './tree.ts';
import type { Writing } from './writing/writing.ts';

/** Comments drawn per frame: a thread of 1,000 comments draws in slices, never in one long task. */
const SLICE = 60;

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
 * @csspart comments - The list of comments.
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
    _comments: { state: true },
    _count: { state: true },
    _like: { state: true },
    _replyTo: { state: true },
    _highlight: { state: true },
    _shown: { state: true },
    _announcement: { state: true },
    _closed: { state: true },
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
  private _comments: WireComment[] = [];
  private _count = 0;
  private _like: LikeState = { count: 0, liked: false, busy: false };
  private _replyTo: number | null = null;
  private _highlight: number | null = null;
  /** How many responses (with their replies) are drawn so far; see SLICE. */
  private _shown = 0;
  /** Said by screen readers (visually hidden): "Your comment was posted.", errors about one comment. */
  private _announcement = '';
  /** The thread takes no new comments: locked by the owner, or closed after the site's number of days. */
  private _closed = false;

  /** Writing: loaded after the comments show (writing/writing.ts); `writing` resolves once it is here. */
  private _writing?: Writing;
  private _writingLoaded?: Promise<Writing>;

  /** The client of the comment server; see `api`. */
  private _api?: Api;
  private _formats = new Formats('en');
  private _clock = new RelativeClock(this);
  /** The page's key as this element names it (page.ts). */
  private _page = '';
  /** The page's key as the server normalised it (shared/page-key.ts), once the thread is loaded. */
  private _key = '';
  private _tree: CommentNode[] = [];
  /** What the current load is for (server, site, page, language): a change of any loads again. */
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
    const loading = [this.api.server, this.site, this._page, lang].join(' ');
    if (loading !== this._loading) {
      this._loading = loading;
      void this._load(lang);
    }
    if (changed.has('_comments')) this._tree = buildTree(this._comments);
    if (this._shown === 0) this._shown = sliceEnd(this._tree, 0, SLICE);
  }

  override updated() {
    // Draw the next slice once this one is on screen.
    if (this._shown < this._tree.length) requestAnimationFrame(() => (this._shown = sliceEnd(this._tree, this._shown, SLICE)));
    // A code block with a long line scrolls sideways: keyboard users reach it with Tab and
    // scroll it with the arrow keys (axe: scrollable-region-focusable).
    for (const pre of this.renderRoot.querySelectorAll<HTMLElement>('.body pre:not([tabindex])')) pre.tabIndex = 0;
  }

  override render() {
    const t = this._t;
    return html`<section aria-labelledby="title" lang=${this._formats.lang}>
      ${this._failure ? this._renderError(t) : t && this._loaded ? this._renderThread(t) : this._renderLoading(t)}
      <div class="visually-hidden" role="status">${this._announcement}</div>
    </section>`;
  }

  private _renderLoading(t: ThreadStrings | undefined) {
    // The thread as the server drew it into the page stays on screen until the widget's own drawing replaces it.
    if (this._serverDrawn) return html`<slot></slot>`;
    return html`<div part="loading" class="loading" role="status">
      <p id="title">${t?.loading}</p>
      ${[0, 1, 2].map(() => html`<div class="skeleton"><span></span><span></span></div>`)}
    </div>`;
  }

  /** Why loading failed, in the reader's language once the writing side's strings are here (else the server's words). */
  private _renderError(t: ThreadStrings | undefined) {
    const error = this._failure;
    const known = error instanceof ApiError ? this._writing?.strings.errors[error.code] : undefined;
    // A refused origin: the reader's line, then the server's words for the site's owner (what to allow, for which site).
    const message = !(error instanceof ApiError)
      ? String(error)
      : error.code === 'origin_not_allowed' && known
        ? `${known} ${error.message}`
        : (known ?? error.message);
    return html`<div part="error" class="failed" role="alert">
      <p id="title"><strong>${t?.loadFailed}</strong> ${message}</p>
      <button part="retry-button" class="secondary" @click=${this._retry}>${t?.retry ?? '↻'}</button>
    </div>${this._serverDrawn ? html`<slot></slot>` : nothing}`;
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
      ${this._tree.length ? html`<ol part="comments" class="comments">${this._tree.slice(0, this._shown).map((node) => this._renderNode(node, x))}</ol>` : nothing}
      ${this._closed ? html`<p part="closed" class="closed">${t.closed}</p>` : (w?.form(null, t.leaveReply) ?? html`<div class="form-pending"></div>`)}`;
  }

  /** What every comment needs from the thread: made once per drawing, shared by all. */
  private _context(t: ThreadStrings): CommentContext {
    return {
      t,
      formats: this._formats,
      now: this._clock.now,
      reply: (id) => this._reply(id),
      own: this._writing?.own,
    };
  }

  private _renderNode(node: CommentNode, x: CommentContext): TemplateResult {
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
      ${
        node.replies.length
          ? html`<ol class=${node.depth >= MAX_INDENT_DEPTH ? 'replies flat' : 'replies'}>${node.replies.map((reply) => this._renderNode(reply, x))}</ol>`
          : nothing
      }
    </li>`;
  }

  /** The one client of the comment server, for this element and its controllers; a new one when `server` changes. */
  get api(): Api {
    const root = this.server || RiposteThread.defaultServer || location.href;
    const server = new URL(root.endsWith('/') ? root : `${root}/`, location.href).href;
    if (this._api?.server !== server) this._api = createApi({ server, token: () => this._writing?.account.token() ?? null });
    return this._api;
  }

  /** Loads the language's strings and the thread together; a newer load (or a retry) replaces this one. */
  private async _load(lang: string) {
    this._abort?.abort();
    const abort = new AbortController();
    this._abort = abort;
    this._failure = null;
    this._loaded = false;
    const strings = loadThreadStrings(lang).then((t) => {
      if (abort.signal.aborted) return;
      this._t = t;
      if (this._formats.lang !== lang) this._formats = new Formats(lang);
    });
    try {
      const [thread] = await Promise.all([this.api.getThread(this.site, this._page, abort.signal), strings]);
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
    this._comments = thread.comments;
    this._key = thread.page.key;
    this._loaded = true;
    // Taking over the server's drawing: all at once, or the responses not drawn yet would vanish for a few frames.
    this._shown = this._serverDrawn ? Infinity : 0;
    this._count = thread.count;
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

  /** For the writing side: change the comments (post, edit, delete, held ones) and the count. */
  changeComments(change: (comments: WireComment[]) => WireComment[], countChange = 0) {
    this._comments = change(this._comments);
    this._count += countChange;
    this._shown = Infinity;
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

  get comments(): readonly WireComment[] {
    return this._comments;
  }

  /** Has screen readers say `message` (the same message again is said again). */
  async announce(message: string) {
    this._announcement = '';
    await this.updateComplete;
    this._announcement = message;
  }

  /** The dates shown, for the clock: a comment's date and its "(edited …)". */
  *dates(): Iterable<string> {
    for (const c of this._comments) {
      yield c.createdAt;
      if (c.editedAt) yield c.editedAt;
    }
  }

  /** A comment's <article> (it takes focus after posting, or when its permalink is opened). */
  commentElement(id: number): HTMLElement | null {
    return this.renderRoot.querySelector(`#comment-${id}`);
  }

  /** Scrolls to and highlights `#comment-ID`: the browser cannot see ids inside shadow DOM. */
  async showHash() {
    const id = Number(/^#comment-(\d+)$/.exec(location.hash)?.[1]);
    if (!this._comments.some((c) => c.id === id)) return;
    this._highlight = id;
    this._shown = Infinity; // the comment may be in a slice not drawn yet
    await this.updateComplete;
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

  private _onHashChange = () => void this.showHash();

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

const feedIcon = html`<svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" fill="currentColor">
  <circle cx="3" cy="13" r="2"></circle>
  <path d="M1 6.5a8.5 8.5 0 0 1 8.5 8.5h-2.2A6.3 6.3 0 0 0 1 8.7zM1 1.5A13.5 13.5 0 0 1 14.5 15h-2.2A11.3 11.3 0 0 0 1 3.7z"></path>
</svg>`;

declare global {
  interface HTMLElementTagNameMap {
    'riposte-thread': RiposteThread;
  }
}
