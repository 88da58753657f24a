-- The overdue detector takes the pending lines (past their deadline, not closed, not yet noticed) in
-- (deadline, id) order, 200 at a time. V51's partial index holds the deadline only, so the planner
-- walked the whole ledger's (deadline, id) index instead and stepped over every closed or already
-- noticed line of every earlier year on each batch: at a million lines, 81,000 pages a batch, and the
-- batches of one run grew with what the run had noticed so far. This index holds the pending lines in
-- the batch's order, so a batch reads its own 200. Expand only: a new index (CREATE INDEX holds writes
-- to finding while it builds: seconds at a million lines); V51's index goes in a later contract step.
CREATE INDEX finding_overdue_pending_in_order ON finding (deadline, id)
    WHERE overdue_noticed_at IS NULL AND status <> 'CLOSED';
