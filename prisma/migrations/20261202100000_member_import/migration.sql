-- A pasted membership list, held for the clerk to check before saving.

-- CreateTable
CREATE TABLE "member_import" (
    "id" UUID NOT NULL,
    "board_id" UUID NOT NULL,
    "rows" JSONB NOT NULL,
    "unread" JSONB NOT NULL DEFAULT '[]',
    "source_text" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "applied_at" TIMESTAMPTZ(3),
    "outcome" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "member_import_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "member_import_board_id_idx" ON "member_import"("board_id");

-- AddForeignKey
ALTER TABLE "member_import" ADD CONSTRAINT "member_import_board_id_fkey" FOREIGN KEY ("board_id") REFERENCES "board"("id") ON DELETE CASCADE ON UPDATE CASCADE;
