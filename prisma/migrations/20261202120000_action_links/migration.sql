-- Unguessable links to views of a board's actions: the CSV export of the action log (one meeting's
-- actions or a date range, expiring) and a meeting's matters arising report (one per meeting,
-- attached to its "Matters Arising" agenda item).
CREATE TABLE "action_link" (
    "id" UUID NOT NULL,
    "token" TEXT NOT NULL,
    "board_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "meeting_id" UUID,
    "from_date" DATE,
    "to_date" DATE,
    "include_exempt" BOOLEAN NOT NULL DEFAULT false,
    "once_key" TEXT,
    "expires_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "action_link_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "action_link_token_key" ON "action_link"("token");
CREATE UNIQUE INDEX "action_link_once_key_key" ON "action_link"("once_key");
CREATE INDEX "action_link_board_id_idx" ON "action_link"("board_id");

ALTER TABLE "action_link" ADD CONSTRAINT "action_link_board_id_fkey" FOREIGN KEY ("board_id") REFERENCES "board"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "action_link" ADD CONSTRAINT "action_link_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
