package cn.dcjk.accountability;

import cn.dcjk.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Tokens per role and the common steps of the tests. */
final class Fixtures {

    static final String TEAM = Tokens.team("team-member", "370000-D-ENV", "370000-D-ENV");
    static final String OTHER_TEAM = Tokens.team("edu-team", "370000-D-EDU", "370000-D-EDU");
    static final String REVIEWER = Tokens.token("env-reviewer", "office-reviewer", "370000-D-ENV");
    static final String FOREIGN_REVIEWER = Tokens.token("office-reviewer", "office-reviewer", "370000-GO");
    static final String OFFICER = Tokens.token("discipline-officer", "discipline-officer", "370102-DIS");
    static final String OFFICER_2 = Tokens.token("discipline-officer-2", "discipline-officer", "370102-DIS");
    static final String FOREIGN_OFFICER = Tokens.token("qd-officer", "discipline-officer", "370202-DIS");
    static final String HANDLER = Tokens.token("complaint-handler", "complaint-handler", "370000-DIS");
    static final String COUNTY_HANDLER = Tokens.token("county-handler", "complaint-handler", "370102-DIS");
    static final String AUDITOR = Tokens.token("auditor", "auditor", "370000-PO");
    static final String INSPECTED = Tokens.token("inspected-unit", "inspected-unit", "370102-D-ENV");
    static final String SERVICES = Tokens.token("service-account-dcjk-services", "service", "370000-GO");
    static final String INTEGRATOR = Tokens.token("service-account-integrator-demo", "integrator", "370000-GO");
    static final String PLANNER = Tokens.token("planner", "planner", "370000-D-ENV");

    private Fixtures() {
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    static Map<String, Object> subject(String name, String unit) {
        return Map.of("name", name, "unitCode", unit, "position", "局长", "leadershipMember", true);
    }

    static Map<String, Object> referral(String kind, String recipient, long inspection, long finding,
            List<Map<String, Object>> subjects) {
        return Map.of("kind", kind, "recipientUnitCode", recipient, "subjects", subjects, "inspectionId", inspection,
                "findingId", finding, "problem", "环境监测台账造假");
    }

    static ValidatableResponse postReferral(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/accountability/referrals").then();
    }

    /** A referral of the team to its dispatching unit, about a cadre of 370102-D-ENV. */
    static long referred() {
        return postReferral(TEAM, referral("PROBLEM_CLUE", "370000-D-ENV", 1, 11,
                List.of(subject("张三", "370102-D-ENV")))).statusCode(201).extract().jsonPath().getLong("id");
    }

    static long transferred() {
        long id = referred();
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON)
                .body(Map.of("competentUnitCode", "370102-DIS", "legalBasis", "《中国共产党问责条例》第九条"))
                .when().post("/api/v1/accountability/referrals/" + id + "/transfer").then().statusCode(200);
        return id;
    }

    static long openedCase() {
        long referral = transferred();
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Map.of("referralId", referral, "summary", "立案审查"))
                .when().post("/api/v1/accountability/cases").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    static ValidatableResponse step(String token, long caseId, String step, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/accountability/cases/" + caseId + "/" + step).then();
    }

    static Map<String, Object> investigation() {
        return Map.of("evidence", List.of("监测数据原始记录", "询问笔录"), "summary", "查明台账造假");
    }

    static Map<String, Object> hearing() {
        return Map.of("statement", "本人对事实无异议，但系上级催报所致", "heardOn", today().toString());
    }

    static Map<String, Object> decision() {
        return Map.of("outcome", "ADMONISHMENT", "legalBasis", "《中国共产党问责条例》第八条",
                "approvingAuthority", "历下区纪委常委会", "reasons", "情节较轻");
    }

    /** A case taken up to and including HEARD. */
    static long heardCase() {
        long id = openedCase();
        step(OFFICER, id, "investigation", investigation()).statusCode(200);
        step(OFFICER, id, "hearing", hearing()).statusCode(200);
        return id;
    }

    static void stub(String query) {
        String url = ConfigProvider.getConfig().getValue("dcjk.test.stub.url", String.class);
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/__control?" + query)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("stub control answered " + response.statusCode());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
