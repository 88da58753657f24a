package cn.dcjk.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Renders deploy/k8s/overlays/dev and prod with kubectl kustomize (offline), types every object with the
 * fabric8 models, validates the custom resources against the CRDs of shared/k8s-crds and runs the named
 * {@link Checks}. Broken variants built from the rendered documents must each be caught by their check.
 */
class ManifestsTest {

    static final Path OVERLAYS = Path.of("k8s/overlays");
    static final List<String> OVERLAY_NAMES = List.of("dev", "prod");

    static Suite suite;
    static CrdSchemas crds;
    static List<Check> checks;
    static final Map<String, Manifests> RENDERED = new LinkedHashMap<>();

    @BeforeAll
    static void render() throws IOException, InterruptedException {
        var kubectl = Manifests.kubectl();
        assumeTrue(kubectl.isPresent(), "kubectl is not installed: the overlays under deploy/k8s were NOT rendered "
                + "nor checked. Install kubectl (1.27 or later, it renders offline) to run these checks.");
        suite = Suite.read(Path.of(".."));
        if (Files.isDirectory(CrdSchemas.DEFAULT_DIRECTORY)) {
            crds = CrdSchemas.load(CrdSchemas.DEFAULT_DIRECTORY);
        } else {
            System.out.println("NOTE: " + CrdSchemas.DEFAULT_DIRECTORY.toAbsolutePath().normalize()
                    + " is absent: custom resources are not checked against their CRDs (crd-schema skipped).");
        }
        checks = Checks.all(suite, crds);
        for (String overlay : OVERLAY_NAMES) {
            RENDERED.put(overlay, Manifests.render(kubectl.get(), OVERLAYS.resolve(overlay)));
        }
    }

    static List<Violation> violations(Manifests manifests) {
        return Checks.run(checks, manifests);
    }

    static String list(List<Violation> violations) {
        return violations.stream().map(Violation::toString).collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    static void assertCaught(Manifests broken, String check, String object, String fragment) {
        List<Violation> found = violations(broken);
        boolean caught = found.stream().anyMatch(v -> v.check().equals(check) && v.object().contains(object)
                && v.message().contains(fragment));
        assertTrue(caught, "expected [" + check + "] " + object + ": …" + fragment + "…; the checks reported:" + list(found));
    }

    // --- the overlays as committed --------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theOverlayPassesEveryCheck(String overlay) {
        List<Violation> found = violations(RENDERED.get(overlay));
        assertTrue(found.isEmpty(), overlay + " has " + found.size() + " violation(s):" + list(found));
    }

