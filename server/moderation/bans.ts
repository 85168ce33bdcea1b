/**
 * Banning an author from /admin, by email, signed-in identity or IP hash: their new comments
 * are refused (comments/comment-rules.ts, checkNotBanned), and their visible and held ones
 * may be hidden (marked spam) at once. Each ban and its lifting is in the audit log.
 */
import type * as v from 'valibot';
import type { banSchema } from '../admin/admin-schemas.ts';
import type { AppDeps } from '../http/app-env.ts';
import { RiposteError } from '../http/errors.ts';
import type { AdminRow, BanRow } from '../store/schema.ts';

type BanDeps = Pick<AppDeps, 'store' | 'now' | 'live'>;

export type BanRequest = v.InferOutput<typeof banSchema>;

/** Bans the author; returns the ban and the ids of the comments hidden with it. */
export async function banAuthor(
  deps: BanDeps,
  admin: AdminRow,
  { kind, value, hideExisting }: BanRequest,
): Promise<{ ban: BanRow; hidden: number[] }> {
  // Emails are compared in lower case everywhere (comments keep them as typed).
  const normalised = kind === 'email' ? value.toLowerCase() : value;
  const now = deps.now().toISOString();
  const banned = await deps.store.transaction(async (tx) => {
    const ban = await tx.bans.add(kind, normalised, hideExisting, admin.email, now);
    const hidden = hideExisting ? await tx.bans.hideComments(kind, normalised) : [];
    const hiddenNote = hideExisting ? `, ${hidden.length} ${hidden.length === 1 ? 'comment' : 'comments'} hidden` : '';
    await tx.audit.add(admin.email, 'ban', null, `${kind} ${normalised}${hiddenNote}`, now);
    return { ban, hidden };
  });
  // Open pages take the hidden comments away; open admin views see them move to spam.
  for (const id of banned.hidden) deps.live.changed({ comment: id });
  return banned;
}

/** Lifts a ban (the comments it hid stay hidden); 404 for a ban that does not exist. */
export function liftBan(deps: BanDeps, admin: AdminRow, id: number): Promise<void> {
  const now = deps.now().toISOString();
  return deps.store.transaction(async (tx) => {
    const ban = await tx.bans.remove(id);
    if (!ban) throw new RiposteError(404, 'not_found', `There is no ban ${id}.`);
    await tx.audit.add(admin.email, 'unban', null, `${ban.kind} ${ban.value}`, now);
  });
}
