ALTER TABLE "outbox_events" DROP CONSTRAINT "outbox_events_comment_id_comments_id_fk";
