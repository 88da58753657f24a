package cn.dcjk.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What running the suite in production needs beyond its shape: the autoscaler alone sets the replica
 * count; every connection at the autoscalers' maximum fits the database behind PgBouncer; rollouts
 * drain; tracing is on; the Keycloak admin console stays internal; the namespace enforces the
 * restricted pod security level; PostgreSQL and PgBouncer are monitored and the alerts and the
 * dashboard watch the series the services export.
 */
final class OperationsChecks {

    static final String HPA_OWNS_REPLICAS = "hpa-owns-replicas";
    static final String CONNECTION_BUDGET = "connection-budget";
    static final String GRACEFUL_SHUTDOWN = "graceful-shutdown";
    static final String TRACING = "tracing";
    static final String KEYCLOAK_ADMIN = "keycloak-admin";
    static final String POD_SECURITY = "pod-security";
    static final String MONITORING = "monitoring";

    /** Room left on each PostgreSQL for the superuser, the operator, replication and an operator's psql. */
    static final int DATABASE_HEADROOM = 20;
    /** PostgreSQL's max_connections when a cluster does not set it. */
    static final int DEFAULT_MAX_CONNECTIONS = 100;
    /** The alerts deploy/README.md documents, and a series each must watch. */
    static final Map<String, String> ALERTS = Map.of(
            "DcjkOutboxStuck", "dcjk_outbox_oldest_pending_age_seconds",
            "DcjkOutboxSetAside", "dcjk_outbox_set_aside",
            "DcjkDenySpike", "dcjk_gateway_decisions_total{outcome=\"deny\"}",
            "Dcjk5xxRatio", "http_server_requests_seconds_count{status=~\"5..\"}",
            "DcjkBreakerOpen", "dcjk_gateway_breaker_open",
            "DcjkDatabaseDown", "cnpg_collector_up",
            "DcjkBackupTooOld", "cnpg_collector_last_available_backup_timestamp");
    /** Series the dashboard must show. */
    static final List<String> DASHBOARD_SERIES = List.of("http_server_requests_seconds_count",
            "dcjk_gateway_decisions_total", "dcjk_gateway_breaker_open", "dcjk_rule_findings_total",
            "dcjk_outbox_pending", "dcjk_outbox_oldest_pending_age_seconds", "dcjk_outbox_delivered_total",
            "dcjk_outbox_failed_total", "dcjk_findings_overdue", "dcjk_complaints_overdue", "dcjk_plan_approvals",
            "cnpg_collector_up", "cnpg_pgbouncer_pools_cl_waiting");

    private static final Pattern DB_URL = Pattern.compile("jdbc:postgresql://([a-z0-9-]+):5432/([a-z0-9_]+)(\\?.*)?");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

    private OperationsChecks() {
    }

    static List<Check> all() {
        return List.of(hpaOwnsReplicas(), connectionBudget(), gracefulShutdown(), tracing(), keycloakAdmin(),
                podSecurity(), monitoring());
    }

    /** A Deployment an autoscaler scales sets no spec.replicas (an apply would reset what the autoscaler chose). */
    static Check hpaOwnsReplicas() {
        return Check.of(HPA_OWNS_REPLICAS, (m, f) -> {
            for (Deployment d : m.all(Deployment.class)) {
                if (hpa(m, d.getMetadata().getName()).isPresent()) {
                    f.require(d.getSpec().getReplicas() == null, Checks.id(d),
                            "sets spec.replicas %s although its HorizontalPodAutoscaler owns the count",
                            d.getSpec().getReplicas());
                }
            }
        });
    }

