package cn.dcjk.plans.unit.importing;

import cn.dcjk.plans.unit.UnitInput;
import cn.dcjk.plans.unit.province.ProvinceTree;
import cn.dcjk.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class UnitImportTest {

    static final String ADMIN = Tokens.token("admin", "admin", "370000-GO");
    static final String PLANNER = Tokens.token("planner", "planner", "370000-D-ENV");

    static ValidatableResponse post(String token, Object body, boolean dryRun) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).queryParam("dryRun", dryRun).body(body)
                .when().post("/api/v1/units/import").then();
    }

    static Map<String, Object> row(String code, String name, String level, String kind, String region, String parent) {
        Map<String, Object> m = new HashMap<>();
        m.put("code", code);
        m.put("name", name);
        m.put("level", level);
        m.put("kind", kind);
        m.put("branch", "GOVERNMENT");
        m.put("regionCode", region);
        m.put("parentCode", parent);
        return m;
    }

    @Test
    void onlyAdminsImport() {
        post(PLANNER, List.of(row("371099-X", "x", "COUNTY", "DEPARTMENT", "371099", "370000-GOV")), false)
                .statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("[]").when().post("/api/v1/units/import").then().statusCode(401);
    }

    @Test
    void theTreeAgreesWithTheSeedWhereBothHoldAUnit() {
        // the tree's units at the seed's places: those the seed holds are identical, so a dry run changes none
        Set<String> seedRegions = Set.of("370000", "370100", "370200", "370300", "370102", "370112", "370202", "370211",
                "370303", "370304", "370102001", "370304101");
        List<UnitInput> rows = ProvinceTree.units().stream().filter(u -> seedRegions.contains(u.regionCode())).toList();
        post(ADMIN, rows, true).statusCode(200)
                .body("received", equalTo(rows.size())).body("updated", equalTo(0)).body("unchanged", greaterThan(100))
                .body("dryRun", equalTo(true));
        given().auth().oauth2(ADMIN).when().get("/api/v1/units/370102-D-STAT").then().statusCode(404);
    }

    @Test
    void aFileIsAtMostTwoThousandRows() {
        List<UnitInput> tree = ProvinceTree.units();
        post(ADMIN, tree.subList(0, UnitImport.MAX_ROWS + 1), true).statusCode(400).body("errors.field", hasItem("body"));
    }

    @Test
    void aCityLoadsOnceAndTheSecondImportChangesNothing() {
        List<UnitInput> weihai = ProvinceTree.units("3710");
        post(ADMIN, weihai, false).statusCode(200)
                .body("created", equalTo(weihai.size())).body("updated", equalTo(0)).body("dryRun", equalTo(false));
        post(ADMIN, weihai, false).statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(weihai.size()));
        given().auth().oauth2(PLANNER).when().get("/api/v1/units/371002001-PO/ancestors").then().statusCode(200)
                .body("code", contains("371002001-PC", "371002-PC", "371000-PC", "370000-PC"));
        given().auth().oauth2(ADMIN).when().get("/api/v1/audit/unit/371002-D-EDU").then().statusCode(200)
                .body("items.action", hasItem("CREATE"));

        // a changed name is an update: the version moves on and the trail says what changed
        String etag = given().auth().oauth2(PLANNER).when().get("/api/v1/units/371082-D-STAT").then().statusCode(200)
                .extract().header("ETag");
        UnitInput stat = weihai.stream().filter(u -> u.code().equals("371082-D-STAT")).findFirst().orElseThrow();
        UnitInput renamed = new UnitInput(stat.code(), "荣成市统计局（更名）", stat.nameEn(), stat.level(), stat.kind(),
                stat.branch(), stat.regionCode(), stat.parentCode());
        post(ADMIN, List.of(renamed), false).statusCode(200).body("updated", equalTo(1)).body("created", equalTo(0));
        given().auth().oauth2(PLANNER).when().get("/api/v1/units/371082-D-STAT").then().statusCode(200)
                .body("name", equalTo("荣成市统计局（更名）")).header("ETag", org.hamcrest.Matchers.not(equalTo(etag)));
        given().auth().oauth2(ADMIN).when().get("/api/v1/audit/unit/371082-D-STAT").then().statusCode(200)
                .body("items.action", hasItem("UPDATE"));
    }

    @Test
    void everyBrokenRowIsNamedAndNothingIsWritten() {
        List<Object> rows = new ArrayList<>();
        rows.add(row("371299-GOOD", "正确的单位", "COUNTY", "DEPARTMENT", "370102", "370102-GOV")); // 0: fine on its own
        rows.add(row("371299-ORPHAN", "无上级", "COUNTY", "DEPARTMENT", "370102", "370102-NOPE")); // 1: unknown parent
        rows.add(row("371299-AWAY", "越界", "COUNTY", "DEPARTMENT", "370202", "370102-GOV")); // 2: region outside parent's
        rows.add(row("371299-UP", "上级层级更低", "CITY", "DEPARTMENT", "370100", "370102-GOV")); // 3: parent lower
        rows.add(row("371299-LVL", "层级不符", "TOWNSHIP", "DEPARTMENT", "370102", "370102-GOV")); // 4: level vs region
        rows.add(row("371299-GOOD", "重复", "COUNTY", "DEPARTMENT", "370102", "370102-GOV")); // 5: duplicate code
        rows.add(row("371299-A", "环甲", "COUNTY", "DEPARTMENT", "370102", "371299-B")); // 6: cycle
        rows.add(row("371299-B", "环乙", "COUNTY", "DEPARTMENT", "370102", "371299-A")); // 7: cycle
        rows.add(row("371299-KID", "下级", "COUNTY", "DEPARTMENT", "370102", "371299-ORPHAN")); // 8: parent rejected
        rows.add(row("371299-BLANK", " ", "COUNTY", "DEPARTMENT", "370102", "370102-GOV")); // 9: blank name
        rows.add(row("371299-ROOT", "无上级的县", "COUNTY", "DEPARTMENT", "370102", null)); // 10: only the province is a root
        rows.add(row("371299-SELF", "自己", "COUNTY", "DEPARTMENT", "370102", "371299-SELF")); // 11: own parent
        Map<String, Object> badEnum = row("371299-ENUM", "枚举", "COUNTY", "DEPARTMENT", "370102", "370102-GOV");
        badEnum.put("regionCode", "37010");
        rows.add(badEnum); // 12: region pattern
        post(ADMIN, rows, false).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/unit-import-rejected"))
                .body("rejectedCount", equalTo(13 - 1))
                .body("rejected.row", contains(4, 5, 9, 12, 1, 2, 3, 6, 7, 8, 10, 11))
                .body("errors.field", hasItem("rows[1].parentCode"))
                .body("errors.field", hasItem("rows[2].regionCode"))
                .body("errors.field", hasItem("rows[4].regionCode"))
                .body("errors.field", hasItem("rows[5].code"))
                .body("errors.field", hasItem("rows[9].name"))
                .body("errors.field", hasItem("rows[12].regionCode"));
        given().auth().oauth2(ADMIN).when().get("/api/v1/units/371299-GOOD").then().statusCode(404);
    }

    @Test
    void anEmptyOrMalformedFileIs400() {
        post(ADMIN, List.of(), false).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"code\":\"x\"}")
                .when().post("/api/v1/units/import").then().statusCode(400).contentType("application/problem+json");
        post(ADMIN, List.of(Map.of("code", "371299-Q", "unknownField", 1)), false).statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aNullRowIsRejectedByPosition() {
        List<Object> rows = new ArrayList<>();
        rows.add(null);
        post(ADMIN, rows, false).statusCode(422).body("rejected", hasSize(1)).body("rejected[0].field", equalTo("rows[0]"));
    }
}
