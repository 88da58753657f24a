package cn.dcjk.plans.unit;

import cn.dcjk.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class UnitResourceTest {

    static final String PLANNER = Tokens.token("planner", "planner", "370000-D-ENV");
    static final String ADMIN = Tokens.token("admin", "admin", "370000-GO");
    static final String AUDITOR = Tokens.token("auditor", "auditor", "370000-DIS");

    @Test
    void withoutATokenTheAnswerIs401ProblemJson() {
        given().when().get("/api/v1/units")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("type", equalTo("/problems/unauthenticated"))
                .body("requestId", notNullValue());
    }

    @Test
    void aGarbageTokenIs401() {
        given().auth().oauth2("not-a-token").when().get("/api/v1/units")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test // other tests import more of the province: the seed's units are there, perhaps among others
    void theSeedHasTheProvinceThreeCitiesAndTwoCountiesEach() {
        given().auth().oauth2(PLANNER).queryParam("kind", "PARTY_COMMITTEE").queryParam("size", 200)
                .when().get("/api/v1/units")
                .then().statusCode(200)
                .body("items.level", hasItem("PROVINCE"))
                .body("items.findAll { it.level == 'CITY' }.code", hasItems("370100-PC", "370200-PC", "370300-PC"))
                .body("items.findAll { it.level == 'COUNTY' }.code", hasItems("370102-PC", "370112-PC", "370202-PC",
                        "370211-PC", "370303-PC", "370304-PC"))
                .body("items.findAll { it.level == 'TOWNSHIP' }.code", hasItems("370102001-PC", "370304101-PC"));
        for (String kind : new String[] {"GOVERNMENT", "PARTY_OFFICE", "GOVERNMENT_OFFICE", "DISCIPLINE_COMMISSION",
                "ORGANIZATION_DEPARTMENT", "DEPARTMENT", "ENTERPRISE", "SCHOOL", "COORDINATION_BODY"}) {
            given().auth().oauth2(PLANNER).queryParam("kind", kind).when().get("/api/v1/units")
                    .then().statusCode(200).body("total", greaterThanOrEqualTo(1));
        }
    }

    @Test
    void filtersByRegionIncludeEverythingInside() {
        given().auth().oauth2(PLANNER).queryParam("region", "370100").queryParam("size", 200)
                .when().get("/api/v1/units")
                .then().statusCode(200)
                .body("items.regionCode", everyItem(startsWith("3701")))
                .body("items.code", hasItem("370102-DIS"))
                .body("items.code", not(hasItem("370202-DIS")));
    }

    @Test
    void filtersByLevelAndParentAndPages() {
        given().auth().oauth2(PLANNER).queryParam("parent", "370100-PC").queryParam("level", "COUNTY")
                .when().get("/api/v1/units")
                .then().statusCode(200)
                .body("items.code", contains("370102-PC", "370112-PC"));
        given().auth().oauth2(PLANNER).queryParam("size", 5).queryParam("page", 1)
                .when().get("/api/v1/units")
                .then().statusCode(200)
                .body("items.size()", equalTo(5)).body("page", equalTo(1)).body("size", equalTo(5))
                .body("total", greaterThanOrEqualTo(100));
    }

    @Test
    void aBadFilterNamesTheField() {
        given().auth().oauth2(PLANNER).queryParam("region", "37").when().get("/api/v1/units")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("region"));
        given().auth().oauth2(PLANNER).queryParam("size", 100000).when().get("/api/v1/units")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void anUnknownCodeIs404ProblemNamingIt() {
        given().auth().oauth2(PLANNER).when().get("/api/v1/units/NO-SUCH-UNIT")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("NO-SUCH-UNIT"))
                .body("id", equalTo("NO-SUCH-UNIT"));
    }

    @Test
    void oneUnitCarriesItsETag() {
        given().auth().oauth2(PLANNER).when().get("/api/v1/units/370102-DIS")
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .body("kind", equalTo("DISCIPLINE_COMMISSION"))
                .body("level", equalTo("COUNTY"))
                .body("regionCode", equalTo("370102"));
    }

    @Test
    void ancestorsRunFromParentToTheProvince() {
        given().auth().oauth2(PLANNER).when().get("/api/v1/units/370102-D-EDU/ancestors")
                .then().statusCode(200)
                .body("code", contains("370102-GOV", "370102-PC", "370100-PC", "370000-PC"));
    }

    @Test
    void lowerThanIsStrictRegionContainment() {
        given().auth().oauth2(PLANNER).when().get("/api/v1/units/370102-DIS/lower-than/370000-D-ENV")
                .then().statusCode(200).body("lower", equalTo(true));
        given().auth().oauth2(PLANNER).when().get("/api/v1/units/370000-DIS/lower-than/370000-D-ENV")
                .then().statusCode(200).body("lower", equalTo(false));
        given().auth().oauth2(PLANNER).when().get("/api/v1/units/370000-PC/lower-than/370102-DIS")
                .then().statusCode(200).body("lower", equalTo(false));
        given().auth().oauth2(PLANNER).when().get("/api/v1/units/370202-PC/lower-than/370100-PC")
                .then().statusCode(200).body("lower", equalTo(false));
        given().auth().oauth2(PLANNER).when().get("/api/v1/units/NOPE-1/lower-than/370100-PC")
                .then().statusCode(404);
    }

    @Test
    void onlyAdminsWriteUnits() {
        given().auth().oauth2(PLANNER).contentType(ContentType.JSON).body(unit("370102-D-TEST1", "测试局"))
                .when().post("/api/v1/units")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void createUpdateRetireWithETagsIdempotencyAndTheAuditTrail() {
        String body = unit("370102-D-TEST2", "历下区测试局");
        String etag = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .header("Idempotency-Key", "create-test2").body(body)
                .when().post("/api/v1/units")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/units/370102-D-TEST2"))
                .body("name", equalTo("历下区测试局"))
                .extract().header("ETag");

        // the same key and body: the first answer again, nothing created twice
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .header("Idempotency-Key", "create-test2").body(body)
                .when().post("/api/v1/units")
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", endsWith("/api/v1/units/370102-D-TEST2"))
                .body("code", equalTo("370102-D-TEST2"));
        // the same key, another body: 422
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .header("Idempotency-Key", "create-test2").body(unit("370102-D-TEST3", "另一个"))
                .when().post("/api/v1/units")
                .then().statusCode(422).body("type", equalTo("/problems/idempotency-key-reused"));
        // without a key, a second create of the same code is a conflict
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/units")
                .then().statusCode(409);

        String renamed = unit("370102-D-TEST2", "历下区测试和评估局");
        String newTag = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", etag)
                .body(renamed).when().put("/api/v1/units/370102-D-TEST2")
                .then().statusCode(200).body("name", equalTo("历下区测试和评估局"))
                .extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotEquals(etag, newTag);
        // a stale If-Match is refused with 409 and nothing changes
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", etag)
                .body(unit("370102-D-TEST2", "过期的修改")).when().put("/api/v1/units/370102-D-TEST2")
                .then().statusCode(409).body("type", equalTo("/problems/stale-version"));
        given().auth().oauth2(PLANNER).when().get("/api/v1/units/370102-D-TEST2")
                .then().body("name", equalTo("历下区测试和评估局"));

        given().auth().oauth2(ADMIN).header("If-Match", newTag).when().post("/api/v1/units/370102-D-TEST2/retire")
                .then().statusCode(200).body("retired", equalTo(true));

        given().auth().oauth2(AUDITOR).header("X-Request-Id", "audit-check-1")
                .when().get("/api/v1/audit/unit/370102-D-TEST2")
                .then().statusCode(200)
                .body("items.action", contains("CREATE", "UPDATE", "RETIRE"))
                .body("items[0].actor", equalTo("admin"))
                .body("items[0].actorUnit", equalTo("370000-GO"))
                .body("items[0].requestId", notNullValue())
                .body("items[1].changes.find { it.field == 'name' }.before", equalTo("历下区测试局"))
                .body("items[1].changes.find { it.field == 'name' }.after", equalTo("历下区测试和评估局"))
                .body("items[2].changes.find { it.field == 'retired' }.after", equalTo(true));
        given().auth().oauth2(PLANNER).when().get("/api/v1/audit/unit/370102-D-TEST2")
                .then().statusCode(403);
    }

    @Test
    void invalidFieldsAreNamed() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"code\":\"370102-D-BAD\",\"name\":\" \",\"level\":\"COUNTY\",\"kind\":\"DEPARTMENT\","
                        + "\"regionCode\":\"3701\",\"parentCode\":\"370102-GOV\"}")
                .when().post("/api/v1/units")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("regionCode"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(unit("370102-D-BAD", "好名字").replace("370102-GOV", "NO-SUCH-PARENT"))
                .when().post("/api/v1/units")
                .then().statusCode(400).body("errors[0].field", equalTo("parentCode"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(unit("370102-D-BAD", "好名字").replace("\"regionCode\":\"370102\"", "\"regionCode\":\"370202\""))
                .when().post("/api/v1/units")
                .then().statusCode(400).body("errors[0].field", equalTo("regionCode"));
    }

    @Test
    void malformedJsonIs400WithoutInternals() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"code\": ")
                .when().post("/api/v1/units")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-request"))
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("Exception")));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(unit("370102-D-BAD2", "名字").replace("{", "{\"colour\":\"red\","))
                .when().post("/api/v1/units")
                .then().log().ifValidationFails().statusCode(400).body("errors[0].field", equalTo("colour"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"code\":\"370102-D-BAD3\",\"code\":\"370102-D-BAD4\",\"name\":\"x\",\"level\":\"COUNTY\","
                        + "\"kind\":\"DEPARTMENT\",\"regionCode\":\"370102\"}")
                .when().post("/api/v1/units")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(unit("370102-D-BAD5", "名字").replace("\"COUNTY\"", "\"GALAXY\""))
                .when().post("/api/v1/units")
                .then().statusCode(400).body("errors[0].field", equalTo("level"));
    }

    @Test
    void wrongMediaTypeAndUnknownPathsAndMethodsAreProblems() {
        given().auth().oauth2(ADMIN).contentType(ContentType.TEXT).body("hello")
                .when().post("/api/v1/units")
                .then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).when().get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).when().delete("/api/v1/units")
                .then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void oversizedBodiesAre413Problems() {
        String huge = "x".repeat(1_100_000);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(unit("370102-D-HUGE", huge))
                .when().post("/api/v1/units")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void requestIdsAreEchoedOrGenerated() {
        given().auth().oauth2(PLANNER).header("X-Request-Id", "my-request-42")
                .when().get("/api/v1/units/NOPE-2")
                .then().statusCode(404).header("X-Request-Id", "my-request-42")
                .body("requestId", equalTo("my-request-42"));
        given().auth().oauth2(PLANNER).header("X-Request-Id", "bad id with spaces")
                .when().get("/api/v1/units/370000-PC")
                .then().statusCode(200).header("X-Request-Id", not(equalTo("bad id with spaces")));
    }

    @Test
    void englishOnRequest() {
        given().auth().oauth2(PLANNER).header("Accept-Language", "en")
                .when().get("/api/v1/units/NOPE-3")
                .then().statusCode(404).body("title", equalTo("Not found"));
        given().auth().oauth2(PLANNER)
                .when().get("/api/v1/units/NOPE-3")
                .then().statusCode(404).body("title", equalTo("资源不存在"));
    }

    @Test
    void healthAndOpenApiArePublic() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("paths", notNullValue());
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200).body("checks", notNullValue())
                .body("status", not(nullValue()));
    }

    static String unit(String code, String name) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"level\":\"COUNTY\",\"kind\":\"DEPARTMENT\","
                + "\"branch\":\"GOVERNMENT\",\"regionCode\":\"370102\",\"parentCode\":\"370102-GOV\"}";
    }
}
