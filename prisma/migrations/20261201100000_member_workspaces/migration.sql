-- A person is a platform user within a workspace (Slack team) or tenant (Teams): the member's
-- platform id is kept with the workspace it belongs to. Existing members take their board's.
ALTER TABLE "member" ADD COLUMN "slack_team_id" TEXT;
ALTER TABLE "member" ADD COLUMN "teams_tenant_id" TEXT;
UPDATE "member" AS m SET "slack_team_id" = b."slack_team_id" FROM "board" AS b WHERE m."board_id" = b."id" AND m."slack_user_id" IS NOT NULL;
UPDATE "member" AS m SET "teams_tenant_id" = b."teams_tenant_id" FROM "board" AS b WHERE m."board_id" = b."id" AND m."teams_aad_id" IS NOT NULL;

-- One board per Slack channel, whichever workspace asks: a channel shared between workspaces has
-- the same id in both, and a second board there would answer for the first.
CREATE UNIQUE INDEX "board_slack_channel_id_key" ON "board"("slack_channel_id");
