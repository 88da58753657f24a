package cn.dcjk.inspections.commendation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static cn.dcjk.inspections.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** COMMENDATION-EXEMPTS: a commendation in the provincial comprehensive inspection registers next year's exemption. */
@QuarkusTest
class CommendationTest {

    @Inject
    EntityManager em;

    long undelivered(String sourceId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM outbox_message WHERE destination = 'plans' AND delivered_at IS NULL "
                                + "AND body LIKE ?1")
                .setParameter(1, "%\"sourceId\":\"" + sourceId + "\"%").getSingleResult()).longValue());
    }

    long comprehensiveThroughResults() {
        long id = open(GOV_TEAM, "DCJK-2026-0100", false, List.of("370102-GOV", "370112-GOV", "370202-GOV"));
        long entry = itinerary(GOV_TEAM, id, "370102-GOV", TODAY);
        visit(GOV_TEAM, id, entry, "370102-GOV", cleanReception());
        given().auth().oauth2(GOV_TEAM).contentType(ContentType.JSON).header("If-Match", etag(GOV_TEAM, id))
                .body(results("370102-GOV", List.of())).when().post("/api/v1/inspections/" + id + "/results")
                .then().statusCode(200);
        return id;
    }

    @Test
    void theExemptionArrivesExactlyOnceEvenWhenPlansServiceWasDown() {
        long id = comprehensiveThroughResults();
        stub("exemptions", false);
        long commendation;
        try {
            commendation = given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                    .body(Map.of("inspectionId", id, "unitCode", "370102-GOV", "reason", "营商环境改善成效突出"))
                    .when().post("/api/v1/commendations")
                    .then().statusCode(201).body("exemptionYear", equalTo(TODAY.minusDays(30).getYear() + 1))
                    .extract().jsonPath().getLong("id");
            await().atMost(Duration.ofSeconds(30)).until(() -> received("exemptions").getInt("refused") > 0);
            assertEquals(1, undelivered(String.valueOf(commendation)));
        } finally {
            stub("exemptions", true);
        }
        List<Map<String, Object>> arrived = awaitArrival("exemptions", "sourceId", commendation);
        assertEquals("370102-GOV", arrived.get(0).get("unitCode"));
        assertEquals("COMMENDATION", arrived.get(0).get("source"));
        assertEquals(TODAY.minusDays(30).getYear() + 1, ((Number) arrived.get(0).get("year")).intValue());
        await().atMost(Duration.ofSeconds(30)).until(() -> undelivered(String.valueOf(commendation)) == 0);
        assertEquals(1, ((Number) arrived("exemptions", "sourceId", commendation).get(0).get("deliveries")).intValue());

        given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Map.of("inspectionId", id, "unitCode", "370102-GOV", "reason", "再次"))
                .when().post("/api/v1/commendations").then().statusCode(409);
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Map.of("inspectionId", id, "unitCode", "370304-GOV", "reason", "非对象"))
                .when().post("/api/v1/commendations")
                .then().statusCode(422).body("findings[0].rule", equalTo("COMMENDATION-EXEMPTS"));
        given().auth().oauth2(OFFICE).when().get("/api/v1/commendations?size=200")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem((int) commendation));
        given().auth().oauth2(CITY_OFFICE).when().get("/api/v1/commendations?size=200")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(
                        (int) commendation)));
        given().auth().oauth2(unitToken("370102-GOV")).when().get("/api/v1/commendations")
                .then().statusCode(200).body("items.unitCode", org.hamcrest.Matchers.everyItem(equalTo("370102-GOV")))
                .body("total", org.hamcrest.Matchers.greaterThan(0));
        given().auth().oauth2(CITY_OFFICE).contentType(ContentType.JSON)
                .body(Map.of("inspectionId", id, "unitCode", "370112-GOV", "reason", "x"))
                .when().post("/api/v1/commendations").then().statusCode(404);
    }

    @Test
    void onlyTheProvincialComprehensiveInspectionCommends() {
        long id = throughResults(List.of("370102-D-ENV"), TODAY.plusDays(30));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Map.of("inspectionId", id, "unitCode", "370102-D-ENV", "reason", "整改迅速"))
                .when().post("/api/v1/commendations")
                .then().statusCode(422).body("findings[0].rule", equalTo("COMMENDATION-EXEMPTS"))
                .body("findings[0].articles", org.hamcrest.Matchers.contains(29));
    }
}
