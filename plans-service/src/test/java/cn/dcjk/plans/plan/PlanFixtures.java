package cn.dcjk.plans.plan;

import cn.dcjk.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Tokens and builders for plan tests: a provincial government department plans, the government
 * office reviews, the party office forwards to the party committee, which approves; the party office issues.
 */
public final class PlanFixtures {

    public static final String PLANNER = Tokens.token("planner", "planner", "370000-D-ENV");
    public static final String OTHER_PLANNER = Tokens.token("planner2", "planner", "370000-D-EDU");
    public static final String OFFICE = Tokens.token("office-reviewer", "office-reviewer", "370000-GO");
    public static final String WRONG_OFFICE = Tokens.token("city-office", "office-reviewer", "370100-GO");
    /** The party office submits every plan of the province to the committee and issues it (article 5). */
    public static final String PARTY_OFFICE = Tokens.token("party-office", "office-reviewer", "370000-PO");
    /** Every plan of a level is approved by that level's party committee (article 5). */
    public static final String APPROVER = Tokens.token("committee-approver", "committee-approver", "370000-PC");
    /** The government reviews nothing and approves nothing of the plans: its office reviews. */
    public static final String WRONG_APPROVER = Tokens.token("government-approver", "committee-approver", "370000-GOV");
    public static final String AUDITOR = Tokens.token("auditor", "auditor", "370000-PO");
    public static final String ADMIN = Tokens.token("admin", "admin", "370000-GO");

    private PlanFixtures() {
    }

    static final List<String> COUNTY_UNITS = List.of("370102-D-ENV", "370112-D-ENV", "370202-D-ENV", "370211-D-ENV",
            "370303-D-ENV", "370304-D-ENV", "370102-D-EDU", "370112-D-EDU", "370202-D-EDU", "370211-D-EDU",
            "370303-D-EDU", "370304-D-EDU", "370102-D-EM", "370112-D-EM", "370202-D-EM", "370211-D-EM",
            "370303-D-EM", "370304-D-EM", "370102-D-AG", "370112-D-AG", "370202-D-AG", "370211-D-AG",
            "370303-D-AG", "370304-D-AG");
    private static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A clean special on-site item on one county bureau in 2027, breaking no rule. Each call takes
     * another unit or month, so items of different tests never pile up on one unit.
     */
    public static Map<String, Object> item(String title) {
        int n = NEXT.getAndIncrement();
        String unit = COUNTY_UNITS.get(n % COUNTY_UNITS.size());
        int month = 2 + (n / COUNTY_UNITS.size()) % 10;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("category", "SPECIAL");
        m.put("activityWord", "检查");
        m.put("topics", List.of("统计数据质量" + title.hashCode()));
        m.put("targetUnitCodes", List.of(unit));
        m.put("onSite", true);
        m.put("sampling", Map.of("population", 6, "sampleSize", 2));
        m.put("periodStart", String.format("2027-%02d-10", month));
        m.put("periodEnd", String.format("2027-%02d-20", month));
        m.put("workDeployedOn", "2026-10-01");
        m.put("legalBasis", "《中华人民共和国水污染防治法》");
        m.put("publishable", true);
        return m;
    }

    public static Map<String, Object> with(Map<String, Object> item, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>(item);
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (kv[i + 1] == null) {
                m.remove((String) kv[i]);
            } else {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    public static long plan(String token, String type, int year, String title) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("type", type, "year", year, "title", title))
                .when().post("/api/v1/plans")
                .then().log().ifValidationFails().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static ValidatableResponse addItem(String token, long plan, Map<String, Object> item) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(item)
                .when().post("/api/v1/plans/" + plan + "/items").then();
    }

    public static ValidatableResponse step(String token, long plan, String action, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body == null ? Map.of() : body)
                .when().post("/api/v1/plans/" + plan + "/" + action).then().log().ifValidationFails();
    }

    /** Reviewed by the government office and forwarded by the party office: ready for the committee. */
    public static void reviewAndForward(long plan) {
        step(OFFICE, plan, "review", null).statusCode(200);
        step(PARTY_OFFICE, plan, "forward", null).statusCode(200);
    }

    /** Drafted, submitted, reviewed, forwarded: ready for the committee. */
    public static long reviewed(String title, Map<String, Object> item) {
        long plan = plan(PLANNER, "ANNUAL", 2027, title);
        addItem(PLANNER, plan, item).statusCode(201);
        step(PLANNER, plan, "submit", null).statusCode(200);
        reviewAndForward(plan);
        return plan;
    }
}
