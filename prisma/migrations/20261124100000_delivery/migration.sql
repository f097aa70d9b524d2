-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('pending', 'sending', 'sent', 'failed', 'skipped');

-- CreateEnum
CREATE TYPE "OutboxOperation" AS ENUM ('post', 'update');

-- CreateTable
CREATE TABLE "outbox_message" (
    "id" UUID NOT NULL,
    "board_id" UUID,
    "platform" "Platform" NOT NULL,
    "operation" "OutboxOperation" NOT NULL DEFAULT 'post',
    "target_kind" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "updates_id" UUID,
    "template" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "dedupe_key" TEXT,
    "digestible" BOOLEAN NOT NULL DEFAULT true,
    "status" "OutboxStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "not_before" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),
    "claimed_by" TEXT,
    "claimed_until" TIMESTAMPTZ(3),
    "error_code" TEXT,
    "last_error" TEXT,
    "sent_conversation_id" TEXT,
    "sent_message_id" TEXT,
    "digest_of_id" UUID,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "outbox_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery_lane" (
    "platform" "Platform" NOT NULL,
    "lane_key" TEXT NOT NULL,
    "next_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "delivery_lane_pkey" PRIMARY KEY ("platform","lane_key")
);

-- CreateTable
CREATE TABLE "scheduled_run" (
    "key" TEXT NOT NULL,
    "board_id" UUID,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "outcome" TEXT NOT NULL,
    "reason" TEXT,
    "ran_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ran_by" TEXT,

    CONSTRAINT "scheduled_run_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_message_dedupe_key_key" ON "outbox_message"("dedupe_key");

-- CreateIndex
CREATE INDEX "outbox_message_status_not_before_idx" ON "outbox_message"("status", "not_before");

-- CreateIndex
CREATE INDEX "outbox_message_board_id_status_idx" ON "outbox_message"("board_id", "status");

-- CreateIndex
CREATE INDEX "outbox_message_platform_target_kind_target_id_status_idx" ON "outbox_message"("platform", "target_kind", "target_id", "status");

-- CreateIndex
CREATE INDEX "scheduled_run_board_id_idx" ON "scheduled_run"("board_id");

-- AddForeignKey
ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_message_board_id_fkey" FOREIGN KEY ("board_id") REFERENCES "board"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_message_updates_id_fkey" FOREIGN KEY ("updates_id") REFERENCES "outbox_message"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scheduled_run" ADD CONSTRAINT "scheduled_run_board_id_fkey" FOREIGN KEY ("board_id") REFERENCES "board"("id") ON DELETE CASCADE ON UPDATE CASCADE;
