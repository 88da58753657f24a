package cn.dcjk.fullstack;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The 2018 Shandong measures' story end to end, against the real stack and through the gateway only:
 * a plan is drafted, reviewed, approved and issued (articles 5–11); its approval code opens an
 * inspection that samples, files its itinerary, visits with a reception record and files a finding
 * (articles 10, 12–23); the team refers lawfully to its dispatching unit, while a direct demand on a
 * county discipline commission is refused at the gateway, logged and registered for back-tracing
 * (articles 27, 32); a complaint letter ends unfounded with a public rehabilitation notice (article 31).
 * Each step needs the ones before it; a step whose input is missing is skipped, not failed again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("The regulation's story through the gateway")
class RegulationStoryTest {

    static final String ORGANISER = "370000-D-ENV";
    static final String VISITED = "370102-D-ENV";
    static final String COUNTY_DISCIPLINE = "370102-DIS";
    static final List<String> COUNTY_ENV = List.of("370102-D-ENV", "370112-D-ENV", "370202-D-ENV", "370211-D-ENV",
            "370303-D-ENV", "370304-D-ENV");
    static final int SAMPLE = 2;

    final Stack stack = new Stack();
    Keycloak keycloak;

    final int year = LocalDate.now().getYear() + 1;
    final LocalDate periodStart = LocalDate.of(year, 3, 10);
    final LocalDate periodEnd = LocalDate.of(year, 3, 20);

    Long planId;
    Long itemId;
    String approvalCode;
    Long inspectionId;
    Long itineraryEntryId;
    Long visitId;
    Long findingId;
    String decisionId;

