CREATE TABLE `comment_votes` (
	`comment_id` integer NOT NULL,
	`voter` text NOT NULL,
	`value` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`comment_id`, `voter`),
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comment_votes_voter` ON `comment_votes` (`voter`);--> statement-breakpoint
ALTER TABLE `comments` ADD `pinned` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `comments` ADD `upvotes` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `comments` ADD `downvotes` integer DEFAULT 0 NOT NULL;