CREATE INDEX `comments_created` ON `comments` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `comments_author_email` ON `comments` (lower("author_email"));