    @BeforeAll
    void startTheStack() {
        stack.start();
        keycloak = new Keycloak(stack.keycloakUrl(), Stack.REALM);
        RestAssured.baseURI = stack.gatewayUrl();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterAll
    void stopTheStack() {
        RestAssured.reset();
        stack.stop();
    }

    RequestSpecification as(String user) {
        return given().auth().oauth2(keycloak.token(user)).contentType(ContentType.JSON)
                .header("Accept-Language", "en");
    }

    // ------------------------------------------------------------------------------- the plan (arts. 5–11)

    @Test
    @Order(1)
    @DisplayName("1. the planner drafts next year's plan with one special on-site item")
    void plannerDraftsThePlan() {
        planId = as("planner").body(Map.of("type", "ANNUAL", "year", year, "title", "省生态环境厅" + year + "年度督查检查考核计划"))
                .when().post("/api/v1/plans")
                .then().statusCode(201).body("status", equalTo("DRAFT"))
                .body("reviewingOfficeCode", equalTo("370000-GO")).body("submittingOfficeCode", equalTo("370000-PO"))
                .body("approvingBodyCode", equalTo("370000-PC"))
                .extract().jsonPath().getLong("id");
        itemId = as("planner").body(item()).when().post("/api/v1/plans/" + planId + "/items")
                .then().statusCode(201).body("id", notNullValue()).extract().jsonPath().getLong("id");
    }

    @Test
    @Order(2)
    @DisplayName("2. submitted, reviewed by the government office, forwarded by the party office, approved by the party committee, issued")
    void submittedReviewedApprovedIssued() {
        assumeTrue(planId != null, "no plan was drafted");
        // water pollution is 环保, folded into the provincial comprehensive inspection (article 17): the
        // department's own special inspection passes submission on its written justification only
        step("planner", "submit", "请审核").body("plan.status", equalTo("SUBMITTED"))
                .body("findings.rule", hasItem("FOLDED-INTO-COMPREHENSIVE"));
        step("office-reviewer", "review", "符合要求").body("status", equalTo("OFFICE_REVIEWED"));
        // article 5: the party office submits every plan of the level to the party committee
        step("party-office", "forward", "报省委审批").body("status", equalTo("FORWARDED"));
        // and the party committee grants the exception explicitly
        approvalCode = as("committee-approver").body(Map.of("comment", "同意", "grants",
                        List.of(Map.of("itemId", itemId, "rule", "FOLDED-INTO-COMPREHENSIVE"))))
                .when().post("/api/v1/plans/" + planId + "/approve").then().statusCode(200)
                .body("plan.status", equalTo("APPROVED"))
                .body("plan.items[0].approvalCode", matchesPattern("DCJK-" + year + "-\\d{4}"))
                .extract().jsonPath().getString("plan.items[0].approvalCode");
        step("party-office", "issue", "印发").body("status", equalTo("ISSUED"));
    }

    @Test
    @Order(3)
    @DisplayName("3. the approval code verifies without a token")
    void theApprovalCodeVerifiesWithoutAToken() {
        assumeTrue(approvalCode != null, "no approval code was issued");
        given().when().get("/api/v1/approvals/" + approvalCode)
                .then().statusCode(200)
                .body("genuine", equalTo(true)).body("current", equalTo(true)).body("status", equalTo("CURRENT"))
                .body("organiserUnitCode", equalTo(ORGANISER))
                .body("targetUnitCodes", equalTo(COUNTY_ENV))
                .body("periodStart", equalTo(periodStart.toString())).body("periodEnd", equalTo(periodEnd.toString()))
                .body("sampling.population", equalTo(COUNTY_ENV.size()));
    }

    // ------------------------------------------------------------------------------- field work (arts. 10, 12–23)

    @Test
    @Order(4)
    @DisplayName("4. the inspection team opens its scheme with the approval code")
    void theTeamOpensTheInspection() {
        assumeTrue(approvalCode != null, "no approval code was issued");
        Map<String, Object> scheme = new LinkedHashMap<>();
        scheme.put("approvalCode", approvalCode);
        scheme.put("title", "生态环境专项检查");
        scheme.put("leader", Map.of("name", "张组长", "rank", "副厅级"));
        scheme.put("members", List.of(Map.of("name", "李干事", "rank", "科员")));
        scheme.put("population", COUNTY_ENV);
        scheme.put("startDate", periodStart.toString());
        scheme.put("endDate", periodEnd.toString());
        scheme.put("unannounced", false);
        inspectionId = as("inspection-team").body(scheme).when().post("/api/v1/inspections")
                .then().statusCode(201)
                .body("status", equalTo("SCHEME_FILED")).body("approvalCode", equalTo(approvalCode))
                .body("dispatchingUnitCode", equalTo(ORGANISER)).body("samplingRequired", equalTo(true))
                .extract().jsonPath().getLong("id");
    }

    @Test
    @Order(5)
    @DisplayName("5. a seeded sample of a third is drawn, reproducibly")
    void aSeededSampleIsDrawn() {
        assumeTrue(inspectionId != null, "no inspection was opened");
        long seed = seedDrawing(VISITED);
        JsonPath sample = as("inspection-team").body(Map.of("seed", seed, "size", SAMPLE))
                .when().post("/api/v1/inspections/" + inspectionId + "/sample")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(seed, sample.getLong("current.seed"));
        assertEquals(draw(COUNTY_ENV, seed, SAMPLE), sample.getList("current.units"),
                "the draw follows the published algorithm");
    }

    @Test
    @Order(6)
    @DisplayName("6. the itinerary names the sampled unit")
    void theItineraryIsFiled() {
        assumeTrue(inspectionId != null, "no inspection was opened");
        itineraryEntryId = as("inspection-team")
                .body(Map.of("date", periodStart.toString(), "unitCode", VISITED, "siteType", "OFFICE"))
                .when().post("/api/v1/inspections/" + inspectionId + "/itinerary")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    @Order(7)
    @DisplayName("7. the visit is recorded with its reception")
    void theVisitIsRecordedWithItsReception() {
        assumeTrue(itineraryEntryId != null, "no itinerary entry was filed");
        Map<String, Object> reception = Map.of(
                "escorts", List.of(Map.of("unitCode", VISITED, "level", "COUNTY", "counterpart", false)),
                "borderWelcome", false,
                "briefings", List.of(Map.of("kind", "WORK", "participants", 6)),
                "principalLeadersPresent", false, "overallImportance", false);
        Map<String, Object> visit = new LinkedHashMap<>();
        visit.put("itineraryEntryId", itineraryEntryId);
        visit.put("unitCode", VISITED);
        visit.put("reception", reception);
        visit.put("burden", Map.of("forms", 0, "materials", 1, "surveys", 0, "onlineVotes", 0, "messagingGroups", 0));
        visitId = as("inspection-team").body(visit).when().post("/api/v1/inspections/" + inspectionId + "/visits")
                .then().statusCode(201).body("receptionViolation", equalTo(false))
                .extract().jsonPath().getLong("id");
        as("inspection-team").when().get("/api/v1/inspections/" + inspectionId)
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    @Order(8)
    @DisplayName("8. the results are filed with a finding for the visited unit")
    void theResultsAreFiledWithAFinding() {
        assumeTrue(visitId != null, "no visit was recorded");
        String etag = as("inspection-team").when().get("/api/v1/inspections/" + inspectionId)
                .then().statusCode(200).extract().header("ETag");
        Map<String, Object> finding = Map.of("targetUnitCode", VISITED, "problem", "危险废物台账不全",
                "evidence", List.of("现场照片 1 张", "台账复印件"), "responsibleSide", "区生态环境局",
                "deadline", periodEnd.plusDays(30).toString());
        Map<String, Object> results = Map.of("summary", "检查发现问题 1 项，已当场反馈",
                "outcomes", List.of(Map.of("unitCode", VISITED, "outcome", "基本合格，存在问题 1 项")),
                "findings", List.of(finding));
        as("inspection-team").header("If-Match", etag).body(results)
                .when().post("/api/v1/inspections/" + inspectionId + "/results")
                .then().statusCode(200).body("status", equalTo("RESULTS_FILED"));
        findingId = as("inspection-team").queryParam("inspection", inspectionId).when().get("/api/v1/findings")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].status", equalTo("FILED"))
                .extract().jsonPath().getLong("items[0].id");
    }

    // ------------------------------------------------------------------------------- accountability (arts. 25–28, 32)

    @Test
    @Order(9)
    @DisplayName("9. a lawful referral to the team's dispatching unit is accepted")
    void aLawfulReferralIsAccepted() {
        assumeTrue(findingId != null, "no finding was filed");
        String requestId = "full-stack-lawful-" + UUID.randomUUID();
        as("inspection-team").header("X-Request-Id", requestId)
                .body(referral("ACCOUNTABILITY_SUGGESTION", ORGANISER))
                .when().post("/api/v1/accountability/referrals")
                .then().statusCode(201)
                .body("status", equalTo("SUBMITTED")).body("recipientUnitCode", equalTo(ORGANISER))
                .body("dispatchingUnitCode", equalTo(ORGANISER))
                .body("inspectionId", equalTo(inspectionId.intValue())).body("findingId", equalTo(findingId.intValue()));
        as("auditor").queryParam("requestId", requestId).when().get("/api/v1/gateway/decisions")
                .then().statusCode(200).body("items[0].outcome", equalTo("ALLOW"));
    }

    @Test
    @Order(10)
    @DisplayName("10. a direct demand on the county discipline commission is refused at the gateway (403)")
    void aDirectDemandIsRefusedAtTheGateway() {
        assumeTrue(findingId != null, "no finding was filed");
        String requestId = "full-stack-demand-" + UUID.randomUUID();
        decisionId = as("inspection-team").header("X-Request-Id", requestId)
                .body(referral("ACCOUNTABILITY_DEMAND", COUNTY_DISCIPLINE))
                .when().post("/api/v1/accountability/referrals")
                .then().statusCode(403).contentType("application/problem+json")
                .body("rule", equalTo("NO-DIRECT-DEMAND")).body("articles", contains(27))
                .body("recipient", equalTo(COUNTY_DISCIPLINE))
                .body("lawfulRoute.recipientUnitCode", equalTo(ORGANISER))
                .body("requestId", equalTo(requestId))
                .extract().jsonPath().getString("decisionId");
        assertNotNull(decisionId, "the refusal names its decision");
        as("auditor").queryParam("requestId", requestId).when().get("/api/v1/gateway/decisions")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(decisionId)).body("items[0].outcome", equalTo("DENY"))
                .body("items[0].rule", equalTo("NO-DIRECT-DEMAND")).body("items[0].caller", equalTo("inspection-team"))
                .body("items[0].recipientUnitCode", equalTo(COUNTY_DISCIPLINE));
    }

    @Test
    @Order(10)
    @DisplayName("10b. no side door: other spellings, other channels, tokens for other clients, the service bypassed")
    void noSideDoorReachesALowerBody() throws Exception {
        assumeTrue(findingId != null, "no finding was filed");
        String team = keycloak.token("inspection-team");
        List<String> lower = List.of(COUNTY_DISCIPLINE, "370102-PC", "370102-GOV", "370102-ORG");
        int refused = 0;
        for (String unit : lower) {
            for (String path : List.of("/api/v1/accountability/referrals", "/api/v1/plans/..%2F..%2Faccountability/referrals",
                    "/api/v1/complaints/%2e%2e/accountability/referrals", "/api/v1//accountability/referrals")) {
                int status = given().auth().oauth2(team).contentType(ContentType.JSON).urlEncodingEnabled(false)
                        .body(referral("ACCOUNTABILITY_SUGGESTION", unit)).when().post(path).then().extract().statusCode();
                assertTrue(status == 400 || status == 403, path + " → " + unit + " answered " + status);
                refused++;
            }
            int letter = given().auth().oauth2(team).contentType(ContentType.JSON)
                    .body(Map.of("handlerUnitCode", unit, "anonymous", true, "accusedName", "张三",
                            "accusedUnitCode", VISITED, "content", "建议问责"))
                    .when().post("/api/v1/complaints").then().extract().statusCode();
            assertEquals(403, letter, "a team's letter to " + unit);
            refused++;
        }
        // the service itself, bypassing the gateway: a write without the gateway's stamp is never executed
        given().auth().oauth2(team).contentType(ContentType.JSON).body(referral("ACCOUNTABILITY_SUGGESTION", ORGANISER))
                .when().post(stack.url("accountability-service") + "/api/v1/accountability/referrals")
                .then().statusCode(403).body("type", org.hamcrest.Matchers.containsString("admission-required"));
        // a token the realm issued to a client without the dcjk-api audience is refused everywhere
        io.restassured.response.Response other = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "planner").formParam("password", Keycloak.PASSWORD)
                .when().post(stack.keycloakUrl() + "/realms/" + Stack.REALM + "/protocol/openid-connect/token");
        if (other.statusCode() == 200) {
            String foreign = other.jsonPath().getString("access_token");
            given().auth().oauth2(foreign).when().get("/api/v1/plans").then().statusCode(401);
            for (String service : List.of("plans-service", "inspections-service", "accountability-service")) {
                given().auth().oauth2(foreign).when().get(stack.url(service) + "/api/v1/rules").then().statusCode(401);
            }
        }
        try (java.sql.Connection c = stack.database("accountability-service");
                java.sql.PreparedStatement q = c.prepareStatement("SELECT (SELECT count(*) FROM referral WHERE "
                        + "recipient_unit_code = ANY (?)) + (SELECT count(*) FROM complaint_letter WHERE "
                        + "handler_unit_code = ANY (?) AND created_by = 'inspection-team')")) {
            q.setArray(1, c.createArrayOf("varchar", lower.toArray()));
            q.setArray(2, c.createArrayOf("varchar", lower.toArray()));
            try (java.sql.ResultSet r = q.executeQuery()) {
                r.next();
                assertEquals(0, r.getLong(1), "accountability matters that reached a lower body after " + refused
                        + " attempts");
            }
        }
    }

