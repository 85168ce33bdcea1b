ALTER TABLE "threads" ADD COLUMN "changes" text DEFAULT '' NOT NULL;
--> statement-breakpoint
-- Custom SQL below, the twin of SQLite's 0018: a comment's insert, update or delete bumps its
-- thread's version and lists, newest first, which comment the bump was for (24 digits: the
-- version it made, the comment's id; 16 kept). Likes and mentions keep bump_thread_version
-- (no listing: a gap, so a reader loads the thread whole).
CREATE FUNCTION "record_comment_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	changed bigint;
	before_thread bigint;
	after_thread bigint;
BEGIN
	IF TG_OP = 'INSERT' THEN
		changed := NEW."id"; before_thread := NEW."thread_id"; after_thread := NEW."thread_id";
	ELSIF TG_OP = 'UPDATE' THEN
		changed := NEW."id"; before_thread := OLD."thread_id"; after_thread := NEW."thread_id";
	ELSE
		changed := OLD."id"; before_thread := OLD."thread_id"; after_thread := OLD."thread_id";
	END IF;
	UPDATE "threads" SET "version" = "version" + 1,
		"changes" = left(lpad(("version" + 1)::text, 12, '0') || lpad(changed::text, 12, '0') || "changes", 384)
	WHERE "id" IN (before_thread, after_thread);
	RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER "comments_insert_bumps_thread" ON "comments";
--> statement-breakpoint
CREATE TRIGGER "comments_insert_bumps_thread" AFTER INSERT ON "comments" FOR EACH ROW EXECUTE FUNCTION "record_comment_change"();
--> statement-breakpoint
DROP TRIGGER "comments_update_bumps_thread" ON "comments";
--> statement-breakpoint
CREATE TRIGGER "comments_update_bumps_thread" AFTER UPDATE ON "comments" FOR EACH ROW EXECUTE FUNCTION "record_comment_change"();
--> statement-breakpoint
DROP TRIGGER "comments_delete_bumps_thread" ON "comments";
--> statement-breakpoint
CREATE TRIGGER "comments_delete_bumps_thread" AFTER DELETE ON "comments" FOR EACH ROW EXECUTE FUNCTION "record_comment_change"();
