-- A message that must follow another to its conversation (the parts of a long dashboard): it is
-- not sent while the one it follows is still pending or being sent.
ALTER TABLE "outbox_message" ADD COLUMN "after_id" UUID;
