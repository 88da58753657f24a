-- The rule check's nearby candidates (NO-SIMILAR-SERIES and the rules that compare an item with those
-- of the same period): items whose period meets the item's, plus the gap. As a range in a GiST index
-- they are found among that period's items; the b-tree on (period_start, period_end) read every item
-- that started before the period's end, ten years of them at province scale. Expand only: a new index
-- (CREATE INDEX holds writes to plan_item while it builds: seconds at a million items).
CREATE INDEX plan_item_period_range ON plan_item USING gist (daterange(period_start, period_end, '[]'))
    WHERE NOT withdrawn;
