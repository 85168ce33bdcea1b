ALTER TABLE `comments` ADD `kind` text DEFAULT 'comment' NOT NULL;--> statement-breakpoint
ALTER TABLE `comments` ADD `import_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `comments_import_key` ON `comments` (`import_key`);--> statement-breakpoint
ALTER TABLE `sites` ADD `settings` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `threads` ADD `external_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `threads_site_external` ON `threads` (`site_id`,`external_id`);