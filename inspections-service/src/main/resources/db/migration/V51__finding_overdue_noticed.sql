-- When the overdue detector announced a finding past its deadline (once per finding and deadline).
ALTER TABLE finding ADD COLUMN overdue_noticed_at TIMESTAMPTZ;
CREATE INDEX finding_overdue_pending ON finding (deadline) WHERE overdue_noticed_at IS NULL AND status <> 'CLOSED';
