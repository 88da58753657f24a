package cn.dcjk.accountability;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static cn.dcjk.accountability.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CaseProcedureTest {

    @Test
    void theCommissionWalksTheCaseThroughEveryStepAndAnAppealIsReviewed() {
        long id = openedCase();
        step(OFFICER, id, "investigation", investigation()).statusCode(200).body("status", equalTo("INVESTIGATING"));
        step(OFFICER, id, "hearing", hearing()).statusCode(200).body("status", equalTo("HEARD"));
        step(OFFICER, id, "decision", decision()).statusCode(200).body("status", equalTo("DECIDED"))
                .body("outcome", equalTo("ADMONISHMENT")).body("approvingAuthority", equalTo("历下区纪委常委会"));
        step(OFFICER, id, "notification", Map.of("notifiedOn", today().toString(), "notifiedTo", "张三本人"))
                .statusCode(200).body("status", equalTo("NOTIFIED"))
                .body("appealDeadline", equalTo(today().plusDays(30).toString()));
        step(OFFICER_2, id, "closure", Map.of("remarks", "送达完毕")).statusCode(200).body("status", equalTo("CLOSED"));
        step(OFFICER, id, "appeal", Map.of("reasons", "认为处理过重")).statusCode(200).body("status", equalTo("APPEALED"));
        step(OFFICER_2, id, "review", Map.of("result", "CHANGED", "changedOutcome", "WRITTEN_SELF_CRITICISM",
                "reasons", "情节轻微", "reviewingAuthority", "历下区纪委常委会"))
                .statusCode(200).body("status", equalTo("REVIEWED")).body("reviewResult", equalTo("CHANGED"))
                .body("reviewedOutcome", equalTo("WRITTEN_SELF_CRITICISM"));
        given().auth().oauth2(OFFICER).when().get("/api/v1/accountability/cases/" + id + "/history")
                .then().statusCode(200)
                .body("step", contains("OPENED", "INVESTIGATING", "HEARD", "DECIDED", "NOTIFIED", "CLOSED", "APPEALED",
                        "REVIEWED"))
                .body("actor", everyItem(notNullValue()))
                .body("at", everyItem(notNullValue()))
                .body("[2].details.statement", containsString("无异议"))
                .body("[5].actor", equalTo("discipline-officer-2"));
        // nothing follows a review
        step(OFFICER, id, "closure", Map.of()).statusCode(409);
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/accountability-case/" + id)
                .then().statusCode(200).body("total", equalTo(8));
    }

    @Test
    void skippingTheHearingIsRefused() {
        long id = openedCase();
        step(OFFICER, id, "investigation", investigation()).statusCode(200);
        step(OFFICER, id, "decision", decision()).statusCode(422)
                .body("findings[0].rule", equalTo("PROCEDURE"))
                .body("findings[0].articles", contains(25))
                .body("findings[0].facts.status", equalTo("INVESTIGATING"))
                .body("findings[0].facts.allowed", contains("HEARD"));
        step(OFFICER, id, "hearing", Map.of("statement", "", "heardOn", today().toString())).statusCode(400)
                .body("errors[0].field", containsString("statement"));
        given().auth().oauth2(OFFICER).when().get("/api/v1/accountability/cases/" + id)
                .then().statusCode(200).body("status", equalTo("INVESTIGATING"));
    }

    @Test
    void noStepIsSkippedOrRepeated() {
        long id = openedCase();
        step(OFFICER, id, "hearing", hearing()).statusCode(422).body("findings[0].rule", equalTo("PROCEDURE"));
        step(OFFICER, id, "notification", Map.of("notifiedOn", today().toString(), "notifiedTo", "x")).statusCode(422);
        step(OFFICER, id, "appeal", Map.of("reasons", "x")).statusCode(422);
        step(OFFICER, id, "investigation", investigation()).statusCode(200);
        step(OFFICER, id, "investigation", investigation()).statusCode(409)
                .body("type", containsString("step-taken"));
    }

    @Test
    void onlyTheCompetentBodyOpensAndWalksTheCase() {
        long referral = transferred();
        given().auth().oauth2(FOREIGN_OFFICER).contentType(ContentType.JSON)
                .body(Map.of("referralId", referral, "summary", "x"))
                .when().post("/api/v1/accountability/cases").then().statusCode(404);
        // a referral not transferred cannot be taken up: the transfer is the only way
        long untransferred = referred();
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Map.of("referralId", untransferred, "summary", "x"))
                .when().post("/api/v1/accountability/cases").then().statusCode(404);
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON)
                .body(Map.of("referralId", referral, "summary", "x"))
                .when().post("/api/v1/accountability/cases").then().statusCode(403);
        long id = given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Map.of("referralId", referral, "summary", "立案"))
                .when().post("/api/v1/accountability/cases").then().statusCode(201)
                .body("origin", equalTo("TRANSFER")).body("subjects[0].unitCode", equalTo("370102-D-ENV"))
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Map.of("referralId", referral, "summary", "again"))
                .when().post("/api/v1/accountability/cases").then().statusCode(409);
        step(FOREIGN_OFFICER, id, "investigation", investigation()).statusCode(404);
        given().auth().oauth2(AUDITOR).when().get("/api/v1/accountability/cases/" + id)
                .then().statusCode(200).body("subjects[0].name", equalTo("***"));
    }

    @Test
    void aCaseOnTheBodysOwnInitiativeNeedsItsJurisdiction() {
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Map.of("subjects", List.of(subject("钱七", "370102-D-EDU")), "summary", "自行立案"))
                .when().post("/api/v1/accountability/cases").then().statusCode(201)
                .body("origin", equalTo("OWN_INITIATIVE")).body("status", equalTo("OPENED"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Map.of("subjects", List.of(subject("孙八", "370202-D-EDU")), "summary", "越权立案"))
                .when().post("/api/v1/accountability/cases").then().statusCode(422)
                .body("findings[0].rule", equalTo("LAWFUL-ROUTE"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Map.of("summary", "无对象"))
                .when().post("/api/v1/accountability/cases").then().statusCode(400)
                .body("errors[0].field", equalTo("subjects"));
    }

    /** Notified {@code daysAgo} days ago, then appealed today. */
    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    /** The case's history so far happened {@code days} days earlier (the appeal window needs time to pass). */
    private void happenedDaysAgo(long id, int days) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE case_step SET at = at - make_interval(days => ?1) WHERE case_id = ?2")
                    .setParameter(1, days).setParameter(2, id).executeUpdate();
            em.createNativeQuery("UPDATE accountability_case SET opened_at = opened_at - make_interval(days => ?1), "
                            + "decided_at = decided_at - make_interval(days => ?1) WHERE id = ?2")
                    .setParameter(1, days).setParameter(2, id).executeUpdate();
        });
    }

    private io.restassured.response.ValidatableResponse appealAfter(int daysAgo) {
        long id = heardCase();
        step(OFFICER, id, "decision", decision()).statusCode(200);
        happenedDaysAgo(id, daysAgo + 2);
        step(OFFICER, id, "notification", Map.of("notifiedOn", today().minusDays(daysAgo).toString(),
                "notifiedTo", "张三本人")).statusCode(200);
        return step(OFFICER, id, "appeal", Map.of("reasons", "不服"));
    }

    @Test
    void anAppealOnThe30thDayAfterNotificationIsAccepted() {
        appealAfter(30).statusCode(200).body("status", equalTo("APPEALED"));
    }

    @Test
    void anAppealOnThe31stDayIsRefused() {
        appealAfter(31).statusCode(422)
                .body("findings[0].rule", equalTo("PROCEDURE"))
                .body("findings[0].facts.daysSinceNotification", equalTo(31))
                .body("findings[0].facts.appealDays", equalTo(30));
    }

    @Test
    void art25ANotificationCannotBeDatedInTheFuture() {
        long id = heardCase();
        step(OFFICER, id, "decision", decision()).statusCode(200);
        step(OFFICER, id, "notification", Map.of("notifiedOn", today().plusDays(1).toString(), "notifiedTo", "x"))
                .statusCode(422).body("findings[0].rule", equalTo("PROCEDURE"))
                .body("findings[0].facts.abuse", equalTo("PROCEDURE_DATE"));
    }

    @Test
    void art25ANotificationCannotPrecedeTheDecisionAndTheAttemptIsRegisteredOnce() {
        long id = heardCase();
        step(OFFICER, id, "decision", decision()).statusCode(200);
        // back-dating the notification would open (and close) the appeal window before the decision existed
        step(OFFICER, id, "notification", Map.of("notifiedOn", today().minusDays(40).toString(), "notifiedTo", "x"))
                .statusCode(422).body("findings[0].rule", equalTo("PROCEDURE"))
                .body("findings[0].facts.previousStepDate", equalTo(today().toString()));
        // the day of the decision itself is fine
        step(OFFICER, id, "notification", Map.of("notifiedOn", today().toString(), "notifiedTo", "x"))
                .statusCode(200).body("status", equalTo("NOTIFIED"));
        Number registered = (Number) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("SELECT count(*) FROM backtracing_record WHERE source = 'ACCOUNTABILITY' "
                        + "AND kind = 'PROCEDURE_SHORTCUT' AND evidence ->> 'caseId' = ?1")
                        .setParameter(1, String.valueOf(id)).getSingleResult());
        assertEquals(1, registered.intValue());
    }

    @Test
    void aDecisionNeedsLegalBasisAndApprovingAuthority() {
        long id = heardCase();
        step(OFFICER, id, "decision", Map.of("outcome", "ADMONISHMENT", "reasons", "x")).statusCode(400)
                .body("errors.field", containsInAnyOrder(containsString("legalBasis"),
                        containsString("approvingAuthority")));
        step(OFFICER, id, "decision", Map.of("outcome", "QUOTA_FILLER", "legalBasis", "x",
                "approvingAuthority", "x", "reasons", "x")).statusCode(400);
    }

    @Test
    void twoHandlersDecidingTheSameCaseAtOnceOneWinsTheOther409() throws Exception {
        long id = heardCase();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String token : new String[] {OFFICER, OFFICER_2}) {
                Callable<Integer> decide = () -> {
                    start.await();
                    return step(token, id, "decision", decision()).extract().statusCode();
                };
                results.add(pool.submit(decide));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get(60, TimeUnit.SECONDS));
            }
            statuses.sort(Integer::compareTo);
            assertEquals(List.of(200, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(OFFICER).when().get("/api/v1/accountability/cases/" + id + "/history")
                .then().statusCode(200).body("findAll { it.step == 'DECIDED' }.size()", equalTo(1));
    }

    @Test
    void aStaleIfMatchIsRefused() {
        long id = openedCase();
        String etag = given().auth().oauth2(OFFICER).when().get("/api/v1/accountability/cases/" + id)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).header("If-Match", etag).body(investigation())
                .when().post("/api/v1/accountability/cases/" + id + "/investigation").then().statusCode(200);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).header("If-Match", etag).body(hearing())
                .when().post("/api/v1/accountability/cases/" + id + "/hearing").then().statusCode(409)
                .body("type", containsString("stale-version"));
    }

    @Test
    void statisticsAreByOutcomeAndTimelinessNeverByUnit() {
        long id = heardCase();
        step(OFFICER, id, "decision", decision()).statusCode(200);
        given().auth().oauth2(AUDITOR).when().get("/api/v1/accountability/statistics")
                .then().statusCode(200)
                .body("decisionsByOutcome.ADMONISHMENT", notNullValue())
                .body("averageDaysOpenedToDecided", notNullValue())
                .body("$", not(hasKey("byUnit")))
                .body(not(containsString("370000-D-ENV")))
                .body(not(containsString("370102")));
        given().auth().oauth2(TEAM).when().get("/api/v1/accountability/statistics").then().statusCode(403);
    }
}
