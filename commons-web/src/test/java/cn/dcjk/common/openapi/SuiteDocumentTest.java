package cn.dcjk.common.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuiteDocumentTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode doc(String json) throws Exception {
        return JSON.readTree(json.replace('\'', '"'));
    }

    @Test
    void sameNamesThatDifferArePrefixedPerDocumentAndTheirRefsFollow() throws Exception {
        JsonNode gateway = doc("{'openapi':'3.1.0','paths':{'/api/v1/gateway/decisions':{'get':{'responses':{'200':"
                + "{'content':{'application/json':{'schema':{'$ref':'#/components/schemas/PageDecision'}}}}}}}},"
                + "'components':{'schemas':{'Decision':{'type':'object','properties':{'at':{'type':'string'}}},"
                + "'PageDecision':{'type':'object','properties':{'items':{'type':'array','items':{'$ref':'#/components/schemas/Decision'}}}},"
                + "'Severity':{'type':'string','enum':['BLOCK','WARN']}}}}");
        JsonNode accountability = doc("{'openapi':'3.1.0','paths':{'/api/v1/accountability/cases/{id}/decision':{'post':{"
                + "'requestBody':{'content':{'application/json':{'schema':{'$ref':'#/components/schemas/Decision'}}}},"
                + "'responses':{'200':{'content':{'application/json':{'schema':{'$ref':'#/components/schemas/Severity'}}}}}}}},"
                + "'components':{'schemas':{'Decision':{'type':'object','properties':{'outcome':{'type':'string'}}},"
                + "'Severity':{'type':'string','enum':['BLOCK','WARN']}}}}");
        JsonNode merged = SuiteDocument.merge(List.of(new SuiteDocument.Part("gateway", gateway),
                new SuiteDocument.Part("accountability", accountability)), "https://auth.example/realms/dcjk/.well-known/openid-configuration", "1");
        JsonNode schemas = merged.path("components").path("schemas");
        assertFalse(schemas.has("Decision"));
        assertTrue(schemas.path("GatewayDecision").path("properties").has("at"));
        assertTrue(schemas.path("AccountabilityDecision").path("properties").has("outcome"));
        // a schema of one document keeps its name; its refs follow the renaming
        assertTrue(schemas.has("PageDecision"));
        assertEquals("#/components/schemas/GatewayDecision",
                schemas.path("PageDecision").path("properties").path("items").path("items").path("$ref").asText());
        // identical definitions are kept once under their own name
        assertTrue(schemas.has("Severity"));
        assertEquals("#/components/schemas/AccountabilityDecision", merged.path("paths")
                .path("/api/v1/accountability/cases/{id}/decision").path("post").path("requestBody").path("content")
                .path("application/json").path("schema").path("$ref").asText());
        assertEquals("#/components/schemas/PageDecision", merged.path("paths").path("/api/v1/gateway/decisions")
                .path("get").path("responses").path("200").path("content").path("application/json").path("schema")
                .path("$ref").asText());
        assertEquals("https://auth.example/realms/dcjk/.well-known/openid-configuration", merged.path("components")
                .path("securitySchemes").path("SecurityScheme").path("openIdConnectUrl").asText());
        assertTrue(ContractLint.check(merged).stream().noneMatch(v -> v.contains("unresolved")));
    }

    @Test
    void aSharedNameThatRefersToACollidingOneIsPrefixedToo() throws Exception {
        JsonNode a = doc("{'components':{'schemas':{'Step':{'type':'string'},'Page':{'type':'object','properties':"
                + "{'items':{'$ref':'#/components/schemas/Step'}}}}}}");
        JsonNode b = doc("{'components':{'schemas':{'Step':{'type':'integer'},'Page':{'type':'object','properties':"
                + "{'items':{'$ref':'#/components/schemas/Step'}}}}}}");
        JsonNode schemas = SuiteDocument.merge(List.of(new SuiteDocument.Part("plans", a),
                new SuiteDocument.Part("inspections", b)), "x", "1").path("components").path("schemas");
        assertEquals("#/components/schemas/PlansStep", schemas.path("PlansPage").path("properties").path("items")
                .path("$ref").asText());
        assertEquals("#/components/schemas/InspectionsStep", schemas.path("InspectionsPage").path("properties")
                .path("items").path("$ref").asText());
        assertFalse(schemas.has("Page") || schemas.has("Step"));
    }

    @Test
    void theFirstDocumentOfAPathWins() throws Exception {
        JsonNode a = doc("{'paths':{'/api/v1/rules':{'get':{'summary':'suite'}}}}");
        JsonNode b = doc("{'paths':{'/api/v1/rules':{'get':{'summary':'service'}},'/api/v1/plans':{'get':{}}}}");
        JsonNode merged = SuiteDocument.merge(List.of(new SuiteDocument.Part("gateway", a),
                new SuiteDocument.Part("plans", b)), "x", "1");
        assertEquals("suite", merged.path("paths").path("/api/v1/rules").path("get").path("summary").asText());
        assertTrue(merged.path("paths").has("/api/v1/plans"));
    }

    @Test
    void anOperationIdSeveralDocumentsUseIsPrefixedWithEachDocumentsName() throws Exception {
        JsonNode gateway = doc("{'paths':{'/api/v1/rules':{'get':{'operationId':'ruleList'}}}}");
        JsonNode plans = doc("{'paths':{'/api/v1/rules':{'get':{'operationId':'ruleList'}},"
                + "'/api/v1/webhooks/plans/event-types':{'get':{'operationId':'webhookEventTypes'}}}}");
        JsonNode inspections = doc("{'paths':{'/api/v1/webhooks/inspections/event-types':{'get':"
                + "{'operationId':'webhookEventTypes'}}}}");
        JsonNode paths = SuiteDocument.merge(List.of(new SuiteDocument.Part("gateway", gateway),
                new SuiteDocument.Part("plans", plans), new SuiteDocument.Part("inspections", inspections)), "x", "1")
                .path("paths");
        assertEquals("plansWebhookEventTypes", paths.path("/api/v1/webhooks/plans/event-types").path("get")
                .path("operationId").asText());
        assertEquals("inspectionsWebhookEventTypes", paths.path("/api/v1/webhooks/inspections/event-types")
                .path("get").path("operationId").asText());
        // a path only one document keeps does not count: its id stays as it is
        assertEquals("ruleList", paths.path("/api/v1/rules").path("get").path("operationId").asText());
    }
}
