package cn.dcjk.inspections.assessment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.dcjk.inspections.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** RESULTS-NOT-TRACES and NO-ACCOUNTABILITY-QUOTA over assessment schemes, and scores against a scheme. */
@QuarkusTest
class AssessmentSchemeTest {

    static Map<String, Object> ind(String name, String kind, String weight) {
        return Map.of("name", name, "kind", kind, "weight", new java.math.BigDecimal(weight));
    }

    static Map<String, Object> scheme(List<Map<String, Object>> types) {
        return Map.of("name", "2026 年度县级生态环境工作考核", "year", 2026, "targetTypes", types);
    }

    static Map<String, Object> type(String name, List<Map<String, Object>> indicators) {
        return Map.of("targetType", name, "indicators", indicators);
    }

    static final List<Map<String, Object>> TWENTY = List.of(ind("空气质量改善", "WORK_RESULTS", "0.50"),
            ind("群众满意度", "PUBLIC_SATISFACTION", "0.30"), ind("会议召开", "MEETINGS_HELD", "0.10"),
            ind("文件制发", "DOCUMENTS_ISSUED", "0.05"), ind("台账资料", "PAPERWORK_VOLUME", "0.05"));

    @Test
    void exactlyTwentyPercentOfTracesIsAllowedAndScoresAreRecorded() {
        long id = given().auth().oauth2(PLANNER).contentType(ContentType.JSON)
                .body(scheme(List.of(type("COUNTY_DEPARTMENT", TWENTY),
                        type("TOWNSHIP", List.of(ind("问题整改率", "WORK_RESULTS", "0.7"),
                                ind("群众满意度", "PUBLIC_SATISFACTION", "0.3"))))))
                .when().post("/api/v1/assessment-schemes")
                .then().statusCode(201).body("ownerUnitCode", equalTo("370000-D-ENV"))
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(PLANNER).contentType(ContentType.JSON)
                .body(Map.of("targetUnitCode", "370102-D-ENV", "targetType", "TOWNSHIP",
                        "scores", List.of(Map.of("indicator", "问题整改率", "value", 90),
                                Map.of("indicator", "群众满意度", "value", 80))))
                .when().post("/api/v1/assessment-schemes/" + id + "/scores")
                .then().statusCode(201).body("total", equalTo(87.0f));
        given().auth().oauth2(PLANNER).contentType(ContentType.JSON)
                .body(Map.of("targetUnitCode", "370112-D-ENV", "targetType", "TOWNSHIP",
                        "scores", List.of(Map.of("indicator", "问题整改率", "value", 90))))
                .when().post("/api/v1/assessment-schemes/" + id + "/scores").then().statusCode(400);
        given().auth().oauth2(PLANNER).when().get("/api/v1/assessment-schemes/" + id + "/scores")
                .then().statusCode(200).body("targetUnitCode", contains("370102-D-ENV"));
        given().auth().oauth2(UNIT).when().get("/api/v1/assessment-schemes/" + id).then().statusCode(404);
        given().auth().oauth2(AUDITOR).when().get("/api/v1/assessment-schemes/" + id).then().statusCode(200);
    }

    @Test
    void art14TracesAsTheMainBasisAreRefused() {
        // 「主要依据」 read as the text says: meetings, documents and paperwork together weigh more than half
        List<Map<String, Object>> heavy = List.of(ind("空气质量改善", "WORK_RESULTS", "0.29"),
                ind("群众满意度", "PUBLIC_SATISFACTION", "0.20"), ind("会议召开", "MEETINGS_HELD", "0.31"),
                ind("文件制发", "DOCUMENTS_ISSUED", "0.10"), ind("台账资料", "PAPERWORK_VOLUME", "0.10"));
        given().auth().oauth2(PLANNER).contentType(ContentType.JSON)
                .body(scheme(List.of(type("COUNTY_DEPARTMENT", TWENTY), type("TOWNSHIP", heavy))))
                .when().post("/api/v1/assessment-schemes")
                .then().statusCode(422).body("findings[0].rule", equalTo("RESULTS-NOT-TRACES"))
                .body("findings[0].facts.targetType", equalTo("TOWNSHIP"))
                .body("findings[0].articles", contains(14));
        given().auth().oauth2(PLANNER).contentType(ContentType.JSON)
                .body(scheme(List.of(type("TOWNSHIP", heavy))))
                .when().post("/api/v1/assessment-schemes/checks")
                .then().statusCode(200).body("allows", equalTo(false));
    }

    @Test
    void noIndicatorCountsAccountability() {
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(scheme(List.of(type("COUNTY", List.of(ind("工作实绩", "WORK_RESULTS", "0.9"),
                        ind("问责人数", "OTHER", "0.1"))))))
                .when().post("/api/v1/assessment-schemes")
                .then().statusCode(422).body("findings[0].rule", equalTo("NO-ACCOUNTABILITY-QUOTA"))
                .body("findings[0].articles", contains(26));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(scheme(List.of(type("COUNTY", List.of(ind("工作实绩", "WORK_RESULTS", "0.9"),
                        ind("案件", "ACCOUNTABILITY_CASES", "0.1"))))))
                .when().post("/api/v1/assessment-schemes")
                .then().statusCode(422).body("findings[0].rule", equalTo("NO-ACCOUNTABILITY-QUOTA"));
    }

    @Test
    void weightsMustSumToOneAndOnlySchemeWritersWrite() {
        given().auth().oauth2(PLANNER).contentType(ContentType.JSON)
                .body(scheme(List.of(type("COUNTY", List.of(ind("工作实绩", "WORK_RESULTS", "0.9"))))))
                .when().post("/api/v1/assessment-schemes").then().statusCode(400);
        given().auth().oauth2(UNIT).contentType(ContentType.JSON)
                .body(scheme(List.of(type("COUNTY", TWENTY))))
                .when().post("/api/v1/assessment-schemes").then().statusCode(403);
    }
}
