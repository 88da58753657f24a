package cn.dcjk.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static cn.dcjk.deploy.ManifestsTest.assertCaught;
import static cn.dcjk.deploy.ManifestsTest.broken;
import static cn.dcjk.deploy.ManifestsTest.container;
import static cn.dcjk.deploy.ManifestsTest.podSpec;

/**
 * The production-operations checks ({@link OperationsChecks}) each catch their broken variant: a
 * replica count beside an autoscaler, connections past the database, no pre-stop pause, tracing off,
 * Keycloak's admin console on the public host, a baseline namespace, an unpinned PostgreSQL image,
 * an unmonitored cluster, a missing alert.
 */
class OperationsManifestsTest {

    @BeforeAll
    static void render() throws IOException, InterruptedException {
        ManifestsTest.render();
    }

    @Test
    void aReplicaCountBesideTheAutoscalerIsRefused() {
        Manifests m = broken("prod", docs -> Manifests.find(docs, "Deployment", "gateway").with("spec").put("replicas", 2));
        assertCaught(m, OperationsChecks.HPA_OWNS_REPLICAS, "Deployment/gateway", "sets spec.replicas 2");
    }

    @Test
    void connectionsPastTheDatabaseAreRefused() {
        // 4 services x 6 pods x pool 16 = 384 clients against max_client_conn 300
        Manifests clients = broken("prod", docs -> ((ObjectNode) Manifests.find(docs, "Pooler", "dcjk-db-pooler-rw")
                .path("spec").path("pgbouncer").path("parameters")).put("max_client_conn", "300"));
        assertCaught(clients, OperationsChecks.CONNECTION_BUDGET, "Pooler/dcjk-db-pooler-rw",
                "open 384 connections, max_client_conn is 300");
        // 3 PgBouncers x 4 databases x 25 = 300 server connections against 300 - 20
        Manifests servers = broken("prod", docs -> ((ObjectNode) Manifests.find(docs, "Pooler", "dcjk-db-pooler-rw")
                .path("spec")).put("instances", 3));
        assertCaught(servers, OperationsChecks.CONNECTION_BUDGET, "Cluster/dcjk-db", "at most 300 server connections");
    }

    @Test
    void aServiceStraightToTheDatabaseIsRefused() {
        Manifests m = broken("dev", docs -> ((ArrayNode) container(docs, "plans-service").withArray("env"))
                .add(Manifests.JSON.valueToTree(Map.of("name", "DB_URL",
                        "value", "jdbc:postgresql://dcjk-db-rw:5432/dcjk_plans"))));
        assertCaught(m, OperationsChecks.CONNECTION_BUDGET, "Deployment/plans-service",
                "connects to dcjk-db-rw, not through a PgBouncer Pooler");
    }

