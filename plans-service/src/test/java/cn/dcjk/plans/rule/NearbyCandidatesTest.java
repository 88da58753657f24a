package cn.dcjk.plans.rule;

import cn.dcjk.plans.plan.PlanItem;
import cn.dcjk.plans.unit.RegionPrefix;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nearby items a check compares with (NO-SIMILAR-SERIES, MERGE-SIMILAR), from the database: what
 * is found and what is not (the region inside and around, the period's edges, the gap, topics, withdrawn
 * items and drafts), and that finding them costs the same with years of history stored: the query's
 * plan probes the period and the region, never the topics' index over all years, and reads as many
 * index entries and pages after 4,000 items of earlier years (in its region, with its topic) as before them.
 */
@QuarkusTest
class NearbyCandidatesTest {

    static final String TOPIC = "nearby-test-topic";
    static final String ORGANISER = "370000-D-FIN";

    @Inject
    EntityManager em;
    @Inject
    ItemCandidates candidates;

    @Transactional
    void plan(long id, int year, String status) {
        em.createNativeQuery("INSERT INTO plan (id, type, urgent, year, title, organiser_unit_code, reviewing_office_code, "
                + "approving_body_code, status, created_by, created_at) VALUES (?1, 'ANNUAL', false, ?2, 'nearby', ?3, "
                + "'370000-GO', '370000-PC', ?4, 'test', now()) ON CONFLICT DO NOTHING")
                .setParameter(1, id).setParameter(2, year).setParameter(3, ORGANISER).setParameter(4, status).executeUpdate();
    }

    @Transactional
    void item(long id, long planId, String prefix, String topic, String start, String end, boolean withdrawn) {
        em.createNativeQuery("INSERT INTO plan_item (id, plan_id, title, category, activity_word, topics, organiser_unit_code, "
                + "acting_name, target_unit_codes, target_region_prefix, on_site, period_start, period_end, year, approved, "
                + "grassroots, publishable, withdrawn, forms) VALUES (?1, ?2, ?3, 'SPECIAL', '检查', ?4, ?5, 'OWN', ?6, ?7, true, "
                + "CAST(?8 AS date), CAST(?9 AS date), ?10, true, false, true, ?11, '{}')")
                .setParameter(1, id).setParameter(2, planId).setParameter(3, "近旁事项 " + id)
                .setParameter(4, new String[] {topic}).setParameter(5, ORGANISER).setParameter(6, new String[] {prefix + "-X"})
                .setParameter(7, prefix).setParameter(8, start).setParameter(9, end)
                .setParameter(10, Integer.parseInt(start.substring(0, 4))).setParameter(11, withdrawn).executeUpdate();
    }

    @Transactional
    void sql(String statement) {
        em.createNativeQuery(statement).executeUpdate();
    }

    @Transactional
    void titled(long id, long planId, String title, String topic) {
        item(id, planId, "370102", topic, "2036-05-10", "2036-05-20", false);
        em.createNativeQuery("UPDATE plan_item SET title = ?1 WHERE id = ?2").setParameter(1, title).setParameter(2, id)
                .executeUpdate();
    }

    @Test
    void aTitleAsSimilarAsTheRuleAsksIsFoundWhateverItsTopics() {
        plan(930_001L, 2036, "ISSUED");
        titled(930_101L, 930_001L, "全市安全生产大检查", "安全");                 // the same title, another topic
        titled(930_102L, 930_001L, "全市 安全生产（大）检查。", "其他");          // the same once stripped
        titled(930_103L, 930_001L, "全市安全生产大检查活动", "其他");             // 8 of 10 bigrams: 0.8
        titled(930_104L, 930_001L, "全省环境保护专项督查", "其他");               // nothing in common
        titled(930_105L, 930_001L, "安全生产", "其他");                          // 3 of 8 bigrams: 0.375, not a series
        titled(930_106L, 930_001L, "一般事项", "Fire-Safety");                   // a topic, case aside
        PlanItem probe = probe("370102", "2036-05-12", "2036-05-13", "fire-safety");
        probe.title = "全市安全生产大检查";
        List<Long> found = found(probe, 0);
        assertTrue(found.containsAll(List.of(930_101L, 930_102L, 930_103L, 930_106L)), found.toString());
        assertFalse(found.contains(930_104L), found.toString());
        assertTrue(ItemMeasures.similarity(probe, item(930_103L)) >= 0.6, "the rule judges it a series");
        assertTrue(ItemMeasures.similarity(probe, item(930_105L)) < 0.6, "whether found or not, the rule lets it be");
    }

    @Transactional
    PlanItem item(long id) {
        return em.find(PlanItem.class, id);
    }

