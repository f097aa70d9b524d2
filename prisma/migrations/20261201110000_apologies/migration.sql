-- Apologies and quorum: each member's reply to a meeting (apologies with reason and substitute, or
-- "I'll attend"), attendance marked on the day, and the quorum warnings sent (once per occasion).

-- CreateEnum
CREATE TYPE "MeetingReplyKind" AS ENUM ('apologies', 'attending');

-- CreateEnum
CREATE TYPE "ReplyVia" AS ENUM ('member', 'deputy', 'clerk', 'minutes');

-- CreateEnum
CREATE TYPE "AttendanceMark" AS ENUM ('present', 'apologies', 'absent', 'substitute');

-- CreateTable
CREATE TABLE "meeting_reply" (
    "id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "reply" "MeetingReplyKind" NOT NULL,
    "reason" TEXT,
    "substitute_member_id" UUID,
    "substitute_name" TEXT,
    "recorded_by_id" UUID,
    "recorded_via" "ReplyVia" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "meeting_reply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attendance_record" (
    "id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "mark" "AttendanceMark" NOT NULL,
    "substitute_name" TEXT,
    "marked_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "attendance_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quorum_warning" (
    "id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "occasion" TEXT NOT NULL,
    "expected" INTEGER NOT NULL,
    "quorum" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quorum_warning_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "meeting_reply_meeting_id_member_id_key" ON "meeting_reply"("meeting_id", "member_id");

-- CreateIndex
CREATE UNIQUE INDEX "attendance_record_meeting_id_member_id_key" ON "attendance_record"("meeting_id", "member_id");

-- CreateIndex
CREATE UNIQUE INDEX "quorum_warning_meeting_id_occasion_key" ON "quorum_warning"("meeting_id", "occasion");

-- AddForeignKey
ALTER TABLE "meeting_reply" ADD CONSTRAINT "meeting_reply_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_reply" ADD CONSTRAINT "meeting_reply_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_reply" ADD CONSTRAINT "meeting_reply_substitute_member_id_fkey" FOREIGN KEY ("substitute_member_id") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance_record" ADD CONSTRAINT "attendance_record_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance_record" ADD CONSTRAINT "attendance_record_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quorum_warning" ADD CONSTRAINT "quorum_warning_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
