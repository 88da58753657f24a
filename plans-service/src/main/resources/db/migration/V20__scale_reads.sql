-- Reads that stay flat with ten years of plans (issue: province scale). Expand only: new indexes,
-- new tallies kept by triggers and filled from the items already stored; no column changes.

-- The coordination calendar asks "on-site items touching these regions whose period meets this
-- month": one GiST index answers both at once (btree_gist lets the region prefix share it), so a
-- month costs the items of that month, not the region's whole history.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE INDEX plan_item_calendar ON plan_item
    USING gist (target_region_prefix, daterange(period_start, period_end, '[]'))
    WHERE approved AND NOT withdrawn AND on_site;

-- The positive list of a year, in approval-code order, read page by page (keyset on the code).
CREATE INDEX plan_item_positive_list ON plan_item (year, approval_code)
    WHERE approved AND publishable AND NOT withdrawn;

-- Burden tallies (articles 20, 24): what the statistics and the GRASSROOTS-REDUCTION rule count,
-- kept exact by statement triggers on plan_item, so neither counts items at read time.
-- Per organiser and year: approved items, and those of them aimed at the grassroots.
CREATE TABLE organiser_tally (
    organiser_unit_code  VARCHAR(40) NOT NULL,
    year                 INTEGER     NOT NULL,
    approved_items       BIGINT      NOT NULL,
    grassroots_items     BIGINT      NOT NULL,
    PRIMARY KEY (organiser_unit_code, year)
);
CREATE INDEX organiser_tally_year ON organiser_tally (year, organiser_unit_code);

-- Per target unit and month (of the item's start): planned visit days and forms with materials.
CREATE TABLE target_month_tally (
    unit_code       VARCHAR(40) NOT NULL,
    month           DATE        NOT NULL,
    region_code     VARCHAR(12) NOT NULL,
    planned_visits  BIGINT      NOT NULL,
    forms           BIGINT      NOT NULL,
    PRIMARY KEY (unit_code, month)
);
-- the heaviest unit-months of a year first
CREATE INDEX target_month_tally_heaviest ON target_month_tally (month, planned_visits DESC);

CREATE FUNCTION burden_tally_add() RETURNS trigger AS $$
BEGIN
    INSERT INTO organiser_tally (organiser_unit_code, year, approved_items, grassroots_items)
    SELECT organiser_unit_code, year, count(*), count(*) FILTER (WHERE grassroots) FROM new_items
    WHERE approved AND NOT withdrawn GROUP BY 1, 2
    ON CONFLICT (organiser_unit_code, year) DO UPDATE SET
        approved_items = organiser_tally.approved_items + EXCLUDED.approved_items,
        grassroots_items = organiser_tally.grassroots_items + EXCLUDED.grassroots_items;
    INSERT INTO target_month_tally (unit_code, month, region_code, planned_visits, forms)
    SELECT t.code, date_trunc('month', i.period_start)::date, coalesce(min(u.region_code), ''),
           sum(CASE WHEN NOT i.on_site THEN 0 WHEN cardinality(i.visit_dates) > 0 THEN cardinality(i.visit_dates) ELSE 1 END),
           sum(cardinality(i.forms) + cardinality(i.materials))
    FROM new_items i CROSS JOIN LATERAL unnest(i.target_unit_codes) AS t(code) LEFT JOIN unit u ON u.code = t.code
    WHERE i.approved AND NOT i.withdrawn GROUP BY 1, 2
    ON CONFLICT (unit_code, month) DO UPDATE SET planned_visits = target_month_tally.planned_visits + EXCLUDED.planned_visits,
        forms = target_month_tally.forms + EXCLUDED.forms;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION burden_tally_remove() RETURNS trigger AS $$
BEGIN
    UPDATE organiser_tally g SET approved_items = g.approved_items - o.n, grassroots_items = g.grassroots_items - o.g
    FROM (SELECT organiser_unit_code, year, count(*) AS n, count(*) FILTER (WHERE grassroots) AS g FROM old_items
          WHERE approved AND NOT withdrawn GROUP BY 1, 2) o
    WHERE g.organiser_unit_code = o.organiser_unit_code AND g.year = o.year;
    UPDATE target_month_tally m SET planned_visits = m.planned_visits - o.visits, forms = m.forms - o.forms
    FROM (SELECT t.code, date_trunc('month', i.period_start)::date AS month,
                 sum(CASE WHEN NOT i.on_site THEN 0 WHEN cardinality(i.visit_dates) > 0 THEN cardinality(i.visit_dates) ELSE 1 END) AS visits,
                 sum(cardinality(i.forms) + cardinality(i.materials)) AS forms
          FROM old_items i CROSS JOIN LATERAL unnest(i.target_unit_codes) AS t(code)
          WHERE i.approved AND NOT i.withdrawn GROUP BY 1, 2) o
    WHERE m.unit_code = o.code AND m.month = o.month;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER plan_item_tally_insert AFTER INSERT ON plan_item
    REFERENCING NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION burden_tally_add();
CREATE TRIGGER plan_item_tally_delete AFTER DELETE ON plan_item
    REFERENCING OLD TABLE AS old_items FOR EACH STATEMENT EXECUTE FUNCTION burden_tally_remove();
-- an update takes the old rows' contribution away and adds the new rows'
CREATE TRIGGER plan_item_tally_update_old AFTER UPDATE ON plan_item
    REFERENCING OLD TABLE AS old_items FOR EACH STATEMENT EXECUTE FUNCTION burden_tally_remove();
CREATE TRIGGER plan_item_tally_update_new AFTER UPDATE ON plan_item
    REFERENCING NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION burden_tally_add();

-- what is stored already (the triggers above hold the table's write lock until this migration commits)
INSERT INTO organiser_tally (organiser_unit_code, year, approved_items, grassroots_items)
SELECT organiser_unit_code, year, count(*), count(*) FILTER (WHERE grassroots) FROM plan_item
WHERE approved AND NOT withdrawn GROUP BY 1, 2;
INSERT INTO target_month_tally (unit_code, month, region_code, planned_visits, forms)
SELECT t.code, date_trunc('month', i.period_start)::date, coalesce(min(u.region_code), ''),
       sum(CASE WHEN NOT i.on_site THEN 0 WHEN cardinality(i.visit_dates) > 0 THEN cardinality(i.visit_dates) ELSE 1 END),
       sum(cardinality(i.forms) + cardinality(i.materials))
FROM plan_item i CROSS JOIN LATERAL unnest(i.target_unit_codes) AS t(code) LEFT JOIN unit u ON u.code = t.code
WHERE i.approved AND NOT i.withdrawn GROUP BY 1, 2;
