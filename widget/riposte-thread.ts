/**
 * `<riposte-thread>`: loads a page's thread a page of comments at a time, in the reader's
 * order, draws them with their folds, votes and forms, and posts.
 */
import { Task } from '@lit/task';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DEFAULT_SITE, LIMITS } from '../shared/limits.ts';
import { THREAD_SORTS, type PreviewAnswer, type ThreadSort, type WireComment, type WireThread } from '../shared/wire.ts';
import type { AccountController } from './account/account-controller.ts';
import { type Api, ApiError, createApi } from './api.ts';
import type { CommentVotes } from './comment-votes.ts';
import { emit, type CommentDraft, type RiposteEvent } from './events.ts';
import { formatCount } from './format.ts';
import { t } from './i18n.ts';
import { loadCommentForm } from './lazy-element.ts';
import { pageIdentity, type PageIdentity } from './page.ts';
import { RiposteComment } from './riposte-comment.ts';
import { PageLike } from './page-like.ts';
import { FOLD, shownReplies, unfoldFor } from './reply-folds.ts';
import { loadSort, ownHeld, rememberHeld, saveGuest, saveSort, storedLikerId } from './storage.ts';
import { threadStyles } from './thread-styles.ts';
import { addComment, addHoldingPage, appendPage, findComment, firstSegments, mapComments, type Segment } from './thread-segments.ts';
import { buildTree, type CommentNode } from './tree.ts';

const COMMENT_PARTS = 'comment, comment-by-owner, avatar, author, badge, pinned, permalink, body, vote-button, reply-button';
const FORM_PARTS = 'form, form-title, submit-button';