    @Test
    void readsReachTheReplicasOnlyThroughTheirPooler() {
        // prod as rendered: plans-service's read pool goes to the replicas' PgBouncer, and may reach it
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), OperationsChecks.connectionBudget().run(ManifestsTest.RENDERED.get("prod")));
        Manifests direct = broken("prod", docs -> ((ArrayNode) container(docs, "plans-service").withArray("env"))
                .add(Manifests.JSON.valueToTree(Map.of("name", "DB_READ_URL",
                        "value", "jdbc:postgresql://dcjk-db-ro:5432/dcjk_plans?prepareThreshold=0"))));
        assertCaught(direct, OperationsChecks.CONNECTION_BUDGET, "Deployment/plans-service",
                "DB_READ_URL connects to dcjk-db-ro, not through a PgBouncer Pooler");
        // the replicas' pooler is for reads: writes on it are refused
        Manifests writes = broken("prod", docs -> ((ArrayNode) container(docs, "plans-service").withArray("env"))
                .add(Manifests.JSON.valueToTree(Map.of("name", "DB_URL",
                        "value", "jdbc:postgresql://dcjk-db-pooler-ro:5432/dcjk_plans?prepareThreshold=0"))));
        assertCaught(writes, OperationsChecks.CONNECTION_BUDGET, "Deployment/plans-service",
                "its Pooler dcjk-db-pooler-ro (DB_URL) is not of type rw");
        // 4 replicas' PgBouncers x 4 databases x 25 = 400 server connections on one replica, against 300 - 20
        Manifests replicas = broken("prod", docs -> ((ObjectNode) Manifests.find(docs, "Pooler", "dcjk-db-pooler-ro")
                .path("spec")).put("instances", 4));
        assertCaught(replicas, OperationsChecks.CONNECTION_BUDGET, "Cluster/dcjk-db", "at most 400 server connections on a replica");
    }

    @Test
    void aSessionModePoolerIsRefused() {
        Manifests m = broken("prod", docs -> ((ObjectNode) Manifests.find(docs, "Pooler", "dcjk-db-pooler-rw")
                .path("spec").path("pgbouncer")).put("poolMode", "session"));
        assertCaught(m, OperationsChecks.CONNECTION_BUDGET, "Deployment/gateway", "is not in transaction mode");
    }

    @Test
    void keycloaksUnboundedPoolIsRefused() {
        Manifests m = broken("prod", docs -> ((ObjectNode) Manifests.find(docs, "Keycloak", "dcjk-keycloak")
                .path("spec").path("db")).remove("poolMaxSize"));
        assertCaught(m, OperationsChecks.CONNECTION_BUDGET, "Keycloak/dcjk-keycloak", "db.poolMaxSize is not set");
    }

    @Test
    void noPreStopPauseIsRefused() {
        Manifests m = broken("prod", docs -> container(docs, "inspections-service").remove("lifecycle"));
        assertCaught(m, OperationsChecks.GRACEFUL_SHUTDOWN, "Deployment/inspections-service", "has no pre-stop pause");
        Manifests shortGrace = broken("dev", docs -> podSpec(docs, "gateway").put("terminationGracePeriodSeconds", 10));
        assertCaught(shortGrace, OperationsChecks.GRACEFUL_SHUTDOWN, "Deployment/gateway",
                "terminationGracePeriodSeconds 10 is shorter than pre-stop 5 + delay 5 + timeout 20");
    }

    @Test
    void tracingOffIsRefused() {
        Manifests m = broken("prod", docs -> ((ObjectNode) Manifests.find(docs, "ConfigMap",
                commonConfigMap(docs)).path("data")).put("OTEL_SDK_DISABLED", "true"));
        assertCaught(m, OperationsChecks.TRACING, "Deployment/accountability-service", "tracing is off");
    }

    @Test
    void theAdminConsoleOnThePublicHostIsRefused() {
        Manifests operatorIngress = broken("prod", docs -> ((ObjectNode) Manifests.find(docs, "Keycloak", "dcjk-keycloak")
                .path("spec").path("ingress")).put("enabled", true));
        assertCaught(operatorIngress, OperationsChecks.KEYCLOAK_ADMIN, "Keycloak/dcjk-keycloak", "publishes /admin");
        Manifests publicAdmin = broken("prod", docs -> ((ArrayNode) Manifests.find(docs, "Ingress", "keycloak")
                .path("spec").path("rules").get(0).path("http").path("paths")).add(Manifests.JSON.valueToTree(Map.of(
                "path", "/admin/", "pathType", "Prefix", "backend", Map.of("service",
                        Map.of("name", "dcjk-keycloak-service", "port", Map.of("number", 8443)))))));
        assertCaught(publicAdmin, OperationsChecks.KEYCLOAK_ADMIN, "Ingress/keycloak",
                "publishes Keycloak's /admin/ on auth.dcjk.example through a public class");
        Manifests sameHost = broken("dev", docs -> ((ObjectNode) Manifests.find(docs, "Keycloak", "dcjk-keycloak")
                .path("spec").path("hostname")).put("admin", "https://auth.dev.dcjk.example"));
        assertCaught(sameHost, OperationsChecks.KEYCLOAK_ADMIN, "Keycloak/dcjk-keycloak", "hostname.admin is not an https URL of its own");
    }

    @Test
    void aBaselineNamespaceIsRefused() {
        Manifests m = broken("prod", docs -> ((ObjectNode) Manifests.find(docs, "Namespace", "dcjk").path("metadata")
                .path("labels")).put("pod-security.kubernetes.io/enforce", "baseline"));
        assertCaught(m, OperationsChecks.POD_SECURITY, "Namespace/dcjk", "enforces baseline, not restricted");
    }

    @Test
    void anUnpinnedPostgresqlImageIsRefused() {
        Manifests m = broken("prod", docs -> ((ObjectNode) Manifests.find(docs, "Cluster", "dcjk-db").path("spec"))
                .remove("imageName"));
        assertCaught(m, Checks.IMAGES, "Cluster/dcjk-db", "has no image");
        Manifests latest = broken("dev", docs -> ((ObjectNode) Manifests.find(docs, "Pooler", "dcjk-db-pooler-rw")
                .path("spec").path("pgbouncer")).put("image", "cloudnative-pg/pgbouncer:latest"));
        assertCaught(latest, Checks.IMAGES, "Pooler/dcjk-db-pooler-rw", "is :latest");
    }

    @Test
    void anUnmonitoredClusterOrAMissingAlertIsRefused() {
        Manifests m = broken("prod", docs -> docs.remove(Manifests.find(docs, "PodMonitor", "dcjk-keycloak-db")));
        assertCaught(m, OperationsChecks.MONITORING, "Cluster/dcjk-keycloak-db", "no PodMonitor scrapes its metrics port");
        Manifests noAlert = broken("prod", docs -> {
            for (var group : Manifests.find(docs, "PrometheusRule", "dcjk").path("spec").path("groups")) {
                ArrayNode rules = (ArrayNode) group.path("rules");
                for (int i = rules.size() - 1; i >= 0; i--) {
                    if ("DcjkBreakerOpen".equals(rules.get(i).path("alert").asText())) {
                        rules.remove(i);
                    }
                }
            }
        });
        assertCaught(noAlert, OperationsChecks.MONITORING, "PrometheusRule", "no alert DcjkBreakerOpen on dcjk_gateway_breaker_open");
    }

    static String commonConfigMap(List<ObjectNode> docs) {
        return docs.stream().filter(d -> "ConfigMap".equals(d.path("kind").asText())
                        && d.path("metadata").path("name").asText().startsWith("dcjk-common"))
                .map(d -> d.path("metadata").path("name").asText()).findFirst().orElseThrow();
    }
}