    /**
     * Each service reaches its database through a PgBouncer Pooler in transaction mode (prepareThreshold=0);
     * at every autoscaler's maximum the services' JDBC pools fit the pooler's max_client_conn, and the
     * pooler's server connections, with Keycloak's pool, fit each cluster's max_connections.
     */
    static Check connectionBudget() {
        return Check.of(CONNECTION_BUDGET, (m, f) -> {
            Map<String, Integer> clients = new HashMap<>();
            for (Deployment d : m.all(Deployment.class)) {
                String id = Checks.id(d);
                List<Container> containers = Checks.containers(d);
                if (containers.isEmpty()) {
                    continue;
                }
                Map<String, Checks.Env> env = Checks.environment(m, d, containers.get(0));
                int max = hpa(m, d.getMetadata().getName()).map(h -> h.getSpec().getMaxReplicas()).orElse(1);
                // the primary pool, and the optional read pool (DB_READ_URL: replicas, or the primary's pooler)
                pool(m, f, id, env, "DB_URL", "QUARKUS_DATASOURCE_JDBC_MAX_SIZE", 30, Set.of("rw"), max, clients);
                pool(m, f, id, env, "DB_READ_URL", "QUARKUS_DATASOURCE_READS_JDBC_MAX_SIZE", 10, Set.of("rw", "ro"), max, clients);
            }
            for (ObjectNode pooler : m.custom(Checks.CNPG, "Pooler")) {
                String name = pooler.path("metadata").path("name").asText();
                JsonNode params = pooler.path("spec").path("pgbouncer").path("parameters");
                int maxClients = params.path("max_client_conn").asInt(100);
                int want = clients.getOrDefault(name, 0);
                f.require(want <= maxClients, "Pooler/" + name,
                        "the services at their autoscalers' maximum open %d connections, max_client_conn is %d", want, maxClients);
            }
            for (ObjectNode cluster : m.custom(Checks.CNPG, "Cluster")) {
                String name = cluster.path("metadata").path("name").asText();
                int maxConnections = cluster.path("spec").path("postgresql").path("parameters").path("max_connections")
                        .asInt(DEFAULT_MAX_CONNECTIONS);
                int servers = 0;
                int replicaServers = 0;
                int databases = Math.max(1, Checks.databases(cluster).size());
                for (ObjectNode pooler : m.custom(Checks.CNPG, "Pooler")) {
                    if (name.equals(pooler.path("spec").path("cluster").path("name").asText())) {
                        JsonNode params = pooler.path("spec").path("pgbouncer").path("parameters");
                        int n = pooler.path("spec").path("instances").asInt(1) * databases
                                * (params.path("default_pool_size").asInt(20) + params.path("reserve_pool_size").asInt(0));
                        // a ro pooler's connections land on the replicas (all on one of them, at worst), never on the primary
                        if ("ro".equals(pooler.path("spec").path("type").asText("rw"))) {
                            replicaServers += n;
                        } else {
                            servers += n;
                        }
                    }
                }
                for (ObjectNode keycloak : m.custom(Checks.KEYCLOAK_GROUP, "Keycloak")) {
                    JsonNode db = keycloak.path("spec").path("db");
                    if ((name + "-rw").equals(db.path("host").asText())) {
                        if (!db.has("poolMaxSize")) {
                            f.fail("Keycloak/" + keycloak.path("metadata").path("name").asText(),
                                    "db.poolMaxSize is not set: its connections are not bounded");
                        }
                        servers += keycloak.path("spec").path("instances").asInt(1) * db.path("poolMaxSize").asInt(100);
                    }
                }
                f.require(servers <= maxConnections - DATABASE_HEADROOM, "Cluster/" + name,
                        "at most %d server connections, more than max_connections %d less %d kept free", servers,
                        maxConnections, DATABASE_HEADROOM);
                f.require(replicaServers <= maxConnections - DATABASE_HEADROOM, "Cluster/" + name,
                        "at most %d server connections on a replica, more than max_connections %d less %d kept free",
                        replicaServers, maxConnections, DATABASE_HEADROOM);
            }
        });
    }

