-- Quarterly returns: the metric catalogue and delivery-plan milestones, figure rounds, every
-- version of every submission, the figures comparisons use, RAG overrides, and drafts of long
-- returns typed over several pages.

-- CreateEnum
CREATE TYPE "MetricPolarity" AS ENUM ('lower', 'higher');

-- CreateEnum
CREATE TYPE "ReturnRoundStatus" AS ENUM ('open', 'locked');

-- CreateTable
CREATE TABLE "metric" (
    "id" UUID NOT NULL,
    "board_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "unit_base" INTEGER,
    "polarity" "MetricPolarity" NOT NULL,
    "year_on_year" BOOLEAN NOT NULL DEFAULT true,
    "rolling" BOOLEAN NOT NULL DEFAULT false,
    "peer_ranks" JSONB NOT NULL DEFAULT '[]',
    "position" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "metric_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "milestone" (
    "id" UUID NOT NULL,
    "board_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "theme" TEXT,
    "title" TEXT NOT NULL,
    "lead" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metric_value" (
    "metric_id" UUID NOT NULL,
    "fy_start" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "source" TEXT NOT NULL,
    "submission_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "metric_value_pkey" PRIMARY KEY ("metric_id", "fy_start", "quarter")
);

-- CreateTable
CREATE TABLE "return_round" (
    "id" UUID NOT NULL,
    "board_id" UUID NOT NULL,
    "fy_start" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "status" "ReturnRoundStatus" NOT NULL DEFAULT 'open',
    "opened_by_id" UUID,
    "locked_at" TIMESTAMPTZ(3),
    "locked_by_id" UUID,
    "published_at" TIMESTAMPTZ(3),
    "dashboard_token" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "return_round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "return_submission" (
    "id" UUID NOT NULL,
    "round_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "submitted_by_id" UUID NOT NULL,
    "by_clerk" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "return_submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "return_figure" (
    "id" UUID NOT NULL,
    "submission_id" UUID NOT NULL,
    "metric_id" UUID NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "year_earlier" DOUBLE PRECISION,
    "rolling" DOUBLE PRECISION,
    "rolling_earlier" DOUBLE PRECISION,
    "ranks" JSONB NOT NULL DEFAULT '[]',
    "positive_factors" TEXT,
    "negative_factors" TEXT,
    "outlier_confirmed" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "return_figure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "milestone_update" (
    "id" UUID NOT NULL,
    "submission_id" UUID NOT NULL,
    "milestone_id" UUID NOT NULL,
    "progress" TEXT NOT NULL,
    "achievement" TEXT NOT NULL,
    "risk" TEXT NOT NULL,
    "rag" TEXT NOT NULL,

    CONSTRAINT "milestone_update_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rag_override" (
    "id" UUID NOT NULL,
    "round_id" UUID NOT NULL,
    "metric_id" UUID NOT NULL,
    "rag" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rag_override_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "return_draft" (
    "id" UUID NOT NULL,
    "round_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "values" JSONB NOT NULL DEFAULT '{}',
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "return_draft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "metric_board_id_name_key" ON "metric"("board_id", "name");
CREATE INDEX "metric_organisation_id_idx" ON "metric"("organisation_id");
CREATE INDEX "milestone_board_id_idx" ON "milestone"("board_id");
CREATE INDEX "milestone_organisation_id_idx" ON "milestone"("organisation_id");
CREATE UNIQUE INDEX "return_round_dashboard_token_key" ON "return_round"("dashboard_token");
CREATE UNIQUE INDEX "return_round_board_id_fy_start_quarter_key" ON "return_round"("board_id", "fy_start", "quarter");
CREATE UNIQUE INDEX "return_submission_round_id_organisation_id_version_key" ON "return_submission"("round_id", "organisation_id", "version");
CREATE UNIQUE INDEX "return_figure_submission_id_metric_id_key" ON "return_figure"("submission_id", "metric_id");
CREATE INDEX "return_figure_metric_id_idx" ON "return_figure"("metric_id");
CREATE UNIQUE INDEX "milestone_update_submission_id_milestone_id_key" ON "milestone_update"("submission_id", "milestone_id");
CREATE INDEX "milestone_update_milestone_id_idx" ON "milestone_update"("milestone_id");
CREATE INDEX "rag_override_round_id_metric_id_idx" ON "rag_override"("round_id", "metric_id");
CREATE UNIQUE INDEX "return_draft_round_id_organisation_id_member_id_key" ON "return_draft"("round_id", "organisation_id", "member_id");

-- AddForeignKey
ALTER TABLE "metric" ADD CONSTRAINT "metric_board_id_fkey" FOREIGN KEY ("board_id") REFERENCES "board"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "metric" ADD CONSTRAINT "metric_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_board_id_fkey" FOREIGN KEY ("board_id") REFERENCES "board"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "metric_value" ADD CONSTRAINT "metric_value_metric_id_fkey" FOREIGN KEY ("metric_id") REFERENCES "metric"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "metric_value" ADD CONSTRAINT "metric_value_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "return_submission"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "return_round" ADD CONSTRAINT "return_round_board_id_fkey" FOREIGN KEY ("board_id") REFERENCES "board"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "return_submission" ADD CONSTRAINT "return_submission_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "return_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "return_submission" ADD CONSTRAINT "return_submission_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "return_submission" ADD CONSTRAINT "return_submission_submitted_by_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "return_figure" ADD CONSTRAINT "return_figure_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "return_submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "return_figure" ADD CONSTRAINT "return_figure_metric_id_fkey" FOREIGN KEY ("metric_id") REFERENCES "metric"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "milestone_update" ADD CONSTRAINT "milestone_update_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "return_submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "milestone_update" ADD CONSTRAINT "milestone_update_milestone_id_fkey" FOREIGN KEY ("milestone_id") REFERENCES "milestone"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "rag_override" ADD CONSTRAINT "rag_override_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "return_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "rag_override" ADD CONSTRAINT "rag_override_metric_id_fkey" FOREIGN KEY ("metric_id") REFERENCES "metric"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "rag_override" ADD CONSTRAINT "rag_override_by_id_fkey" FOREIGN KEY ("by_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "return_draft" ADD CONSTRAINT "return_draft_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "return_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "return_draft" ADD CONSTRAINT "return_draft_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
