-- Custom SQL: the admin view's search index. An FTS5 table of trigrams over each comment's text,
-- author name and email (its rows are the comments table's: external content), kept by the three
-- triggers below; a search for 3 characters or more reads the few comments holding its trigrams
-- instead of every row (1.3 s at a million comments). No positions are kept (detail=none: the
-- file grows by about a quarter instead of three quarters); LIKE checks the candidates.
-- PostgreSQL's twin is 0010's pg_trgm indexes.
CREATE VIRTUAL TABLE `comments_search` USING fts5(body_markdown, author_name, author_email, content='comments', content_rowid='id', tokenize='trigram', detail=none);
--> statement-breakpoint
INSERT INTO `comments_search`(`comments_search`) VALUES ('rebuild');
--> statement-breakpoint
-- FTS5 merges its index's segments inside the writes that add them, once several pile up: at a
-- million comments some posts then took 60-490 ms instead of under 12. The server merges them
-- from its background thread instead (wal-checkpointer.ts); a lone import's are merged by
-- SQLite when 16 pile up at one level (crisismerge).
INSERT INTO `comments_search`(`comments_search`, `rank`) VALUES ('automerge', 0);
--> statement-breakpoint
CREATE TRIGGER `comments_search_insert` AFTER INSERT ON `comments` BEGIN
	INSERT INTO `comments_search`(rowid, body_markdown, author_name, author_email) VALUES (NEW.id, NEW.body_markdown, NEW.author_name, NEW.author_email);
END;
--> statement-breakpoint
CREATE TRIGGER `comments_search_delete` AFTER DELETE ON `comments` BEGIN
	INSERT INTO `comments_search`(`comments_search`, rowid, body_markdown, author_name, author_email) VALUES ('delete', OLD.id, OLD.body_markdown, OLD.author_name, OLD.author_email);
END;
--> statement-breakpoint
CREATE TRIGGER `comments_search_update` AFTER UPDATE OF body_markdown, author_name, author_email ON `comments` BEGIN
	INSERT INTO `comments_search`(`comments_search`, rowid, body_markdown, author_name, author_email) VALUES ('delete', OLD.id, OLD.body_markdown, OLD.author_name, OLD.author_email);
	INSERT INTO `comments_search`(rowid, body_markdown, author_name, author_email) VALUES (NEW.id, NEW.body_markdown, NEW.author_name, NEW.author_email);
END;
