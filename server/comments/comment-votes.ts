/**
 * Readers' votes on comments: one per reader and comment, a signed-in reader as their account,
 * anyone else as their browser's random liker id (the one page likes use). That second kind is
 * a soft limit: a reader who clears their browser's storage, or uses another browser, votes
 * again; the per-address rate limit (app.ts) keeps that slow.
 */
import { siteSettings } from '../../shared/site-settings.ts';
import type { ReaderVotes, VoteState } from '../../shared/wire.ts';
import type { AppDeps } from '../http/app-env.ts';
import { RiposteError } from '../http/errors.ts';
import type { ThreadRow, UserRow } from '../store/schema.ts';
import { keyedHash } from '../tokens.ts';
import { checkThreadOpen } from './comment-rules.ts';
import type { Target } from './comment-ownership.ts';

type VoteDeps = Pick<AppDeps, 'store' | 'hashKey' | 'now' | 'live'>;

/** Who votes: the signed-in reader, else the browser's liker id; null when neither is known. */
export function voterOf(hashKey: string, user: UserRow | null, liker: string | undefined): string | null {
  if (user) return `user:${user.id}`;
  return liker === undefined ? null : `liker:${keyedHash(hashKey, 'liker', liker)}`;
}

/** The voter, or a 400 saying what is missing; `why` ends the message ("to vote"). */
function requireVoter(voter: string | null, why: string): string {
  if (voter !== null) return voter;
  const message = `Send your browser's liker id, or sign in, ${why}.`;
  throw new RiposteError(400, 'invalid_input', message, { liker: message });
}

export interface VoteRequest {
  /** The comment voted on, as comment-ownership.ts's visibleComment finds it (never deleted or spam). */
  target: Target;
  user: UserRow | null;
  liker: string | undefined;
  /** 1 up, -1 down, 0 takes the vote back. */
  value: -1 | 0 | 1;
}

/** Casts, changes or takes back a vote; answers the comment's counts after it. */
export async function castVote(deps: VoteDeps, { target, user, liker, value }: VoteRequest): Promise<VoteState> {
  const { comment, thread, site } = target;
  const settings = siteSettings(site.settings);
  if (settings.votes === 'off') throw new RiposteError(403, 'votes_off', 'Votes are turned off on this site.');
  if (value === -1 && settings.votes !== 'updown') throw new RiposteError(403, 'votes_off', 'This site counts upvotes only.');
  // A held comment is seen by its author alone: there is nothing for others to vote on yet.
  if (comment.status !== 'approved') throw new RiposteError(404, 'not_found', `There is no comment ${comment.id}.`);
  if (user !== null && comment.userId === user.id) throw new RiposteError(403, 'forbidden', 'You cannot vote on your own comment.');
  const now = deps.now();
  checkThreadOpen(thread, settings, now);
  const counts = await deps.store.votes.set(
    comment.id,
    requireVoter(voterOf(deps.hashKey, user, liker), 'to vote'),
    value,
    now.toISOString(),
  );
  deps.live.changed({ comment: comment.id });
  return { up: counts.up, down: settings.votes === 'updown' ? counts.down : 0, value };
}

/** The reader's votes on the thread's comments (none on a page without a thread). */
export async function readerVotes(
  deps: VoteDeps,
  thread: ThreadRow | undefined,
  user: UserRow | null,
  liker: string | undefined,
): Promise<ReaderVotes> {
  const voter = requireVoter(voterOf(deps.hashKey, user, liker), 'to see your votes');
  const votes: ReaderVotes['votes'] = {};
  if (thread) for (const [id, value] of await deps.store.votes.ofVoter(thread.id, voter)) votes[id] = value;
  return { votes };
}