/**
 * A page's comment section: "N Responses", the like button, the feed link, the threaded
 * comments and "Leave a Reply". The only element that talks to the server, through its one
 * client (api.ts) and its controllers (the page's like, the reader's account): the elements
 * inside get properties and send events, and the forms' requests are answered here.
 *
 * @fires riposte-loaded - The thread was loaded; `detail.thread` is what the server sent.
 * @fires riposte-posted - The reader's comment was stored; `detail.comment` is it.
 * @csspart header - The count, like button and feed link.
 * @csspart title - The "N Responses" heading.
 * @csspart feed-link - "Subscribe to comments with RSS".
 * @csspart sort - The "Sort by" choice (oldest first, newest first, best).
 * @csspart comments - The list of comments (one per run of loaded pages).
 * @csspart more-button - "Show more comments" after the comments loaded so far.
 * @csspart fold-button - "Show N more replies" where long runs of replies fold.
 * @csspart reply-form - A reply form under a comment (the form inside is `form`).
 * @csspart closed - "Comments are closed.", in place of the form on a locked or closed thread.
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
export class RiposteThread extends LitElement {
  static override styles = threadStyles;

  /** The comment server's root URL, set by embed.ts from where the script was loaded. */
  static defaultServer = '';

  /** The site this page belongs to, when one server holds several blogs. */
  @property() site: string = DEFAULT_SITE;

  /** A stable id for the page (stays the same when its address changes); else its address is used. */
  @property({ attribute: 'page-id' }) pageId: string | null = null;

  /** The page's address, stored with new comments (default: canonical link or this address). */
  @property({ attribute: 'page-url' }) pageUrl: string | null = null;

  /** The page's title, stored with new comments (default: document.title). */
  @property({ attribute: 'page-title' }) pageTitle: string | null = null;

  /** The comment server's root URL, when it is not where embed.js came from. */
  @property() server = '';

  /** The pages loaded so far, in runs (see thread-segments.ts). */
  @state() private _segments: Segment[] = [];
  /** The order the reader chose (remembered in this browser). */
  @state() private _sort: ThreadSort = loadSort();
  /** Comments whose long run of replies the reader unfolded (see reply-folds.ts). */
  @state() private _unfolded: ReadonlySet<number> = new Set();
  /** The run of pages whose next page is loading, and why the last try failed. */
  @state() private _more: { at: number | null; error: string } = { at: null, error: '' };
  /** The votes the site takes; undefined: none. */
  @state() private _votesMode: WireThread['votes'];
  @state() private _count = 0;
  @state() private _replyTo: number | null = null;
  @state() private _highlight: number | null = null;
  /** Said by screen readers (visually hidden): "Your comment was posted." */
  @state() private _announcement = '';
  /** Shown next to the like button when saving a like failed. */
  @state() private _notice = '';
  /** The thread takes no new comments: locked by the owner, or closed after the site's number of days. */
  @state() private _closed = false;

  /** Sign-in and the reader's own comments: loaded on demand, after the comments (account/). */
  private _account?: AccountController;

  /** The reader's votes: loaded on demand, when they vote or may have voted before (comment-votes.ts). */
  private _votes?: CommentVotes;

  /** The client of the comment server; see `api`. */
  private _api?: Api;

  private _page: PageIdentity = { key: '', url: undefined, title: undefined };
  /** Each run of pages as a reply tree. */
  private _trees: CommentNode[][] = [];

  /** The page's like: its own controller (page-like.ts). */
  private _like = new PageLike(this);

  private _load = new Task(this, {
    args: () => [this.api, this.site, this._page.key, this._sort] as const,
    task: ([api, site, page, sort], { signal }) => api.getThread(site, page, sort, signal),
    onComplete: (thread) => this._accept(thread),
  });

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
    this._page = pageIdentity(this.pageId, this.pageUrl, this.pageTitle);
    if (changed.has('_segments')) this._trees = this._segments.map((segment) => buildTree(segment.comments));
  }

  override render() {
    return html`<section aria-labelledby="title" @riposte-reply=${this._onReply} @riposte-cancel=${this._onCancel}
      @riposte-submit=${this._onSubmit} @riposte-like=${this._onLike} @riposte-sign-in=${this._onSignIn}
      @riposte-sign-out=${this._onSignOut} @riposte-edit=${this._onEdit} @riposte-delete=${this._onDelete}
      @riposte-vote=${this._onVote} @riposte-preview=${this._onPreview}>
      ${this._load.render({
        initial: () => this._renderLoading(),
        // Another order loading: the comments stay until it is here.
        pending: () => (this._segments.length ? this._renderThread() : this._renderLoading()),
        complete: () => this._renderThread(),
        error: (error) => this._renderError(error),
      })}
      <div class="visually-hidden" aria-live="polite">${this._announcement}</div>
    </section>`;
  }

  private _renderLoading() {
    return html`<div part="loading" class="loading" role="status">
      <p id="title">${t.loading}</p>
      ${[0, 1, 2].map(() => html`<div class="skeleton"><span></span><span></span></div>`)}
    </div>`;
  }

  private _renderError(error: unknown) {
    const message = error instanceof ApiError ? (t.errors[error.code] ?? error.message) : t.errors.internal;
    return html`<div part="error" class="failed" role="alert">
      <p id="title"><strong>${t.loadFailed}</strong> ${message}</p>
      <button part="retry-button" class="secondary" @click=${() => this._load.run()}>${t.retry}</button>
    </div>`;
  }

  private _renderThread() {
    return html`<header part="header">
        <h2 id="title" part="title">${formatCount(this._count, t.responses)}</h2>
        <riposte-like exportparts="like-button, like-count" .count=${this._like.count} .liked=${this._like.liked} .busy=${this._like.busy}></riposte-like>
        ${this._notice ? html`<span class="notice" role="status">${this._notice}</span>` : nothing}
        ${this._count > 1 ? this._renderSort() : nothing}
        <a part="feed-link" class="feed" href=${this.api.feedUrl(this.site, this._page.key)}>${feedIcon}${t.subscribe}</a>
      </header>
      ${this._segments.map(
        (segment, i) =>
          html`${
            this._trees[i]?.length
              ? html`<ol part="comments" class="comments">${this._trees[i].map((node) => this._renderNode(node))}</ol>`
              : nothing
          }${segment.next ? this._renderMore(i) : nothing}`,
      )}
      ${this._closed ? html`<p part="closed" class="closed">${t.closed}</p>` : this._form(null, t.leaveReply)}`;
  }

  /** Oldest first, newest first, and best where the site takes votes. */
  private _renderSort() {
    const sorts = this._votesMode ? THREAD_SORTS : THREAD_SORTS.filter((sort) => sort !== 'best');
    const chosen = sorts.find((sort) => sort === this._sort) ?? 'oldest';
    return html`<label part="sort" class="sort">${t.sortBy}
      <select @change=${this._onSort}>${sorts.map((sort) => html`<option value=${sort} ?selected=${sort === chosen}>${t.sorts[sort]}</option>`)}</select>
    </label>`;
  }

  /** "Show more comments" after run `at` of the loaded pages. */
  private _renderMore(at: number) {
    const loading = this._more.at === at;
    return html`<p class="more">
      <button part="more-button" class="secondary" aria-disabled=${loading} @click=${() => this._loadMore(at)}>
        ${loading ? t.loadingMore : t.showMore}
      </button>
      ${this._more.error && this._more.at === null ? html`<span class="notice" role="alert">${this._more.error}</span>` : nothing}
    </p>`;
  }

  /** "Leave a Reply" (parentId null), a reply under a comment, or the editor of one (`edit`: its Markdown). */
  private _form(parentId: number | null, heading: string, edit: string | null = null) {
    const a = this._account;
    return html`<riposte-comment-form part=${parentId ? 'reply-form' : ''} class=${parentId ? 'reply-form' : ''} exportparts=${FORM_PARTS}
      .parentId=${parentId} .heading=${heading} .editBody=${edit} .user=${a?.user} .options=${a?.options}></riposte-comment-form>`;
  }

  private _renderNode(node: CommentNode): TemplateResult {
    const { id } = node.comment;
    const editing = this._account?.editing;
    const [canEdit, canDelete] = this._account?.rights(node.comment) ?? [];
    return html`<li>
      <riposte-comment id="comment-${id}" exportparts=${COMMENT_PARTS} .comment=${node.comment} .replyTo=${node.replyTo}
        .replyToId=${node.replyToId} .highlighted=${this._highlight === id} .replying=${this._replyTo === id}
        .canEdit=${!!canEdit} .canDelete=${!!canDelete} .closed=${this._closed} .votes=${this._votesMode}
        .myVote=${this._votes?.mine.get(id) ?? 0}></riposte-comment>
      ${
        editing?.id === id
          ? this._form(id, '', editing.body)
          : this._replyTo === id
            ? this._form(id, t.replyTo(node.comment.author.name || t.someone))
            : nothing
      }
      ${node.replies.length ? this._renderReplies(node) : nothing}
    </li>`;
  }

  /** The replies under a comment: past the first few, a long run folds behind "Show N more replies". */
  private _renderReplies(node: CommentNode) {
    const { shown, hidden } = shownReplies(node, this._unfolded);
    return html`<ol class=${node.depth >= LIMITS.maxIndentDepth ? 'replies flat' : 'replies'}>
      ${shown.map((reply) => this._renderNode(reply))}
      ${
        hidden
          ? html`<li class="fold"><button part="fold-button" class="quiet" @click=${() => this._unfold(node)}>
            ${formatCount(hidden, t.moreReplies)}</button></li>`
          : nothing
      }
    </ol>`;
  }

  /** The one client of the comment server, for this element and its controllers; a new one when `server` changes. */
  get api(): Api {
    const root = this.server || RiposteThread.defaultServer || location.href;
    const server = new URL(root.endsWith('/') ? root : `${root}/`, location.href).href;
    if (this._api?.server !== server) this._api = createApi({ server, token: () => this._account?.token() ?? null });
    return this._api;
  }

  private _commentElement(id: number): RiposteComment | null {
    const element = this.renderRoot.querySelector(`#comment-${id}`);
    return element instanceof RiposteComment ? element : null;
  }

  private async _accept(thread: WireThread) {
    let segments = firstSegments(thread);
    // The reader's own held comments show only here, in their browser.
    for (const held of ownHeld(this.site, this._page.key, thread.comments)) segments = addComment(segments, held, this._sort);
    this._segments = segments;
    this._unfolded = new Set();
    this._more = { at: null, error: '' };
    this._count = thread.count;
    this._votesMode = thread.votes;
    this._closed = !!thread.locked || (!!thread.closesAt && Date.now() >= Date.parse(thread.closesAt));
    this._like.accept(thread.likes);
    emit(this, 'riposte-loaded', { thread });
    loadCommentForm().catch((error: unknown) =>
      console.error('Riposte: the comment form could not be loaded; reload to try again.', error),
    );
    await this._showHash();
    this._account ??= await import('./account/account-controller.ts').then(({ AccountController }) => new AccountController(this));
    // Without it the guest form still works; signing in waits for the next page view.
    this._account
      .load()
      .catch((error: unknown) => console.warn('Riposte: sign-in is unavailable.', error))
      .then(() => this._loadVotes());
  }

  /** The reader's own votes, where the site takes votes and the reader may have voted (signed in, or this browser voted or liked before). */
  private async _loadVotes() {
    const signedIn = !!this._account?.user;
    if (!this._votesMode || (!signedIn && !storedLikerId())) return;
    try {
      await (await this._voteController()).load(signedIn);
    } catch (error) {
      // The counts stay right; only the reader's own votes are not marked.
      console.warn('Riposte: your votes could not be loaded.', error);
    }
  }

  private async _voteController(): Promise<CommentVotes> {
    this._votes ??= await import('./comment-votes.ts').then(({ CommentVotes }) => new CommentVotes(this));
    return this._votes;
  }

  /** Loads the page after run `at` of the loaded pages. */
  private async _loadMore(at: number) {
    const cursor = this._segments[at]?.next;
    if (!cursor || this._more.at !== null) return;
    this._more = { at, error: '' };
    const before = new Set(this._trees.flat().map((node) => node.comment.id));
    try {
      const page = await this.api.getThread(this.site, this._page.key, this._sort, undefined, { cursor });
      this._segments = appendPage(this._segments, at, page);
      this._count = page.count;
      this._more = { at: null, error: '' };
      await this.updateComplete;
      // Keyboard and screen reader users go on reading where the new comments start.
      const first = this._trees.flat().find((node) => !before.has(node.comment.id));
      if (first) this._commentElement(first.comment.id)?.focus();
    } catch (error) {
      // The comment the page followed is gone (the thread changed): start again from the top.
      if (error instanceof ApiError && error.code === 'not_found') this._load.run();
      this._more = { at: null, error: error instanceof ApiError ? (t.errors[error.code] ?? error.message) : String(error) };
    }
  }

  /** Unfolds a long run of replies, and takes the reader to the first one that was hidden. */
  private async _unfold(node: CommentNode) {
    this._unfolded = new Set([...this._unfolded, node.comment.id]);
    await this.updateComplete;
    const first = node.replies[FOLD];
    if (first) this._commentElement(first.comment.id)?.focus();
  }

  /** For the account controller: an edited comment in place, or a deleted one out (a placeholder if it has replies). */
  replaceComment(id: number, comment: WireComment | null) {
    const all = this._segments.flatMap((segment) => segment.comments);
    const replied = all.some((c) => c.parentId === id);
    // Only approved comments are in the count (a reader's own held comment is not).
    if (!comment && all.some((c) => c.id === id && c.status === 'approved')) this._count -= 1;
    this._segments = mapComments(this._segments, (c) =>
      c.id !== id
        ? c
        : (comment ?? (replied ? { ...c, status: 'deleted', deleted: true, html: '', author: { name: '', avatar: '' } } : null)),
    );
  }

  /** For the votes: a comment's counts in place (a count of 0 is left out, as the server leaves it out). */
  setCounts(id: number, up: number, down: number) {
    this._segments = mapComments(this._segments, (c) => {
      if (c.id !== id) return c;
      const { up: _up, down: _down, ...rest } = c;
      return { ...rest, ...(up > 0 ? { up } : {}), ...(down > 0 ? { down } : {}) };
    });
  }

  /** For the controllers: the page's key (page-id, canonical URL or location). */
  pageKey(): string {
    return this._page.key;
  }

  notify(message: string) {
    this._notice = message;
  }

  showHash() {
    return this._showHash();
  }

  /**
   * Scrolls to and highlights `#comment-ID` (the browser cannot see ids inside shadow DOM):
   * loads the page that holds it if it is further down the thread, and unfolds the replies
   * that hide it.
   */
  private async _showHash() {
    const id = Number(/^#comment-(\d+)$/.exec(location.hash)?.[1]);
    if (!id) return;
    if (!findComment(this._segments, id)) {
      try {
        const page = await this.api.getThread(this.site, this._page.key, this._sort, undefined, { comment: String(id) });
        if (page.comments.some((c) => c.id === id)) this._segments = addHoldingPage(this._segments, page);
      } catch (error) {
        console.warn(`Riposte: comment ${id} could not be loaded.`, error);
      }
      if (!findComment(this._segments, id)) return;
      await this.updateComplete;
    }
    const unfold = this._trees.flatMap((tree) => unfoldFor(tree, id));
    if (unfold.length) this._unfolded = new Set([...this._unfolded, ...unfold]);
    this._highlight = id;
    await this.updateComplete;
    // Comments draw themselves after the thread does, and off-screen responses are laid out
    // only when near the screen (content-visibility): scroll, let sizes settle, scroll again.
    const element = this._commentElement(id);
    for (let i = 0; i < 2; i++) {
      await new Promise(requestAnimationFrame);
      // Centred when it fits; a comment taller than the screen shows from its author and date.
      const fits = (element?.getBoundingClientRect().height ?? 0) < innerHeight * 0.8;
      element?.scrollIntoView({ block: fits ? 'center' : 'start' });
    }
    element?.focus({ preventScroll: true });
  }

  private _onHashChange = () => void this._showHash();

  // Events from the comments and forms inside end here: they are not part of the public API
  // (riposte-submit carries the reader's email), so the host page never sees them.

  private _onSignIn(event: RiposteEvent<'riposte-sign-in'>) {
    event.stopPropagation();
    const { reply, ...asked } = event.detail;
    this._account?.signIn(asked).then(reply, (error: unknown) => reply({ message: String(error), redirect: false }));
  }

  private _onSignOut(event: Event) {
    event.stopPropagation();
    void this._account?.signOut();
  }

  private _onEdit(event: RiposteEvent<'riposte-edit'>) {
    event.stopPropagation();
    this._replyTo = null;
    void this._account?.edit(event.detail.id);
  }

  private _onDelete(event: RiposteEvent<'riposte-delete'>) {
    event.stopPropagation();
    void this._account?.remove(event.detail.id);
  }

  private _onReply(event: RiposteEvent<'riposte-reply'>) {
    event.stopPropagation();
    const { id } = event.detail;
    this._replyTo = this._replyTo === id ? null : id;
    this._account?.stopEditing();
  }

  private async _onCancel(event: RiposteEvent<'riposte-cancel'>) {
    event.stopPropagation();
    const { parentId } = event.detail;
    this._replyTo = null;
    this._account?.stopEditing();
    await this.updateComplete;
    if (parentId !== null) this._commentElement(parentId)?.focusReply();
  }

  /** A form's request: post its comment (or save the edit), then answer it with null or the error. */
  private async _onSubmit(event: RiposteEvent<'riposte-submit'>) {
    event.stopPropagation();
    const { reply, ...draft } = event.detail;
    this._announcement = '';
    let comment: WireComment | undefined;
    try {
      if (draft.editId === null) comment = await this._post(draft);
      else await this._account?.save(draft.editId, draft.body);
    } catch (error) {
      // An expired or revoked sign-in is forgotten: the form falls back to the guest's fields.
      this._account?.failed(error);
      return reply(error instanceof ApiError ? error : new ApiError('internal', String(error)));
    }
    reply(null);
    if (!comment) return;
    await this.updateComplete;
    const element = this._commentElement(comment.id);
    element?.scrollIntoView({ block: 'nearest' });
    element?.focus({ preventScroll: true });
    emit(this, 'riposte-posted', { comment });
  }

  /** Posts a new comment and shows it at once (and to its author only, if it is held for moderation). */
  private async _post({ parentId, body, author, remember, trap, formMs }: CommentDraft): Promise<WireComment> {
    const { comment, secret } = await this.api.postComment({
      site: this.site,
      page: this._page.key,
      url: this._page.url,
      title: this._page.title,
      parentId,
      body,
      author: { name: author.name, email: author.email || undefined, website: author.website || undefined },
      trap: trap || undefined,
      formMs,
    });
    if (comment.status === 'pending') rememberHeld(this.site, this._page.key, comment);
    this._account?.posted(comment.id, secret);
    if (!this._account?.user) saveGuest(remember ? author : null);
    this._segments = addComment(this._segments, comment, this._sort);
    if (comment.status === 'approved') this._count += 1;
    if (parentId !== null && this._replyTo === parentId) this._replyTo = null;
    this._announcement = comment.status === 'approved' ? t.posted : t.postedPending;
    // A reply under a folded run shows at once: its parent's replies unfold.
    if (parentId !== null) this._unfolded = new Set([...this._unfolded, parentId]);
    return comment;
  }

  private _onSort(event: Event) {
    const chosen = event.target instanceof HTMLSelectElement ? event.target.value : '';
    const sort = THREAD_SORTS.find((s) => s === chosen);
    if (!sort || sort === this._sort) return;
    saveSort(sort);
    this._sort = sort; // the thread loads again in the new order (the load task's arguments changed)
  }

  private async _onVote(event: RiposteEvent<'riposte-vote'>) {
    event.stopPropagation();
    const { id, value } = event.detail;
    const comment = findComment(this._segments, id);
    if (!comment) return;
    try {
      await (await this._voteController()).cast(id, value, comment.up ?? 0, comment.down ?? 0);
    } catch (error) {
      // Only the votes' own code failed to load: nothing was counted.
      console.error('Riposte: voting could not be loaded; reload to try again.', error);
      this._notice = t.voteFailed;
    }
  }

  /** The form's preview: its Markdown rendered and sanitised by the server, as posting it would store it. */
  private _onPreview(event: RiposteEvent<'riposte-preview'>) {
    event.stopPropagation();
    const { body, reply } = event.detail;
    this.api
      .send<PreviewAnswer>('POST', 'api/v1/preview', { body: { body } })
      .then(reply, (error: unknown) => reply(error instanceof ApiError ? error : new ApiError('internal', String(error))));
  }

  private _onLike(event: RiposteEvent<'riposte-like'>) {
    event.stopPropagation();
    void this._like.toggle(event.detail.liked);
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