    /** One JDBC pool of a Deployment: through a Pooler of an allowed type, in transaction mode, counted against it. */
    private static void pool(Manifests m, Check.Findings f, String id, Map<String, Checks.Env> env, String variable,
            String sizeVariable, int defaultSize, Set<String> types, int replicas, Map<String, Integer> clients) {
        Checks.Env url = env.get(variable);
        if (url == null || url.value() == null) {
            return;
        }
        Matcher match = DB_URL.matcher(url.value());
        if (!match.matches()) {
            f.fail(id, "%s %s is not jdbc:postgresql://<pooler>:5432/<database>", variable, url.value());
            return;
        }
        Optional<ObjectNode> pooler = m.custom(Checks.CNPG, "Pooler", match.group(1));
        if (pooler.isEmpty()) {
            f.fail(id, "%s connects to %s, not through a PgBouncer Pooler", variable, match.group(1));
            return;
        }
        JsonNode spec = pooler.get().path("spec");
        f.require("transaction".equals(spec.path("pgbouncer").path("poolMode").asText()), id,
                "its Pooler %s is not in transaction mode", match.group(1));
        f.require(types.contains(spec.path("type").asText("rw")), id, "its Pooler %s (%s) is not of type %s",
                match.group(1), variable, String.join(" or ", new java.util.TreeSet<>(types)));
        f.require(match.group(3) != null && match.group(3).contains("prepareThreshold=0"), id,
                "%s does not set prepareThreshold=0 (named statements break transaction pooling)", variable);
        int pool = Integer.parseInt(env.containsKey(sizeVariable) ? env.get(sizeVariable).value() : String.valueOf(defaultSize));
        clients.merge(match.group(1), pool * replicas, Integer::sum);
    }

    /**
     * Rollouts cut no request: a pre-stop pause, and a grace period covering it, Quarkus's readiness-down
     * delay and its shutdown timeout.
     */
    static Check gracefulShutdown() {
        return Check.of(GRACEFUL_SHUTDOWN, (m, f) -> {
            for (Deployment d : m.all(Deployment.class)) {
                String id = Checks.id(d);
                for (Container c : Checks.containers(d)) {
                    long preStop = 0;
                    if (c.getLifecycle() != null && c.getLifecycle().getPreStop() != null) {
                        var hook = c.getLifecycle().getPreStop();
                        if (hook.getSleep() != null && hook.getSleep().getSeconds() != null) {
                            preStop = hook.getSleep().getSeconds();
                        }
                    }
                    f.require(preStop >= 3, id, "has no pre-stop pause of 3 s or more (endpoints lag behind SIGTERM)");
                    Map<String, Checks.Env> env = Checks.environment(m, d, c);
                    long delay = seconds(env, "SHUTDOWN_DELAY", 5);
                    long timeout = seconds(env, "SHUTDOWN_TIMEOUT", 20);
                    f.require(delay >= 1, id, "SHUTDOWN_DELAY is under a second: readiness would not turn DOWN first");
                    long grace = d.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds() == null ? 30
                            : d.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
                    f.require(grace >= preStop + delay + timeout, id,
                            "terminationGracePeriodSeconds %d is shorter than pre-stop %d + delay %d + timeout %d", grace,
                            preStop, delay, timeout);
                }
            }
        });
    }

    /** OpenTelemetry on, exporting to a configured OTLP endpoint. */
    static Check tracing() {
        return Check.of(TRACING, (m, f) -> {
            for (Deployment d : m.all(Deployment.class)) {
                for (Container c : Checks.containers(d)) {
                    Map<String, Checks.Env> env = Checks.environment(m, d, c);
                    f.require(env.containsKey("OTEL_SDK_DISABLED") && "false".equals(env.get("OTEL_SDK_DISABLED").value()),
                            Checks.id(d), "tracing is off (OTEL_SDK_DISABLED is not false)");
                    Checks.Env endpoint = env.get("OTEL_EXPORTER_OTLP_ENDPOINT");
                    f.require(endpoint != null && endpoint.value() != null && endpoint.value().matches("https?://.+"),
                            Checks.id(d), "OTEL_EXPORTER_OTLP_ENDPOINT is not set");
                    f.require(!env.containsKey("OTEL_DISABLED"), Checks.id(d), "sets OTEL_DISABLED, which nothing reads");
                }
            }
        });
    }

