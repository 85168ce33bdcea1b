-- Custom SQL, the twin of SQLite's 0019 (its FTS5 trigram table): the admin view's search, ILIKE
-- '%q%' over each comment's text, author name and email, reads GIN trigram indexes instead of
-- every row. pg_trgm ships with PostgreSQL (contrib) and is trusted: a database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX "comments_body_trigrams" ON "comments" USING gin ("body_markdown" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "comments_author_name_trigrams" ON "comments" USING gin ("author_name" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "comments_author_email_trigrams" ON "comments" USING gin ("author_email" gin_trgm_ops);
