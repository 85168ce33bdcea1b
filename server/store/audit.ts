/** Queries about the audit log: what admins did, only ever added to. */
import { desc } from 'drizzle-orm';
import type { AuditAction } from '../../shared/moderation.ts';
import type { Executor } from './executor.ts';
import type { AuditRow } from './schema.ts';

export function auditQueries(x: Executor) {
  const { auditLog } = x.tables;
  return {
    add(actor: string, action: AuditAction, commentId: number | null, detail: string | null, createdAt: string): Promise<void> {
      return x.write(async (db) => {
        await db.insert(auditLog).values({ actor, action, commentId, detail, createdAt });
      });
    },
    /** Newest first. */
    list(limit: number, offset: number): Promise<AuditRow[]> {
      return x.read.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit).offset(offset);
    },
  };
}
