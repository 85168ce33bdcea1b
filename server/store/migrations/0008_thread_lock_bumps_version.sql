-- Custom SQL migration file, put your code below! ---- A thread's answer says whether it takes comments (locked by the owner): locking or unlocking makes it stale.
CREATE TRIGGER `threads_locked_bumps_version` AFTER UPDATE OF `locked` ON `threads` BEGIN
	UPDATE `threads` SET `version` = `version` + 1 WHERE `id` = NEW.`id`;
END;
