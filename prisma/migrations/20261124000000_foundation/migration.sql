-- CreateEnum
CREATE TYPE "Platform" AS ENUM ('slack', 'teams');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('member', 'observer', 'officer');

-- CreateEnum
CREATE TYPE "BoardRoleKind" AS ENUM ('clerk', 'chair', 'vice_chair');

-- CreateTable
CREATE TABLE "board" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Europe/London',
    "quorum" INTEGER NOT NULL DEFAULT 3,
    "slack_team_id" TEXT,
    "slack_channel_id" TEXT,
    "teams_channel_id" TEXT,
    "teams_tenant_id" TEXT,
    "channel_is_private" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "board_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organisation" (
    "id" UUID NOT NULL,
    "board_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "short_name" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member" (
    "id" UUID NOT NULL,
    "board_id" UUID NOT NULL,
    "organisation_id" UUID,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "role" "MemberRole" NOT NULL DEFAULT 'member',
    "email" TEXT,
    "slack_user_id" TEXT,
    "teams_aad_id" TEXT,
    "standing_deputy_id" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "board_role" (
    "id" UUID NOT NULL,
    "board_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "role" "BoardRoleKind" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "board_role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversation_reference" (
    "id" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "tenant_id" TEXT,
    "service_url" TEXT,
    "user_id" TEXT,
    "reference" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "conversation_reference_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "board_slug_key" ON "board"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "board_slack_team_id_slack_channel_id_key" ON "board"("slack_team_id", "slack_channel_id");

-- CreateIndex
CREATE UNIQUE INDEX "board_teams_channel_id_key" ON "board"("teams_channel_id");

-- CreateIndex
CREATE UNIQUE INDEX "organisation_board_id_name_key" ON "organisation"("board_id", "name");

-- CreateIndex
CREATE INDEX "member_organisation_id_idx" ON "member"("organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "member_board_id_email_key" ON "member"("board_id", "email");

-- CreateIndex
CREATE UNIQUE INDEX "member_board_id_slack_user_id_key" ON "member"("board_id", "slack_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "member_board_id_teams_aad_id_key" ON "member"("board_id", "teams_aad_id");

-- CreateIndex
CREATE INDEX "board_role_member_id_idx" ON "board_role"("member_id");

-- CreateIndex
CREATE UNIQUE INDEX "board_role_board_id_member_id_role_key" ON "board_role"("board_id", "member_id", "role");

-- CreateIndex
CREATE INDEX "conversation_reference_platform_user_id_idx" ON "conversation_reference"("platform", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "conversation_reference_platform_conversation_id_key" ON "conversation_reference"("platform", "conversation_id");

-- AddForeignKey
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_board_id_fkey" FOREIGN KEY ("board_id") REFERENCES "board"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member" ADD CONSTRAINT "member_board_id_fkey" FOREIGN KEY ("board_id") REFERENCES "board"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member" ADD CONSTRAINT "member_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member" ADD CONSTRAINT "member_standing_deputy_id_fkey" FOREIGN KEY ("standing_deputy_id") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "board_role" ADD CONSTRAINT "board_role_board_id_fkey" FOREIGN KEY ("board_id") REFERENCES "board"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "board_role" ADD CONSTRAINT "board_role_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
