package cn.dcjk.fullstack;

import cn.dcjk.client.ApiClient;
import cn.dcjk.client.ApiException;
import cn.dcjk.client.ApiResponse;
import cn.dcjk.client.api.ApprovalsApi;
import cn.dcjk.client.api.PlansApi;
import cn.dcjk.client.api.ProblemsApi;
import cn.dcjk.client.model.ActionInput;
import cn.dcjk.client.model.ApprovalView;
import cn.dcjk.client.model.ItemInput;
import cn.dcjk.client.model.PlanInput;
import cn.dcjk.client.model.PlanType;
import cn.dcjk.client.model.PlanView;
import cn.dcjk.client.model.ProblemType;
import cn.dcjk.client.model.StepResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import cn.dcjk.common.openapi.ContractLint;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The plan's part of the story driven through the Java client generated in the build from the suite's
 * merged OpenAPI document (module api-client), against the real stack through the gateway: what an
 * integrator's program does. A stale version comes back as a typed 412 whose problem type resolves in
 * the gateway's catalogue, through the same client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("The plan's story through the generated client")
class GeneratedClientTest {

    static final List<String> COUNTY_ENV = List.of("370102-D-ENV", "370112-D-ENV", "370202-D-ENV", "370211-D-ENV",
            "370303-D-ENV", "370304-D-ENV");

    final Stack stack = new Stack();
    Keycloak keycloak;
    /** The client's own mapper (dates as ISO strings). */
    final ObjectMapper json = new ApiClient().getObjectMapper();

    /** Another year than the story's, so the two plans never meet in a cap. */
    final int year = LocalDate.now().getYear() + 2;
    Long planId;
    String approvalCode;

    @BeforeAll
    void startTheStack() {
        stack.start();
        keycloak = new Keycloak(stack.keycloakUrl(), Stack.REALM);
    }

    @AfterAll
    void stopTheStack() {
        stack.stop();
    }

