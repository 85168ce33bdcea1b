-- Custom SQL migration file, put your code below! --
-- A thread's answer shows its approved mentions: any change to them makes it stale, as comments do (0004).
CREATE TRIGGER `mentions_insert_bumps_thread` AFTER INSERT ON `mentions` BEGIN
	UPDATE `threads` SET `version` = `version` + 1 WHERE `id` = NEW.`thread_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `mentions_update_bumps_thread` AFTER UPDATE ON `mentions` BEGIN
	UPDATE `threads` SET `version` = `version` + 1 WHERE `id` IN (OLD.`thread_id`, NEW.`thread_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `mentions_delete_bumps_thread` AFTER DELETE ON `mentions` BEGIN
	UPDATE `threads` SET `version` = `version` + 1 WHERE `id` = OLD.`thread_id`;
END;
