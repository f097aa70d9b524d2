-- The roster's shared facts that apologies, actions and quarterly returns rely on: who counts
-- towards the quorum, who submits an organisation's figures, and advisers who "also attend".
ALTER TYPE "MemberRole" ADD VALUE 'adviser';
ALTER TABLE "member" ADD COLUMN "counts_towards_quorum" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "member" ADD COLUMN "submits_figures" BOOLEAN NOT NULL DEFAULT false;