    ApiClient client(String user) {
        ApiClient c = new ApiClient();
        // HTTP/1.1: java.net.http would otherwise offer an h2c upgrade on the first request, which the gateway
        // does not yet forward with its body (reported to the gateway's owner)
        c.setHttpClientBuilder(java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1));
        c.updateBaseUri(stack.gatewayUrl());
        if (user != null) {
            c.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + keycloak.token(user))
                    .header("Accept-Language", "en"));
        }
        return c;
    }

    PlansApi plans(String user) {
        return new PlansApi(client(user));
    }

    @Test
    @Order(1)
    @DisplayName("1. the planner drafts a plan with an item: typed answers, 201 with ETag and Location")
    void draft() throws ApiException {
        ApiResponse<PlanView> created = plans("planner").planCreateWithHttpInfo(
                new PlanInput().type(PlanType.ANNUAL).year(year).title("省生态环境厅" + year + "年度计划（客户端）"),
                UUID.randomUUID().toString());
        assertEquals(201, created.getStatusCode());
        PlanView plan = created.getData();
        planId = plan.getId();
        assertEquals("370000-GO", plan.getReviewingOfficeCode());
        assertNotNull(header(created, "ETag"));
        assertTrue(header(created, "Location").endsWith("/api/v1/plans/" + planId));
        ItemInput item = json.convertValue(item(), ItemInput.class);
        assertEquals(201, plans("planner").planAddItemWithHttpInfo(planId, item, UUID.randomUUID().toString())
                .getStatusCode());
    }

    @Test
    @Order(2)
    @DisplayName("2. submitted, reviewed by the government office, forwarded by the party office, approved, issued, "
            + "each step with the version it read")
    void workflow() throws ApiException {
        assumeTrue(planId != null, "no plan was drafted");
        StepResult submitted = plans("planner").planSubmit(planId, etag("planner"), new ActionInput().comment("请审核"),
                UUID.randomUUID().toString());
        assertEquals("SUBMITTED", submitted.getPlan().getStatus().getValue());
        assertEquals("OFFICE_REVIEWED", plans("office-reviewer").planReview(planId, etag("office-reviewer"),
                new ActionInput().comment("符合要求"), UUID.randomUUID().toString()).getStatus().getValue());
        assertEquals("FORWARDED", plans("party-office").planForward(planId, etag("party-office"),
                new ActionInput().comment("报省委审批"), UUID.randomUUID().toString()).getStatus().getValue());
        StepResult approved = plans("committee-approver").planApprove(planId, etag("committee-approver"),
                new ActionInput().comment("同意"), UUID.randomUUID().toString());
        assertEquals("APPROVED", approved.getPlan().getStatus().getValue());
        approvalCode = approved.getPlan().getItems().get(0).getApprovalCode();
        assertTrue(approvalCode.matches("DCJK-" + year + "-\\d{4}"), approvalCode);
        assertEquals("ISSUED", plans("party-office").planIssue(planId, etag("party-office"),
                new ActionInput().comment("印发"), UUID.randomUUID().toString()).getStatus().getValue());
    }

    @Test
    @Order(3)
    @DisplayName("3. anyone verifies the approval code without a token")
    void verify() throws ApiException {
        assumeTrue(approvalCode != null, "no approval code was issued");
        ApprovalView approval = new ApprovalsApi(client(null)).approvalVerify(approvalCode);
        assertEquals(Boolean.TRUE, approval.getGenuine());
        assertEquals(Boolean.TRUE, approval.getCurrent());
        assertEquals(COUNTY_ENV, approval.getTargetUnitCodes());
    }

    @Test
    @Order(4)
    @DisplayName("4. a stale version is a 412 problem whose type resolves in the catalogue")
    void staleVersion() throws Exception {
        assumeTrue(planId != null, "no plan was drafted");
        ApiException e = assertThrows(ApiException.class, () -> plans("committee-approver").planConvert(planId,
                "\"0\"", new ActionInput().comment("过期的版本"), UUID.randomUUID().toString()));
        assertEquals(412, e.getCode());
        JsonNode problem = json.readTree(e.getResponseBody());
        String type = problem.path("type").asText();
        assertTrue(type.startsWith("http") && type.endsWith("/problems/stale-version"), type);
        assertEquals(etag("committee-approver"), problem.path("currentETag").asText());
        ProblemType entry = new ProblemsApi(client(null)).problemCatalogueOne("stale-version");
        assertEquals(type, entry.getType());
        assertEquals(412, entry.getStatus());
    }

    @Test
    @Order(5)
    @DisplayName("5. the live gateway's merged document keeps the contract, in JSON and YAML, naming the public realm")
    void theLiveDocument() throws Exception {
        HttpResponse<String> doc = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/q/openapi")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, doc.statusCode());
        JsonNode merged = json.readTree(doc.body());
        assertEquals(List.of(), ContractLint.check(merged), "the document the gateway serves keeps the contract");
        assertEquals(stack.keycloakUrl() + "/realms/" + Stack.REALM + "/.well-known/openid-configuration",
                merged.path("components").path("securitySchemes").path("SecurityScheme").path("openIdConnectUrl").asText());
        HttpResponse<String> yaml = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl()
                + "/q/openapi?format=yaml")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, yaml.statusCode());
        assertTrue(yaml.headers().firstValue("Content-Type").orElse("").startsWith("application/yaml"));
        assertTrue(yaml.body().contains("openapi: ") && yaml.body().contains("operationId: "), "YAML, not JSON");
    }

    @Test
    @Order(6)
    @DisplayName("6. Swagger UI's Authorize: authorization code + PKCE on dcjk-swagger, CORS on the token, try-it-out")
    void swaggerAuthorize() throws Exception {
        HttpResponse<String> ui = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl()
                + "/q/swagger-ui/index.html")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(ui.body().contains("dcjk-swagger") && ui.body().contains("usePkceWithAuthorizationCodeGrant"),
                "the client id and PKCE are preset");
        JsonNode oidc = json.readTree(http.send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl() + "/realms/"
                + Stack.REALM + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString()).body());
        String redirect = stack.gatewayUrl() + "/q/swagger-ui/oauth2-redirect.html";
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.security.SecureRandom.getSeed(32));
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = oidc.path("authorization_endpoint").asText() + "?client_id=dcjk-swagger&response_type=code"
                + "&scope=openid&state=s1&code_challenge_method=S256&code_challenge=" + challenge + "&redirect_uri=";
        // a redirect elsewhere is refused by the realm
        assertEquals(400, http.send(HttpRequest.newBuilder(URI.create(authorize + enc("https://elsewhere.example/cb")))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        // the login page, then the person's credentials
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(authorize + enc(redirect))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode());
        keep(cookies, login);
        Matcher action = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|<form[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"")
                .matcher(login.body());
        assertTrue(action.find(), "the realm's login form");
        String post = (action.group(1) != null ? action.group(1) : action.group(2)).replace("&amp;", "&");
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(post))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie(cookies))
                .POST(HttpRequest.BodyPublishers.ofString("username=planner&password=" + Keycloak.PASSWORD
                        + "&credentialId=")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        String back = signedIn.headers().firstValue("Location").orElseThrow();
        assertTrue(back.startsWith(redirect + "?"), back);
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(back);
        assertTrue(code.find(), back);
        // the browser (Swagger UI's origin) exchanges the code: CORS allows exactly that origin
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(oidc.path("token_endpoint").asText()))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", stack.gatewayUrl())
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=dcjk-swagger&code="
                        + code.group(1) + "&redirect_uri=" + enc(redirect) + "&code_verifier=" + verifier)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, token.statusCode(), token.body());
        assertEquals(stack.gatewayUrl(), token.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        String access = json.readTree(token.body()).path("access_token").asText();
        // try it out: the token is accepted by the gateway (audience dcjk-api) for the planner's unit
        HttpResponse<String> tried = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/plans"))
                .header("Authorization", "Bearer " + access).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, tried.statusCode(), tried.body());
    }

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void keep(Map<String, String> cookies, HttpResponse<?> r) {
        for (String c : r.headers().allValues("Set-Cookie")) {
            String pair = c.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
    }

    static String cookie(Map<String, String> cookies) {
        StringBuilder b = new StringBuilder();
        cookies.forEach((k, v) -> b.append(b.isEmpty() ? "" : "; ").append(k).append('=').append(v));
        return b.toString();
    }

    String etag(String user) throws ApiException {
        return header(plans(user).planGetWithHttpInfo(planId), "ETag");
    }

    static String header(ApiResponse<?> r, String name) {
        return r.getHeaders().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(h -> h.getValue().get(0)).findFirst().orElse(null);
    }

    Map<String, Object> item() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "饮用水水源地保护专项检查");
        m.put("category", "SPECIAL");
        m.put("activityWord", "检查");
        m.put("topics", List.of("饮用水水源地保护"));
        m.put("targetUnitCodes", COUNTY_ENV);
        m.put("onSite", true);
        m.put("sampling", Map.of("population", COUNTY_ENV.size(), "sampleSize", 2));
        m.put("periodStart", LocalDate.of(year, 4, 10).toString());
        m.put("periodEnd", LocalDate.of(year, 4, 20).toString());
        m.put("workDeployedOn", LocalDate.now().toString());
        m.put("legalBasis", "《中华人民共和国水污染防治法》");
        m.put("publishable", true);
        return m;
    }
}
