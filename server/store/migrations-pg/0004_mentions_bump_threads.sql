-- Custom SQL migration file, put your code below! --
-- A thread's answer shows its approved mentions: any change to them makes it stale, as comments
-- do (0001's bump_thread_version); the same rule as SQLite's mentions triggers.
CREATE TRIGGER "mentions_insert_bumps_thread" AFTER INSERT ON "mentions" FOR EACH ROW EXECUTE FUNCTION "bump_thread_version"();
--> statement-breakpoint
CREATE TRIGGER "mentions_update_bumps_thread" AFTER UPDATE ON "mentions" FOR EACH ROW EXECUTE FUNCTION "bump_thread_version"();
--> statement-breakpoint
CREATE TRIGGER "mentions_delete_bumps_thread" AFTER DELETE ON "mentions" FOR EACH ROW EXECUTE FUNCTION "bump_thread_version"();
