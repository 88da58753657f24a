package cn.dcjk.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * What the manifests must agree with: the services and their ports (read from each service's
 * application.properties), who calls whom, the databases, and the cluster conventions the
 * NetworkPolicies assume (deploy/README.md tells operators how to adjust them).
 */
public record Suite(Map<String, Integer> ports) {

    public static final List<String> SERVICES =
            List.of("gateway", "plans-service", "inspections-service", "accountability-service");

    /** Who calls whom inside the cluster (besides the ingress controller calling the gateway). */
    public static final Map<String, Set<String>> CALLS = Map.of(
            "gateway", Set.of("plans-service", "inspections-service", "accountability-service"),
            "plans-service", Set.of(),
            "inspections-service", Set.of("plans-service", "accountability-service"),
            "accountability-service", Set.of("plans-service", "inspections-service"));

    /** The environment variable that carries a callee's base URL. */
    public static final Map<String, String> URL_VARIABLES = Map.of(
            "plans-service", "PLANS_URL",
            "inspections-service", "INSPECTIONS_URL",
            "accountability-service", "ACCOUNTABILITY_URL");

    /** Each service's own database. */
    public static final Map<String, String> DATABASES = Map.of(
            "gateway", "dcjk_gateway",
            "plans-service", "dcjk_plans",
            "inspections-service", "dcjk_inspections",
            "accountability-service", "dcjk_accountability");

    /** The services that deliver to each other with the dcjk-services client (commons-data's OIDC client). */
    public static final Set<String> SERVICE_CLIENTS =
            Set.of("plans-service", "inspections-service", "accountability-service");

    public static final String REALM = "dcjk";
    public static final String HEALTH_READY = "/q/health/ready";
    public static final String HEALTH_LIVE = "/q/health/live";
    public static final String METRICS = "/q/metrics";

    /** Peers outside the suite's namespace, as the NetworkPolicies name them. */
    public static final String INGRESS_NAMESPACE = "ingress-nginx";
    public static final Map<String, String> INGRESS_POD_LABELS = Map.of("app.kubernetes.io/name", "ingress-nginx");
    public static final String MONITORING_NAMESPACE = "monitoring";
    public static final Map<String, String> PROMETHEUS_POD_LABELS = Map.of("app.kubernetes.io/name", "prometheus");
    public static final String CNPG_NAMESPACE = "cnpg-system";
    public static final Map<String, String> CNPG_OPERATOR_LABELS = Map.of("app.kubernetes.io/name", "cloudnative-pg");
    public static final Map<String, String> DNS_POD_LABELS = Map.of("k8s-app", "kube-dns");

    /** Reads quarkus.http.port of every service from {@code <repo>/<service>/src/main/resources/application.properties}. */
    public static Suite read(Path repositoryRoot) throws IOException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Path file = repositoryRoot.resolve(service).resolve("src/main/resources/application.properties");
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            String port = properties.getProperty("quarkus.http.port");
            if (port == null) {
                throw new IllegalStateException(file + " sets no quarkus.http.port");
            }
            ports.put(service, Integer.parseInt(port.trim()));
        }
        return new Suite(Map.copyOf(ports));
    }

    public int port(String service) {
        Integer port = ports.get(service);
        if (port == null) {
            throw new IllegalArgumentException("not a service of the suite: " + service);
        }
        return port;
    }
}
