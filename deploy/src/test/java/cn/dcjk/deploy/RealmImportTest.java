package cn.dcjk.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static cn.dcjk.deploy.RealmImportGenerator.OUTPUT;
import static cn.dcjk.deploy.RealmImportGenerator.REALM_FILE;
import static cn.dcjk.deploy.RealmImportGenerator.REGENERATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The committed realm import is generated from the one realm file, without demo users or dev clients. */
class RealmImportTest {

    static JsonNode committed() throws IOException {
        return Manifests.YAML.readTree(Files.readString(OUTPUT, StandardCharsets.UTF_8));
    }

    @Test
    void theCommittedImportIsWhatTheGeneratorWrites() throws IOException {
        String expected = RealmImportGenerator.generate(Files.readString(REALM_FILE, StandardCharsets.UTF_8));
        if (Boolean.getBoolean("dcjk.regenerate")) {
            Files.writeString(OUTPUT, expected, StandardCharsets.UTF_8);
            System.out.println("dcjk.regenerate: wrote " + OUTPUT.toAbsolutePath().normalize());
            return;
        }
        String actual = Files.exists(OUTPUT) ? Files.readString(OUTPUT, StandardCharsets.UTF_8) : "";
        if (!expected.equals(actual)) {
            List<String> want = expected.lines().toList();
            List<String> have = actual.lines().toList();
            int line = 0;
            while (line < want.size() && line < have.size() && want.get(line).equals(have.get(line))) {
                line++;
            }
            fail("deploy/" + OUTPUT + " is not what RealmImportGenerator writes from deploy/" + REALM_FILE
                    + " (first difference at line " + (line + 1) + ": expected «"
                    + (line < want.size() ? want.get(line) : "<end>") + "», found «"
                    + (line < have.size() ? have.get(line) : "<end>") + "»). Regenerate it: " + REGENERATE);
        }
    }

    @Test
    void theImportIsTheRealmLessItsDemoUsersAndDevClients() throws IOException {
        JsonNode realm = Manifests.JSON.readTree(Files.readString(REALM_FILE, StandardCharsets.UTF_8));
        JsonNode imported = committed().path("spec").path("realm");
        assertEquals(RealmImportGenerator.productionRealm(realm), imported, "the YAML holds exactly the filtered realm");

        Set<String> users = new TreeSet<>();
        imported.path("users").forEach(u -> users.add(u.path("username").asText()));
        assertEquals(Set.of("service-account-dcjk-services"), users, "integrators are added per system, not imported");
        Set<String> clients = new TreeSet<>();
        imported.path("clients").forEach(c -> clients.add(c.path("clientId").asText()));
        assertEquals(Set.of("dcjk-web", "dcjk-console", "dcjk-services"), clients);
        assertEquals(realm.path("roles"), imported.path("roles"), "every role is kept");
        assertEquals(realm.path("components"), imported.path("components"), "the user profile is kept");
    }

    @Test
    void everyPlaceholderComesFromASecret() throws IOException {
        JsonNode spec = committed().path("spec");
        assertEquals(RealmImportGenerator.KEYCLOAK, spec.path("keycloakCRName").asText());
        List<String> names = new ArrayList<>();
        spec.path("placeholders").fieldNames().forEachRemaining(names::add);
        assertTrue(names.contains("DCJK_SERVICES_SECRET"), names.toString());
        for (String name : names) {
            assertTrue(spec.path("realm").toString().contains("${" + name), name + " is used by the realm");
            JsonNode secret = spec.path("placeholders").path(name).path("secret");
            assertEquals(RealmImportGenerator.PLACEHOLDERS.get(name).name(), secret.path("name").asText(), name);
            assertEquals(RealmImportGenerator.PLACEHOLDERS.get(name).key(), secret.path("key").asText(), name);
        }
    }

    @Test
    void aPlaceholderWithoutASecretStopsTheGenerator() {
        String realm = "{\"realm\": \"dcjk\", \"clients\": [{\"clientId\": \"x\", \"secret\": \"${NEW_SECRET:x}\"}], \"users\": []}";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RealmImportGenerator.generate(realm));
        assertTrue(e.getMessage().contains("NEW_SECRET"), e.getMessage());
    }

    @Test
    void devClientsTakeTheirServiceAccountsAlong() {
        JsonNode realm = Manifests.JSON.valueToTree(java.util.Map.of(
                "clients", List.of(java.util.Map.of("clientId", "dev-bot", "attributes", java.util.Map.of("dcjk.dev-only", "true"))),
                "users", List.of(java.util.Map.of("username", "service-account-dev-bot", "serviceAccountClientId", "dev-bot"),
                        java.util.Map.of("username", "someone"))));
        JsonNode production = RealmImportGenerator.productionRealm(realm);
        assertTrue(production.path("clients").isEmpty());
        assertTrue(production.path("users").isEmpty());
    }
}
