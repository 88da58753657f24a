package cn.dcjk.plans.metrics;

import cn.dcjk.common.data.metrics.CountGauges;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.dcjk.plans.plan.PlanFixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /q/metrics speaks the regulation with bounded labels: refusals by rule, article, severity and
 * outcome; plans by approval status; HTTP series by route template, never by raw path.
 */
@QuarkusTest
class MetricsTest {

    static final String REFUSED = "dcjk_rule_findings_total{article=\"5,6\",outcome=\"refused\",rule=\"ANNUAL-PLAN-REQUIRED\","
            + "severity=\"PROHIBITED\"}";

    @Inject
    CountGauges gauges;

    @Test
    void aRefusalIsCountedByRuleArticleSeverityAndOutcome() {
        double before = value(metrics(), REFUSED);
        long single = plan(PLANNER, "SINGLE_MATTER", 2027, "一事一报（计量）");
        addItem(PLANNER, single, item("单项事项")).statusCode(201);
        addItem(PLANNER, single, item("第二项")).statusCode(422).body("findings[0].rule", equalTo("ANNUAL-PLAN-REQUIRED"));
        assertEquals(before + 1, value(metrics(), REFUSED), metrics());
        // reads of the same plan count nothing
        given().auth().oauth2(PLANNER).when().get("/api/v1/plans/" + single).then().statusCode(200);
        assertEquals(before + 1, value(metrics(), REFUSED));
    }

    @Test
    void plansByApprovalStatusAreGaugedWithEveryStatus() {
        plan(PLANNER, "ANNUAL", 2028, "计量年度计划");
        gauges.refresh();
        String text = metrics();
        for (String status : new String[] {"DRAFT", "SUBMITTED", "OFFICE_REVIEWED", "APPROVED", "ISSUED",
                "CHANGES_REQUESTED", "REJECTED"}) {
            assertTrue(text.contains("dcjk_plan_approvals{status=\"" + status + "\"}"), status);
        }
        assertTrue(value(text, "dcjk_plan_approvals{status=\"DRAFT\"}") >= 1);
    }

    @Test
    void httpSeriesAreLabelledByRouteTemplateNotByPath() {
        for (String code : new String[] {"370102-GOV", "370102-DIS", "370202-DIS"}) {
            given().auth().oauth2(PLANNER).when().get("/api/v1/units/" + code).then().statusCode(200);
        }
        String text = metrics();
        assertTrue(text.contains("uri=\"/api/v1/units/{code}\""), "the route template labels the series");
        assertFalse(text.contains("uri=\"/api/v1/units/370102-GOV\""), "no series per unit");
    }

    static String metrics() {
        // one exposition format for the assertions: no trailing comma before the closing brace
        return given().accept("text/plain").when().get("/q/metrics").then().statusCode(200).extract().asString()
                .replace(",}", "}");
    }

    static double value(String text, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
