-- Custom SQL migration file, put your code below! --
-- A thread's answer (comments, likes, title, address, lock, its site's settings) changes whenever
-- these do; the triggers bump threads.version so cached answers go stale whoever wrote, this
-- process or another instance. The same rule, row by row, as SQLite's migrations 0004, 0005, 0008.
CREATE FUNCTION "bump_thread_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		UPDATE "threads" SET "version" = "version" + 1 WHERE "id" = NEW."thread_id";
	ELSIF TG_OP = 'UPDATE' THEN
		UPDATE "threads" SET "version" = "version" + 1 WHERE "id" IN (OLD."thread_id", NEW."thread_id");
	ELSE
		UPDATE "threads" SET "version" = "version" + 1 WHERE "id" = OLD."thread_id";
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "comments_insert_bumps_thread" AFTER INSERT ON "comments" FOR EACH ROW EXECUTE FUNCTION "bump_thread_version"();
--> statement-breakpoint
CREATE TRIGGER "comments_update_bumps_thread" AFTER UPDATE ON "comments" FOR EACH ROW EXECUTE FUNCTION "bump_thread_version"();
--> statement-breakpoint
CREATE TRIGGER "comments_delete_bumps_thread" AFTER DELETE ON "comments" FOR EACH ROW EXECUTE FUNCTION "bump_thread_version"();
--> statement-breakpoint
CREATE TRIGGER "page_likes_insert_bumps_thread" AFTER INSERT ON "page_likes" FOR EACH ROW EXECUTE FUNCTION "bump_thread_version"();
--> statement-breakpoint
CREATE TRIGGER "page_likes_delete_bumps_thread" AFTER DELETE ON "page_likes" FOR EACH ROW EXECUTE FUNCTION "bump_thread_version"();
--> statement-breakpoint
-- A change to the thread row itself bumps it in place (BEFORE: no second row version is written).
-- Like SQLite's UPDATE OF, it fires when the statement sets the column, changed or not.
CREATE FUNCTION "bump_own_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW."version" := NEW."version" + 1;
	RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "threads_page_change_bumps_version" BEFORE UPDATE OF "url", "title", "page_key" ON "threads" FOR EACH ROW EXECUTE FUNCTION "bump_own_version"();
--> statement-breakpoint
CREATE TRIGGER "threads_locked_bumps_version" BEFORE UPDATE OF "locked" ON "threads" FOR EACH ROW EXECUTE FUNCTION "bump_own_version"();
--> statement-breakpoint
-- Site settings shape a thread's answer too (showing pingbacks, moderation): stale them all.
CREATE FUNCTION "bump_site_thread_versions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "threads" SET "version" = "version" + 1 WHERE "site_id" = NEW."id";
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "sites_settings_bump_threads" AFTER UPDATE OF "settings" ON "sites" FOR EACH ROW EXECUTE FUNCTION "bump_site_thread_versions"();
