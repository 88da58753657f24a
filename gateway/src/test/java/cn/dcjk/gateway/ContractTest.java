package cn.dcjk.gateway;

import cn.dcjk.common.problem.ProblemCatalogue;
import cn.dcjk.common.problem.ProblemTypes;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** The gateway's part of the contract: the problem catalogue, the merged document in JSON and YAML, Swagger UI. */
@QuarkusTest
class ContractTest {

    @Test
    void everyProblemTypeResolvesToAPageAndToJson() {
        for (ProblemCatalogue.Entry e : ProblemCatalogue.all()) {
            String path = "/problems/" + e.slug();
            given().accept("text/html").when().get(path).then().statusCode(200).contentType(startsWith("text/html"))
                    .body(containsString(e.titleEn())).body(containsString("What to do"));
            given().accept("application/json").when().get(path).then().statusCode(200)
                    .body("type", equalTo(ProblemTypes.of(e.slug()))).body("status", equalTo(e.status()))
                    .body("action", equalTo(e.action()));
        }
        given().accept("application/json").when().get("/problems").then().statusCode(200)
                .body("slug", hasItem("stale-version"));
        given().accept("text/html").when().get("/problems").then().statusCode(200)
                .body(containsString("precondition-required"));
        given().accept("application/json").when().get("/problems/no-such-problem").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theMergedDocumentIsJsonOrYamlAndNamesThePublicRealm() {
        String publicRealm = ConfigProvider.getConfig().getValue("dcjk.openapi.oidc-public-url", String.class);
        given().when().get("/q/openapi").then().statusCode(200).contentType(startsWith("application/json"))
                .body("info.title", equalTo("dcjk suite"))
                .body("components.securitySchemes.SecurityScheme.openIdConnectUrl",
                        equalTo(publicRealm + "/.well-known/openid-configuration"))
                .body("paths.'/problems/{slug}'.get.operationId", equalTo("problemCatalogueOne"))
                .body("components.schemas.Problem.properties.type.format", equalTo("uri"));
        given().queryParam("format", "yaml").when().get("/q/openapi").then().statusCode(200)
                .contentType(startsWith("application/yaml")).body(containsString("openapi: "))
                .body(containsString("operationId: \"problemCatalogueOne\""));
        given().accept("application/yaml").when().get("/q/openapi").then().statusCode(200)
                .contentType(startsWith("application/yaml"));
        given().queryParam("format", "json").accept("application/yaml").when().get("/q/openapi").then()
                .statusCode(200).contentType(startsWith("application/json"));
    }

    @Test
    void swaggerUiSignsInWithTheSwaggerClientAndPkce() {
        given().when().get("/q/swagger-ui/index.html").then().statusCode(200)
                .body(containsString("dcjk-swagger")).body(containsString("usePkceWithAuthorizationCodeGrant"));
    }
}
