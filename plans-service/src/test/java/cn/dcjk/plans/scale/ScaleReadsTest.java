package cn.dcjk.plans.scale;

import cn.dcjk.plans.plan.PlanFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reads made for scale answer what the plain queries answered: pages, tallies, the calendar's index probes. */
@QuarkusTest
class ScaleReadsTest {

    @Inject
    EntityManager em;

    /** An issued annual plan of {@code organiser} in {@code year} with id {@code planId}. */
    @Transactional
    void plan(long planId, String organiser, int year) {
        em.createNativeQuery("INSERT INTO plan (id, type, urgent, year, title, organiser_unit_code, reviewing_office_code, "
                + "approving_body_code, status, created_by, created_at) VALUES (?1, 'ANNUAL', false, ?2, 'scale', ?3, "
                + "'370000-GO', '370000-GOV', 'ISSUED', 'test', now()) ON CONFLICT DO NOTHING")
                .setParameter(1, planId).setParameter(2, year).setParameter(3, organiser).executeUpdate();
    }

    @Transactional
    void item(long id, long planId, String organiser, int year, String code, String target, String prefix, String regionCode,
            String start, String end, boolean grassroots) {
        em.createNativeQuery("INSERT INTO plan_item (id, plan_id, title, category, activity_word, organiser_unit_code, "
                + "acting_name, target_unit_codes, target_region_prefix, target_region_code, on_site, period_start, period_end, "
                + "year, approved, grassroots, publishable, approval_code, forms) VALUES (?1, ?2, ?3, 'SPECIAL', '检查', ?4, "
                + "'OWN', ?5, ?6, ?7, true, CAST(?8 AS date), CAST(?9 AS date), ?10, true, ?11, true, ?12, '{表一,表二}')")
                .setParameter(1, id).setParameter(2, planId).setParameter(3, "规模事项 " + id).setParameter(4, organiser)
                .setParameter(5, target == null ? new String[0] : new String[] {target}).setParameter(6, prefix)
                .setParameter(7, regionCode).setParameter(8, start).setParameter(9, end).setParameter(10, year)
                .setParameter(11, grassroots).setParameter(12, code).executeUpdate();
    }

    @Transactional
    void sql(String statement) {
        em.createNativeQuery(statement).executeUpdate();
    }

    @Transactional
    long number(String query) {
        return ((Number) em.createNativeQuery(query).getSingleResult()).longValue();
    }

    @Test
    void thePositiveListPagesByCodeAndItsCsvHoldsTheWholeYear() {
        plan(700000001L, "370000-D-FIN", 2031);
        for (int i = 1; i <= 5; i++) {
            item(700000100L + i, 700000001L, "370000-D-FIN", 2031, "DCJK-2031-000" + (6 - i), "370102-D-FIN", "370102",
                    null, "2031-05-01", "2031-05-03", true);
        }
        Response first = given().queryParam("year", 2031).queryParam("size", 2).when().get("/api/v1/positive-list");
        first.then().statusCode(200).body("approvalCode", contains("DCJK-2031-0001", "DCJK-2031-0002"))
                .body("organiserName", hasItem("山东省财政厅"));
        String next = first.getHeader("Link");
        assertTrue(next.contains("after=DCJK-2031-0002") && next.contains("rel=\"next\""), next);
        given().queryParam("year", 2031).queryParam("size", 2).queryParam("after", "DCJK-2031-0002")
                .when().get("/api/v1/positive-list").then().statusCode(200)
                .body("approvalCode", contains("DCJK-2031-0003", "DCJK-2031-0004"));
        Response last = given().queryParam("year", 2031).queryParam("size", 2).queryParam("after", "DCJK-2031-0004")
                .when().get("/api/v1/positive-list");
        last.then().statusCode(200).body("approvalCode", contains("DCJK-2031-0005"));
        assertNull(last.getHeader("Link"));
        String csv = given().queryParam("year", 2031).queryParam("format", "csv").when().get("/api/v1/positive-list")
                .then().statusCode(200).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(6, lines.size());
        // the suite's one CSV writer: a byte order mark for spreadsheets, plain fields where RFC 4180 needs no quotes
        assertTrue(lines.get(0).startsWith("\uFEFFapprovalCode,"), csv);
        assertTrue(lines.get(1).startsWith("DCJK-2031-0001,") && lines.get(5).startsWith("DCJK-2031-0005,"), csv);
        given().queryParam("year", 2031).queryParam("size", 201).when().get("/api/v1/positive-list").then().statusCode(400);
    }

