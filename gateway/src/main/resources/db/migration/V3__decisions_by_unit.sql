-- The decision log filtered by a unit (the caller's unit or its dispatching unit), newest first, read as
-- two index ranges merged in order, so a page costs its rows, not the unit's whole history and not a
-- scan of the log. Expand only: new indexes (CREATE INDEX holds writes to decision while it builds:
-- seconds at a million decisions).
CREATE INDEX decision_unit_at ON decision (unit_code, at DESC, id);
CREATE INDEX decision_dispatching_at ON decision (dispatching_unit_code, at DESC, id);
