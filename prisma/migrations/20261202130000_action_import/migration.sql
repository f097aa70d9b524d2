-- CreateTable
CREATE TABLE "action_import" (
    "id" UUID NOT NULL,
    "board_id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "source_text" TEXT NOT NULL,
    "actions" JSONB NOT NULL,
    "doubtful" JSONB NOT NULL DEFAULT '[]',
    "created_by" TEXT NOT NULL,
    "applied_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "action_import_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "action_import_board_id_idx" ON "action_import"("board_id");

-- AddForeignKey
ALTER TABLE "action_import" ADD CONSTRAINT "action_import_board_id_fkey" FOREIGN KEY ("board_id") REFERENCES "board"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_import" ADD CONSTRAINT "action_import_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
