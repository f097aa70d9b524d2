-- An agenda card belongs to the channel it was posted in (a board may move channel), and a pasted
-- order of business may arrive in several parts.
ALTER TABLE "agenda_post" ADD COLUMN "channel_id" TEXT;
UPDATE "agenda_post" p SET "channel_id" = o."target_id" FROM "outbox_message" o WHERE o."id" = p."outbox_id";
ALTER TABLE "agenda_post" ALTER COLUMN "channel_id" SET NOT NULL;
DROP INDEX "agenda_post_meeting_id_platform_key";
CREATE UNIQUE INDEX "agenda_post_meeting_id_platform_channel_id_key" ON "agenda_post"("meeting_id", "platform", "channel_id");

ALTER TABLE "agenda_import" ADD COLUMN "source_text" TEXT;
