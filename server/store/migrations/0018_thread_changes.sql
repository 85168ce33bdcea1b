ALTER TABLE `threads` ADD `changes` text DEFAULT '' NOT NULL;
--> statement-breakpoint
-- Custom SQL below. The comment triggers of 0004 also list, newest first, which comment each
-- bump was for (24 digits: the version it made, the comment's id; 16 kept), so a reader whose
-- cached thread is a few versions old re-reads only those comments. Bumps for anything else
-- (likes, address, lock, settings, mentions) list nothing: a gap, and the reader loads it whole.
DROP TRIGGER `comments_insert_bumps_thread`;
--> statement-breakpoint
CREATE TRIGGER `comments_insert_bumps_thread` AFTER INSERT ON `comments` BEGIN
	UPDATE `threads` SET `version` = `version` + 1,
		`changes` = substr(printf('%012d%012d', `version` + 1, NEW.`id`) || `changes`, 1, 384)
	WHERE `id` = NEW.`thread_id`;
END;
--> statement-breakpoint
DROP TRIGGER `comments_update_bumps_thread`;
--> statement-breakpoint
CREATE TRIGGER `comments_update_bumps_thread` AFTER UPDATE ON `comments` BEGIN
	UPDATE `threads` SET `version` = `version` + 1,
		`changes` = substr(printf('%012d%012d', `version` + 1, NEW.`id`) || `changes`, 1, 384)
	WHERE `id` IN (OLD.`thread_id`, NEW.`thread_id`);
END;
--> statement-breakpoint
DROP TRIGGER `comments_delete_bumps_thread`;
--> statement-breakpoint
CREATE TRIGGER `comments_delete_bumps_thread` AFTER DELETE ON `comments` BEGIN
	UPDATE `threads` SET `version` = `version` + 1,
		`changes` = substr(printf('%012d%012d', `version` + 1, OLD.`id`) || `changes`, 1, 384)
	WHERE `id` = OLD.`thread_id`;
END;
