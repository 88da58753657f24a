package cn.dcjk.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one realm file: roles, clients, mappers and the demo users as ARCHITECTURE.md and the issues say. */
class RealmFileTest {

    static final List<String> ROLES = List.of("planner", "office-reviewer", "committee-approver", "inspection-team",
            "inspected-unit", "discipline-officer", "complaint-handler", "auditor", "integrator", "admin");

    static JsonNode realm() throws IOException {
        return new ObjectMapper().readTree(Files.readString(Path.of("keycloak/dcjk-realm.json")));
    }

    static JsonNode client(JsonNode realm, String id) {
        return stream(realm.get("clients")).filter(c -> c.get("clientId").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no client " + id));
    }

    static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    static Set<String> seedUnits() throws IOException {
        String seed = Files.readString(Path.of("../plans-service/src/main/resources/db/migration/V3__units_seed.sql"));
        Matcher m = Pattern.compile("\\('([0-9A-Z-]+)', '[^']*', '[^']*', '([A-Z]+)'").matcher(seed);
        Set<String> codes = new HashSet<>();
        while (m.find()) {
            codes.add(m.group(1) + ":" + m.group(2));
        }
        return codes;
    }

    @Test
    void theRealmIsDcjkWithEveryRole() throws IOException {
        JsonNode realm = realm();
        assertEquals("dcjk", realm.get("realm").asText());
        Set<String> roles = new HashSet<>();
        realm.get("roles").get("realm").forEach(r -> roles.add(r.get("name").asText()));
        assertEquals(Set.copyOf(ROLES), roles);
        assertFalse(realm.get("registrationAllowed").asBoolean());
    }

    @Test
    void theWebClientIsPublicWithPkceAndNoPasswordGrant() throws IOException {
        JsonNode web = client(realm(), "dcjk-web");
        assertTrue(web.get("publicClient").asBoolean());
        assertTrue(web.get("standardFlowEnabled").asBoolean());
        assertFalse(web.get("directAccessGrantsEnabled").asBoolean());
        assertFalse(web.get("implicitFlowEnabled").asBoolean());
        assertEquals("S256", web.get("attributes").get("pkce.code.challenge.method").asText());
        assertTrue(web.get("webOrigins").get(0).asText().startsWith("${DCJK_WEB_ORIGIN"),
                "CORS origins come from configuration");
    }

    @Test
    void swaggerUiSignsInWithPkceOnItsOwnPublicClientForTheApiAudience() throws IOException {
        JsonNode swagger = client(realm(), "dcjk-swagger");
        assertTrue(swagger.get("publicClient").asBoolean());
        assertTrue(swagger.get("standardFlowEnabled").asBoolean());
        assertFalse(swagger.get("directAccessGrantsEnabled").asBoolean());
        assertFalse(swagger.get("implicitFlowEnabled").asBoolean());
        assertEquals("S256", swagger.get("attributes").get("pkce.code.challenge.method").asText());
        assertEquals("${DCJK_GATEWAY_URL:http://127.0.0.1:8080}/q/swagger-ui/*", swagger.get("redirectUris").get(0).asText(),
                "the redirect is the gateway's Swagger UI, whose address comes from configuration");
        assertEquals("+", swagger.get("webOrigins").get(0).asText(), "CORS for the origin of the redirect only");
        boolean audience = false;
        for (JsonNode m : swagger.get("protocolMappers")) {
            audience |= m.get("protocolMapper").asText().equals("oidc-audience-mapper")
                    && m.get("config").get("included.custom.audience").asText().equals("dcjk-api");
        }
        assertTrue(audience, "its tokens are for the suite's API");
    }

    @Test
    void theIntegratorClientIsConfidentialWithClientCredentialsOnly() throws IOException {
        JsonNode integrator = client(realm(), "dcjk-integrator");
        assertFalse(integrator.get("publicClient").asBoolean());
        assertTrue(integrator.get("serviceAccountsEnabled").asBoolean());
        assertFalse(integrator.get("standardFlowEnabled").asBoolean());
        assertFalse(integrator.get("directAccessGrantsEnabled").asBoolean());
        assertTrue(integrator.get("secret").asText().startsWith("${"), "the secret comes from the environment");
        JsonNode account = stream(realm().get("users"))
                .filter(u -> "dcjk-integrator".equals(u.path("serviceAccountClientId").asText())).findFirst()
                .orElseThrow();
        assertEquals("integrator", account.get("realmRoles").get(0).asText());
    }

    @Test
    void tokensCarryTheUnitAndTheDispatchingUnit() throws IOException {
        for (String id : List.of("dcjk-web", "dcjk-dev")) {
            Set<String> claims = new HashSet<>();
            client(realm(), id).get("protocolMappers").forEach(m -> {
                if (m.get("protocolMapper").asText().equals("oidc-usermodel-attribute-mapper")) {
                    assertEquals("true", m.get("config").get("access.token.claim").asText());
                    claims.add(m.get("config").get("claim.name").asText());
                }
            });
            assertEquals(Set.of("unit_code", "dispatching_unit_code"), claims, id);
        }
        String hardcoded = stream(client(realm(), "dcjk-integrator").get("protocolMappers"))
                .filter(m -> m.get("protocolMapper").asText().equals("oidc-hardcoded-claim-mapper"))
                .map(m -> m.get("config").get("claim.name").asText()).findFirst().orElseThrow();
        assertEquals("unit_code", hardcoded);
    }

    @Test
    void theDevClientHasDirectGrantsAndSaysItIsDevOnly() throws IOException {
        JsonNode dev = client(realm(), "dcjk-dev");
        assertTrue(dev.get("directAccessGrantsEnabled").asBoolean());
        assertEquals("true", dev.get("attributes").get("dcjk.dev-only").asText());
    }

    @Test
    void demoUsersAreNamedAfterTheirRoleWithPasswordDemoAndAUnitOfTheSeed() throws IOException {
        Set<String> units = seedUnits();
        assertTrue(units.size() > 100, "the seed was read");
        List<String> humans = List.of("planner", "office-reviewer", "committee-approver", "inspection-team",
                "inspected-unit", "discipline-officer", "complaint-handler", "auditor", "admin");
        for (String name : humans) {
            JsonNode user = stream(realm().get("users")).filter(u -> u.get("username").asText().equals(name))
                    .findFirst().orElseThrow(() -> new AssertionError("no demo user " + name));
            assertEquals(name, user.get("realmRoles").get(0).asText());
            assertEquals("demo", user.get("credentials").get(0).get("value").asText());
            String unit = user.get("attributes").get("unit_code").get(0).asText();
            assertTrue(units.stream().anyMatch(u -> u.startsWith(unit + ":")), name + " has a unit of the seed: " + unit);
        }
        JsonNode team = stream(realm().get("users")).filter(u -> u.get("username").asText().equals("inspection-team"))
                .findFirst().orElseThrow();
        String dispatching = team.get("attributes").get("dispatching_unit_code").get(0).asText();
        assertTrue(units.contains(dispatching + ":PROVINCE"), "the team is dispatched by a provincial unit");
        for (String county : List.of("inspected-unit", "discipline-officer")) {
            JsonNode u = stream(realm().get("users")).filter(x -> x.get("username").asText().equals(county))
                    .findFirst().orElseThrow();
            String code = u.get("attributes").get("unit_code").get(0).asText();
            assertTrue(units.contains(code + ":COUNTY"), county + " works at county level");
        }
        assertNotNull(realm().get("components").get("org.keycloak.userprofile.UserProfileProvider"),
                "the user profile declares the unit attributes");
    }
}