    @Test
    @Order(11)
    @DisplayName("11. the refusal reaches the back-tracing register through the gateway's outbox")
    void theRefusalReachesTheBacktracingRegister() {
        assumeTrue(decisionId != null, "no refusal was decided");
        String find = "items.find { it.source == 'GATEWAY' && it.sourceEventId == '" + decisionId + "' }";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonPath register = null;
        while (System.nanoTime() < deadline) {
            register = as("auditor").queryParam("kind", "DIRECT_DEMAND_REFUSED").queryParam("size", 200)
                    .when().get("/api/v1/backtracing").then().statusCode(200).extract().jsonPath();
            if (register.get(find) != null) {
                break;
            }
            pause(1000);
        }
        assertNotNull(register.get(find), "the gateway's deny " + decisionId + " was not registered within 60 s; "
                + "the register holds: " + register.prettify());
        assertEquals("DIRECT_DEMAND_REFUSED", register.getString(find + ".kind"));
        assertEquals(ORGANISER, register.getString(find + ".actorUnitCode"));
        assertEquals(COUNTY_DISCIPLINE, register.getString(find + ".subjectUnitCode"));
        // a handler reads it too
        as("complaint-handler").queryParam("size", 200).when().get("/api/v1/backtracing")
                .then().statusCode(200).body("items.sourceEventId", hasItem(decisionId));
    }