    /**
     * Keycloak's admin console only on an internal host: hostname.admin is set and differs from the public
     * host, the operator's own Ingress (which publishes every path) is off, no Ingress of a public class
     * publishes /admin, and the admin host is published only through an internal class.
     */
    static Check keycloakAdmin() {
        return Check.of(KEYCLOAK_ADMIN, (m, f) -> {
            for (ObjectNode keycloak : m.custom(Checks.KEYCLOAK_GROUP, "Keycloak")) {
                String id = "Keycloak/" + keycloak.path("metadata").path("name").asText();
                JsonNode hostname = keycloak.path("spec").path("hostname");
                String admin = host(hostname.path("admin").asText());
                String pub = host(hostname.path("hostname").asText());
                f.require(hostname.path("admin").asText().startsWith("https://") && !admin.equals(pub), id,
                        "hostname.admin is not an https URL of its own (the admin console would share the public host)");
                f.require(!keycloak.path("spec").path("ingress").path("enabled").asBoolean(true), id,
                        "the operator's Ingress is on: it publishes /admin on the public host");
                String service = keycloak.path("metadata").path("name").asText() + "-service";
                for (Ingress ingress : m.all(Ingress.class)) {
                    boolean internal = ingress.getSpec().getIngressClassName() != null
                            && ingress.getSpec().getIngressClassName().contains("internal");
                    for (IngressRule rule : ingress.getSpec().getRules() == null ? List.<IngressRule>of()
                            : ingress.getSpec().getRules()) {
                        for (HTTPIngressPath path : rule.getHttp() == null ? List.<HTTPIngressPath>of()
                                : rule.getHttp().getPaths()) {
                            boolean toKeycloak = path.getBackend().getService() != null
                                    && service.equals(path.getBackend().getService().getName());
                            if (!toKeycloak) {
                                continue;
                            }
                            f.require(internal || !path.getPath().startsWith("/admin") && path.getPath().length() > 1,
                                    Checks.id(ingress), "publishes Keycloak's %s on %s through a public class",
                                    path.getPath(), rule.getHost());
                            f.require(!admin.equals(rule.getHost()) || internal, Checks.id(ingress),
                                    "publishes the admin host %s through a public class", rule.getHost());
                            f.require(internal ? admin.equals(rule.getHost()) : pub.equals(rule.getHost()),
                                    Checks.id(ingress), "publishes Keycloak on %s, which is not its %s host",
                                    rule.getHost(), internal ? "admin" : "public");
                        }
                    }
                }
            }
        });
    }

    /** The namespace enforces the restricted pod security level (every pod of the suite meets it). */
    static Check podSecurity() {
        return Check.of(POD_SECURITY, (m, f) -> {
            List<Namespace> namespaces = m.all(Namespace.class);
            f.require(!namespaces.isEmpty(), "namespace " + m.namespace(), "the overlay renders no Namespace");
            for (Namespace ns : namespaces) {
                Map<String, String> labels = ns.getMetadata().getLabels() == null ? Map.of() : ns.getMetadata().getLabels();
                f.require("restricted".equals(labels.get("pod-security.kubernetes.io/enforce")), Checks.id(ns),
                        "enforces %s, not restricted", labels.get("pod-security.kubernetes.io/enforce"));
            }
        });
    }

