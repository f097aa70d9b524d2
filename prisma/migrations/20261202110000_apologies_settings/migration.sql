-- Apologies, continued: the board's settings (names on the posted card; whether named substitutes
-- count towards the quorum), quorum warnings that are sent again after the forecast recovers and
-- falls once more, and pasted apologies held for the clerk's Confirm.

-- AlterTable
ALTER TABLE "board" ADD COLUMN     "named_substitutes_count" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "show_apology_names" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "quorum_warning" ADD COLUMN     "recovered_at" TIMESTAMPTZ(3);

-- The first fall of each meeting's forecast is now numbered: "forecast:1", "forecast:2"...
UPDATE "quorum_warning" SET "occasion" = 'forecast:1' WHERE "occasion" = 'forecast';

-- CreateTable
CREATE TABLE "apology_paste" (
    "id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "pasted_by_id" UUID NOT NULL,
    "matched" JSONB NOT NULL,
    "unresolved" JSONB NOT NULL,
    "none" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmed_at" TIMESTAMPTZ(3),
    "confirmed_by_id" UUID,

    CONSTRAINT "apology_paste_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "apology_paste_meeting_id_idx" ON "apology_paste"("meeting_id");

-- AddForeignKey
ALTER TABLE "apology_paste" ADD CONSTRAINT "apology_paste_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
