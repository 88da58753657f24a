-- Article 32: this service registers the abuses it refuses itself (procedure shortcuts, direct demands
-- that reach it), exactly once each; plans-service may report its refused over-quota attempts.
ALTER TABLE backtracing_record DROP CONSTRAINT backtracing_record_source_check;
ALTER TABLE backtracing_record ADD CONSTRAINT backtracing_record_source_check
    CHECK (source IN ('GATEWAY', 'INSPECTIONS', 'HANDLER', 'ACCOUNTABILITY', 'PLANS'));
