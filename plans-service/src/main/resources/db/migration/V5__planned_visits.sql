-- The on-site visits approved items plan, one row per target unit and day, so that the visit
-- frequency rule (重复扎堆, article 7) counts a unit's visits in a window by an index range scan.
CREATE TABLE planned_visit (
    unit_code  VARCHAR(40)  NOT NULL,
    day        DATE         NOT NULL,
    item_id    BIGINT       NOT NULL REFERENCES plan_item (id) ON DELETE CASCADE,
    PRIMARY KEY (unit_code, day, item_id)
);
CREATE INDEX planned_visit_item ON planned_visit (item_id);

INSERT INTO planned_visit (unit_code, day, item_id)
SELECT DISTINCT t.unit_code, d.day, i.id
FROM plan_item i
CROSS JOIN LATERAL unnest(i.target_unit_codes) AS t(unit_code)
CROSS JOIN LATERAL unnest(CASE WHEN cardinality(i.visit_dates) > 0 THEN i.visit_dates ELSE ARRAY[i.period_start] END) AS d(day)
WHERE i.approved AND NOT i.withdrawn AND i.on_site;
