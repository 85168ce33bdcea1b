-- outbox_events.comment_id stops being a foreign key (erasing a person removes comments, and a
-- comment.deleted event for them is written after they are gone). SQLite cannot drop a key, so
-- the table is rebuilt; openSqlite runs migrations with foreign keys off, as SQLite's own
-- procedure for this asks, so dropping the old table leaves outbox.event_id alone.
CREATE TABLE `__new_outbox_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`comment_id` integer NOT NULL,
	`site_id` text NOT NULL,
	`status` text NOT NULL,
	`payload` text,
	`occurred_at` text NOT NULL,
	`expanded_at` text
);
--> statement-breakpoint
INSERT INTO `__new_outbox_events`("id", "type", "comment_id", "site_id", "status", "payload", "occurred_at", "expanded_at") SELECT "id", "type", "comment_id", "site_id", "status", "payload", "occurred_at", "expanded_at" FROM `outbox_events`;--> statement-breakpoint
-- Event ids keep counting from where they were, even when every old event has been pruned: a
-- webhook delivery's dedupe key holds its event's id, so a reused id would be taken for a repeat.
DELETE FROM `sqlite_sequence` WHERE `name` = '__new_outbox_events';--> statement-breakpoint
INSERT INTO `sqlite_sequence` (`name`, `seq`) SELECT '__new_outbox_events', `seq` FROM `sqlite_sequence` WHERE `name` = 'outbox_events';--> statement-breakpoint
DROP TABLE `outbox_events`;--> statement-breakpoint
ALTER TABLE `__new_outbox_events` RENAME TO `outbox_events`;--> statement-breakpoint
CREATE INDEX `outbox_events_pending` ON `outbox_events` (`expanded_at`,`id`);
