package cn.dcjk.inspections;

import cn.dcjk.inspections.inspection.Sampling;
import cn.dcjk.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Tokens per role and the steps of the walk, shared by the API tests. */
public final class Fixtures {

    private Fixtures() {
    }

    public static final String TEAM = Tokens.team("team-a", "370000-D-ENV", "370000-D-ENV");
    public static final String TEAM2 = Tokens.team("team-b", "370000-D-ENV", "370000-D-ENV");
    public static final String FOREIGN_TEAM = Tokens.team("team-x", "370100-GOV", "370100-GOV");
    public static final String GOV_TEAM = Tokens.team("gov-team", "370000-GOV", "370000-GOV");
    public static final String OFFICE = Tokens.token("office-reviewer", "office-reviewer", "370000-GO");
    public static final String CITY_OFFICE = Tokens.token("city-office", "office-reviewer", "370100-GO");
    public static final String UNIT = Tokens.token("inspected-unit", "inspected-unit", "370102-D-ENV");
    public static final String AUDITOR = Tokens.token("auditor", "auditor", "370000-PO");
    public static final String PLANNER = Tokens.token("planner", "planner", "370000-D-ENV");
    public static final String ADMIN = Tokens.token("admin", "admin", "370000-GO");
    public static final LocalDate TODAY = LocalDate.now();

    public static String unitToken(String unitCode) {
        return Tokens.token("user-" + unitCode, "inspected-unit", unitCode);
    }

    // ------------------------------------------------------------ the stub of the other services

    public static String stubUrl() {
        return ConfigProvider.getConfig().getValue("dcjk.test.stub-url", String.class);
    }

    public static void stub(String part, boolean up) {
        given().post(stubUrl() + "/_stub/" + part + (up ? "/up" : "/down")).then().statusCode(200);
    }

    public static JsonPath received(String what) {
        return given().get(stubUrl() + "/_stub/records/" + what).then().statusCode(200).extract().jsonPath();
    }

    /** The records that arrived at the stub whose field (a dotted path) equals the value. */
    public static List<Map<String, Object>> arrived(String what, String field, Object value) {
        List<Map<String, Object>> all = received(what).getList("records");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : all) {
            Object v = r;
            for (String part : field.split("\\.")) {
                v = v instanceof Map<?, ?> m ? m.get(part) : null;
            }
            if (value.toString().equals(String.valueOf(v))) {
                out.add(r);
            }
        }
        return out;
    }

    public static List<Map<String, Object>> awaitArrival(String what, String field, Object value) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> !arrived(what, field, value).isEmpty());
        return arrived(what, field, value);
    }

    // ------------------------------------------------------------ the walk's steps

    public static Map<String, Object> scheme(String code, boolean unannounced, List<String> population) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("approvalCode", code);
        s.put("title", "生态环境专项检查");
        s.put("leader", Map.of("name", "张组长", "rank", "副厅级"));
        s.put("members", List.of(Map.of("name", "李干事", "rank", "科员")));
        s.put("population", population);
        s.put("startDate", TODAY.toString());
        s.put("endDate", TODAY.plusDays(60).toString());
        s.put("unannounced", unannounced);
        return s;
    }

    public static long open(String token, String code, boolean unannounced, List<String> population) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(scheme(code, unannounced, population))
                .when().post("/api/v1/inspections")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A seed whose draw of {@code size} contains every unit asked for: the draw is reproducible, so tests can aim. */
    public static long seedFor(List<String> population, int size, String... units) {
        for (long seed = 1; ; seed++) {
            List<String> drawn = Sampling.draw(population, seed, size);
            if (drawn.containsAll(List.of(units))) {
                return seed;
            }
        }
    }

    public static JsonPath sample(String token, long id, long seed, int size) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("seed", seed, "size", size))
                .when().post("/api/v1/inspections/" + id + "/sample")
                .then().statusCode(200).extract().jsonPath();
    }

    public static long itinerary(String token, long id, String unit, LocalDate date) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("date", date.toString(), "unitCode", unit, "siteType", "OFFICE"))
                .when().post("/api/v1/inspections/" + id + "/itinerary")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static Map<String, Object> cleanReception() {
        return Map.of("escorts", List.of(Map.of("unitCode", "370102-D-ENV", "level", "COUNTY", "counterpart", false)),
                "borderWelcome", false,
                "briefings", List.of(Map.of("kind", "WORK", "participants", 6)),
                "principalLeadersPresent", false, "overallImportance", false);
    }

    public static JsonPath visit(String token, long id, long entry, String unit, Map<String, Object> reception) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("itineraryEntryId", entry);
        body.put("unitCode", unit);
        if (reception != null) {
            body.put("reception", reception);
        }
        body.put("burden", Map.of("forms", 2, "materials", 1, "surveys", 0, "onlineVotes", 0, "messagingGroups", 1));
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/inspections/" + id + "/visits")
                .then().statusCode(201).extract().jsonPath();
    }

    /** A finding's current ETag, read by the inspecting team (who sees every finding of its inspections). */
    public static String findingTag(long id) {
        return given().auth().oauth2(TEAM).when().get("/api/v1/findings/" + id)
                .then().statusCode(200).extract().header("ETag");
    }

    public static String etag(String token, long id) {
        return given().auth().oauth2(token).when().get("/api/v1/inspections/" + id)
                .then().statusCode(200).extract().header("ETag");
    }

    public static Map<String, Object> finding(String unit, LocalDate deadline, String problem) {
        return Map.of("targetUnitCode", unit, "problem", problem, "evidence", List.of("现场照片 1 张", "台账复印件"),
                "responsibleSide", "区生态环境局", "deadline", deadline.toString());
    }

    public static Map<String, Object> results(String unit, List<Map<String, Object>> findings) {
        return Map.of("summary", "检查发现问题若干，已当场反馈",
                "outcomes", List.of(Map.of("unitCode", unit, "outcome", "基本合格，存在问题 " + findings.size() + " 项")),
                "findings", findings);
    }

    /** Opens DCJK-2026-0007, samples {@code units} in, visits each, files results with one finding per unit. */
    public static long throughResults(List<String> units, LocalDate deadline) {
        List<String> pop = ServicesStub.COUNTY_ENV;
        long id = open(TEAM, "DCJK-2026-0007", false, pop);
        sample(TEAM, id, seedFor(pop, 2, units.toArray(String[]::new)), 2);
        List<Map<String, Object>> findings = new ArrayList<>();
        for (String u : units) {
            long e = itinerary(TEAM, id, u, TODAY);
            visit(TEAM, id, e, u, cleanReception());
            findings.add(finding(u, deadline, "问题：" + u));
        }
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).header("If-Match", etag(TEAM, id))
                .body(results(units.get(0), findings))
                .when().post("/api/v1/inspections/" + id + "/results").then().statusCode(200);
        return id;
    }
}
