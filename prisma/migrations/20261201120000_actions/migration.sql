-- Actions: recorded against a meeting and an agenda item, with their owners (each with their own
-- chase history and snooze), the history of what happened to them, and requests for more time.
CREATE TYPE "ActionStatus" AS ENUM ('open', 'done', 'dropped');
CREATE TYPE "ExtensionStatus" AS ENUM ('requested', 'accepted', 'declined');

ALTER TABLE "board" ADD COLUMN "action_chase_rule" JSONB;

CREATE TABLE "action" (
    "id" UUID NOT NULL,
    "board_id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "agenda_item_id" UUID,
    "item_label" TEXT,
    "exempt" BOOLEAN NOT NULL DEFAULT false,
    "description" TEXT NOT NULL,
    "due_date" DATE NOT NULL,
    "status" "ActionStatus" NOT NULL DEFAULT 'open',
    "status_reason" TEXT,
    "completed_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "request_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "action_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "action_owner" (
    "id" UUID NOT NULL,
    "action_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "notified_on" DATE NOT NULL,
    "chases_sent" INTEGER NOT NULL DEFAULT 0,
    "last_chased_on" DATE,
    "escalated_on" DATE,
    "snoozed_until" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "action_owner_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "action_update" (
    "id" UUID NOT NULL,
    "action_id" UUID NOT NULL,
    "member_id" UUID,
    "kind" TEXT NOT NULL,
    "text" TEXT,
    "request_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "action_update_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "action_extension" (
    "id" UUID NOT NULL,
    "action_id" UUID NOT NULL,
    "requested_by_id" UUID,
    "proposed_due" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "ExtensionStatus" NOT NULL DEFAULT 'requested',
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "request_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "action_extension_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "action_request_key_key" ON "action"("request_key");
CREATE INDEX "action_board_id_status_idx" ON "action"("board_id", "status");
CREATE INDEX "action_meeting_id_idx" ON "action"("meeting_id");
CREATE UNIQUE INDEX "action_owner_action_id_member_id_key" ON "action_owner"("action_id", "member_id");
CREATE INDEX "action_owner_member_id_idx" ON "action_owner"("member_id");
CREATE UNIQUE INDEX "action_update_request_key_key" ON "action_update"("request_key");
CREATE INDEX "action_update_action_id_created_at_idx" ON "action_update"("action_id", "created_at");
CREATE UNIQUE INDEX "action_extension_request_key_key" ON "action_extension"("request_key");
CREATE INDEX "action_extension_action_id_status_idx" ON "action_extension"("action_id", "status");

ALTER TABLE "action" ADD CONSTRAINT "action_board_id_fkey" FOREIGN KEY ("board_id") REFERENCES "board"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "action" ADD CONSTRAINT "action_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "action" ADD CONSTRAINT "action_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_item"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "action" ADD CONSTRAINT "action_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "action_owner" ADD CONSTRAINT "action_owner_action_id_fkey" FOREIGN KEY ("action_id") REFERENCES "action"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "action_owner" ADD CONSTRAINT "action_owner_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "action_update" ADD CONSTRAINT "action_update_action_id_fkey" FOREIGN KEY ("action_id") REFERENCES "action"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "action_update" ADD CONSTRAINT "action_update_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "action_extension" ADD CONSTRAINT "action_extension_action_id_fkey" FOREIGN KEY ("action_id") REFERENCES "action"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "action_extension" ADD CONSTRAINT "action_extension_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "action_extension" ADD CONSTRAINT "action_extension_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;
