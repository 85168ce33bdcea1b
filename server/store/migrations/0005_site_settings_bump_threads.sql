-- Custom SQL migration file, put your code below! ---- Site settings shape a thread's answer too (showing pingbacks, later moderation): stale them all.
CREATE TRIGGER `sites_settings_bump_threads` AFTER UPDATE OF `settings` ON `sites` BEGIN
	UPDATE `threads` SET `version` = `version` + 1 WHERE `site_id` = NEW.`id`;
END;
