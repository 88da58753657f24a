-- The rule check's nearby items (NO-SIMILAR-SERIES, MERGE-SIMILAR): items whose period meets the
-- item's window and whose region meets the item's. Found by the period first, then the region, in one
-- GiST index: the period is the one condition that does not grow with the years kept (history lies in
-- other periods), and the region narrows it within the index. Before, the planner intersected the GIN
-- bitmap of the item's topics and the b-tree range of its region, both over every year stored: four
-- thousand index entries per probe at a million items, twice per check (the province benchmark's
-- ratio of 1.4-2.5). Expand only: a new index (CREATE INDEX holds writes to plan_item while it builds:
-- about ten seconds at a million items). plan_item_period_range (V21) is no longer what the check
-- reads; it is dropped in a later contract step once no running version asks for it.
CREATE INDEX plan_item_nearby ON plan_item
    USING gist (daterange(period_start, period_end, '[]'), target_region_prefix)
    WHERE NOT withdrawn;
