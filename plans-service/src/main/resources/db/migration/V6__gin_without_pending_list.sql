-- Rule checks read these GIN indexes on every submission: keep them free of a pending list, whose
-- linear scan grows with recent inserts, so a check costs the same however many items were just added.
ALTER INDEX plan_item_topics SET (fastupdate = off);
ALTER INDEX plan_item_targets SET (fastupdate = off);
