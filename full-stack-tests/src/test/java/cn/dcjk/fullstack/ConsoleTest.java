package cn.dcjk.fullstack;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console (issue 16) in a real browser against the real stack: every page loads without a
 * console error (a CSP violation or a failed load is one), a real approval code verifies in public,
 * a complaint letter round-trips to its receipt, the calendar shows an item approved in this test,
 * and the heat map's numbers are the statistics API's. Signed-in pages sign in through the real
 * Keycloak login form. Each test saves a screenshot under target/screenshots/.
 * Without Chromium and chromium-driver the class is skipped with the reason, unless CI is set.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("The console in a browser")
class ConsoleTest {

    static final String ORGANISER = "370000-D-ENV";
    static final String VISITED = "370102-D-ENV";
    static final List<String> COUNTY_ENV = RegulationStoryTest.COUNTY_ENV;
    static final Duration WAIT = Duration.ofSeconds(30);

    final Stack stack = new Stack();
    Keycloak keycloak;
    Browser browser;
    String gateway;

    final int year = LocalDate.now().getYear() + 1;
    final LocalDate periodStart = LocalDate.of(year, 4, 13);
    final LocalDate periodEnd = LocalDate.of(year, 4, 17);
    String approvalCode;
    String clashCode;
    Long consolePlan;
    SortedSet<String> justified;

    @BeforeAll
    void startTheStackAndABrowser() {
        Optional<String> missing = Browser.missing();
        if (missing.isPresent()) {
            if (System.getenv("CI") != null) {
                fail("CI must have a browser for the console tests: " + missing.get());
            }
            assumeTrue(false, "console browser tests skipped: " + missing.get());
        }
        stack.start();
        gateway = stack.gatewayUrl();
        keycloak = new Keycloak(stack.keycloakUrl(), Stack.REALM);
        RestAssured.baseURI = gateway;
        browser = Browser.open(1280, 900);
    }

    @AfterAll
    void stopEverything() {
        if (browser != null) {
            browser.close();
        }
        RestAssured.reset();
        stack.stop();
    }

    RequestSpecification as(String user) {
        return given().auth().oauth2(keycloak.token(user)).contentType(ContentType.JSON).header("Accept-Language", "en");
    }

    // ------------------------------------------------------------------------------------ public pages