    @Test
    void tallyMatchesACountAfterEveryKindOfWrite() {
        plan(700000002L, "370000-D-HR", 2032);
        Random random = new Random(13);
        long next = 700000200L;
        String live = "SELECT count(*) FROM plan_item WHERE approved AND NOT withdrawn AND grassroots "
                + "AND organiser_unit_code = '370000-D-HR' AND year = 2032";
        String tally = "SELECT coalesce(sum(grassroots_items), 0) FROM organiser_tally WHERE organiser_unit_code = '370000-D-HR' "
                + "AND year = 2032";
        String liveVisits = "SELECT count(*) FROM plan_item WHERE approved AND NOT withdrawn AND on_site "
                + "AND '370202-D-HR' = ANY(target_unit_codes) AND period_start >= '2032-01-01' AND period_start < '2032-02-01'";
        String tallyVisits = "SELECT coalesce(sum(planned_visits), 0) FROM target_month_tally WHERE unit_code = '370202-D-HR' "
                + "AND month = '2032-01-01'";
        for (int step = 0; step < 60; step++) {
            switch (random.nextInt(5)) {
                case 0, 1 -> item(next++, 700000002L, "370000-D-HR", 2032, "DCJK-2032-" + next, "370202-D-HR", "370202", null,
                        "2032-01-0" + (1 + random.nextInt(9)), "2032-01-20", random.nextBoolean());
                case 2 -> sql("UPDATE plan_item SET withdrawn = NOT withdrawn WHERE id = (SELECT id FROM plan_item "
                        + "WHERE plan_id = 700000002 ORDER BY md5(id::text || " + step + ") LIMIT 1)");
                case 3 -> sql("UPDATE plan_item SET grassroots = NOT grassroots, approved = NOT approved WHERE plan_id = 700000002 "
                        + "AND id % 3 = " + random.nextInt(3));
                default -> sql("DELETE FROM plan_item WHERE id = (SELECT id FROM plan_item WHERE plan_id = 700000002 "
                        + "ORDER BY md5(id::text || " + step + ") LIMIT 1)");
            }
            assertEquals(number(live), number(tally), "grassroots after step " + step);
            assertEquals(number(liveVisits), number(tallyVisits), "visits after step " + step);
        }
    }

    @Test
    void theCalendarFindsItemsInsideTheRegionAndRegionWideItemsAroundItButNothingElse() {
        plan(700000003L, "370000-D-WAT", 2033);
        item(700000301L, 700000003L, "370000-D-WAT", 2033, "DCJK-2033-0001", "370102001-GOV", "370102001", null,
                "2033-03-10", "2033-03-12", true); // inside Lixia
        item(700000302L, 700000003L, "370000-D-WAT", 2033, "DCJK-2033-0002", null, "3701", "370100",
                "2033-02-20", "2033-04-10", false); // Jinan-wide, spanning the month
        item(700000303L, 700000003L, "370000-D-WAT", 2033, "DCJK-2033-0003", "370202-D-ENV", "370202", null,
                "2033-03-10", "2033-03-12", true); // Qingdao
        item(700000304L, 700000003L, "370000-D-WAT", 2033, "DCJK-2033-0004", "370102-D-ENV", "370102", null,
                "2033-04-01", "2033-04-02", true); // Lixia, another month
        item(700000305L, 700000003L, "370000-D-WAT", 2033, "DCJK-2033-0005", "370112-D-ENV", "370112", null,
                "2033-03-31", "2033-04-02", true); // Licheng, not Lixia
        List<String> titles = given().auth().oauth2(PlanFixtures.PLANNER).queryParam("unit", "370102-PC")
                .queryParam("from", "2033-03-01").queryParam("to", "2033-03-31").when().get("/api/v1/calendar")
                .then().statusCode(200).extract().jsonPath().getList("activities.flatten().title");
        assertTrue(titles.contains("规模事项 700000301") && titles.contains("规模事项 700000302"), titles.toString());
        assertTrue(!titles.contains("规模事项 700000303") && !titles.contains("规模事项 700000304")
                && !titles.contains("规模事项 700000305"), titles.toString());
        // the city sees Licheng's item, which starts on the month's last day
        given().auth().oauth2(PlanFixtures.PLANNER).queryParam("unit", "370100-PC").queryParam("from", "2033-03-01")
                .queryParam("to", "2033-03-31").when().get("/api/v1/calendar").then().statusCode(200)
                .body("activities.flatten().title", hasItem("规模事项 700000305"))
                .body("activities.flatten().title", not(hasItem("规模事项 700000303")));
    }
}
