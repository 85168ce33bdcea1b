/**
 * The PostgreSQL tables, built from schema.ts (the one description of the schema) by
 * postgres-tables.ts; drizzle-kit reads this file to write migrations-pg/. Same export names
 * as schema.ts, so the store can be handed either set.
 */
import type { PgTable } from 'drizzle-orm/pg-core';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { postgresTable } from './postgres-tables.ts';
import * as sqlite from './schema.ts';

const twins = new Map<SQLiteTable, PgTable>();
const twin = (table: SQLiteTable): PgTable => {
  const made = postgresTable(table, twins);
  twins.set(table, made);
  return made;
};

export const sites = twin(sqlite.sites);
export const threads = twin(sqlite.threads);
export const users = twin(sqlite.users);
export const sessions = twin(sqlite.sessions);
export const authRequests = twin(sqlite.authRequests);
export const comments = twin(sqlite.comments);
export const pageLikes = twin(sqlite.pageLikes);
export const commentVotes = twin(sqlite.commentVotes);
export const admins = twin(sqlite.admins);
export const adminSessions = twin(sqlite.adminSessions);
export const bans = twin(sqlite.bans);
export const auditLog = twin(sqlite.auditLog);
export const settings = twin(sqlite.settings);
export const rateLimits = twin(sqlite.rateLimits);
export const mailAddresses = twin(sqlite.mailAddresses);
export const mailStops = twin(sqlite.mailStops);
export const subscriptions = twin(sqlite.subscriptions);
export const emailSignIns = twin(sqlite.emailSignIns);
export const outboxEvents = twin(sqlite.outboxEvents);
export const outbox = twin(sqlite.outbox);
export const mentions = twin(sqlite.mentions);
