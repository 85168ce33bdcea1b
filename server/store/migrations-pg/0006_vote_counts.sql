-- Custom SQL migration file, put your code below! --
-- A comment's vote counts follow its votes, whoever writes them (this process, an import, another
-- instance). Changing the counts updates the comment, so the comments_update_bumps_thread trigger
-- bumps the thread's version: cached answers show the new counts. The same rule, row by row and
-- one UPDATE per comment touched, as SQLite's migration 0015.
CREATE FUNCTION "count_comment_votes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		UPDATE "comments" SET
			"upvotes" = "upvotes" + (CASE WHEN NEW."value" > 0 THEN 1 ELSE 0 END),
			"downvotes" = "downvotes" + (CASE WHEN NEW."value" < 0 THEN 1 ELSE 0 END)
		WHERE "id" = NEW."comment_id";
	ELSIF TG_OP = 'UPDATE' THEN
		UPDATE "comments" SET
			"upvotes" = "upvotes"
				- (CASE WHEN "id" = OLD."comment_id" AND OLD."value" > 0 THEN 1 ELSE 0 END)
				+ (CASE WHEN "id" = NEW."comment_id" AND NEW."value" > 0 THEN 1 ELSE 0 END),
			"downvotes" = "downvotes"
				- (CASE WHEN "id" = OLD."comment_id" AND OLD."value" < 0 THEN 1 ELSE 0 END)
				+ (CASE WHEN "id" = NEW."comment_id" AND NEW."value" < 0 THEN 1 ELSE 0 END)
		WHERE "id" IN (OLD."comment_id", NEW."comment_id");
	ELSE
		UPDATE "comments" SET
			"upvotes" = "upvotes" - (CASE WHEN OLD."value" > 0 THEN 1 ELSE 0 END),
			"downvotes" = "downvotes" - (CASE WHEN OLD."value" < 0 THEN 1 ELSE 0 END)
		WHERE "id" = OLD."comment_id";
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "comment_votes_insert_counts" AFTER INSERT ON "comment_votes" FOR EACH ROW EXECUTE FUNCTION "count_comment_votes"();
--> statement-breakpoint
CREATE TRIGGER "comment_votes_update_counts" AFTER UPDATE ON "comment_votes" FOR EACH ROW EXECUTE FUNCTION "count_comment_votes"();
--> statement-breakpoint
CREATE TRIGGER "comment_votes_delete_counts" AFTER DELETE ON "comment_votes" FOR EACH ROW EXECUTE FUNCTION "count_comment_votes"();
