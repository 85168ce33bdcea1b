/** What a reader is told when a vote fails: the server's reason in their language, a rate limit as one on voting. */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../widget/api.ts';
import en from '../../widget/locales/en/form.ts';
import { voteError } from '../../widget/writing/comment-votes.ts';

describe('voteError', () => {
  it('says a rate limit is about voting, not posting', () => {
    expect(voteError(new ApiError('rate_limited', 'Too many votes.'), en)).toBe('You are voting too quickly. Wait a minute and try again.');
  });

  it("passes the server's other reasons on, and says the vote was not saved for an internal error or any other failure", () => {
    const closed = new ApiError('thread_closed', 'Closed.');
    expect(voteError(closed, en)).toBe(closed);
    expect(voteError(new ApiError('internal', 'Boom.'), en)).toBe(en.voteFailed);
    expect(voteError(new TypeError('Failed to fetch'), en)).toBe(en.voteFailed);
  });
});