    static PlanItem probe(String prefix, String start, String end, String topic) {
        PlanItem i = new PlanItem();
        i.targetRegionPrefix = prefix;
        i.periodStart = LocalDate.parse(start);
        i.periodEnd = LocalDate.parse(end);
        i.topics = new ArrayList<>(List.of(topic));
        return i;
    }

    @Transactional
    List<Long> found(PlanItem probe, int gapDays) {
        return candidates.nearby(probe, gapDays).stream().map(i -> i.id).sorted().toList();
    }

    @Test
    void findsTheRegionInsideAndAroundInThePeriodSharingATopicAndNothingElse() {
        plan(910_001L, 2034, "ISSUED");
        plan(910_002L, 2034, "DRAFT");
        plan(910_003L, 2034, "SUBMITTED");
        item(910_101L, 910_001L, "370102", TOPIC, "2034-05-10", "2034-05-20", false);    // the same county
        item(910_102L, 910_001L, "370102001", TOPIC, "2034-05-15", "2034-05-16", false); // a township inside it
        item(910_103L, 910_001L, "3701", TOPIC, "2034-05-01", "2034-05-31", false);      // its city, region-wide
        item(910_104L, 910_001L, "37", TOPIC, "2034-04-01", "2034-06-30", false);        // the province
        item(910_105L, 910_001L, "370103", TOPIC, "2034-05-10", "2034-05-20", false);    // the next county: no
        item(910_106L, 910_001L, "370102", "another-topic", "2034-05-10", "2034-05-20", false); // no shared topic
        item(910_107L, 910_001L, "370102", TOPIC, "2034-05-10", "2034-05-20", true);     // withdrawn
        item(910_108L, 910_002L, "370102", TOPIC, "2034-05-10", "2034-05-20", false);    // a draft's item
        item(910_109L, 910_003L, "370102", TOPIC, "2034-05-10", "2034-05-20", false);    // under review: yes
        item(910_110L, 910_001L, "370102", TOPIC, "2034-05-01", "2034-05-09", false);    // ends the day before
        item(910_111L, 910_001L, "370102", TOPIC, "2034-05-01", "2034-05-10", false);    // ends on the first day
        item(910_112L, 910_001L, "370102", TOPIC, "2034-05-26", "2034-05-28", false);    // 5 days after the end
        item(910_113L, 910_001L, "370102", TOPIC, "2034-05-27", "2034-05-28", false);    // 6 days after
        item(910_114L, 910_001L, "37010", TOPIC, "2034-05-10", "2034-05-20", false);     // a prefix no region has
        PlanItem probe = probe("370102", "2034-05-10", "2034-05-21", TOPIC);
        assertEquals(List.of(910_101L, 910_102L, 910_103L, 910_104L, 910_109L, 910_111L), found(probe, 0));
        // the gap widens the window by its days on both sides, no more
        assertEquals(List.of(910_101L, 910_102L, 910_103L, 910_104L, 910_109L, 910_110L, 910_111L, 910_112L),
                found(probe, 5));
        // from a township, its county is a region around it; the next county still is not
        assertEquals(List.of(910_101L, 910_102L, 910_103L, 910_104L, 910_109L),
                found(probe("370102001", "2034-05-15", "2034-05-15", TOPIC), 0));
        // from the province, everything of the period inside it
        assertEquals(List.of(910_101L, 910_102L, 910_103L, 910_104L, 910_105L, 910_109L, 910_111L, 910_114L),
                found(probe("37", "2034-05-10", "2034-05-21", TOPIC), 0));
    }

