-- Requests from Slack and Teams that were already handled, by key, so that a retry or a replay
-- (same event_id, trigger_id or signed body; same Teams activity) is applied once across instances.
CREATE TABLE "handled_request" (
    "key" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answer" JSONB,
    "answered_at" TIMESTAMPTZ(3),

    CONSTRAINT "handled_request_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "handled_request_received_at_idx" ON "handled_request"("received_at");
