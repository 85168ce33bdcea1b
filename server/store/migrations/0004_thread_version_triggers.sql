-- Custom SQL migration file, put your code below! ---- A thread's answer (comments, likes, title, address) changes whenever these tables do; the
-- triggers bump threads.version so cached answers go stale whoever wrote, this process or another.
CREATE TRIGGER `comments_insert_bumps_thread` AFTER INSERT ON `comments` BEGIN
	UPDATE `threads` SET `version` = `version` + 1 WHERE `id` = NEW.`thread_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_update_bumps_thread` AFTER UPDATE ON `comments` BEGIN
	UPDATE `threads` SET `version` = `version` + 1 WHERE `id` IN (OLD.`thread_id`, NEW.`thread_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `comments_delete_bumps_thread` AFTER DELETE ON `comments` BEGIN
	UPDATE `threads` SET `version` = `version` + 1 WHERE `id` = OLD.`thread_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `page_likes_insert_bumps_thread` AFTER INSERT ON `page_likes` BEGIN
	UPDATE `threads` SET `version` = `version` + 1 WHERE `id` = NEW.`thread_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `page_likes_delete_bumps_thread` AFTER DELETE ON `page_likes` BEGIN
	UPDATE `threads` SET `version` = `version` + 1 WHERE `id` = OLD.`thread_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `threads_page_change_bumps_version` AFTER UPDATE OF `url`, `title`, `page_key` ON `threads` BEGIN
	UPDATE `threads` SET `version` = `version` + 1 WHERE `id` = NEW.`id`;
END;
