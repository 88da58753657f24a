package cn.dcjk.gateway.policy;

import cn.dcjk.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decision log read in bounded pages: the cursor walks a filter newest first, every decision once
 * (ties of time included); a unit's filter is its own decisions and its teams', each once; the count is
 * exact up to its cap and says when it stopped; offset pages stop at their cap and name `page`.
 */
@QuarkusTest
class DecisionLogReadsTest {

    static final String AUDITOR = Tokens.token("auditor", "auditor", "370000-PO");

    @Inject
    EntityManager em;

    /** {@code count} decisions of {@code caller}, {@code perSecond} of them sharing each second of 2031-05-01. */
    @Transactional
    void seed(String caller, int count, int perSecond, String unit, String dispatching) {
        em.createNativeQuery("INSERT INTO decision (id, at, request_id, caller, unit_code, dispatching_unit_code, method, "
                + "route, rule, outcome, reason, recipient_unit_code) SELECT gen_random_uuid(), timestamptz "
                + "'2031-05-01 00:00:00+00' + (g / ?2) * interval '1 second', 'reads-' || g, ?1, ?3, ?4, 'POST', "
                + "'/api/v1/accountability/referrals', 'NO-DIRECT-DEMAND', CASE WHEN g % 3 = 0 THEN 'DENY' ELSE 'ALLOW' END, "
                + "'test', NULL FROM generate_series(1, ?5) g")
                .setParameter(1, caller).setParameter(2, perSecond).setParameter(3, unit).setParameter(4, dispatching)
                .setParameter(5, count).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    @Transactional
    List<String> expected(String where) {
        return ((List<Object>) em.createNativeQuery("SELECT CAST(id AS text) FROM decision WHERE " + where
                + " ORDER BY at DESC, id").getResultList()).stream().map(String::valueOf).toList();
    }

    static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    /** Every page from the first by the Link header; the ids in the order answered. */
    static List<String> walk(String query, int size, int expectedTotal) {
        List<String> ids = new ArrayList<>();
        String url = "/api/v1/gateway/decisions?" + query + "&size=" + size;
        while (url != null) {
            // the Link header's address is sent as given (it is encoded already)
            Response r = given().urlEncodingEnabled(false).auth().oauth2(AUDITOR).when().get(url);
            r.then().log().ifValidationFails().statusCode(200).body("total", equalTo(expectedTotal)).body("totalCapped", equalTo(false));
            List<String> page = r.jsonPath().getList("items.id");
            ids.addAll(page);
            String link = r.getHeader("Link");
            if (link == null) {
                assertNull(r.jsonPath().getString("next"));
                url = null;
            } else {
                Matcher m = NEXT.matcher(link);
                assertTrue(m.find(), link);
                assertEquals(size, page.size(), "only a full page has a next one");
                assertTrue(link.contains("before=") && !link.contains("page="), link);
                String u = m.group(1);
                url = u.substring(u.indexOf("/api/"));
            }
        }
        return ids;
    }

    @Test
    void theCursorWalksAFilterNewestFirstEveryDecisionOnceTiesIncluded() {
        seed("reads-walker", 137, 14, "370102-D-ENV", null);
        List<String> all = expected("caller = 'reads-walker'");
        assertEquals(137, all.size());
        assertEquals(all, walk("caller=reads-walker", 20, 137));
        // a page size that ends pages inside a second's ties, and one that divides the filter exactly
        assertEquals(all, walk("caller=reads-walker", 13, 137));
        List<String> denies = expected("caller = 'reads-walker' AND outcome = 'DENY'");
        assertEquals(denies, walk("caller=reads-walker&outcome=DENY", denies.size() / 3 + 1, denies.size()));
    }

    @Test
    void aUnitsFilterIsItsOwnDecisionsAndItsTeamsEachOnce() {
        seed("reads-unit", 5, 1, "370199-D-ENV", null);                 // its own
        seed("reads-unit", 4, 1, "370199-D-X", "370199-D-ENV");         // teams it dispatched
        seed("reads-unit", 3, 1, "370199-D-ENV", "370199-D-ENV");       // both: once
        seed("reads-unit", 6, 1, "370198-D-ENV", "370198-D-ENV");       // another unit's
        List<String> mine = expected("caller = 'reads-unit' AND (unit_code = '370199-D-ENV' OR dispatching_unit_code = "
                + "'370199-D-ENV')");
        assertEquals(12, mine.size());
        assertEquals(mine, walk("caller=reads-unit&unit=370199-D-ENV", 5, 12));
        assertEquals(mine, walk("caller=reads-unit&unit=370199-D-ENV", 12, 12));
    }

    @Test
    void theCountIsExactUpToItsCapAndSaysWhenItStopped() {
        int cap = DecisionSearch.COUNT_CAP;
        seed("reads-capped", cap, 100, null, null);
        given().auth().oauth2(AUDITOR).queryParam("caller", "reads-capped").when().get("/api/v1/gateway/decisions")
                .then().statusCode(200).body("total", equalTo(cap)).body("totalCapped", equalTo(false));
        seed("reads-capped", 1, 1, null, null);
        given().auth().oauth2(AUDITOR).queryParam("caller", "reads-capped").when().get("/api/v1/gateway/decisions")
                .then().statusCode(200).body("total", equalTo(cap)).body("totalCapped", equalTo(true))
                .body("items.size()", equalTo(50));
        // a range narrows the count to an exact figure again: the first ten seconds hold 999 of the first seed
        // (second 0 holds 99) and the one decision added after it
        given().auth().oauth2(AUDITOR).queryParam("caller", "reads-capped").queryParam("from", "2031-05-01T00:00:00Z")
                .queryParam("to", "2031-05-01T00:00:10Z").when().get("/api/v1/gateway/decisions")
                .then().statusCode(200).body("total", equalTo(1000)).body("totalCapped", equalTo(false));
    }

    @Test
    void offsetPagesStopAtTheirCapAndNameThePageFieldAndTheCursor() {
        int cap = DecisionSearch.OFFSET_CAP;
        // the last offset page within the cap is answered; the next one is refused and points to the cursor
        given().auth().oauth2(AUDITOR).queryParam("page", cap / 200 - 1).queryParam("size", 200)
                .when().get("/api/v1/gateway/decisions").then().statusCode(200);
        given().auth().oauth2(AUDITOR).queryParam("page", cap / 200).queryParam("size", 200)
                .when().get("/api/v1/gateway/decisions").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("page"));
        for (String bad : List.of("yesterday", "2031-05-01T00:00:00Z", "2031-05-01T00:00:00Z_not-a-uuid", "_",
                "2031-05-01T00:00:00Z_00000000-0000-0000-0000-000000000000'--")) {
            given().auth().oauth2(AUDITOR).queryParam("before", bad).when().get("/api/v1/gateway/decisions")
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("before"));
        }
        // a cursor past the oldest decision: an empty last page
        given().auth().oauth2(AUDITOR).queryParam("before", "1970-01-01T00:00:00Z_00000000-0000-0000-0000-000000000000")
                .when().get("/api/v1/gateway/decisions").then().statusCode(200).body("items.size()", equalTo(0))
                .body("next", nullValue()).header("Link", nullValue());
    }

    @Test
    void onlyAuditorsAndAdminsRead() {
        given().auth().oauth2(Tokens.token("planner", "planner", "370000-D-ENV")).queryParam("before",
                "2031-05-01T00:00:00Z_00000000-0000-0000-0000-000000000000").when().get("/api/v1/gateway/decisions")
                .then().statusCode(403);
        given().when().get("/api/v1/gateway/decisions").then().statusCode(401);
    }
}
