package cn.dcjk.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes deploy/k8s/base/keycloak/realm-import.yaml from the one realm file, deploy/keycloak/dcjk-realm.json:
 * the realm without its demo users (every user but the {@code service-account-*} ones), without the clients
 * marked {@code "dcjk.dev-only": "true"} and without loopback redirect URIs and web origins, as a KeycloakRealmImport whose {@code ${PLACEHOLDER}}s come from
 * Secrets. {@link RealmImportTest} fails when the committed file differs; regenerate with
 * {@code ./mvnw -pl deploy test -Ddcjk.regenerate=true} (or run this class's main in deploy/).
 */
public final class RealmImportGenerator {

    public static final Path REALM_FILE = Path.of("keycloak/dcjk-realm.json");
    public static final Path OUTPUT = Path.of("k8s/base/keycloak/realm-import.yaml");
    public static final String REGENERATE = "./mvnw -pl deploy test -Ddcjk.regenerate=true";

    public static final String API_VERSION = "k8s.keycloak.org/v2alpha1";
    public static final String NAME = "dcjk-realm";
    public static final String KEYCLOAK = "dcjk-keycloak";

    /** Each placeholder of the realm file: the Secret and key the operator's import Job takes it from. */
    public static final Map<String, SecretKey> PLACEHOLDERS = Map.of(
            "DCJK_SERVICES_SECRET", new SecretKey("dcjk-services-client", "client-secret"),
            "DCJK_WEB_ORIGIN", new SecretKey("dcjk-realm-settings", "web-origin"),
            "DCJK_WEB_REDIRECT_URI", new SecretKey("dcjk-realm-settings", "web-redirect-uri"),
            "DCJK_CONSOLE_ORIGIN", new SecretKey("dcjk-realm-settings", "console-origin"),
            "DCJK_CONSOLE_REDIRECT_URI", new SecretKey("dcjk-realm-settings", "console-redirect-uri"));

    private static final Pattern LOOPBACK = Pattern.compile("https?://(localhost|127\\.0\\.0\\.1|\\[::1])[:/]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    private static final String HEADER = """
            # GENERATED from deploy/keycloak/dcjk-realm.json by RealmImportGenerator
            # (deploy/src/test/java/cn/dcjk/deploy): the realm without demo users and dev-only clients.
            # Do not edit. Regenerate after changing the realm file:
            #   %s
            """.formatted(REGENERATE);

    public record SecretKey(String name, String key) {
    }

    private RealmImportGenerator() {
    }

    /** Writes the file (run in deploy/). */
    public static void main(String[] args) throws IOException {
        Files.writeString(OUTPUT, generate(Files.readString(REALM_FILE, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        System.out.println("wrote " + OUTPUT);
    }

    /** The realm as production imports it: demo users and dev-only clients removed. */
    public static ObjectNode productionRealm(JsonNode realm) {
        ObjectNode copy = realm.deepCopy();
        Set<String> removedClients = new HashSet<>();
        ArrayNode clients = Manifests.JSON.createArrayNode();
        for (JsonNode client : copy.path("clients")) {
            if ("true".equals(client.path("attributes").path("dcjk.dev-only").asText())) {
                removedClients.add(client.path("clientId").asText());
            } else {
                clients.add(withoutLoopback((ObjectNode) client));
            }
        }
        ArrayNode users = Manifests.JSON.createArrayNode();
        for (JsonNode user : copy.path("users")) {
            boolean serviceAccount = user.path("username").asText().startsWith("service-account-");
            if (serviceAccount && !removedClients.contains(user.path("serviceAccountClientId").asText())) {
                users.add(user);
            }
        }
        if (copy.has("clients")) {
            copy.set("clients", clients);
        }
        if (copy.has("users")) {
            copy.set("users", users);
        }
        return copy;
    }

    /** Production never redirects to, nor answers CORS for, this machine: loopback addresses are local only. */
    static ObjectNode withoutLoopback(ObjectNode client) {
        for (String field : new String[] {"redirectUris", "webOrigins"}) {
            if (client.has(field)) {
                ArrayNode kept = Manifests.JSON.createArrayNode();
                client.path(field).forEach(u -> {
                    if (!LOOPBACK.matcher(u.asText()).lookingAt()) {
                        kept.add(u);
                    }
                });
                client.set(field, kept);
            }
        }
        return client;
    }

    /** The text of realm-import.yaml for a realm file's content. */
    public static String generate(String realmJson) throws IOException {
        JsonNode realm = Manifests.JSON.readTree(realmJson);
        ObjectNode production = productionRealm(realm);

        Set<String> used = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(production.toString());
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        Map<String, SecretKey> placeholders = new TreeMap<>();
        for (String name : used) {
            SecretKey secret = PLACEHOLDERS.get(name);
            if (secret == null) {
                throw new IllegalStateException("the realm file uses ${" + name + "}: add it to "
                        + "RealmImportGenerator.PLACEHOLDERS (and to deploy/README.md's Secrets)");
            }
            placeholders.put(name, secret);
        }

        ObjectNode document = Manifests.JSON.createObjectNode();
        document.put("apiVersion", API_VERSION);
        document.put("kind", "KeycloakRealmImport");
        ObjectNode metadata = document.putObject("metadata");
        metadata.put("name", NAME);
        metadata.putObject("labels").put("app.kubernetes.io/name", "keycloak-realm");
        ObjectNode spec = document.putObject("spec");
        spec.put("keycloakCRName", KEYCLOAK);
        ObjectNode placeholdersNode = spec.putObject("placeholders");
        placeholders.forEach((name, secret) -> placeholdersNode.putObject(name).putObject("secret")
                .put("name", secret.name()).put("key", secret.key()));
        spec.set("realm", production);
        return HEADER + yaml().writeValueAsString(document);
    }

    static YAMLMapper yaml() {
        YAMLFactory factory = YAMLFactory.builder()
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .enable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .build();
        return new YAMLMapper(factory);
    }
}
