DROP INDEX `comments_thread_body`;--> statement-breakpoint
CREATE INDEX `comments_thread_body_ends` ON `comments` (`thread_id`,((substr(`body_markdown`, 1, 32) || substr(`body_markdown`, (length(`body_markdown`) - 31)))));
