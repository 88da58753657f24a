package cn.dcjk.plans.plan;

import cn.dcjk.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static cn.dcjk.plans.plan.PlanFixtures.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Caps hold when approvals race: two comprehensive items of one organiser approved at once, one passes. */
@QuarkusTest
class ApprovalRaceTest {

    @Test
    void twoConcurrentApprovalsOfComprehensiveItemsLetOneThrough() throws Exception {
        String planner = Tokens.token("planner-em", "planner", "370000-D-EM");
        List<Long> plans = new ArrayList<>();
        for (String title : List.of("应急管理综合督查（一）", "防汛抗旱综合考核（二）")) {
            long plan = plan(planner, "ANNUAL", 2028, title);
            addItem(planner, plan, with(item(title), "category", "COMPREHENSIVE", "periodStart", "2028-06-10",
                    "periodEnd", "2028-06-20", "workDeployedOn", "2028-01-02", "topics", List.of(title))).statusCode(201);
            step(planner, plan, "submit", null).statusCode(200);
            reviewAndForward(plan);
            plans.add(plan);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (long plan : plans) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return given().auth().oauth2(APPROVER).contentType(ContentType.JSON).body(Map.of())
                        .when().post("/api/v1/plans/" + plan + "/approve").then().extract().statusCode();
            }, pool));
        }
        start.countDown();
        List<Integer> statuses = answers.stream().map(CompletableFuture::join).sorted().toList();
        pool.shutdown();
        assertEquals(List.of(200, 422), statuses);
        long approved = plans.stream().filter(p -> "APPROVED".equals(given().auth().oauth2(planner)
                .when().get("/api/v1/plans/" + p).then().extract().jsonPath().getString("status"))).count();
        assertEquals(1, approved);
    }
}
