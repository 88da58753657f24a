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
            "inspected-unit", "discipline-officer", "complaint-handler", "auditor", "integrator", "service", "admin");

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
    void theDemoIntegratorIsConfidentialWithClientCredentialsOnlyAndLocalOnly() throws IOException {
        JsonNode integrator = client(realm(), "integrator-demo");
        assertFalse(integrator.get("publicClient").asBoolean());
        assertTrue(integrator.get("serviceAccountsEnabled").asBoolean());
        assertFalse(integrator.get("standardFlowEnabled").asBoolean());
        assertFalse(integrator.get("directAccessGrantsEnabled").asBoolean());
        assertEquals("true", integrator.get("attributes").get("dcjk.dev-only").asText(),
                "no shared integrator in production: one client per provincial system");
        assertEquals(List.of("integrator"), roles(serviceAccount("integrator-demo")));
    }

    @Test
    void theServicesAccountHasItsOwnRoleNotTheIntegrators() throws IOException {
        assertEquals(List.of("service"), roles(serviceAccount("dcjk-services")));
        stream(realm().get("users")).filter(u -> !u.path("serviceAccountClientId").asText().equals("dcjk-services"))
                .forEach(u -> assertFalse(roles(u).contains("service"), u.get("username").asText()));
    }

    /** A provincial system added with the script gets exactly the demo integrator's shape, with its own id and unit. */
    @Test
    void theAddIntegratorScriptMakesTheSameClientAsTheDemo() throws Exception {
        Process p = new ProcessBuilder("bash", "keycloak/add-integrator.sh", "--print", "sd-data-hub", "370100-GO",
                "济南市数据平台").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        JsonNode added = new ObjectMapper().readTree(out);
        JsonNode demo = client(realm(), "integrator-demo");
        assertEquals("integrator-sd-data-hub", added.get("clientId").asText());
        for (String flag : List.of("publicClient", "clientAuthenticatorType", "standardFlowEnabled",
                "implicitFlowEnabled", "directAccessGrantsEnabled", "serviceAccountsEnabled", "defaultClientScopes",
                "optionalClientScopes")) {
            assertEquals(demo.get(flag), added.get(flag), flag);
        }
        assertEquals("true", added.get("attributes").get("dcjk.integrator").asText());
        assertEquals(demo.get("protocolMappers").size(), added.get("protocolMappers").size());
        for (JsonNode mapper : demo.get("protocolMappers")) {
            JsonNode same = stream(added.get("protocolMappers"))
                    .filter(m -> m.get("name").equals(mapper.get("name"))).findFirst().orElseThrow();
            com.fasterxml.jackson.databind.node.ObjectNode config = (com.fasterxml.jackson.databind.node.ObjectNode)
                    mapper.get("config").deepCopy();
            if (config.has("claim.value")) {
                config.put("claim.value", "370100-GO");
            }
            assertEquals(mapper.get("protocolMapper"), same.get("protocolMapper"));
            assertEquals(config, same.get("config"), mapper.get("name").asText());
        }
        for (String[] bad : new String[][] {{"Bad_Name", "370000-GO"}, {"ok", "not a unit"}, {"x", "370000-GO"}}) {
            Process refused = new ProcessBuilder("bash", "keycloak/add-integrator.sh", "--print", bad[0], bad[1])
                    .redirectErrorStream(true).start();
            refused.getInputStream().readAllBytes();
            assertEquals(2, refused.waitFor(), String.join(" ", bad));
        }
    }

    static JsonNode serviceAccount(String clientId) throws IOException {
        return stream(realm().get("users")).filter(u -> clientId.equals(u.path("serviceAccountClientId").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no service account of " + clientId));
    }

    static List<String> roles(JsonNode user) {
        List<String> roles = new java.util.ArrayList<>();
        user.path("realmRoles").forEach(r -> roles.add(r.asText()));
        return roles;
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
        String hardcoded = stream(client(realm(), "integrator-demo").get("protocolMappers"))
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