    /**
     * prod: a PodMonitor for every PostgreSQL cluster and Pooler; the PrometheusRule has the documented
     * alerts on the series they watch; the dashboard ConfigMap is valid JSON showing the suite's series.
     */
    static Check monitoring() {
        return Check.of(MONITORING, (m, f) -> {
            if (!m.isProd()) {
                return;
            }
            List<ObjectNode> podMonitors = m.custom(Checks.MONITORING, "PodMonitor");
            for (String kind : List.of("Cluster", "Pooler")) {
                String label = kind.equals("Cluster") ? "cnpg.io/cluster" : "cnpg.io/poolerName";
                for (ObjectNode target : m.custom(Checks.CNPG, kind)) {
                    String name = target.path("metadata").path("name").asText();
                    boolean watched = podMonitors.stream().anyMatch(pm ->
                            name.equals(pm.path("spec").path("selector").path("matchLabels").path(label).asText())
                                    && pm.path("spec").path("podMetricsEndpoints").toString().contains("\"metrics\""));
                    f.require(watched, kind + "/" + name, "no PodMonitor scrapes its metrics port");
                }
            }
            Map<String, String> alerts = new HashMap<>();
            for (ObjectNode rule : m.custom(Checks.MONITORING, "PrometheusRule")) {
                for (JsonNode group : rule.path("spec").path("groups")) {
                    for (JsonNode r : group.path("rules")) {
                        if (r.has("alert")) {
                            alerts.merge(r.path("alert").asText(), r.path("expr").asText(), (a, b) -> a + "\n" + b);
                            f.require(!r.path("annotations").path("runbook").asText().isBlank()
                                            && !r.path("labels").path("severity").asText().isBlank(),
                                    "PrometheusRule/" + rule.path("metadata").path("name").asText(),
                                    "alert %s has no severity or runbook", r.path("alert").asText());
                        }
                    }
                }
            }
            ALERTS.forEach((alert, series) -> f.require(alerts.containsKey(alert)
                            && alerts.get(alert).replace(" ", "").contains(series.replace(" ", "")),
                    "PrometheusRule", "no alert %s on %s", alert, series));
            List<ConfigMap> dashboards = m.all(ConfigMap.class).stream().filter(c -> c.getMetadata().getLabels() != null
                    && "1".equals(c.getMetadata().getLabels().get("grafana_dashboard"))).toList();
            f.require(!dashboards.isEmpty(), "ConfigMap", "no Grafana dashboard (label grafana_dashboard=1)");
            for (ConfigMap cm : dashboards) {
                for (Map.Entry<String, String> e : cm.getData().entrySet()) {
                    JsonNode dashboard;
                    try {
                        dashboard = Manifests.JSON.readTree(e.getValue());
                    } catch (Exception ex) {
                        f.fail(Checks.id(cm), "%s is not JSON: %s", e.getKey(), ex.getMessage());
                        continue;
                    }
                    List<String> exprs = new ArrayList<>();
                    dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
                    for (String series : DASHBOARD_SERIES) {
                        f.require(exprs.stream().anyMatch(x -> x.contains(series)), Checks.id(cm),
                                "the dashboard %s shows no %s", e.getKey(), series);
                    }
                }
            }
        });
    }

    private static Optional<HorizontalPodAutoscaler> hpa(Manifests m, String deployment) {
        return m.all(HorizontalPodAutoscaler.class).stream()
                .filter(h -> h.getSpec().getScaleTargetRef() != null
                        && "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                        && deployment.equals(h.getSpec().getScaleTargetRef().getName()))
                .findFirst();
    }

    private static long seconds(Map<String, Checks.Env> env, String name, long fallback) {
        Checks.Env e = env.get(name);
        if (e == null || e.value() == null) {
            return fallback;
        }
        Matcher match = DURATION.matcher(e.value().trim());
        if (!match.matches()) {
            return fallback;
        }
        long n = Long.parseLong(match.group(1));
        String unit = match.group(2) == null ? "s" : match.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n).toSeconds();
            case "m" -> n * 60;
            default -> n;
        };
    }

    private static String host(String url) {
        return url.replaceFirst("^https?://", "").replaceFirst("/.*$", "");
    }

    static Set<String> names() {
        return Set.of(HPA_OWNS_REPLICAS, CONNECTION_BUDGET, GRACEFUL_SHUTDOWN, TRACING, KEYCLOAK_ADMIN, POD_SECURITY,
                MONITORING);
    }
}
