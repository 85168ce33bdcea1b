/**
 * What a reader does in a thread beyond reading its first page, for `<riposte-thread>`: show
 * more comments, open a permalink further down (the page and the folds that hold it), vote,
 * and preview a comment. Loaded on demand, a chunk of its own (when the reader first acts, or
 * after the thread loads for a reader who may have voted before), so none of it is in what
 * readers download first. It talks to the server through the thread's one client, and every
 * change is made on the thread, which draws again.
 */
import type { ReactiveControllerHost } from 'lit';
import type { PreviewAnswer, ReaderVotes, ThreadSort, VoteRequest, VoteState } from '../shared/wire.ts';
import { type Api, ApiError } from './api.ts';
import { t } from './i18n.ts';
import { unfoldFor } from './reply-folds.ts';
import { likerId, storedLikerId } from './storage.ts';
import { addHoldingPage, appendPage, findComment, mapComments, type Segment } from './thread-segments.ts';
import type { CommentNode } from './tree.ts';

/** What the reading needs of the thread element. */
export interface ReadingHost extends Pick<ReactiveControllerHost, 'requestUpdate' | 'updateComplete'> {
  site: string;
  readonly api: Api;
  pageKey(): string;
  readonly sort: ThreadSort;
  /** The pages loaded so far, in runs (thread-segments.ts), and each run as a reply tree. */
  segments: Segment[];
  readonly trees: CommentNode[][];
  /** The whole thread's count of comments. */
  count: number;
  /** Comments whose long run of replies is unfolded (reply-folds.ts). */
  unfolded: ReadonlySet<number>;
  /** The run of pages whose next page is loading, and why the last try failed. */
  more: { at: number | null; error: string };
  /** Moves focus to a comment (as after loading more, for keyboard and screen reader users). */
  focusComment(id: number): void;
  /** Loads the thread again from its first page. */
  reload(): void;
  notify(message: string): void;
}

const message = (error: unknown) => (error instanceof ApiError ? (t.errors[error.code] ?? error.message) : String(error));

export class ThreadReading {
  /** The reader's own votes, by comment id. */
  readonly votes = new Map<number, 1 | -1>();

  constructor(private readonly host: ThreadReading['_host']) {}

  private get _host(): ReadingHost {
    return this.host;
  }

  private _page(at: { cursor?: string; comment?: string }) {
    const { api, site, sort } = this.host;
    return api.getThread(site, this.host.pageKey(), sort, undefined, at);
  }

  /** Loads the page after run `at` of the loaded pages; focus goes to the first new response. */
  async loadMore(at: number) {
    const host = this.host;
    const cursor = host.segments[at]?.next;
    if (!cursor || host.more.at !== null) return;
    host.more = { at, error: '' };
    const before = new Set(host.trees.flat().map((node) => node.comment.id));
    try {
      const page = await this._page({ cursor });
      host.segments = appendPage(host.segments, at, page);
      host.count = page.count;
      host.more = { at: null, error: '' };
      await host.updateComplete;
      const first = host.trees.flat().find((node) => !before.has(node.comment.id));
      if (first) host.focusComment(first.comment.id);
    } catch (error) {
      host.more = { at: null, error: message(error) };
      // The comment the page followed is gone (the thread changed): start again from the top.
      if (error instanceof ApiError && error.code === 'not_found') host.reload();
    }
  }

  /**
   * Makes `#comment-ID` drawn: loads the page that holds it when it is further down the
   * thread, and unfolds the replies that hide it. False when the thread does not show it.
   */
  async reveal(id: number): Promise<boolean> {
    const host = this.host;
    if (!findComment(host.segments, id)) {
      const page = await this._page({ comment: String(id) });
      if (!page.comments.some((c) => c.id === id)) return false;
      host.segments = addHoldingPage(host.segments, page);
      await host.updateComplete;
    }
    const unfold = host.trees.flatMap((tree) => unfoldFor(tree, id));
    if (unfold.length) host.unfolded = new Set([...host.unfolded, ...unfold]);
    return true;
  }

  /** Asks the server for the reader's votes on the page: as their account when signed in, else as this browser. */
  async loadVotes(signedIn: boolean) {
    const liker = storedLikerId();
    if (!liker && !signedIn) return; // a browser that never voted or liked has no votes to show
    const query: Record<string, string> = { site: this.host.site, page: this.host.pageKey(), ...(liker ? { liker } : {}) };
    const { votes } = await this.host.api.send<ReaderVotes>('GET', 'api/v1/votes', { query, asReader: true });
    this.votes.clear();
    for (const [id, value] of Object.entries(votes)) this.votes.set(Number(id), value);
    this.host.requestUpdate();
  }

  /** Casts (1, -1) or takes back (0) the reader's vote: shown at once, then corrected by the server's counts, or put back. */
  async vote(id: number, value: -1 | 0 | 1) {
    const comment = findComment(this.host.segments, id);
    if (!comment) return;
    const { up = 0, down = 0 } = comment;
    const before = this.votes.get(id) ?? 0;
    const is = (vote: number, v: number) => Number(vote === v);
    this._setVote(id, value);
    this._setCounts(id, up - is(before, 1) + is(value, 1), down - is(before, -1) + is(value, -1));
    this.host.notify('');
    try {
      const body: VoteRequest = { liker: likerId(), value };
      const state = await this.host.api.send<VoteState>('PUT', `api/v1/comments/${id}/vote`, { body, asReader: true });
      this._setCounts(id, state.up, state.down);
    } catch (error) {
      this._setVote(id, before);
      this._setCounts(id, up, down);
      this.host.notify(error instanceof ApiError && error.code === 'votes_off' ? message(error) : t.voteFailed);
    }
  }

  /** The form's preview: its Markdown rendered and sanitised by the server, as posting it would store it. */
  preview(body: string): Promise<PreviewAnswer | ApiError> {
    return this.host.api
      .send<PreviewAnswer>('POST', 'api/v1/preview', { body: { body } })
      .catch((error: unknown) => (error instanceof ApiError ? error : new ApiError('internal', String(error))));
  }

  private _setVote(id: number, value: -1 | 0 | 1) {
    if (value === 0) this.votes.delete(id);
    else this.votes.set(id, value);
    this.host.requestUpdate();
  }

  /** A comment's counts in place (a count of 0 left out, as the server leaves it out). */
  private _setCounts(id: number, up: number, down: number) {
    this.host.segments = mapComments(this.host.segments, (c) => {
      if (c.id !== id) return c;
      const { up: _up, down: _down, ...rest } = c;
      return { ...rest, ...(up > 0 ? { up } : {}), ...(down > 0 ? { down } : {}) };
    });
  }
}