    // ------------------------------------------------------------------------------- complaints (art. 31)

    @Test
    @Order(12)
    @DisplayName("12. a complaint letter ends unfounded and its rehabilitation notice is public")
    void aComplaintEndsUnfoundedWithAPublicRehabilitation() {
        Map<String, Object> letter = new LinkedHashMap<>();
        letter.put("handlerUnitCode", "370000-DIS");
        letter.put("anonymous", false);
        letter.put("accuserName", "吴十");
        letter.put("accuserContact", "13800000000");
        letter.put("accusedName", "周九");
        letter.put("accusedUnitCode", VISITED);
        letter.put("accusedPosition", "局长");
        letter.put("content", "反映其收受礼金");
        long complaint = as("complaint-handler").body(letter).when().post("/api/v1/complaints")
                .then().statusCode(201).body("status", equalTo("RECEIVED")).extract().jsonPath().getLong("id");
        as("complaint-handler").body(Map.of("notes", "启动核实"))
                .when().post("/api/v1/complaints/" + complaint + "/verification")
                .then().statusCode(200).body("status", equalTo("VERIFYING"));
        long notice = as("complaint-handler").body(Map.of("outcome", "UNFOUNDED", "reasons", "经核实无此事",
                        "rehabilitation", Map.of("title", "关于周九同志的澄清正名通报",
                                "text", "经核实，反映问题不属实，予以澄清。", "declined", false)))
                .when().post("/api/v1/complaints/" + complaint + "/outcome")
                .then().statusCode(200).body("status", equalTo("UNFOUNDED")).body("rehabilitationId", notNullValue())
                .extract().jsonPath().getLong("rehabilitationId");
        given().when().get("/api/v1/rehabilitations")
                .then().statusCode(200).body("items.id", hasItem((int) notice));
        given().when().get("/api/v1/rehabilitations/" + notice)
                .then().statusCode(200).body("title", equalTo("关于周九同志的澄清正名通报"));
    }

