-- The rectification ledger at a million lines (issue: province scale). Expand only.

-- Pages come in deadline order; keyset cursors continue after (deadline, id).
CREATE INDEX finding_deadline_id ON finding (deadline, id);
-- An inspected unit's own ledger, in the same order.
CREATE INDEX finding_target_deadline_id ON finding (target_unit_code, deadline, id);

-- Lines per status, kept exact by statement triggers, so the whole ledger's total (auditors) is one read.
CREATE TABLE finding_tally (
    status  VARCHAR(30) PRIMARY KEY,
    lines   BIGINT      NOT NULL
);

CREATE FUNCTION finding_tally_add() RETURNS trigger AS $$
BEGIN
    INSERT INTO finding_tally (status, lines) SELECT status, count(*) FROM new_lines GROUP BY status
    ON CONFLICT (status) DO UPDATE SET lines = finding_tally.lines + EXCLUDED.lines;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION finding_tally_remove() RETURNS trigger AS $$
BEGIN
    UPDATE finding_tally t SET lines = t.lines - o.n
    FROM (SELECT status, count(*) AS n FROM old_lines GROUP BY status) o WHERE t.status = o.status;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER finding_tally_insert AFTER INSERT ON finding
    REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION finding_tally_add();
CREATE TRIGGER finding_tally_delete AFTER DELETE ON finding
    REFERENCING OLD TABLE AS old_lines FOR EACH STATEMENT EXECUTE FUNCTION finding_tally_remove();
CREATE TRIGGER finding_tally_update_old AFTER UPDATE ON finding
    REFERENCING OLD TABLE AS old_lines FOR EACH STATEMENT EXECUTE FUNCTION finding_tally_remove();
CREATE TRIGGER finding_tally_update_new AFTER UPDATE ON finding
    REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION finding_tally_add();

INSERT INTO finding_tally (status, lines) SELECT status, count(*) FROM finding GROUP BY status;
