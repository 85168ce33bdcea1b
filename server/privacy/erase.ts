/**
 * Erasing a person: their comments that others answered stay as the thread's "deleted"
 * placeholder, emptied of name, text and every personal field; the rest are removed; votes,
 * likes, subscriptions, sessions and accounts go. One transaction, recorded in the Log with
 * who asked and the counts, never what was erased.
 */
import type { ErasureSummary } from '../../shared/privacy.ts';
import type { AppDeps } from '../http/app-env.ts';
import { commentPlaces, recordCommentChange } from '../outbox/comment-events.ts';
import type { Store } from '../store/index.ts';
import type { ErasePlan } from '../store/privacy.ts';
import type { Person } from './person.ts';

/**
 * Which of the comments must stay as placeholders: those with a reply that itself stays (another
 * person's, or a placeholder of theirs). Removing leaves first, a chain of their own goes whole.
 */
export function planErasure(ids: readonly number[], replies: readonly { id: number; parentId: number | null }[]): ErasePlan {
  const removable = new Set(ids);
  let changed = true;
  while (changed) {
    changed = false;
    for (const reply of replies) {
      if (reply.parentId !== null && removable.has(reply.parentId) && !removable.has(reply.id)) {
        removable.delete(reply.parentId);
        changed = true;
      }
    }
  }
  return { placeholders: ids.filter((id) => !removable.has(id)), removed: ids.filter((id) => removable.has(id)) };
}

/** "3 comments removed, 1 left as a placeholder, ..." for the Log and the command line. */
export function describeErasure(counts: ErasureSummary): string {
  const parts: [number, string][] = [
    [counts.commentsRemoved, 'comment(s) removed'],
    [counts.commentsEmptied, 'left as placeholder(s)'],
    [counts.votes, 'vote(s)'],
    [counts.likes, 'like(s)'],
    [counts.subscriptions, 'subscription(s)'],
    [counts.sessions, 'session(s)'],
    [counts.identities, 'sign-in identit(ies)'],
    [counts.deliveries, 'queued or sent mail(s) and webhook(s)'],
  ];
  return parts.map(([n, what]) => `${n} ${what}`).join(', ');
}

/** What erasing needs: the store, and what telling the site's webhooks needs (the command line has no worker to wake). */
export type EraseDeps = Pick<AppDeps, 'store' | 'config' | 'hashKey' | 'now'> & Partial<Pick<AppDeps, 'outbox'>>;

/**
 * Erases the person; `actor` is who asked (an admin, the command line, the reader themself).
 * Webhooks keep what they were sent, so each comment not deleted already is told again as
 * comment.deleted, empty as a placeholder is, in the same transaction (a comment in spam too: it
 * may have been told as approved before it was marked); the events and deliveries that carried
 * its text go with the rest of its outbox rows.
 */
export async function erasePerson(deps: EraseDeps, person: Person, actor: string): Promise<ErasureSummary> {
  let told = false;
  const counts = await deps.store.transaction(async (tx) => {
    const mine = (await tx.privacy.comments(person.keys)).map(({ comment }) => comment);
    const ids = mine.map((comment) => comment.id);
    const plan = planErasure(ids, await tx.privacy.repliesTo(ids));
    const counts = await tx.privacy.erase(person.keys, plan);
    const places = commentPlaces(tx);
    for (const comment of mine) {
      if (comment.status === 'deleted') continue;
      told = (await recordCommentChange(tx, deps, 'comment.deleted', { ...comment, status: 'deleted' }, places)) || told;
    }
    await tx.audit.add(actor, 'privacy-erase', null, `for ${person.label}: ${describeErasure(counts)}`, deps.now().toISOString());
    return counts;
  });
  if (told) deps.outbox?.wake();
  return counts;
}

/** Records a personal export in the Log: who asked, for whom, how much it held. */
export async function logExport(store: Store, person: Person, actor: string, comments: number, now: Date): Promise<void> {
  await store.audit.add(actor, 'privacy-export', null, `for ${person.label}: ${comments} comment(s)`, now.toISOString());
}