    /** The nearby query as the service runs it, prepared with a generic plan (as the driver reuses it), explained. */
    @Transactional
    String explainGeneric(String prefix, String start, String end) {
        Matcher m = Pattern.compile("\\?(\\d+)").matcher(ItemCandidates.NEARBY);
        String sql = m.replaceAll("\\$$1");
        em.createNativeQuery("SET LOCAL plan_cache_mode = force_generic_plan").executeUpdate();
        em.createNativeQuery("PREPARE nearby_test(bigint, date, date, text, text, text[], text[], text, text[], boolean) AS " + sql).executeUpdate();
        List<String> above = RegionPrefix.andAbove(prefix);
        String around = String.join(",", above.subList(1, above.size()));
        @SuppressWarnings("unchecked")
        List<Object> lines = em.createNativeQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) EXECUTE nearby_test(-1, '"
                + start + "', '" + end + "', '" + prefix + "', '" + RegionPrefix.successor(prefix) + "', '{"
                + around + "}', '{" + TOPIC + "}', $s$" + ItemMeasures.STRIPPED + "$s$, '{%事项%}', false)").getResultList();
        em.createNativeQuery("DEALLOCATE nearby_test").executeUpdate();
        return String.join("\n", lines.stream().map(String::valueOf).toList());
    }

    /** The rows the plan's index scans returned and the pages the execution touched (hit and read). */
    static long[] work(String plan) {
        long indexRows = 0;
        Matcher scans = Pattern.compile("Index Scan[^\\n]*\\(actual rows=(\\d+)").matcher(plan);
        while (scans.find()) {
            indexRows += Long.parseLong(scans.group(1));
        }
        Matcher buffers = Pattern.compile("Buffers: shared( hit=(\\d+))?( read=(\\d+))?").matcher(plan);
        long pages = 0;
        if (buffers.find()) {
            pages = (buffers.group(2) == null ? 0 : Long.parseLong(buffers.group(2)))
                    + (buffers.group(4) == null ? 0 : Long.parseLong(buffers.group(4)));
        }
        return new long[] {indexRows, pages};
    }

    @Test
    void theWorkIsTheSameWithYearsOfHistory() {
        plan(920_001L, 2035, "ISSUED");
        for (int k = 0; k < 6; k++) {
            item(920_100L + k, 920_001L, k % 2 == 0 ? "370102" : "370102001", TOPIC, "2035-03-0" + (1 + k), "2035-03-12", false);
        }
        // the rest of the current year: 2,000 items over its days and the province's counties
        sql("INSERT INTO plan_item (id, plan_id, title, category, activity_word, topics, organiser_unit_code, acting_name, "
                + "target_unit_codes, target_region_prefix, on_site, period_start, period_end, year, approved, grassroots, "
                + "publishable, forms) SELECT 925000 + g, 920001, '本年事项 ' || g, 'SPECIAL', '检查', ARRAY['topic-' || g % 50], '"
                + ORGANISER + "', 'OWN', ARRAY['37-X'], '37' || lpad((1 + g % 17)::text, 2, '0') || lpad((1 + g % 9)::text, 2, '0'), "
                + "true, make_date(2035, 1 + g % 12, 1 + g % 28), make_date(2035, 1 + g % 12, 1 + g % 28) + 5, 2035, true, false, "
                + "true, '{}' FROM generate_series(1, 2000) g");
        sql("ANALYZE plan_item");
        String before = explainGeneric("370102", "2035-03-05", "2035-03-10");
        // 4,000 items of the same region and topic in the ten years before: the topic's and the region's index
        // entries grow a thousandfold, the period's do not
        sql("INSERT INTO plan (id, type, urgent, year, title, organiser_unit_code, reviewing_office_code, approving_body_code, "
                + "status, created_by, created_at) SELECT 920010 + y, 'ANNUAL', false, 2024 + y, 'history', '" + ORGANISER
                + "', '370000-GO', '370000-PC', 'ISSUED', 'test', now() FROM generate_series(0, 9) y ON CONFLICT DO NOTHING");
        sql("INSERT INTO plan_item (id, plan_id, title, category, activity_word, topics, organiser_unit_code, acting_name, "
                + "target_unit_codes, target_region_prefix, on_site, period_start, period_end, year, approved, grassroots, "
                + "publishable, forms) SELECT 921000 + g, 920010 + g % 10, '历史事项 ' || g, 'SPECIAL', '检查', ARRAY['" + TOPIC
                + "'], '" + ORGANISER + "', 'OWN', ARRAY['370102-X'], CASE WHEN g % 2 = 0 THEN '370102' ELSE '370102001' END, "
                + "true, make_date(2024 + g % 10, 1 + g % 12, 1 + g % 20), make_date(2024 + g % 10, 1 + g % 12, 1 + g % 20) + 5, "
                + "2024 + g % 10, true, false, true, '{}' FROM generate_series(1, 4000) g");
        sql("ANALYZE plan_item");
        String after = explainGeneric("370102", "2035-03-05", "2035-03-10");
        for (String plan : List.of(before, after)) {
            assertTrue(plan.contains("plan_item_nearby"), plan);
            assertFalse(plan.contains("plan_item_topics"), plan);
            assertFalse(plan.contains("plan_item_region"), plan);
            assertFalse(plan.contains("Seq Scan on plan_item"), plan);
        }
        long[] small = work(before);
        long[] large = work(after);
        assertEquals(small[0], large[0], () -> "index rows before and after the history:\n" + before + "\n---\n" + after);
        assertTrue(small[0] >= 6, before);
        // a GiST index a thousand times larger may be one level deeper: a page or two per probe, not thousands
        assertTrue(large[1] <= small[1] + 4, () -> "pages before and after the history:\n" + before + "\n---\n" + after);
    }
}
