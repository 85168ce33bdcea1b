/**
 * Riposte's own export format: one JSON document, written a row per line so it streams
 * both ways and diffs well.
 *
 *   {"format":"riposte","version":1,"exportedAt":"2026-11-27T12:00:00.000Z",
 *   "sites":[
 *   {"id":"default","name":"Default site","origins":[],"settings":{},"createdAt":"..."}
 *   ],
 *   "users":[...],"threads":[...],"comments":[...],"likes":[...],"settings":[...]}
 *
 * Header fields come first, then one array per table, parents before children; each row
 * has the schema's field names (server/store/schema.ts) and every comment keeps its id,
 * status and parent. `settings` holds the server's hashing key, so avatars, like counts and
 * IP hashes stay as they were after a restore. Sign-in sessions are not exported.
 */
export const RIPOSTE_FORMAT = 'riposte';
/** Raised when a change would make older Riposte versions misread a file. */
export const RIPOSTE_FORMAT_VERSION = 1;