    // ------------------------------------------------------------------------------- the gateway's health

    @Test
    @Order(13)
    @DisplayName("13. the gateway never blocked its event loop")
    void theGatewayNeverBlockedItsEventLoop() throws IOException {
        List<String> blocked = new String(Files.readAllBytes(stack.log("gateway")), StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("has been blocked for")).toList();
        assertTrue(blocked.isEmpty(), "the gateway's event loop was blocked:\n" + String.join("\n", blocked));
    }

    // ------------------------------------------------------------------------------- helpers

    /** The special on-site item: six county bureaus, a third of them sampled, deployed long enough before. */
    Map<String, Object> item() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "水污染防治专项检查");
        m.put("category", "SPECIAL");
        m.put("activityWord", "检查");
        m.put("topics", List.of("水污染防治"));
        m.put("targetUnitCodes", COUNTY_ENV);
        m.put("onSite", true);
        m.put("sampling", Map.of("population", COUNTY_ENV.size(), "sampleSize", SAMPLE));
        m.put("periodStart", periodStart.toString());
        m.put("periodEnd", periodEnd.toString());
        m.put("workDeployedOn", LocalDate.now().toString());
        m.put("legalBasis", "《中华人民共和国水污染防治法》");
        m.put("publishable", true);
        m.put("justifications", Map.of("FOLDED-INTO-COMPREHENSIVE",
                "《水污染防治法》规定的年度执法检查，综合督查不覆盖其专业执法内容"));
        return m;
    }

    ValidatableResponse step(String user, String action, String comment) {
        return as(user).body(Map.of("comment", comment)).when().post("/api/v1/plans/" + planId + "/" + action)
                .then().statusCode(200);
    }

    Map<String, Object> referral(String kind, String recipient) {
        return Map.of("kind", kind, "recipientUnitCode", recipient,
                "subjects", List.of(Map.of("name", "张三", "unitCode", VISITED, "position", "局长",
                        "leadershipMember", true)),
                "inspectionId", inspectionId, "findingId", findingId, "problem", "危险废物台账不全，监测数据存疑");
    }

    /**
     * The sample as inspections-service publishes its algorithm: the population's codes sorted,
     * {@code java.util.Random(seed)}, position i swapped with i + nextInt(n - i) for the first {@code size}.
     */
    static List<String> draw(List<String> population, long seed, int size) {
        List<String> codes = new ArrayList<>(population);
        Collections.sort(codes);
        Random random = new Random(seed);
        for (int i = 0; i < size; i++) {
            Collections.swap(codes, i, i + random.nextInt(codes.size() - i));
        }
        return List.copyOf(codes.subList(0, size));
    }

    static long seedDrawing(String unit) {
        for (long seed = 1; seed < 10_000; seed++) {
            if (draw(COUNTY_ENV, seed, SAMPLE).contains(unit)) {
                return seed;
            }
        }
        return fail("no seed draws " + unit);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