    @Test
    void theCustomResourcesMatchTheirCrds() {
        assumeTrue(crds != null, "shared/k8s-crds is absent beside the clone: custom resources were NOT checked "
                + "against their CRDs");
        for (String overlay : OVERLAY_NAMES) {
            Manifests m = RENDERED.get(overlay);
            List<Violation> found = Checks.crdSchema(crds).run(m);
            assertTrue(found.isEmpty(), overlay + ":" + list(found));
            assertEquals(2, m.custom("postgresql.cnpg.io", "Cluster").size(), overlay);
            assertEquals(1, m.custom("k8s.keycloak.org", "Keycloak").size(), overlay);
            assertEquals(1, m.custom("k8s.keycloak.org", "KeycloakRealmImport").size(), overlay);
            // prod adds the replicas' PgBouncer (component read-replicas)
            assertEquals(overlay.equals("prod") ? 2 : 1, m.custom("postgresql.cnpg.io", "Pooler").size(), overlay);
        }
        assertEquals(2, RENDERED.get("prod").custom("postgresql.cnpg.io", "ScheduledBackup").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceComesWithItsCompanions(String overlay) {
        Manifests m = RENDERED.get(overlay);
        for (String service : Suite.SERVICES) {
            assertTrue(m.get(Deployment.class, service).isPresent(), service);
            assertTrue(m.get(Service.class, service).isPresent(), service);
            assertTrue(m.get(HorizontalPodAutoscaler.class, service).isPresent(), service);
            assertTrue(m.get(PodDisruptionBudget.class, service).isPresent(), service);
            assertTrue(m.get(NetworkPolicy.class, service).isPresent(), service);
        }
        assertEquals(List.of("gateway", "keycloak", "keycloak-admin"),
                m.all(Ingress.class).stream().map(i -> i.getMetadata().getName()).sorted().toList());
        assertEquals(overlay.equals("prod") ? 4 : 0, m.custom("monitoring.coreos.com", "ServiceMonitor").size());
        assertEquals(overlay.equals("prod") ? "dcjk" : "dcjk-dev", m.namespace());
    }

    @Test
    void thePortsAreTheServicesOwn() {
        assertEquals(Map.of("gateway", 8080, "plans-service", 8081, "inspections-service", 8082,
                "accountability-service", 8083), suite.ports());
    }

    // --- broken variants: each must be caught by its check ---------------------------------------------------

    static Manifests broken(String overlay, Consumer<List<ObjectNode>> change) {
        return RENDERED.get(overlay).mutate(change);
    }

    static ObjectNode podSpec(List<ObjectNode> docs, String deployment) {
        return (ObjectNode) Manifests.find(docs, "Deployment", deployment).path("spec").path("template").path("spec");
    }

    static ObjectNode container(List<ObjectNode> docs, String deployment) {
        return (ObjectNode) podSpec(docs, deployment).path("containers").get(0);
    }

    @Test
    void aTypoSuchAsContainerzIsRefused() {
        Manifests m = broken("prod", docs -> {
            ObjectNode spec = podSpec(docs, "gateway");
            spec.set("containerz", spec.remove("containers"));
        });
        assertCaught(m, Checks.KNOWN_FIELDS, "Deployment/gateway", "spec.template.spec.containerz");
    }

    @Test
    void aTypoDeepInsideAContainerIsRefused() {
        Manifests m = broken("dev", docs -> container(docs, "plans-service").with("securityContext")
                .put("readOnlyRootFilesytem", true));
        assertCaught(m, Checks.KNOWN_FIELDS, "Deployment/plans-service",
                "spec.template.spec.containers[0].securityContext.readOnlyRootFilesytem");
    }

    @Test
    void aMissingProbeIsRefused() {
        Manifests m = broken("prod", docs -> container(docs, "plans-service").remove("readinessProbe"));
        assertCaught(m, Checks.PROBES, "Deployment/plans-service", "has no readiness probe");
    }

    @Test
    void aProbeOnAnotherPathIsRefused() {
        Manifests m = broken("dev", docs -> ((ObjectNode) container(docs, "gateway").path("livenessProbe").path("httpGet"))
                .put("path", "/health"));
        assertCaught(m, Checks.PROBES, "Deployment/gateway", "liveness probe is on /health");
    }

    @Test
    void aMissingNetworkPolicyIsRefused() {
        Manifests m = broken("prod", docs -> docs.remove(Manifests.find(docs, "NetworkPolicy", "inspections-service")));
        assertCaught(m, Checks.NETWORK_POLICY, "Deployment/inspections-service", "has no NetworkPolicy of its own");
        assertCaught(m, Checks.NETWORK_EDGES, "gateway", "cannot reach inspections-service on port 8082");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "Service, service, has no Service named accountability-service",
            "HorizontalPodAutoscaler, autoscaler, has 0 HorizontalPodAutoscalers",
            "PodDisruptionBudget, disruption-budget, is covered by 0 PodDisruptionBudgets"})
    void aMissingCompanionIsRefused(String kind, String check, String message) {
        Manifests m = broken("prod", docs -> docs.remove(Manifests.find(docs, kind, "accountability-service")));
        assertCaught(m, check, "Deployment/accountability-service", message);
    }

    @Test
    void aMissingDefaultDenyIsRefused() {
        Manifests m = broken("dev", docs -> docs.remove(Manifests.find(docs, "NetworkPolicy", "default-deny-all")));
        assertCaught(m, Checks.DEFAULT_DENY, "namespace dcjk-dev", "no default-deny NetworkPolicy");
    }

    @Test
    void anEdgeNobodyNeedsIsRefused() {
        // plans-service calls no one: letting it reach inspections-service opens an edge nothing needs
        Manifests m = broken("prod", docs -> {
            ArrayNode egress = (ArrayNode) Manifests.find(docs, "NetworkPolicy", "plans-service").path("spec").path("egress");
            egress.add(Manifests.JSON.valueToTree(Map.of(
                    "to", List.of(Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "inspections-service")))),
                    "ports", List.of(Map.of("protocol", "TCP", "port", 8082)))));
            ArrayNode ingress = (ArrayNode) Manifests.find(docs, "NetworkPolicy", "inspections-service").path("spec").path("ingress");
            ((ArrayNode) ingress.get(0).path("from")).add(Manifests.JSON.valueToTree(
                    Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "plans-service")))));
        });
        assertCaught(m, Checks.NETWORK_EDGES, "plans-service", "can reach inspections-service on port 8082, which nothing needs");
    }

    @Test
    void aDemoUserInProdIsRefused() {
        Manifests m = broken("prod", docs -> {
            ArrayNode users = (ArrayNode) Manifests.find(docs, "KeycloakRealmImport", RealmImportGenerator.NAME)
                    .path("spec").path("realm").path("users");
            users.add(Manifests.JSON.valueToTree(Map.of("username", "planner", "enabled", true, "realmRoles", List.of("planner"),
                    "credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false)))));
        });
        assertCaught(m, Checks.REALM_IMPORT, "KeycloakRealmImport/dcjk-realm", "imports the demo user planner");
    }

    @Test
    void aDevClientInProdIsRefused() throws IOException {
        JsonNode realm = Manifests.JSON.readTree(Files.readString(RealmImportGenerator.REALM_FILE));
        JsonNode dev = null;
        for (JsonNode client : realm.path("clients")) {
            if ("dcjk-dev".equals(client.path("clientId").asText())) {
                dev = client;
            }
        }
        JsonNode devClient = dev;
        Manifests m = broken("prod", docs -> ((ArrayNode) Manifests.find(docs, "KeycloakRealmImport", RealmImportGenerator.NAME)
                .path("spec").path("realm").path("clients")).add(devClient.deepCopy()));
        assertCaught(m, Checks.REALM_IMPORT, "KeycloakRealmImport/dcjk-realm", "imports the dev-only client dcjk-dev");
    }

    @Test
    void anUnknownFieldOfACustomResourceIsRefused() {
        assumeTrue(crds != null, "shared/k8s-crds is absent: CRD validation not exercised");
        Manifests m = broken("prod", docs -> ((ObjectNode) Manifests.find(docs, "Cluster", "dcjk-db").path("spec"))
                .put("instancez", 3));
        assertCaught(m, Checks.CRD_SCHEMA, "Cluster/dcjk-db", "instancez");
    }

    @Test
    void aWrongTypeInACustomResourceIsRefused() {
        assumeTrue(crds != null, "shared/k8s-crds is absent: CRD validation not exercised");
        Manifests m = broken("dev", docs -> ((ObjectNode) Manifests.find(docs, "Keycloak", "dcjk-keycloak").path("spec"))
                .put("instances", "two"));
        assertCaught(m, Checks.CRD_SCHEMA, "Keycloak/dcjk-keycloak", "instances");
    }

    @Test
    void aLatestImageIsRefused() {
        Manifests m = broken("prod", docs -> container(docs, "accountability-service")
                .put("image", "dcjk/accountability-service:latest"));
        assertCaught(m, Checks.IMAGES, "Deployment/accountability-service", "is :latest");
    }

    @Test
    void aWritableRootFilesystemIsRefused() {
        Manifests m = broken("prod", docs -> ((ObjectNode) container(docs, "gateway").path("securityContext"))
                .put("readOnlyRootFilesystem", false));
        assertCaught(m, Checks.SECURITY_CONTEXT, "Deployment/gateway", "readOnlyRootFilesystem is not true");
    }

    @Test
    void anIngressToAnotherServiceIsRefused() {
        Manifests m = broken("prod", docs -> ((ObjectNode) Manifests.find(docs, "Ingress", "gateway").path("spec")
                .path("rules").get(0).path("http").path("paths").get(0).path("backend").path("service"))
                .put("name", "plans-service"));
        assertCaught(m, Checks.INGRESS, "Ingress/gateway", "routes to plans-service, not to the gateway");
    }

    @Test
    void aCommittedSecretIsRefused() {
        Manifests m = broken("dev", docs -> docs.add(Manifests.JSON.valueToTree(Map.of("apiVersion", "v1", "kind", "Secret",
                "metadata", Map.of("name", "dcjk-db-plans", "namespace", "dcjk-dev"),
                "stringData", Map.of("username", "plans", "password", "plans")))));
        assertCaught(m, Checks.CREDENTIALS, "Secret/dcjk-db-plans", "never committed");
    }

    @Test
    void aSingleReplicaInProdIsRefused() {
        Manifests m = broken("prod", docs -> ((ObjectNode) Manifests.find(docs, "HorizontalPodAutoscaler", "plans-service")
                .path("spec")).put("minReplicas", 1));
        assertCaught(m, Checks.HIGH_AVAILABILITY, "Deployment/plans-service", "may scale to 1 replica(s) in prod");
    }

    @Test
    void aPortOtherThanTheServicesIsRefused() {
        Manifests m = broken("dev", docs -> ((ObjectNode) container(docs, "inspections-service").path("ports").get(0))
                .put("containerPort", 9090));
        assertCaught(m, Checks.PORTS, "Deployment/inspections-service", "8082 of quarkus.http.port");
    }

    @Test
    void aDatabaseOfAnotherServiceIsRefused() {
        Manifests m = broken("prod", docs -> ((ArrayNode) container(docs, "gateway").path("env")).add(Manifests.JSON
                .valueToTree(Map.of("name", "DB_URL", "value", "jdbc:postgresql://dcjk-db-rw:5432/dcjk_plans"))));
        assertCaught(m, Checks.DATABASE, "Deployment/gateway", "connects to dcjk_plans, not to its own database dcjk_gateway");
    }

    @Test
    void missingBackupsInProdAreRefused() {
        Manifests m = broken("prod", docs -> ((ObjectNode) Manifests.find(docs, "Cluster", "dcjk-db").path("spec")).remove("backup"));
        assertCaught(m, Checks.BACKUPS, "Cluster/dcjk-db", "has no backup.barmanObjectStore.destinationPath");
    }
}
