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

-- Someone not linked who used the bot under the name of someone on the roster: the clerk confirms.

-- CreateTable
CREATE TABLE "member_link_request" (
    "id" UUID NOT NULL,
    "board_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "user_id" TEXT NOT NULL,
    "tenant_id" TEXT,
    "display_name" TEXT NOT NULL,
    "decision" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "member_link_request_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "member_link_request_board_id_platform_user_id_member_id_key" ON "member_link_request"("board_id", "platform", "user_id", "member_id");

-- CreateIndex
CREATE INDEX "member_link_request_member_id_idx" ON "member_link_request"("member_id");

-- AddForeignKey
ALTER TABLE "member_link_request" ADD CONSTRAINT "member_link_request_board_id_fkey" FOREIGN KEY ("board_id") REFERENCES "board"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_link_request" ADD CONSTRAINT "member_link_request_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
