package cn.dcjk.accountability;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static cn.dcjk.accountability.Fixtures.PLANNER;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class RulesTest {

    @Test
    void theRulesAreListedWithArticlesSeverityAndParameters() {
        given().auth().oauth2(PLANNER).when().get("/api/v1/rules")
                .then().statusCode(200)
                .body("name", hasItems("LAWFUL-ROUTE", "NO-DIRECT-DEMAND", "PROCEDURE", "NO-BLAME-SHIFTING",
                        "COMPLAINT-OUTCOME", "BACKTRACING"))
                .body("find { it.name == 'LAWFUL-ROUTE' }.articles", contains(25, 27))
                .body("find { it.name == 'NO-BLAME-SHIFTING' }.severity", equalTo("ADVISORY"))
                .body("find { it.name == 'PROCEDURE' }.parameters.appealDays", equalTo(30))
                .body("find { it.name == 'COMPLAINT-OUTCOME' }.parameters.overdueDays", equalTo(90))
                .body("find { it.name == 'BACKTRACING' }.service", equalTo("accountability-service"));
    }
}