    @Test
    @Order(1)
    @DisplayName("1. an item is planned, reviewed, approved and issued (through the API)")
    void anItemIsApproved() {
        long plan = as("planner").body(Map.of("type", "ANNUAL", "year", year, "title", "省生态环境厅" + year + "年度计划（控制台）"))
                .when().post("/api/v1/plans").then().statusCode(201).extract().jsonPath().getLong("id");
        long itemId = as("planner").body(item()).when().post("/api/v1/plans/" + plan + "/items").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        // a second item on the same units and the same days, on another subject: the calendar's clash
        Map<String, Object> clash = clashingItem();
        List<Map<String, Object>> findings = as("planner").body(Map.of("planId", plan, "item", clash))
                .when().post("/api/v1/plans/checks").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.itemId == null }.findings.flatten()");
        Map<String, String> why = new LinkedHashMap<>();
        findings.stream().filter(f -> "PRINCIPLE".equals(f.get("severity")))
                .forEach(f -> why.put((String) f.get("rule"), "《土壤污染防治法》规定的专项执法检查，综合督查不覆盖其专业执法内容"));
        assertFalse(findings.stream().anyMatch(f -> "PROHIBITED".equals(f.get("severity"))),
                "the clashing item is allowed (a clash is shown, not refused): " + findings);
        clash.put("justifications", why);
        long clashId = as("planner").body(clash).when().post("/api/v1/plans/" + plan + "/items").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        List<Map<String, Object>> grants = new java.util.ArrayList<>();
        grants.add(Map.of("itemId", itemId, "rule", "FOLDED-INTO-COMPREHENSIVE"));
        why.keySet().forEach(rule -> grants.add(Map.of("itemId", clashId, "rule", rule)));
        step("planner", plan, "submit");
        step("office-reviewer", plan, "review");
        // article 5: the party office submits every plan of the level to the party committee, and issues it
        step("party-office", plan, "forward");
        // water pollution is folded into the comprehensive inspection (article 17): the committee grants the
        // department's written justification explicitly
        JsonPath approved = as("committee-approver").header("If-Match", version("committee-approver", plan))
                .body(Map.of("comment", "同意", "grants", grants))
                .when().post("/api/v1/plans/" + plan + "/approve").then().statusCode(200)
                .body("plan.status", equalTo("APPROVED")).extract().jsonPath();
        approvalCode = approved.getString("plan.items.find { it.id == " + itemId + " }.approvalCode");
        clashCode = approved.getString("plan.items.find { it.id == " + clashId + " }.approvalCode");
        step("party-office", plan, "issue");
        // the organiser's count of grassroots items before the system (article 20's baseline)
        as("admin").body(Map.of("itemCount", 4)).when().put("/api/v1/statistics/baselines/" + ORGANISER + "/2018")
                .then().statusCode(200);
        assertTrue(approvalCode != null && approvalCode.startsWith("DCJK-" + year), "an approval code: " + approvalCode);
    }

    @Test
    @Order(2)
    @DisplayName("2. every public page loads without a console error, in Chinese and in English")
    void publicPagesLoadCleanly() {
        for (String path : List.of("/", "/verify", "/positive-list?year=" + year, "/complaint", "/complaint/follow-up",
                "/rehabilitations")) {
            for (String lang : List.of("zh", "en")) {
                open(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
                String h1 = wait(By.tagName("h1")).getText();
                assertFalse(h1.isBlank(), path + " has a heading");
                assertEquals(lang.equals("en") ? "en" : "zh-CN", browser.driver.findElement(By.tagName("html")).getAttribute("lang"));
                assertTrue(browser.driver.findElements(By.cssSelector("main#main")).size() == 1, "one main landmark");
                pause(300);
                assertNoConsoleErrors(path + " (" + lang + ")");
                Axe.assertAccessible(browser.driver, path + " (" + lang + ")");
            }
        }
        // the check can fail: a field without a label and a low-contrast line are found
        open("/verify");
        wait(By.id("code"));
        // (built through the DOM: the console's CSP refuses inline style attributes)
        browser.driver.executeScript("var m = document.getElementById('main');"
                + "var i = document.createElement('input'); i.id = 'unlabelled'; m.appendChild(i);"
                + "var p = document.createElement('p'); p.textContent = '淡色文字'; p.style.color = '#ccc'; m.appendChild(p);");
        List<String> found = Axe.violations(browser.driver);
        assertTrue(found.stream().anyMatch(v -> v.startsWith("label ")) && found.stream().anyMatch(v -> v.startsWith("color-contrast ")),
                "axe-core finds what it must: " + found);
        assertNoConsoleErrors("the page with the planted faults");
        open("/positive-list?year=" + year + "&lang=zh");
        new WebDriverWait(browser.driver, WAIT).until(d -> d.findElements(By.cssSelector("#pl-result a[href='/verify/"
                + approvalCode + "']")).size() == 1);
        browser.screenshot("console-positive-list");
        assertNoConsoleErrors("the positive list with its entries");
        Axe.assertAccessible(browser.driver, "the positive list with its entries");
    }

    @Test
    @Order(3)
    @DisplayName("3. the public verification of a real approval code: form, deep link, QR code")
    void aRealCodeVerifies() {
        assumeTrue(approvalCode != null, "no approval code");
        open("/verify");
        WebElement code = wait(By.id("code"));
        code.sendKeys(approvalCode);
        code.submit();
        WebElement verdict = wait(By.cssSelector("#approval .verdict"));
        assertEquals(gateway + "/verify/" + approvalCode, browser.driver.getCurrentUrl());
        assertEquals("CURRENT", verdict.getAttribute("data-status"));
        String page = browser.driver.findElement(By.id("approval")).getText();
        assertTrue(page.contains("水污染防治专项检查") && page.contains(ORGANISER) && page.contains(VISITED)
                && page.contains(periodStart.toString()), "item, organiser, target and period shown: " + page);
        Object qrWidth = browser.driver.executeScript("var i = document.querySelector('.qr img'); return i.complete ? i.naturalWidth : -1;");
        assertTrue(((Number) qrWidth).intValue() > 0, "the QR code is drawn");
        given().when().get("/verify/" + approvalCode + "/qr.svg").then().statusCode(200)
                .contentType("image/svg+xml").header("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'"));
        browser.screenshot("console-verify");
        assertNoConsoleErrors("the verification page");
        Axe.assertAccessible(browser.driver, "the verification of a real code");
        // an unknown code is not genuine, and says so
        open("/verify/DCJK-1999-9999");
        assertEquals("UNKNOWN", wait(By.cssSelector("#approval .verdict")).getAttribute("data-status"));
        browser.consoleErrors(); // the 404 of the unknown code is expected there
        Axe.assertAccessible(browser.driver, "the verification of an unknown code");
    }

    @Test
    @Order(4)
    @DisplayName("4. a complaint letter round-trips to its receipt and is followed up with it")
    void aComplaintRoundTrips() {
        open("/complaint");
        new Select(wait(By.id("c-body"))).selectByValue("370000-DIS");
        browser.driver.findElement(By.id("c-accused")).sendKeys("周九");
        browser.driver.findElement(By.id("c-unit")).sendKeys(VISITED);
        browser.driver.findElement(By.id("c-position")).sendKeys("局长");
        browser.driver.findElement(By.id("c-content")).sendKeys("反映其在检查中收受礼品。");
        browser.driver.findElement(By.cssSelector("#complaint-form button[type=submit]")).click();
        WebElement receipt = new WebDriverWait(browser.driver, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-code")));
        String code = receipt.getText().trim();
        assertFalse(code.isEmpty(), "a receipt is shown");
        browser.screenshot("console-complaint-receipt");
        Axe.assertAccessible(browser.driver, "the complaint's receipt");
        given().when().get("/api/v1/complaints/receipts/" + code).then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("handlerUnitCode", equalTo("370000-DIS"));
        browser.driver.findElement(By.id("receipt-link")).click();
        WebElement status = wait(By.cssSelector("#fu-result dl"));
        assertEquals("RECEIVED", status.getAttribute("data-status"));
        assertNoConsoleErrors("the complaint and its follow-up");
        Axe.assertAccessible(browser.driver, "the follow-up of a receipt");
        // the handler sees it anonymous
        JsonPath letters = as("complaint-handler").when().get("/api/v1/complaints?status=RECEIVED&size=200")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(Boolean.TRUE, letters.get("items.find { it.receipt == '" + code + "' }.anonymous"));
    }

    // ------------------------------------------------------------------------------------ signed in

    @Test
    @Order(5)
    @DisplayName("5. the office reviewer signs in through Keycloak; the calendar shows the item approved in this test")
    void theCalendarShowsTheApprovedItem() {
        assumeTrue(approvalCode != null, "no approval code");
        // the calendar opens on the signed-in user's unit: the provincial office sees the whole province
        open("/calendar?month=" + periodStart.toString().substring(0, 7));
        signIn("office-reviewer");
        assertEquals("370000-GO", browser.driver.findElement(By.id("cal-unit")).getAttribute("value"));
        WebElement entry = new WebDriverWait(browser.driver, WAIT).until(d -> d.findElements(
                By.cssSelector("#cal a[data-code='" + approvalCode + "']")).stream().findFirst().orElse(null));
        assertTrue(entry.getText().contains("水污染防治专项检查"));
        WebElement day = browser.driver.findElement(By.cssSelector("#cal td[data-date='" + periodStart + "']"));
        assertTrue(day.getText().contains("水污染防治专项检查"), "the first day of the period carries the item");
        assertEquals(gateway + "/verify/" + approvalCode, entry.getAttribute("href"), "the entry links to its item");
        assertTrue(browser.driver.findElement(By.id("account")).getText().contains("office-reviewer"));
        Object stored = browser.driver.executeScript("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage);");
        assertFalse(String.valueOf(stored).contains("eyJ"), "no token in web storage: " + stored);
        browser.screenshot("console-calendar");
        assertNoConsoleErrors("the calendar");
        Axe.assertAccessible(browser.driver, "the calendar's month");
        new Select(browser.driver.findElement(By.id("cal-view"))).selectByValue("week");
        browser.driver.findElement(By.cssSelector("#cal-form button[type=submit]")).click();
        new WebDriverWait(browser.driver, WAIT).until(d -> d.findElements(By.cssSelector("#cal table.week")).size() == 1);
        assertNoConsoleErrors("the calendar's week");
        Axe.assertAccessible(browser.driver, "the calendar's week");
    }

    @Test
    @Order(6)
    @DisplayName("6. the heat map's numbers are the statistics API's")
    void theHeatMapAgreesWithTheStatistics() {
        assumeTrue(approvalCode != null, "no approval code");
        open("/burden?year=" + year);
        new WebDriverWait(browser.driver, WAIT).until(d -> d.findElements(By.cssSelector("table.heat button.cell")).size() > 0);
        JsonPath stats = as("office-reviewer").queryParam("year", year).when().get("/api/v1/statistics/burden")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> targets = stats.getList("targets");
        List<String> codes = targets.stream().map(t -> (String) t.get("unitCode")).distinct().toList();
        Map<String, String> regionOf = new HashMap<>();
        for (Map<String, Object> u : as("office-reviewer").queryParam("codes", String.join(",", codes)).queryParam("size", 200)
                .when().get("/api/v1/units").then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items")) {
            regionOf.put((String) u.get("code"), ((String) u.get("regionCode")).substring(0, 6));
        }
        Map<String, Long> expected = new HashMap<>();
        for (Map<String, Object> t : targets) {
            String county = regionOf.get((String) t.get("unitCode"));
            String city = county.substring(0, 4) + "00";
            long visits = ((Number) t.get("plannedVisits")).longValue();
            expected.merge(county + "|" + t.get("month"), visits, Long::sum);
            if (!city.equals(county)) {
                expected.merge(city + "|" + t.get("month"), visits, Long::sum);
            }
        }
        List<WebElement> cells = browser.driver.findElements(By.cssSelector("table.heat button.cell"));
        int nonZero = 0;
        for (WebElement cell : cells) {
            String key = cell.getAttribute("data-region") + "|" + cell.getAttribute("data-month");
            long shown = Long.parseLong(cell.getAttribute("data-value"));
            assertEquals(expected.getOrDefault(key, 0L), shown, "cell " + key);
            assertEquals(String.valueOf(shown), cell.getText().trim(), "cell " + key + " shows its number");
            nonZero += shown > 0 ? 1 : 0;
        }
        assertTrue(nonZero > 0, "the item approved in this test shows in the map");
        String april = year + "-04";
        assertTrue(expected.getOrDefault("370102|" + april, 0L) >= 1, "the visited county carries April's visit");
        browser.screenshot("console-burden");
        String reduction = browser.driver.findElement(By.id("bd-reduction")).getText();
        JsonPath province = as("office-reviewer").queryParam("year", year).when().get("/api/v1/statistics/burden")
                .then().statusCode(200).extract().jsonPath();
        double shownReduction = province.getDouble("regions.find { it.regionCode == '370000' }.reduction");
        assertTrue(reduction.contains(Math.round(shownReduction * 100) + "%"),
                "the province's reduction against the baseline, " + shownReduction + ", is shown: " + reduction);
        browser.driver.findElement(By.cssSelector("table.heat button.cell[data-region='370102'][data-month='" + april + "']")).click();
        WebElement drill = new WebDriverWait(browser.driver, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("bd-drill")));
        assertTrue(drill.getText().contains(VISITED), "the drill-down names the unit behind the cell");
        new WebDriverWait(browser.driver, WAIT).until(d -> d.findElements(By.cssSelector("#bd-drill-items a[data-code='"
                + approvalCode + "']")).size() == 1);
        browser.screenshot("console-burden-drill-down");
        assertNoConsoleErrors("the heat map");
        Axe.assertAccessible(browser.driver, "the heat map with a drill-down");
    }

    @Test
    @Order(7)
    @DisplayName("7. the plan workflow, findings ledger and decision log load without console errors")
    void theWorkPagesLoadCleanly() {
        assumeTrue(approvalCode != null, "no approval code");
        open("/plans");
        new WebDriverWait(browser.driver, WAIT).until(d -> d.findElements(By.cssSelector("#pp-list table, #pp-list p")).size() > 0);
        assertNoConsoleErrors("the plans page");
        browser.driver.findElement(By.cssSelector("#pp-list button[data-plan]")).click();
        new WebDriverWait(browser.driver, WAIT).until(d -> d.findElements(By.cssSelector("#pp-plan-body a[data-code='"
                + approvalCode + "']")).size() == 1);
        browser.screenshot("console-plans");
        assertNoConsoleErrors("an issued plan with its approval code");
        Axe.assertAccessible(browser.driver, "an issued plan");
        try (Browser auditor = Browser.open(1280, 900)) {
            Browser mine = browser;
            browser = auditor;
            try {
                open("/decisions");
                signIn("auditor");
                new WebDriverWait(browser.driver, WAIT).until(d -> d.findElements(By.cssSelector("#dc-list p.count")).size() == 1);
                browser.screenshot("console-decisions");
                assertNoConsoleErrors("the decision log");
                Axe.assertAccessible(browser.driver, "the decision log");
                open("/findings");
                new WebDriverWait(browser.driver, WAIT).until(d -> d.findElements(By.cssSelector("#fd-list p.count")).size() == 1);
                browser.screenshot("console-findings");
                assertNoConsoleErrors("the findings ledger");
                Axe.assertAccessible(browser.driver, "the findings ledger");
            } finally {
                browser = mine;
            }
        }
    }

    @Test
    @Order(8)
    @DisplayName("8. readable on a phone: 375 px wide, nothing wider than the screen")
    void readableOnAPhone() {
        assumeTrue(approvalCode != null, "no approval code");
        try (Browser phone = Browser.open(375, 812)) {
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("home", "/");
            pages.put("verify", "/verify/" + approvalCode);
            pages.put("complaint", "/complaint");
            for (Map.Entry<String, String> page : pages.entrySet()) {
                String path = page.getValue();
                phone.driver.get(gateway + path);
                new WebDriverWait(phone.driver, WAIT).until(d -> d.findElements(By.tagName("h1")).size() == 1);
                pause(500);
                long overflow = ((Number) phone.driver.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
                assertTrue(overflow <= 0, path + " is " + overflow + " px wider than a 375 px screen");
                assertEquals(375L, ((Number) phone.driver.executeScript("return window.innerWidth;")).longValue(),
                        "a phone's width");
                phone.screenshot("console-phone-" + page.getKey());
            }
            List<String> errors = phone.consoleErrors();
            assertTrue(errors.isEmpty(), "console errors on the phone: " + errors);
            for (Map.Entry<String, String> page : pages.entrySet()) {
                phone.driver.get(gateway + page.getValue());
                new WebDriverWait(phone.driver, WAIT).until(d -> d.findElements(By.tagName("h1")).size() == 1);
                Axe.assertAccessible(phone.driver, "the phone's " + page.getKey());
            }
            // signed in: the auditor may read every page
            Browser mine = browser;
            browser = phone;
            try {
                open("/calendar?month=" + periodStart.toString().substring(0, 7));
                signIn("auditor");
                Map<String, String> signedIn = new LinkedHashMap<>();
                signedIn.put("calendar", "/calendar?month=" + periodStart.toString().substring(0, 7));
                signedIn.put("burden", "/burden?year=" + year);
                signedIn.put("plans", "/plans");
                signedIn.put("findings", "/findings");
                signedIn.put("decisions", "/decisions");
                for (Map.Entry<String, String> page : signedIn.entrySet()) {
                    open(page.getValue());
                    new WebDriverWait(phone.driver, WAIT).until(d -> String.valueOf(phone.driver.executeScript(
                            "var a = document.getElementById('account'); return a ? a.textContent : '';")).contains("auditor"));
                    pause(1500);
                    long overflow = ((Number) phone.driver.executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
                    assertTrue(overflow <= 0, page.getValue() + " (signed in) is " + overflow + " px wider than a 375 px screen");
                    assertFalse(phone.driver.findElement(By.id("signin-needed")).isDisplayed(), page.getValue() + " is signed in");
                    phone.screenshot("console-phone-" + page.getKey());
                    Axe.assertAccessible(phone.driver, "the phone's " + page.getKey() + " (signed in)");
                }
                // the navigation is usable: the menu opens, its links are in reach and lead on
                WebElement menu = phone.driver.findElement(By.cssSelector("button.menu-toggle"));
                assertTrue(menu.isDisplayed(), "the phone shows the menu button");
                WebElement burden = phone.driver.findElement(By.cssSelector("#nav-list a[href='/burden']"));
                assertFalse(burden.isDisplayed(), "the menu starts closed on a phone");
                menu.click();
                assertEquals("true", menu.getAttribute("aria-expanded"));
                new WebDriverWait(phone.driver, WAIT).until(ExpectedConditions.elementToBeClickable(burden));
                long right = ((Number) phone.driver.executeScript("var r = arguments[0].getBoundingClientRect(); return Math.ceil(r.right);",
                        burden)).longValue();
                assertTrue(right <= 375, "the menu's links lie within the screen: " + right);
                phone.screenshot("console-phone-menu");
                burden.click();
                new WebDriverWait(phone.driver, WAIT).until(d -> d.getCurrentUrl().startsWith(gateway + "/burden"));
                assertEquals("page", phone.driver.findElement(By.cssSelector("#nav-list a[href='/burden']")).getAttribute("aria-current"));
            } finally {
                browser = mine;
            }
        }
    }

    @Test
    @Order(11)
    @DisplayName("11. a clash (same units, same days) and a no-meeting month are marked in the month and the week")
    void theCalendarMarksAClash() {
        assumeTrue(approvalCode != null && clashCode != null, "no clashing items were approved");
        // the county's no-meeting month, marked after both items were approved
        as("admin").header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(Map.of("year", year, "month", periodStart.getMonthValue(), "regionCode", "370102", "note", "控制台测试"))
                .when().post("/api/v1/no-meeting-months").then().statusCode(201);
        String month = periodStart.toString().substring(0, 7);
        open("/calendar?unit=" + VISITED + "&month=" + month);
        WebElement day = new WebDriverWait(browser.driver, WAIT).until(d -> d.findElements(
                By.cssSelector("#cal table.month td[data-date='" + periodStart + "']")).stream().findFirst().orElse(null));
        assertMarked(day, true, true, "the month");
        // the day after the period: no clash, but still the no-meeting month
        WebElement after = browser.driver.findElement(By.cssSelector("#cal table.month td[data-date='" + periodEnd.plusDays(1) + "']"));
        assertMarked(after, false, true, "the day after the period");
        WebElement first = browser.driver.findElements(By.cssSelector("#cal table.month td[data-date]")).get(0);
        assertFalse(first.getAttribute("class").contains("clash"), "the first of the month has no clash");
        browser.screenshot("console-calendar-clash");
        assertNoConsoleErrors("the calendar with a clash");
        Axe.assertAccessible(browser.driver, "the calendar with a clash");
        // the week of the period
        // the week view opens on the week of the month's first day; "next" walks on to the period's week
        new Select(browser.driver.findElement(By.id("cal-view"))).selectByValue("week");
        browser.driver.findElement(By.cssSelector("#cal-form button[type=submit]")).click();
        LocalDate monday = periodStart.withDayOfMonth(1).with(java.time.DayOfWeek.MONDAY);
        while (true) {
            String weekStart = monday.toString();
            new WebDriverWait(browser.driver, WAIT).until(d -> d.findElements(
                    By.cssSelector("#cal table.week tr[data-date='" + weekStart + "']")).size() == 1);
            if (!monday.plusDays(6).isBefore(periodStart)) {
                break;
            }
            browser.driver.findElement(By.id("cal-next")).click();
            monday = monday.plusDays(7);
        }
        WebElement weekDay = browser.driver.findElement(By.cssSelector("#cal table.week tr[data-date='" + periodStart + "']"));
        assertMarked(weekDay, true, true, "the week");
        assertMarked(browser.driver.findElement(By.cssSelector("#cal table.week tr[data-date='" + monday + "']")),
                !monday.isBefore(periodStart), true, "the week's Monday");
        browser.screenshot("console-calendar-clash-week");
        Axe.assertAccessible(browser.driver, "the week with a clash");
        // each entry links to its item
        WebElement entry = weekDay.findElement(By.cssSelector("li.act.clash a[data-code='" + clashCode + "']"));
        assertEquals(gateway + "/verify/" + clashCode, entry.getAttribute("href"));
        entry.click();
        WebElement verdict = wait(By.cssSelector("#approval .verdict"));
        assertEquals("CURRENT", verdict.getAttribute("data-status"));
        assertTrue(browser.driver.findElement(By.id("approval")).getText().contains("土壤环境状况调查核实"),
                "the clashing entry opens its own item");
        assertNoConsoleErrors("the clashing item");
    }

    void assertMarked(WebElement day, boolean clash, boolean noMeeting, String where) {
        String cls = day.getAttribute("class");
        assertEquals(clash, cls.contains("clash"), where + ": clash marked on " + day.getAttribute("data-date") + " (" + cls + ")");
        assertEquals(noMeeting, cls.contains("nomeeting"), where + ": no-meeting month marked (" + cls + ")");
        if (clash) {
            List<String> codes = day.findElements(By.cssSelector("li.act.clash a[data-code]")).stream()
                    .map(a -> a.getAttribute("data-code")).sorted().toList();
            assertEquals(new TreeSet<>(List.of(approvalCode, clashCode)).stream().toList(), codes,
                    where + ": both items are marked as clashing");
            String flag = day.findElement(By.cssSelector("li.act.clash .flag")).getText();
            assertTrue(flag.contains(VISITED), where + ": the clash names the unit: " + flag);
        }
        assertEquals(noMeeting, !day.findElements(By.cssSelector(".nomeeting-note")).isEmpty(),
                where + ": the no-meeting month is said in words, not by colour alone");
    }

    @Test
    @Order(12)
    @DisplayName("12. the burden asked during a visit (exams, article 22) colours the map as the inspections' totals say; a cell opens its visits")
    void theHeatMapShowsTheBurdenAskedDuringVisits() {
        assumeTrue(approvalCode != null, "no approval code");
        Map<String, Object> scheme = new LinkedHashMap<>();
        scheme.put("approvalCode", approvalCode);
        scheme.put("title", "水污染防治专项检查（实地）");
        scheme.put("leader", Map.of("name", "张组长", "rank", "副厅级"));
        scheme.put("members", List.of(Map.of("name", "李干事", "rank", "科员")));
        scheme.put("population", COUNTY_ENV);
        scheme.put("startDate", periodStart.toString());
        scheme.put("endDate", periodEnd.toString());
        scheme.put("unannounced", false);
        long inspection = as("inspection-team").body(scheme).when().post("/api/v1/inspections").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        as("inspection-team").body(Map.of("seed", RegulationStoryTest.seedDrawing(VISITED), "size", RegulationStoryTest.SAMPLE))
                .when().post("/api/v1/inspections/" + inspection + "/sample").then().statusCode(200);
        long entry = as("inspection-team").body(Map.of("date", periodStart.toString(), "unitCode", VISITED, "siteType", "OFFICE"))
                .when().post("/api/v1/inspections/" + inspection + "/itinerary").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Map<String, Object> visit = new LinkedHashMap<>();
        visit.put("itineraryEntryId", entry);
        visit.put("unitCode", VISITED);
        visit.put("reception", Map.of("escorts", List.of(Map.of("unitCode", VISITED, "level", "COUNTY", "counterpart", false)),
                "borderWelcome", false, "briefings", List.of(Map.of("kind", "WORK", "participants", 6)),
                "principalLeadersPresent", false, "overallImportance", false));
        visit.put("burden", Map.of("forms", 2, "materials", 1, "exams", 3, "surveys", 1, "onlineVotes", 0, "messagingGroups", 1));
        long visitId = as("inspection-team").body(visit).when().post("/api/v1/inspections/" + inspection + "/visits")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        open("/burden?year=" + year + "&metric=exams");
        new WebDriverWait(browser.driver, WAIT).until(d -> d.findElements(By.cssSelector("table.heat[data-metric='exams'] button.cell")).size() > 0);
        List<Map<String, Object>> totals = as("office-reviewer").when().get("/api/v1/inspections/burden").then().statusCode(200)
                .extract().jsonPath().getList("$");
        List<String> codes = totals.stream().map(t -> (String) t.get("unitCode")).distinct().toList();
        Map<String, String> regionOf = new HashMap<>();
        for (Map<String, Object> u : as("office-reviewer").queryParam("codes", String.join(",", codes)).queryParam("size", 200)
                .when().get("/api/v1/units").then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items")) {
            regionOf.put((String) u.get("code"), ((String) u.get("regionCode")).substring(0, 6));
        }
        Map<String, Long> expected = new HashMap<>();
        for (Map<String, Object> t : totals) {
            if (!((String) t.get("month")).startsWith(year + "-")) {
                continue;
            }
            String county = regionOf.get((String) t.get("unitCode"));
            String city = county.substring(0, 4) + "00";
            long exams = ((Number) t.get("exams")).longValue();
            expected.merge(county + "|" + t.get("month"), exams, Long::sum);
            if (!city.equals(county)) {
                expected.merge(city + "|" + t.get("month"), exams, Long::sum);
            }
        }
        String april = periodStart.toString().substring(0, 7);
        assertEquals(3L, expected.get("370102|" + april), "the API counts the visit's three exams");
        for (WebElement cell : browser.driver.findElements(By.cssSelector("table.heat button.cell"))) {
            String key = cell.getAttribute("data-region") + "|" + cell.getAttribute("data-month");
            assertEquals(expected.getOrDefault(key, 0L), Long.parseLong(cell.getAttribute("data-value")), "exams in " + key);
        }
        browser.driver.findElement(By.cssSelector("table.heat button.cell[data-region='370102'][data-month='" + april + "']")).click();
        WebElement shown = new WebDriverWait(browser.driver, WAIT).until(d -> d.findElements(
                By.cssSelector("#bd-drill-items .visit-value[data-visit='" + visitId + "']")).stream().findFirst().orElse(null));
        assertEquals("3", shown.getText().trim(), "the visit behind the cell asked three exams");
        assertEquals(1, browser.driver.findElements(By.cssSelector("#bd-drill-items a[data-code='" + approvalCode + "']")).size(),
                "the visit links to its item");
        browser.screenshot("console-burden-exams");
        assertNoConsoleErrors("the heat map of exams");
        Axe.assertAccessible(browser.driver, "the heat map of exams with its visits");
        // the other asked measures read the same totals: forms asked
        new Select(browser.driver.findElement(By.id("bd-metric"))).selectByValue("asked_forms");
        WebElement forms = new WebDriverWait(browser.driver, WAIT).until(d -> d.findElements(By.cssSelector(
                "table.heat[data-metric='asked_forms'] button.cell[data-region='370102'][data-month='" + april + "']"))
                .stream().findFirst().orElse(null));
        long apiForms = totals.stream().filter(t -> VISITED.equals(t.get("unitCode")) && april.equals(t.get("month")))
                .mapToLong(t -> ((Number) t.get("forms")).longValue()).sum();
        assertEquals(apiForms, Long.parseLong(forms.getAttribute("data-value")), "forms asked in the visited unit's county");
    }

    @Test
    @Order(9)
    @DisplayName("9. the planner writes an item, the rulebook answers as she types, she asks an exception and adds it")
    void thePlannerSeesTheDryRunAsSheTypes() {
        try (Browser planner = Browser.open(1280, 900)) {
            Browser mine = browser;
            browser = planner;
            try {
                open("/plans");
                signIn("planner");
                WebElement title = wait(By.id("pn-title"));
                title.sendKeys("省生态环境厅" + (year + 1) + "年度计划（控制台编制）");
                WebElement planYear = browser.driver.findElement(By.id("pn-year"));
                planYear.clear();
                planYear.sendKeys(String.valueOf(year + 1));
                browser.driver.findElement(By.cssSelector("#pp-new-form button[type=submit]")).click();
                WebElement itemTitle = new WebDriverWait(browser.driver, WAIT)
                        .until(ExpectedConditions.visibilityOfElementLocated(By.id("pi-title")));
                assertEquals("DRAFT", browser.driver.findElement(By.id("pp-plan")).getAttribute("data-status"));
                itemTitle.sendKeys("大气污染防治专项检查");
                browser.driver.findElement(By.id("pi-targets")).sendKeys(String.join(", ", COUNTY_ENV));
                browser.driver.findElement(By.id("pi-basis")).sendKeys("《中华人民共和国大气污染防治法》");
                setDate("pi-start", LocalDate.of(year + 1, 5, 11));
                setDate("pi-end", LocalDate.of(year + 1, 5, 15));
                // half of the six sampled: more than a third (article 10), a principle the planner may ask to waive
                browser.driver.findElement(By.id("pi-pop")).sendKeys("6");
                browser.driver.findElement(By.id("pi-sample")).sendKeys("3");
                WebElement finding = new WebDriverWait(browser.driver, WAIT).until(d -> d.findElements(
                        By.cssSelector("#pi-checks li[data-rule='SAMPLE-AT-MOST-THIRD']")).stream().findFirst().orElse(null));
                assertTrue(finding.getText().contains("10"), "the finding names its article: " + finding.getText());
                List<String> shown = browser.driver.findElements(By.cssSelector("#pi-checks li[data-rule]")).stream()
                        .map(e -> e.getAttribute("data-rule")).distinct().sorted().toList();
                long plan = Long.parseLong(browser.driver.findElement(By.id("pp-plan")).getAttribute("data-plan"));
                Map<String, Object> typed = new LinkedHashMap<>();
                typed.put("title", "大气污染防治专项检查");
                typed.put("category", "SPECIAL");
                typed.put("activityWord", "检查");
                typed.put("targetUnitCodes", COUNTY_ENV);
                typed.put("onSite", true);
                typed.put("periodStart", LocalDate.of(year + 1, 5, 11).toString());
                typed.put("periodEnd", LocalDate.of(year + 1, 5, 15).toString());
                typed.put("legalBasis", "《中华人民共和国大气污染防治法》");
                typed.put("publishable", true);
                typed.put("workDeployedOn", LocalDate.now().toString());
                typed.put("sampling", Map.of("population", 6, "sampleSize", 3));
                List<String> rulebook = as("planner").body(Map.of("planId", plan, "item", typed))
                        .when().post("/api/v1/plans/checks").then().statusCode(200).extract().jsonPath()
                        .getList("items.findings.flatten().rule", String.class).stream().distinct().sorted().toList();
                assertEquals(rulebook, shown, "the page shows the rulebook's findings for what was typed");
                // the exception request: a written justification for the principle rule
                WebElement justification = new WebDriverWait(browser.driver, WAIT).until(ExpectedConditions
                        .visibilityOfElementLocated(By.cssSelector("#pi-exceptions textarea[data-rule='SAMPLE-AT-MOST-THIRD']")));
                justification.sendKeys("三个县区存在同类突出问题，需全部实地核查");
                // every other principle finding of the dry run gets its justification too (air pollution is
                // environmental protection, folded into the comprehensive inspection by article 17)
                justified = new TreeSet<>();
                for (WebElement other : browser.driver.findElements(By.cssSelector("#pi-exceptions textarea[data-rule]"))) {
                    justified.add(other.getAttribute("data-rule"));
                    if (other.getAttribute("value").isEmpty()) {
                        other.sendKeys("《大气污染防治法》规定的专业执法检查，综合督查不覆盖");
                    }
                }
                browser.screenshot("console-plan-dry-run");
                Axe.assertAccessible(browser.driver, "the planner's item form with the dry run");
                browser.driver.findElement(By.cssSelector("#pp-item-form button[type=submit]")).click();
                new WebDriverWait(browser.driver, WAIT).until(d -> d.findElement(By.id("pp-plan-body")).getText()
                        .contains("大气污染防治专项检查"));
                assertTrue(browser.driver.findElement(By.id("pp-plan-body")).getText().contains("SAMPLE-AT-MOST-THIRD"),
                        "the item carries its exception request");
                JsonPath items = as("planner").when().get("/api/v1/plans/" + plan + "/items").then().statusCode(200)
                        .extract().jsonPath();
                assertEquals("三个县区存在同类突出问题，需全部实地核查",
                        items.getMap("[0].justifications").get("SAMPLE-AT-MOST-THIRD"));
                assertEquals(justified, new TreeSet<>(items.getMap("[0].justifications").keySet()),
                        "every principle finding carries its written justification");
                assertNoConsoleErrors("the planner's item form");
                // she submits the plan: the rulebook lets it through on her written justification
                clickStep("submit", "SUBMITTED");
                consolePlan = plan;
            } finally {
                browser = mine;
            }
        }
    }

    @Test
    @Order(10)
    @DisplayName("10. article 5 in the console: the government office reviews, the party office forwards, the committee grants and approves, the party office issues")
    void thePlanWalksItsRouteInTheConsole() {
        assumeTrue(consolePlan != null, "the planner's plan was not submitted");
        // each step is offered only to the user whose role and unit the service accepts for it
        inBrowserAs("office-reviewer", () -> {
            assertEquals(List.of("review", "request-changes"), offeredSteps());
            clickStep("review", "OFFICE_REVIEWED");
            assertEquals(List.of("request-changes"), offeredSteps(), "the government office does not forward");
        });
        inBrowserAs("party-office", () -> {
            assertEquals(List.of("forward", "request-changes"), offeredSteps());
            clickStep("forward", "FORWARDED");
        });
        inBrowserAs("committee-approver", () -> {
            assertEquals(List.of("approve", "request-changes", "reject"), offeredSteps());
            // the principle findings the planner justified are granted explicitly with the approval
            new WebDriverWait(browser.driver, WAIT).until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#pp-verdict input.grant-box[data-rule='SAMPLE-AT-MOST-THIRD']")));
            List<WebElement> boxes = browser.driver.findElements(By.cssSelector("#pp-verdict input.grant-box"));
            assertEquals(justified, new TreeSet<>(boxes.stream().map(b -> b.getAttribute("data-rule")).toList()),
                    "a grant is offered for each justified principle finding");
            boxes.forEach(WebElement::click);
            browser.screenshot("console-plan-approval");
            Axe.assertAccessible(browser.driver, "the committee's approval with its grants");
            clickStep("approve", "APPROVED");
            assertNoConsoleErrors("the committee's approval");
        });
        inBrowserAs("party-office", () -> {
            assertEquals(List.of("issue"), offeredSteps());
            clickStep("issue", "ISSUED");
            WebElement code = new WebDriverWait(browser.driver, WAIT).until(d -> d.findElements(
                    By.cssSelector("#pp-plan-body a[data-code]")).stream().findFirst().orElse(null));
            assertTrue(code.getAttribute("data-code").startsWith("DCJK-" + (year + 1)), code.getAttribute("data-code"));
            browser.screenshot("console-plan-issued");
            assertNoConsoleErrors("the issued plan");
        });
        JsonPath plan = as("planner").when().get("/api/v1/plans/" + consolePlan).then().statusCode(200).extract().jsonPath();
        assertEquals("ISSUED", plan.getString("status"));
        JsonPath items = as("planner").when().get("/api/v1/plans/" + consolePlan + "/items").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(justified, new TreeSet<>(items.getList("[0].grantedExceptions.rule", String.class)),
                "the grants ticked in the console are recorded");
    }

    // ------------------------------------------------------------------------------------ helpers

    /** A fresh browser (no realm session) signed in as the user, on the plans page with the console's plan open. */
    void inBrowserAs(String user, Runnable steps) {
        try (Browser other = Browser.open(1280, 900)) {
            Browser mine = browser;
            browser = other;
            try {
                open("/plans");
                signIn(user);
                WebElement open = new WebDriverWait(browser.driver, WAIT).until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#pp-list button[data-plan='" + consolePlan + "']")));
                open.click();
                new WebDriverWait(browser.driver, WAIT).until(d -> String.valueOf(consolePlan)
                        .equals(d.findElement(By.id("pp-plan")).getAttribute("data-plan")));
                pause(500);
                steps.run();
            } finally {
                browser = mine;
            }
        }
    }

    List<String> offeredSteps() {
        return browser.driver.findElements(By.cssSelector("#pp-actions button[data-step]")).stream()
                .map(b -> b.getAttribute("data-step")).toList();
    }

    /** Takes a workflow step on the open plan and waits until the plan shows its new status. */
    void clickStep(String step, String status) {
        new WebDriverWait(browser.driver, WAIT).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#pp-actions button[data-step='" + step + "']"))).click();
        new WebDriverWait(browser.driver, WAIT)
                .withMessage(() -> step + " did not lead to " + status + "; the page says: "
                        + browser.driver.findElement(By.id("status")).getText())
                .until(d -> status.equals(d.findElement(By.id("pp-plan")).getAttribute("data-status")));
        assertFalse(browser.driver.findElement(By.id("status")).getAttribute("class").contains("error"),
                step + ": " + browser.driver.findElement(By.id("status")).getText());
    }

    void open(String path) {
        browser.driver.get(gateway + path);
    }

    void setDate(String id, LocalDate date) {
        browser.driver.executeScript("var e = document.getElementById(arguments[0]); e.value = arguments[1]; "
                + "e.dispatchEvent(new Event('input', { bubbles: true }));", id, date.toString());
    }

    WebElement wait(By by) {
        return new WebDriverWait(browser.driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** On a signed-in page: the realm has no session yet, so the page offers sign-in; the real login form follows. */
    void signIn(String user) {
        WebElement button = new WebDriverWait(browser.driver, WAIT).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#signin-needed button[data-action='sign-in']")));
        browser.consoleErrors(); // nothing was asked of the API before sign-in
        button.click();
        WebElement name = wait(By.id("username"));
        assertTrue(browser.driver.getCurrentUrl().startsWith(stack.keycloakUrl()), "the realm's own login form");
        name.sendKeys(user);
        browser.driver.findElement(By.id("password")).sendKeys(Keycloak.PASSWORD);
        browser.driver.findElement(By.id("kc-login")).click();
        new WebDriverWait(browser.driver, WAIT).until(d -> d.getCurrentUrl().startsWith(gateway)
                && !d.getCurrentUrl().contains("code=")
                && String.valueOf(browser.driver.executeScript(
                        "var a = document.getElementById('account'); return a ? a.textContent : '';")).contains(user));
        browser.consoleErrors(); // Keycloak's own pages are not the console's
    }

    void assertNoConsoleErrors(String where) {
        List<String> errors = browser.consoleErrors();
        assertTrue(errors.isEmpty(), "console errors on " + where + ": " + errors);
    }

    JsonPath step(String user, long plan, String action) {
        return as(user).header("If-Match", version(user, plan)).body(Map.of("comment", action))
                .when().post("/api/v1/plans/" + plan + "/" + action).then().statusCode(200).extract().jsonPath();
    }

    /** The plan's ETag as the user reads it: every step names the version it acts on (428 without, 412 stale). */
    String version(String user, long plan) {
        return as(user).when().get("/api/v1/plans/" + plan).then().statusCode(200).extract().header("ETag");
    }

    /** Another subject (no similar series, article 8) on the same units and days as {@link #item()}. */
    Map<String, Object> clashingItem() {
        Map<String, Object> m = item();
        m.put("title", "土壤环境状况调查核实");
        m.put("topics", List.of("土壤环境"));
        m.put("legalBasis", "《中华人民共和国土壤污染防治法》");
        m.remove("justifications");
        return m;
    }

    Map<String, Object> item() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "水污染防治专项检查");
        m.put("category", "SPECIAL");
        m.put("activityWord", "检查");
        m.put("topics", List.of("水污染防治"));
        m.put("targetUnitCodes", COUNTY_ENV);
        m.put("onSite", true);
        m.put("sampling", Map.of("population", COUNTY_ENV.size(), "sampleSize", 2));
        m.put("periodStart", periodStart.toString());
        m.put("periodEnd", periodEnd.toString());
        m.put("workDeployedOn", LocalDate.now().toString());
        m.put("legalBasis", "《中华人民共和国水污染防治法》");
        m.put("publishable", true);
        m.put("justifications", Map.of("FOLDED-INTO-COMPREHENSIVE", "《水污染防治法》规定的年度执法检查，综合督查不覆盖其专业执法内容"));
        return m;
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
