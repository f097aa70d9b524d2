-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('draft', 'agenda_published', 'held', 'minutes_approved', 'cancelled');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('proposed', 'accepted', 'deferred', 'declined');

-- AlterTable
ALTER TABLE "board" ADD COLUMN "reminder_offsets" TEXT[] DEFAULT ARRAY['P7D', 'P1D']::TEXT[];

-- CreateTable
CREATE TABLE "meeting" (
    "id" UUID NOT NULL,
    "board_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "duration_minutes" INTEGER NOT NULL DEFAULT 120,
    "venue" TEXT,
    "status" "MeetingStatus" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 0,
    "cancel_reason" TEXT,
    "external_ref" TEXT,
    "calendar_token" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agenda_item" (
    "id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "sub_points" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "report_of" TEXT,
    "page_from" INTEGER,
    "page_to" INTEGER,
    "minutes" INTEGER,
    "links" JSONB NOT NULL DEFAULT '[]',
    "exempt" BOOLEAN NOT NULL DEFAULT false,
    "standing" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "agenda_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agenda_post" (
    "id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "outbox_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agenda_post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forward_plan_item" (
    "id" UUID NOT NULL,
    "board_id" UUID NOT NULL,
    "meeting_id" UUID,
    "title" TEXT NOT NULL,
    "overview" TEXT,
    "report_of" TEXT,
    "status" "ProposalStatus" NOT NULL DEFAULT 'proposed',
    "proposed_by_id" UUID,
    "decision_note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "forward_plan_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agenda_import" (
    "id" UUID NOT NULL,
    "board_id" UUID NOT NULL,
    "meeting_id" UUID,
    "source" TEXT NOT NULL,
    "meeting_details" JSONB,
    "items" JSONB NOT NULL,
    "unread" JSONB NOT NULL DEFAULT '[]',
    "created_by" TEXT NOT NULL,
    "applied_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agenda_import_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "agenda_import_board_id_idx" ON "agenda_import"("board_id");

-- CreateIndex
CREATE INDEX "meeting_board_id_starts_at_idx" ON "meeting"("board_id", "starts_at");

-- CreateIndex
CREATE UNIQUE INDEX "meeting_calendar_token_key" ON "meeting"("calendar_token");

-- CreateIndex
CREATE UNIQUE INDEX "meeting_board_id_external_ref_key" ON "meeting"("board_id", "external_ref");

-- CreateIndex
CREATE INDEX "agenda_item_meeting_id_position_idx" ON "agenda_item"("meeting_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "agenda_post_meeting_id_platform_key" ON "agenda_post"("meeting_id", "platform");

-- CreateIndex
CREATE INDEX "forward_plan_item_board_id_status_idx" ON "forward_plan_item"("board_id", "status");

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_board_id_fkey" FOREIGN KEY ("board_id") REFERENCES "board"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_post" ADD CONSTRAINT "agenda_post_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_post" ADD CONSTRAINT "agenda_post_outbox_id_fkey" FOREIGN KEY ("outbox_id") REFERENCES "outbox_message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forward_plan_item" ADD CONSTRAINT "forward_plan_item_board_id_fkey" FOREIGN KEY ("board_id") REFERENCES "board"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forward_plan_item" ADD CONSTRAINT "forward_plan_item_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forward_plan_item" ADD CONSTRAINT "forward_plan_item_proposed_by_id_fkey" FOREIGN KEY ("proposed_by_id") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_import" ADD CONSTRAINT "agenda_import_board_id_fkey" FOREIGN KEY ("board_id") REFERENCES "board"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_import" ADD CONSTRAINT "agenda_import_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
