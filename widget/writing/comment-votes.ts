/**
 * Votes on comments, for the thread: the reader's own votes (asked as their account when
 * signed in, else as this browser's liker id) and casting one, shown at once and then set to
 * the server's counts, or put back when it fails.
 */
import type { ReaderVotes, VoteRequest, VoteState } from '../../shared/wire.ts';
import type { FormStrings } from '../i18n/strings.ts';
import { ApiError } from '../api.ts';
import { findComment, mapComments } from '../thread-segments.ts';
import { likerId, storedLikerId } from './liker-id.ts';
import type { Writing } from './writing.ts';

export class CommentVotes {
  /** The reader's own votes, by comment id. */
  private readonly _mine = new Map<number, 1 | -1>();

  constructor(private readonly writing: Writing) {}

  mine(id: number): -1 | 0 | 1 {
    return this._mine.get(id) ?? 0;
  }

  /** Asks for the reader's votes on the page, where they may have some (signed in, or this browser liked or voted once). */
  async load() {
    const { host, account } = this.writing;
    const liker = storedLikerId();
    if (!host.votes || (!liker && !account.user)) return;
    const query = { site: host.site, page: host.key, ...(liker ? { liker } : {}) };
    try {
      const { votes } = await host.api.send<ReaderVotes>('GET', 'api/v1/votes', { query, asReader: true });
      this._mine.clear();
      for (const [id, value] of Object.entries(votes)) this._mine.set(Number(id), value);
      host.requestUpdate();
    } catch (error) {
      // The counts stay right; only the reader's own votes are not marked.
      console.warn('Riposte: your votes could not be loaded.', error);
    }
  }

  /** Casts (1, -1) or takes back (0) the reader's vote on comment `id`. */
  async cast(id: number, value: -1 | 0 | 1) {
    const { host, strings } = this.writing;
    const comment = findComment(host.segments, id);
    if (!comment) return;
    const { up = 0, down = 0 } = comment;
    const before = this.mine(id);
    const is = (vote: number, v: number) => Number(vote === v);
    if (this.writing.errors.has(id)) this.writing.commentError(id, null);
    this._set(id, value, up - is(before, 1) + is(value, 1), down - is(before, -1) + is(value, -1));
    try {
      const body: VoteRequest = { liker: likerId(), value };
      const state = await host.api.send<VoteState>('PUT', `api/v1/comments/${id}/vote`, { body, asReader: true });
      this._set(id, state.value, state.up, state.down);
    } catch (error) {
      this._set(id, before, up, down);
      this.writing.commentError(id, voteError(error, strings));
    }
  }

  /** The reader's vote and the comment's counts in place (a count of 0 left out, as the server leaves it out). */
  private _set(id: number, value: -1 | 0 | 1, up: number, down: number) {
    if (value === 0) this._mine.delete(id);
    else this._mine.set(id, value);
    this.writing.host.changeSegments((segments) =>
      mapComments(segments, (c) => {
        if (c.id !== id) return c;
        const { up: _up, down: _down, ...rest } = c;
        return { ...rest, ...(up > 0 ? { up } : {}), ...(down > 0 ? { down } : {}) };
      }),
    );
  }
}

/** What a reader is told when their vote failed: the server's reason in their language (its rate limit as a voting one). */
export function voteError(error: unknown, strings: FormStrings): ApiError | string {
  if (!(error instanceof ApiError) || error.code === 'internal') return strings.voteFailed;
  return error.code === 'rate_limited' ? strings.votingTooQuickly : error;
}
