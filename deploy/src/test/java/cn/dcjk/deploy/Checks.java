package cn.dcjk.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named checks of the rendered manifests. {@link #all} runs in the tests on every overlay; each broken
 * variant there asserts the message of the one check that must catch it.
 */
public final class Checks {

    public static final String KNOWN_FIELDS = "known-fields";
    public static final String CRD_SCHEMA = "crd-schema";
    public static final String SERVICE_MONITOR = "service-monitor";
    public static final String PROBES = "probes";
    public static final String RESOURCES = "resources";
    public static final String SECURITY_CONTEXT = "security-context";
    public static final String PORTS = "ports";
    public static final String SERVICE = "service";
    public static final String AUTOSCALER = "autoscaler";
    public static final String DISRUPTION_BUDGET = "disruption-budget";
    public static final String NETWORK_POLICY = "network-policy";
    public static final String DEFAULT_DENY = "default-deny";
    public static final String NETWORK_EDGES = "network-edges";
    public static final String SCHEDULING = "scheduling";
    public static final String HIGH_AVAILABILITY = "high-availability";
    public static final String BACKUPS = "backups";
    public static final String INGRESS = "ingress";
    public static final String IMAGES = "images";
    public static final String SCRAPE = "scrape";
    public static final String CONFIGURATION = "configuration";
    public static final String CREDENTIALS = "credentials";
    public static final String DATABASE = "database";
    public static final String KEYCLOAK = "keycloak";
    public static final String REALM_IMPORT = "realm-import";

    static final String CNPG = "postgresql.cnpg.io";
    static final String KEYCLOAK_GROUP = "k8s.keycloak.org";
    static final String MONITORING = "monitoring.coreos.com";

    private static final Pattern CREDENTIAL_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE_KEY).*");
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([a-z0-9-]+):5432/([a-z0-9_]+)(\\?[^ ]*)?");
    private static final Pattern CREATE_DATABASE = Pattern.compile(
            "(?i)\\s*CREATE\\s+DATABASE\\s+\"?([a-z0-9_]+)\"?\\s+OWNER\\s+\"?([a-z0-9_]+)\"?.*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    private Checks() {
    }

    /** Every check; {@code crds} is null when the CRD files are absent (then custom resources are not schema-checked). */
    public static List<Check> all(Suite suite, CrdSchemas crds) {
        List<Check> checks = new ArrayList<>();
        checks.add(knownFields());
        if (crds != null) {
            checks.add(crdSchema(crds));
        }
        checks.add(serviceMonitor());
        checks.add(probes(suite));
        checks.add(resources());
        checks.add(securityContext());
        checks.add(ports(suite));
        checks.add(service(suite));
        checks.add(autoscaler());
        checks.add(disruptionBudget());
        checks.add(networkPolicy());
        checks.add(defaultDeny());
        checks.add(networkEdges(suite));
        checks.add(scheduling());
        checks.add(highAvailability());
        checks.add(backups());
        checks.add(ingress());
        checks.add(images());
        checks.add(scrape(suite));
        checks.add(configuration(suite));
        checks.add(credentials());
        checks.add(database());
        checks.add(keycloak());
        checks.add(realmImport());
        checks.addAll(OperationsChecks.all());
        return checks;
    }

    /** Runs every check and returns all violations. */
    public static List<Violation> run(List<Check> checks, Manifests manifests) {
        List<Violation> violations = new ArrayList<>();
        for (Check check : checks) {
            violations.addAll(check.run(manifests));
        }
        return violations;
    }

    // --- structure ----------------------------------------------------------------------------------------

    /** No field that the typed models do not know (a typo such as containerz). */
    static Check knownFields() {
        return Check.of(KNOWN_FIELDS, (m, f) -> {
            for (Manifests.Entry entry : m.entries()) {
                for (String path : UnknownFields.of(entry.object())) {
                    f.fail(entry.id(), "unknown field %s", path);
                }
            }
        });
    }

    /** Custom resources match the openAPIV3Schema of a served version of their CRD. */
    static Check crdSchema(CrdSchemas crds) {
        return Check.of(CRD_SCHEMA, (m, f) -> {
            for (Manifests.Entry entry : m.entries()) {
                if (!(entry.object() instanceof GenericKubernetesResource)) {
                    continue;
                }
                String apiVersion = entry.object().getApiVersion();
                String group = Manifests.group(apiVersion);
                if (group.equals(MONITORING)) {
                    continue; // no CRD here: the service-monitor check looks at its structure
                }
                if (!crds.knows(group, entry.kind())) {
                    f.fail(entry.id(), "no CRD for %s %s in shared/k8s-crds", apiVersion, entry.kind());
                    continue;
                }
                Optional<List<String>> problems = crds.validate(entry.document());
                if (problems.isEmpty()) {
                    f.fail(entry.id(), "%s is not a served version of %s (served: %s)", apiVersion, entry.kind(),
                            crds.servedVersions(group, entry.kind()));
                    continue;
                }
                for (String problem : problems.get()) {
                    f.fail(entry.id(), "%s", problem);
                }
            }
        });
    }

    private static final Set<String> SERVICE_MONITOR_SPEC = Set.of("selector", "endpoints", "namespaceSelector",
            "jobLabel", "targetLabels", "podTargetLabels", "sampleLimit", "attachMetadata");
    private static final Set<String> SERVICE_MONITOR_ENDPOINT = Set.of("port", "targetPort", "path", "scheme",
            "interval", "scrapeTimeout", "honorLabels", "honorTimestamps", "relabelings", "metricRelabelings",
            "tlsConfig", "authorization", "params", "followRedirects", "enableHttp2");

    /** ServiceMonitors (no CRD here): known fields, a selector of one of our Services, its port, /q/metrics. */
    static Check serviceMonitor() {
        return Check.of(SERVICE_MONITOR, (m, f) -> {
            List<ObjectNode> monitors = m.custom(MONITORING, "ServiceMonitor");
            for (ObjectNode monitor : monitors) {
                String id = "ServiceMonitor/" + monitor.path("metadata").path("name").asText();
                f.require(monitor.path("apiVersion").asText().equals(MONITORING + "/v1"), id, "apiVersion is not %s/v1",
                        MONITORING);
                unknownKeys(monitor, Set.of("apiVersion", "kind", "metadata", "spec"), "", id, f);
                JsonNode spec = monitor.path("spec");
                unknownKeys(spec, SERVICE_MONITOR_SPEC, "spec.", id, f);
                Map<String, String> selector = strings(spec.path("selector").path("matchLabels"));
                Optional<Service> service = m.all(Service.class).stream()
                        .filter(s -> !selector.isEmpty() && labelsContain(s.getMetadata().getLabels(), selector))
                        .findFirst();
                if (service.isEmpty()) {
                    f.fail(id, "its selector %s matches no Service", selector);
                    continue;
                }
                if (!spec.path("endpoints").isArray() || spec.path("endpoints").isEmpty()) {
                    f.fail(id, "has no endpoints");
                }
                for (JsonNode endpoint : spec.path("endpoints")) {
                    unknownKeys(endpoint, SERVICE_MONITOR_ENDPOINT, "spec.endpoints[].", id, f);
                    String port = endpoint.path("port").asText();
                    f.require(service.get().getSpec().getPorts().stream().anyMatch(p -> port.equals(p.getName())), id,
                            "endpoint port %s is not a port name of Service %s", port,
                            service.get().getMetadata().getName());
                    f.require(Suite.METRICS.equals(endpoint.path("path").asText()), id, "endpoint path is not %s",
                            Suite.METRICS);
                }
            }
            if (m.isProd()) {
                for (Deployment deployment : m.all(Deployment.class)) {
                    boolean monitored = monitors.stream().anyMatch(mon -> m.get(Service.class, deployment.getMetadata().getName())
                            .map(s -> labelsContain(s.getMetadata().getLabels(),
                                    strings(mon.path("spec").path("selector").path("matchLabels"))))
                            .orElse(false));
                    f.require(monitored, id(deployment), "no ServiceMonitor selects its Service");
                }
            }
        });
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String prefix, String id, Check.Findings f) {
        node.fieldNames().forEachRemaining(name -> f.require(known.contains(name), id, "unknown field %s%s", prefix, name));
    }

    // --- the Deployments ----------------------------------------------------------------------------------

    /** Readiness on /q/health/ready, liveness on /q/health/live and a startup probe, on the service's port. */
    static Check probes(Suite suite) {
        return Check.of(PROBES, (m, f) -> {
            for (Deployment deployment : m.all(Deployment.class)) {
                for (Container c : containers(deployment)) {
                    String id = id(deployment) + " container " + c.getName();
                    Integer expected = suite.ports().get(deployment.getMetadata().getName());
                    probe(c, c.getReadinessProbe(), "readiness", Set.of(Suite.HEALTH_READY), expected, id, f);
                    probe(c, c.getLivenessProbe(), "liveness", Set.of(Suite.HEALTH_LIVE), expected, id, f);
                    probe(c, c.getStartupProbe(), "startup",
                            Set.of("/q/health/started", Suite.HEALTH_LIVE, Suite.HEALTH_READY), expected, id, f);
                }
            }
        });
    }

    private static void probe(Container c, Probe probe, String what, Set<String> paths, Integer port, String id,
                              Check.Findings f) {
        if (probe == null || probe.getHttpGet() == null) {
            f.fail(id, "has no %s probe (HTTP GET on %s)", what, String.join(" or ", paths));
            return;
        }
        HTTPGetAction get = probe.getHttpGet();
        f.require(paths.contains(get.getPath()), id, "%s probe is on %s, not on %s", what, get.getPath(),
                String.join(" or ", paths));
        Integer resolved = resolve(get.getPort(), c);
        f.require(resolved != null && (port == null || resolved.equals(port)), id, "%s probe port %s is not the service's port %s",
                what, get.getPort() == null ? null : get.getPort().getValue(), port);
    }

    /** Requests and limits of CPU and memory, requests not above limits. */
    static Check resources() {
        return Check.of(RESOURCES, (m, f) -> {
            for (Deployment deployment : m.all(Deployment.class)) {
                for (Container c : containers(deployment)) {
                    String id = id(deployment) + " container " + c.getName();
                    Map<String, Quantity> requests = c.getResources() == null ? null : c.getResources().getRequests();
                    Map<String, Quantity> limits = c.getResources() == null ? null : c.getResources().getLimits();
                    for (String resource : List.of("cpu", "memory")) {
                        Quantity request = requests == null ? null : requests.get(resource);
                        Quantity limit = limits == null ? null : limits.get(resource);
                        f.require(request != null, id, "has no %s request", resource);
                        f.require(limit != null, id, "has no %s limit", resource);
                        if (request != null && limit != null) {
                            BigDecimal r = Quantity.getAmountInBytes(request);
                            BigDecimal l = Quantity.getAmountInBytes(limit);
                            f.require(r.compareTo(l) <= 0, id, "%s request %s is above its limit %s", resource, request, limit);
                        }
                    }
                }
            }
        });
    }

    /** Non-root, read-only root filesystem with /tmp on an emptyDir, no capabilities, no escalation, RuntimeDefault seccomp, no token. */
    static Check securityContext() {
        return Check.of(SECURITY_CONTEXT, (m, f) -> {
            for (Deployment deployment : m.all(Deployment.class)) {
                String id = id(deployment);
                PodSpec pod = deployment.getSpec().getTemplate().getSpec();
                PodSecurityContext podContext = pod.getSecurityContext();
                f.require(Boolean.FALSE.equals(pod.getAutomountServiceAccountToken()), id,
                        "automountServiceAccountToken is not false");
                f.require(!Boolean.TRUE.equals(pod.getHostNetwork()) && !Boolean.TRUE.equals(pod.getHostPID())
                        && !Boolean.TRUE.equals(pod.getHostIPC()), id, "shares a host namespace");
                Set<String> tmpVolumes = new HashSet<>();
                for (Volume volume : pod.getVolumes() == null ? List.<Volume>of() : pod.getVolumes()) {
                    if (volume.getEmptyDir() != null) {
                        tmpVolumes.add(volume.getName());
                    }
                }
                for (Container c : containers(deployment)) {
                    String cid = id + " container " + c.getName();
                    SecurityContext sc = c.getSecurityContext();
                    boolean nonRoot = (sc != null && Boolean.TRUE.equals(sc.getRunAsNonRoot()))
                            || (podContext != null && Boolean.TRUE.equals(podContext.getRunAsNonRoot())
                            && (sc == null || !Boolean.FALSE.equals(sc.getRunAsNonRoot())));
                    f.require(nonRoot, cid, "runAsNonRoot is not true");
                    f.require(sc != null && Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem()), cid,
                            "readOnlyRootFilesystem is not true");
                    f.require(sc != null && Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation()), cid,
                            "allowPrivilegeEscalation is not false");
                    f.require(sc == null || !Boolean.TRUE.equals(sc.getPrivileged()), cid, "is privileged");
                    f.require(sc != null && sc.getCapabilities() != null && sc.getCapabilities().getDrop() != null
                            && sc.getCapabilities().getDrop().contains("ALL"), cid, "does not drop ALL capabilities");
                    f.require(sc == null || sc.getCapabilities() == null || sc.getCapabilities().getAdd() == null
                            || sc.getCapabilities().getAdd().isEmpty(), cid, "adds capabilities");
                    String seccomp = sc != null && sc.getSeccompProfile() != null ? sc.getSeccompProfile().getType()
                            : podContext != null && podContext.getSeccompProfile() != null
                            ? podContext.getSeccompProfile().getType() : null;
                    f.require("RuntimeDefault".equals(seccomp), cid, "seccompProfile is not RuntimeDefault");
                    boolean tmp = c.getVolumeMounts() != null && c.getVolumeMounts().stream()
                            .anyMatch(v -> "/tmp".equals(v.getMountPath()) && tmpVolumes.contains(v.getName()));
                    f.require(tmp, cid, "has no emptyDir mounted at /tmp");
                    for (VolumeMount mount : c.getVolumeMounts() == null ? List.<VolumeMount>of() : c.getVolumeMounts()) {
                        f.require(!"/".equals(mount.getMountPath()), cid, "mounts a volume over /");
                    }
                }
            }
        });
    }

    /** Exactly the suite's services are deployed, each container port being the service's quarkus.http.port. */
    static Check ports(Suite suite) {
        return Check.of(PORTS, (m, f) -> {
            Set<String> deployed = new HashSet<>();
            for (Deployment deployment : m.all(Deployment.class)) {
                String name = deployment.getMetadata().getName();
                deployed.add(name);
                Integer expected = suite.ports().get(name);
                if (expected == null) {
                    f.fail(id(deployment), "is not one of the suite's services %s", Suite.SERVICES);
                    continue;
                }
                for (Container c : containers(deployment)) {
                    List<ContainerPort> ports = c.getPorts() == null ? List.of() : c.getPorts();
                    f.require(ports.size() == 1 && expected.equals(ports.get(0).getContainerPort())
                                    && "http".equals(ports.get(0).getName()), id(deployment) + " container " + c.getName(),
                            "container ports %s are not the one port http: %d of quarkus.http.port",
                            ports.stream().map(p -> p.getName() + ":" + p.getContainerPort()).toList(), expected);
                }
            }
            for (String service : Suite.SERVICES) {
                f.require(deployed.contains(service), "Deployment/" + service, "is missing");
            }
        });
    }

    /** A Service of the Deployment's name selects its pods and exposes the service's port. */
    static Check service(Suite suite) {
        return Check.of(SERVICE, (m, f) -> {
            for (Deployment deployment : m.all(Deployment.class)) {
                String name = deployment.getMetadata().getName();
                Optional<Service> service = m.get(Service.class, name);
                if (service.isEmpty()) {
                    f.fail(id(deployment), "has no Service named %s", name);
                    continue;
                }
                Map<String, String> selector = service.get().getSpec().getSelector();
                f.require(selector != null && !selector.isEmpty() && labelsContain(podLabels(deployment), selector),
                        id(deployment), "Service %s does not select its pods", name);
                Integer port = suite.ports().get(name);
                if (containers(deployment).isEmpty()) {
                    f.fail(id(deployment), "has no container");
                    continue;
                }
                Container c = containers(deployment).get(0);
                boolean exposed = false;
                for (ServicePort p : service.get().getSpec().getPorts()) {
                    IntOrString target = p.getTargetPort() == null ? new IntOrString(p.getPort()) : p.getTargetPort();
                    Integer resolved = resolve(target, c);
                    if (Objects.equals(p.getPort(), port) && Objects.equals(resolved, port)) {
                        exposed = true;
                    }
                }
                f.require(exposed, id(deployment), "Service %s does not expose port %s to the container's port", name, port);
                f.require(service.get().getSpec().getType() == null || "ClusterIP".equals(service.get().getSpec().getType()),
                        id(deployment), "Service %s is not ClusterIP (only the Ingress exposes the suite)", name);
            }
        });
    }

    /** An autoscaling/v2 HorizontalPodAutoscaler scales each Deployment. */
    static Check autoscaler() {
        return Check.of(AUTOSCALER, (m, f) -> {
            for (Deployment deployment : m.all(Deployment.class)) {
                String name = deployment.getMetadata().getName();
                List<HorizontalPodAutoscaler> hpas = m.all(HorizontalPodAutoscaler.class).stream()
                        .filter(h -> h.getSpec().getScaleTargetRef() != null
                                && "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                                && name.equals(h.getSpec().getScaleTargetRef().getName()))
                        .toList();
                if (hpas.size() != 1) {
                    f.fail(id(deployment), "has %d HorizontalPodAutoscalers, not 1", hpas.size());
                    continue;
                }
                HorizontalPodAutoscaler hpa = hpas.get(0);
                f.require("autoscaling/v2".equals(hpa.getApiVersion()), id(deployment), "its autoscaler is not autoscaling/v2");
                f.require("apps/v1".equals(hpa.getSpec().getScaleTargetRef().getApiVersion()), id(deployment),
                        "its autoscaler's scaleTargetRef.apiVersion is not apps/v1");
                int min = hpa.getSpec().getMinReplicas() == null ? 1 : hpa.getSpec().getMinReplicas();
                f.require(min >= 1 && hpa.getSpec().getMaxReplicas() != null && hpa.getSpec().getMaxReplicas() > min,
                        id(deployment), "its autoscaler's replicas %d..%s leave no room to scale", min,
                        hpa.getSpec().getMaxReplicas());
                f.require(hpa.getSpec().getMetrics() != null && !hpa.getSpec().getMetrics().isEmpty(), id(deployment),
                        "its autoscaler has no metrics");
            }
        });
    }

    /** A PodDisruptionBudget covers each Deployment's pods. */
    static Check disruptionBudget() {
        return Check.of(DISRUPTION_BUDGET, (m, f) -> {
            for (Deployment deployment : m.all(Deployment.class)) {
                List<PodDisruptionBudget> budgets = m.all(PodDisruptionBudget.class).stream()
                        .filter(p -> NetworkEdges.matches(p.getSpec().getSelector(), podLabels(deployment))
                                && !isEmpty(p.getSpec().getSelector()))
                        .toList();
                if (budgets.size() != 1) {
                    f.fail(id(deployment), "is covered by %d PodDisruptionBudgets, not 1", budgets.size());
                    continue;
                }
                var spec = budgets.get(0).getSpec();
                f.require(spec.getMaxUnavailable() != null || spec.getMinAvailable() != null, id(deployment),
                        "its PodDisruptionBudget sets neither maxUnavailable nor minAvailable");
                int replicas = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
                if (spec.getMinAvailable() != null && spec.getMinAvailable().getIntVal() != null) {
                    f.require(spec.getMinAvailable().getIntVal() < replicas, id(deployment),
                            "its PodDisruptionBudget (minAvailable %d of %d replicas) would block every node drain",
                            spec.getMinAvailable().getIntVal(), replicas);
                }
            }
        });
    }

    /** Each Deployment has a NetworkPolicy of its own, for ingress and egress. */
    static Check networkPolicy() {
        return Check.of(NETWORK_POLICY, (m, f) -> {
            for (Deployment deployment : m.all(Deployment.class)) {
                boolean own = m.all(NetworkPolicy.class).stream()
                        .filter(p -> !isEmpty(p.getSpec().getPodSelector()))
                        .filter(p -> NetworkEdges.matches(p.getSpec().getPodSelector(), podLabels(deployment)))
                        .anyMatch(p -> p.getSpec().getPolicyTypes() != null
                                && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")));
                f.require(own, id(deployment), "has no NetworkPolicy of its own (for Ingress and Egress)");
            }
        });
    }

    /** A NetworkPolicy denies all ingress and egress to every pod of the namespace. */
    static Check defaultDeny() {
        return Check.of(DEFAULT_DENY, (m, f) -> {
            boolean deny = m.all(NetworkPolicy.class).stream().anyMatch(p -> isEmpty(p.getSpec().getPodSelector())
                    && p.getSpec().getPolicyTypes() != null
                    && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                    && (p.getSpec().getIngress() == null || p.getSpec().getIngress().isEmpty())
                    && (p.getSpec().getEgress() == null || p.getSpec().getEgress().isEmpty()));
            f.require(deny, "namespace " + m.namespace(), "no default-deny NetworkPolicy (podSelector {}, Ingress and Egress, no rules)");
        });
    }

    /**
     * Exactly the connections the suite needs are open: ingress controller to the gateway, the gateway and
     * the services to whom they call, everyone to PostgreSQL, Keycloak and DNS, Prometheus to the metrics
     * ports; Keycloak, its realm import and the databases their own. Anything else open from or to one of
     * the services (or from the ingress controller) is reported.
     */
    static Check networkEdges(Suite suite) {
        return Check.of(NETWORK_EDGES, (m, f) -> {
            NetworkEdges edges = new NetworkEdges(m);
            Map<String, NetworkEdges.Endpoint> all = edges.endpoints();
            Set<String> required = new LinkedHashSet<>();
            List<String> services = m.all(Deployment.class).stream().map(d -> d.getMetadata().getName()).toList();
            List<String> clusters = m.custom(CNPG, "Cluster").stream().map(c -> c.path("metadata").path("name").asText()).toList();
            List<ObjectNode> keycloaks = m.custom(KEYCLOAK_GROUP, "Keycloak");
            for (String service : services) {
                int port = portOf(all.get(service));
                if (service.equals("gateway")) {
                    required.add(edge(NetworkEdges.INGRESS_CONTROLLER, service, port));
                }
                for (String callee : Suite.CALLS.getOrDefault(service, Set.of())) {
                    if (all.containsKey(callee)) {
                        required.add(edge(service, callee, portOf(all.get(callee))));
                    }
                }
                required.add(edge(NetworkEdges.PROMETHEUS, service, port));
                databaseOf(m, service, "DB_URL").ifPresent(cluster -> required.add(edge(service, cluster, 5432)));
                databaseOf(m, service, "DB_READ_URL").ifPresent(cluster -> required.add(edge(service, cluster, 5432)));
                for (ObjectNode keycloak : keycloaks) {
                    required.add(edge(service, keycloak.path("metadata").path("name").asText(), 8080));
                    required.add(edge(service, keycloak.path("metadata").path("name").asText(), 8443));
                }
            }
            for (ObjectNode keycloak : keycloaks) {
                String name = keycloak.path("metadata").path("name").asText();
                required.add(edge(NetworkEdges.INGRESS_CONTROLLER, name, 8443));
                String host = keycloak.path("spec").path("db").path("host").asText();
                if (host.endsWith("-rw")) {
                    String cluster = host.substring(0, host.length() - 3);
                    required.add(edge(name, cluster, 5432));
                    for (ObjectNode realmImport : m.custom(KEYCLOAK_GROUP, "KeycloakRealmImport")) {
                        required.add(edge(realmImport.path("metadata").path("name").asText() + " (realm import job)",
                                cluster, 5432));
                    }
                }
            }
            for (ObjectNode pooler : m.custom(CNPG, "Pooler")) {
                required.add(edge(pooler.path("metadata").path("name").asText(),
                        pooler.path("spec").path("cluster").path("name").asText(), 5432));
            }
            for (String cluster : clusters) {
                required.add(edge(cluster, cluster, 5432));
                required.add(edge(NetworkEdges.CNPG_OPERATOR, cluster, 8000));
                required.add(edge(cluster, NetworkEdges.WORLD, 443));
            }
            for (String edge : required) {
                String[] parts = edge.split(" -> |:");
                boolean open = edges.allowed(all.get(parts[0]), all.get(parts[1]), Integer.parseInt(parts[2]), "TCP");
                f.require(open, parts[0], "cannot reach %s on port %s, which it needs", parts[1], parts[2]);
            }
            for (NetworkEdges.Endpoint from : all.values()) {
                if (from.inNamespace()) {
                    for (String protocol : List.of("UDP", "TCP")) {
                        f.require(edges.allowed(from, all.get(NetworkEdges.DNS), 53, protocol), from.name(),
                                "cannot reach the cluster DNS on port 53/%s", protocol);
                    }
                }
            }
            Set<String> watched = new HashSet<>(services);
            watched.add(NetworkEdges.INGRESS_CONTROLLER);
            for (NetworkEdges.Endpoint from : all.values()) {
                for (NetworkEdges.Endpoint to : all.values()) {
                    if (!watched.contains(from.name()) && !services.contains(to.name())
                            || !from.inNamespace() && !to.inNamespace()) {
                        continue;
                    }
                    for (int port : new LinkedHashSet<>(to.ports().values())) {
                        if (to.name().equals(NetworkEdges.DNS)) {
                            continue;
                        }
                        if (edges.allowed(from, to, port, "TCP") && !required.contains(edge(from.name(), to.name(), port))) {
                            f.fail(from.name(), "can reach %s on port %d, which nothing needs", to.name(), port);
                        }
                    }
                }
            }
        });
    }

    private static String edge(String from, String to, int port) {
        return from + " -> " + to + ":" + port;
    }

    private static int portOf(NetworkEdges.Endpoint endpoint) {
        return endpoint.ports().values().stream().findFirst().orElse(-1);
    }

    /** The Pooler or CloudNativePG cluster a Deployment's DB_URL (or its DB_READ_URL) points at. */
    private static Optional<String> databaseOf(Manifests m, String deployment, String variable) {
        return m.get(Deployment.class, deployment).filter(d -> !containers(d).isEmpty()).flatMap(d -> {
            Env url = environment(m, d, containers(d).get(0)).get(variable);
            if (url == null || url.value() == null) {
                return Optional.empty();
            }
            Matcher matcher = JDBC_URL.matcher(url.value());
            if (!matcher.matches()) {
                return Optional.empty();
            }
            String host = matcher.group(1);
            return m.custom(CNPG, "Pooler", host).isPresent() ? Optional.of(host)
                    : host.matches(".*-r[wo]?") ? Optional.of(host.replaceFirst("-r[wo]?$", "")) : Optional.empty();
        });
    }

    /** Topology spread constraints are complete and select the Deployment's own pods. */
    static Check scheduling() {
        return Check.of(SCHEDULING, (m, f) -> {
            for (Deployment deployment : m.all(Deployment.class)) {
                List<TopologySpreadConstraint> constraints = deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints();
                for (TopologySpreadConstraint c : constraints == null ? List.<TopologySpreadConstraint>of() : constraints) {
                    f.require(c.getMaxSkew() != null && c.getMaxSkew() >= 1 && c.getTopologyKey() != null
                                    && c.getWhenUnsatisfiable() != null, id(deployment),
                            "a topology spread constraint lacks maxSkew, topologyKey or whenUnsatisfiable");
                    f.require(c.getLabelSelector() != null && !isEmpty(c.getLabelSelector())
                                    && NetworkEdges.matches(c.getLabelSelector(), podLabels(deployment)), id(deployment),
                            "a topology spread constraint does not select its own pods");
                }
            }
        });
    }

    /** prod: two or more replicas never on one node, three PostgreSQL instances, two Keycloak instances. */
    static Check highAvailability() {
        return Check.of(HIGH_AVAILABILITY, (m, f) -> {
            if (!m.isProd()) {
                return;
            }
            for (Deployment deployment : m.all(Deployment.class)) {
                String id = id(deployment);
                if (m.all(HorizontalPodAutoscaler.class).stream()
                        .noneMatch(h -> deployment.getMetadata().getName().equals(h.getSpec().getScaleTargetRef().getName()))) {
                    int replicas = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
                    f.require(replicas >= 2, id, "has %d replicas in prod, fewer than 2", replicas);
                }
                m.all(HorizontalPodAutoscaler.class).stream()
                        .filter(h -> deployment.getMetadata().getName().equals(h.getSpec().getScaleTargetRef().getName()))
                        .forEach(h -> f.require(h.getSpec().getMinReplicas() != null && h.getSpec().getMinReplicas() >= 2,
                                id, "its autoscaler may scale to %s replica(s) in prod", h.getSpec().getMinReplicas()));
                PodSpec pod = deployment.getSpec().getTemplate().getSpec();
                boolean spread = pod.getTopologySpreadConstraints() != null && pod.getTopologySpreadConstraints().stream()
                        .anyMatch(c -> "kubernetes.io/hostname".equals(c.getTopologyKey())
                                && "DoNotSchedule".equals(c.getWhenUnsatisfiable())
                                && NetworkEdges.matches(c.getLabelSelector(), podLabels(deployment)));
                boolean antiAffinity = pod.getAffinity() != null && pod.getAffinity().getPodAntiAffinity() != null
                        && pod.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() != null
                        && pod.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution().stream()
                        .anyMatch(t -> "kubernetes.io/hostname".equals(t.getTopologyKey())
                                && NetworkEdges.matches(t.getLabelSelector(), podLabels(deployment)));
                f.require(spread || antiAffinity, id,
                        "its replicas may share a node (no hostname spread with DoNotSchedule, no required anti-affinity)");
            }
            for (ObjectNode cluster : m.custom(CNPG, "Cluster")) {
                String id = "Cluster/" + cluster.path("metadata").path("name").asText();
                f.require(cluster.path("spec").path("instances").asInt() >= 3, id, "has fewer than 3 instances in prod");
                f.require("required".equals(cluster.path("spec").path("affinity").path("podAntiAffinityType").asText()),
                        id, "its instances may share a node (affinity.podAntiAffinityType is not required)");
            }
            for (ObjectNode keycloak : m.custom(KEYCLOAK_GROUP, "Keycloak")) {
                f.require(keycloak.path("spec").path("instances").asInt(1) >= 2,
                        "Keycloak/" + keycloak.path("metadata").path("name").asText(), "has fewer than 2 instances in prod");
            }
        });
    }

    /** prod: every PostgreSQL cluster archives to an object store with credentials from a Secret and has a ScheduledBackup. */
    static Check backups() {
        return Check.of(BACKUPS, (m, f) -> {
            if (!m.isProd()) {
                return;
            }
            for (ObjectNode cluster : m.custom(CNPG, "Cluster")) {
                String name = cluster.path("metadata").path("name").asText();
                String id = "Cluster/" + name;
                JsonNode store = cluster.path("spec").path("backup").path("barmanObjectStore");
                f.require(!store.path("destinationPath").asText().isBlank(), id, "has no backup.barmanObjectStore.destinationPath");
                JsonNode s3 = store.path("s3Credentials");
                boolean credentials = (!s3.path("accessKeyId").path("name").asText().isBlank()
                        && !s3.path("secretAccessKey").path("name").asText().isBlank())
                        || s3.path("inheritFromIAMRole").asBoolean(false)
                        || store.has("azureCredentials") || store.has("googleCredentials");
                f.require(credentials, id, "its backups have no credentials (a Secret reference)");
                f.require(!cluster.path("spec").path("backup").path("retentionPolicy").asText().isBlank(), id,
                        "its backups have no retentionPolicy");
                boolean scheduled = m.custom(CNPG, "ScheduledBackup").stream()
                        .anyMatch(b -> name.equals(b.path("spec").path("cluster").path("name").asText()));
                f.require(scheduled, id, "no ScheduledBackup backs it up");
            }
        });
    }

    /** Ingresses reach only the gateway, over TLS, and publish only /api/ and Swagger UI. */
    static Check ingress() {
        Set<String> published = Set.of("/api/", "/api", "/q/swagger-ui", "/q/openapi");
        return Check.of(INGRESS, (m, f) -> {
            List<Ingress> ingresses = m.all(Ingress.class);
            f.require(!ingresses.isEmpty(), "Ingress", "none publishes the gateway");
            for (Ingress ingress : ingresses) {
                String id = id(ingress);
                var spec = ingress.getSpec();
                f.require(spec.getIngressClassName() != null, id, "has no ingressClassName");
                List<IngressBackend> backends = new ArrayList<>();
                if (spec.getDefaultBackend() != null) {
                    backends.add(spec.getDefaultBackend());
                }
                Set<String> hosts = new HashSet<>();
                for (IngressRule rule : spec.getRules() == null ? List.<IngressRule>of() : spec.getRules()) {
                    f.require(rule.getHost() != null, id, "a rule has no host");
                    hosts.add(rule.getHost());
                    for (HTTPIngressPath path : rule.getHttp() == null ? List.<HTTPIngressPath>of() : rule.getHttp().getPaths()) {
                        backends.add(path.getBackend());
                        boolean toKeycloak = path.getBackend().getService() != null
                                && keycloakServices(m).contains(path.getBackend().getService().getName());
                        f.require(toKeycloak || published.contains(path.getPath()), id,
                                "publishes %s (only %s may be public)", path.getPath(), published);
                    }
                }
                boolean keycloak = !backends.isEmpty() && backends.stream().allMatch(b -> b.getService() != null
                        && keycloakServices(m).contains(b.getService().getName()));
                for (IngressBackend backend : keycloak ? List.<IngressBackend>of() : backends) {
                    String service = backend.getService() == null ? null : backend.getService().getName();
                    f.require("gateway".equals(service), id, "routes to %s, not to the gateway",
                            service == null ? "a resource backend" : service);
                }
                Set<String> tlsHosts = new HashSet<>();
                for (IngressTLS tls : spec.getTls() == null ? List.<IngressTLS>of() : spec.getTls()) {
                    f.require(tls.getSecretName() != null && !tls.getSecretName().isBlank(), id, "a TLS entry has no secretName");
                    if (tls.getHosts() != null) {
                        tlsHosts.addAll(tls.getHosts());
                    }
                }
                f.require(!hosts.isEmpty() && tlsHosts.containsAll(hosts), id, "hosts %s are not all served over TLS %s",
                        hosts, tlsHosts);
            }
        });
    }

    /** The Services the Keycloak operator creates for each Keycloak (their Ingresses are judged by keycloak-admin). */
    static Set<String> keycloakServices(Manifests m) {
        Set<String> names = new HashSet<>();
        m.custom(KEYCLOAK_GROUP, "Keycloak").forEach(k -> names.add(k.path("metadata").path("name").asText() + "-service"));
        return names;
    }

    /** Every image is pinned by a tag (never latest) or a digest. */
    static Check images() {
        return Check.of(IMAGES, (m, f) -> {
            for (Deployment deployment : m.all(Deployment.class)) {
                PodSpec pod = deployment.getSpec().getTemplate().getSpec();
                List<Container> all = new ArrayList<>(pod.getContainers());
                if (pod.getInitContainers() != null) {
                    all.addAll(pod.getInitContainers());
                }
                for (Container c : all) {
                    image(c.getImage(), id(deployment) + " container " + c.getName(), f);
                }
            }
            // the operators' defaults move with the operator: every image is named and pinned here
            for (ObjectNode keycloak : m.custom(KEYCLOAK_GROUP, "Keycloak")) {
                image(keycloak.path("spec").path("image").asText(null), "Keycloak/" + keycloak.path("metadata").path("name").asText(), f);
            }
            for (ObjectNode cluster : m.custom(CNPG, "Cluster")) {
                image(cluster.path("spec").path("imageName").asText(null), "Cluster/" + cluster.path("metadata").path("name").asText(), f);
            }
            for (ObjectNode pooler : m.custom(CNPG, "Pooler")) {
                image(pooler.path("spec").path("pgbouncer").path("image").asText(null),
                        "Pooler/" + pooler.path("metadata").path("name").asText(), f);
            }
        });
    }

    private static void image(String image, String id, Check.Findings f) {
        if (image == null || image.isBlank()) {
            f.fail(id, "has no image");
            return;
        }
        if (image.contains("@sha256:")) {
            return;
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        if (colon < 0) {
            f.fail(id, "image %s has no tag", image);
        } else if (last.substring(colon + 1).equals("latest")) {
            f.fail(id, "image %s is :latest", image);
        }
    }

    /** Every service is scraped at /q/metrics on its port (annotations for annotation-based Prometheus). */
    static Check scrape(Suite suite) {
        return Check.of(SCRAPE, (m, f) -> {
            for (Deployment deployment : m.all(Deployment.class)) {
                Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
                Map<String, String> a = annotations == null ? Map.of() : annotations;
                Integer port = suite.ports().get(deployment.getMetadata().getName());
                f.require("true".equals(a.get("prometheus.io/scrape")) && Suite.METRICS.equals(a.get("prometheus.io/path"))
                                && String.valueOf(port).equals(a.get("prometheus.io/port")), id(deployment),
                        "pods lack prometheus.io/scrape=true, prometheus.io/path=%s, prometheus.io/port=%s", Suite.METRICS, port);
            }
        });
    }

    // --- configuration ------------------------------------------------------------------------------------

    /** One variable of a container's environment: a literal (possibly from a ConfigMap) or a Secret key. */
    record Env(String value, String secretName, String secretKey, String source) {
    }

    /** A container's environment, envFrom ConfigMaps resolved against the rendered ConfigMaps. */
    static Map<String, Env> environment(Manifests m, Deployment deployment, Container c) {
        Map<String, Env> env = new LinkedHashMap<>();
        for (EnvFromSource from : c.getEnvFrom() == null ? List.<EnvFromSource>of() : c.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                String name = from.getConfigMapRef().getName();
                m.get(ConfigMap.class, name).ifPresent(cm -> {
                    if (cm.getData() != null) {
                        cm.getData().forEach((k, v) -> env.put(k, new Env(v, null, null, "ConfigMap/" + name)));
                    }
                });
            } else if (from.getSecretRef() != null) {
                env.put("*" + from.getSecretRef().getName(), new Env(null, from.getSecretRef().getName(), "*", "envFrom"));
            }
        }
        for (EnvVar var : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
            if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
                env.put(var.getName(), new Env(null, var.getValueFrom().getSecretKeyRef().getName(),
                        var.getValueFrom().getSecretKeyRef().getKey(), "Secret"));
            } else {
                env.put(var.getName(), new Env(var.getValue(), null, null, "env"));
            }
        }
        return env;
    }

    /** The settings the services read: URLs of Keycloak and the callees, JSON logs, OpenTelemetry. */
    static Check configuration(Suite suite) {
        return Check.of(CONFIGURATION, (m, f) -> {
            Set<String> services = new HashSet<>();
            m.all(Service.class).forEach(s -> services.add(s.getMetadata().getName()));
            List<String> keycloaks = m.custom(KEYCLOAK_GROUP, "Keycloak").stream()
                    .map(k -> k.path("metadata").path("name").asText()).toList();
            for (Deployment deployment : m.all(Deployment.class)) {
                String name = deployment.getMetadata().getName();
                String id = id(deployment);
                for (Container c : containers(deployment)) {
                    Map<String, Env> env = environment(m, deployment, c);
                    f.require(value(env, "JSON_LOGS").equals("true"), id, "JSON_LOGS is not true");
                    String oidc = value(env, "OIDC_AUTH_SERVER_URL");
                    boolean internal = keycloaks.stream()
                            .anyMatch(k -> oidc.matches("http://" + Pattern.quote(k) + "-service:8080/realms/" + Suite.REALM));
                    f.require(internal || oidc.matches("https://[^/]+/realms/" + Suite.REALM), id,
                            "OIDC_AUTH_SERVER_URL %s is neither Keycloak's service nor an https URL of realm %s", oidc, Suite.REALM);
                    for (String callee : Suite.CALLS.getOrDefault(name, Set.of())) {
                        String variable = Suite.URL_VARIABLES.get(callee);
                        String expected = "http://" + callee + ":" + suite.port(callee);
                        f.require(expected.equals(value(env, variable)), id, "%s is %s, not %s", variable,
                                value(env, variable), expected);
                        f.require(services.contains(callee), id, "calls %s, which has no Service", callee);
                    }
                    if (name.equals("gateway")) {
                        String cors = value(env, "CORS_ORIGINS");
                        f.require(!cors.isBlank(), id, "CORS_ORIGINS is not set");
                        f.require(!m.isProd() || !cors.contains("localhost") && !cors.contains("127.0.0.1"), id,
                                "CORS_ORIGINS allows a local origin in prod: %s", cors);
                    }
                    if (Suite.SERVICE_CLIENTS.contains(name)) {
                        Env secret = env.get("DCJK_SERVICES_SECRET");
                        f.require(secret != null && secret.secretName() != null, id,
                                "DCJK_SERVICES_SECRET does not come from a Secret");
                    }
                }
            }
        });
    }

    private static String value(Map<String, Env> env, String name) {
        Env e = env.get(name);
        return e == null || e.value() == null ? "" : e.value();
    }

    /** No Secret objects are committed; credentials reach the containers only through secretKeyRef. */
    static Check credentials() {
        return Check.of(CREDENTIALS, (m, f) -> {
            for (Secret secret : m.all(Secret.class)) {
                f.fail(id(secret), "Secrets are created by the operator (deploy/README.md), never committed");
            }
            for (ConfigMap cm : m.all(ConfigMap.class)) {
                if (cm.getData() != null) {
                    cm.getData().keySet().stream().filter(k -> CREDENTIAL_NAME.matcher(k.toUpperCase()).matches())
                            .forEach(k -> f.fail(id(cm), "holds %s, a credential", k));
                }
            }
            for (Deployment deployment : m.all(Deployment.class)) {
                for (Container c : containers(deployment)) {
                    for (EnvVar var : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                        if (CREDENTIAL_NAME.matcher(var.getName()).matches() || var.getName().equals("DB_USER")) {
                            f.require(var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null,
                                    id(deployment), "%s is not taken from a Secret", var.getName());
                        }
                    }
                }
            }
        });
    }

    /**
     * Each service connects through the read-write service of a CloudNativePG cluster to its own database,
     * declared there with its owner, whose password the cluster takes from the same Secret as the service.
     */
    static Check database() {
        return Check.of(DATABASE, (m, f) -> {
            for (Deployment deployment : m.all(Deployment.class)) {
                String name = deployment.getMetadata().getName();
                String id = id(deployment);
                if (containers(deployment).isEmpty()) {
                    f.fail(id, "has no container");
                    continue;
                }
                Map<String, Env> env = environment(m, deployment, containers(deployment).get(0));
                Matcher url = JDBC_URL.matcher(value(env, "DB_URL"));
                if (!url.matches()) {
                    f.fail(id, "DB_URL %s is not jdbc:postgresql://<pooler or cluster-rw>:5432/<database>",
                            value(env, "DB_URL"));
                    continue;
                }
                Optional<ObjectNode> pooler = m.custom(CNPG, "Pooler", url.group(1));
                String clusterName = pooler.map(p -> p.path("spec").path("cluster").path("name").asText())
                        .orElse(url.group(1).replaceFirst("-rw$", ""));
                String database = url.group(2);
                f.require(database.equals(Suite.DATABASES.get(name)), id, "connects to %s, not to its own database %s",
                        database, Suite.DATABASES.get(name));
                Optional<ObjectNode> cluster = m.custom(CNPG, "Cluster", clusterName);
                if (cluster.isEmpty()) {
                    f.fail(id, "DB_URL names the cluster %s, which is not rendered", clusterName);
                    continue;
                }
                Env user = env.get("DB_USER");
                Env password = env.get("DB_PASSWORD");
                if (user == null || password == null || user.secretName() == null || password.secretName() == null) {
                    f.fail(id, "DB_USER and DB_PASSWORD do not come from a Secret");
                    continue;
                }
                f.require(user.secretName().equals(password.secretName()) && "username".equals(user.secretKey())
                                && "password".equals(password.secretKey()), id,
                        "DB_USER and DB_PASSWORD are not the keys username and password of one basic-auth Secret");
                Map<String, String> owners = databases(cluster.get());
                String owner = owners.get(database);
                if (owner == null) {
                    f.fail(id, "its database %s is not created by Cluster %s (bootstrap or postInitSQL)", database, clusterName);
                    continue;
                }
                JsonNode initdb = cluster.get().path("spec").path("bootstrap").path("initdb");
                boolean managed = false;
                for (JsonNode role : cluster.get().path("spec").path("managed").path("roles")) {
                    if (owner.equals(role.path("name").asText())) {
                        managed = role.path("login").asBoolean(false) && !"absent".equals(role.path("ensure").asText())
                                && user.secretName().equals(role.path("passwordSecret").path("name").asText());
                    }
                }
                if (owner.equals(initdb.path("owner").asText())) {
                    f.require(user.secretName().equals(initdb.path("secret").path("name").asText()), id,
                            "Cluster %s bootstraps owner %s from another Secret than %s", clusterName, owner, user.secretName());
                }
                f.require(managed, id, "Cluster %s does not manage role %s (login, passwordSecret %s)", clusterName, owner,
                        user.secretName());
            }
        });
    }

    /** database -> owner, from bootstrap.initdb and the CREATE DATABASE statements of postInitSQL. */
    static Map<String, String> databases(JsonNode cluster) {
        Map<String, String> owners = new LinkedHashMap<>();
        JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");
        if (initdb.has("database")) {
            owners.put(initdb.path("database").asText(), initdb.path("owner").asText(initdb.path("database").asText()));
        }
        for (JsonNode statement : initdb.path("postInitSQL")) {
            Matcher create = CREATE_DATABASE.matcher(statement.asText());
            if (create.matches()) {
                owners.put(create.group(1), create.group(2));
            }
        }
        return owners;
    }

    /** The Keycloak CR: its database cluster, credentials from Secrets, a public https hostname, internal access. */
    static Check keycloak() {
        return Check.of(KEYCLOAK, (m, f) -> {
            List<ObjectNode> keycloaks = m.custom(KEYCLOAK_GROUP, "Keycloak");
            f.require(keycloaks.size() == 1, "Keycloak", "%d Keycloak resources, not 1", keycloaks.size());
            for (ObjectNode keycloak : keycloaks) {
                String id = "Keycloak/" + keycloak.path("metadata").path("name").asText();
                JsonNode spec = keycloak.path("spec");
                String host = spec.path("db").path("host").asText();
                f.require("postgres".equals(spec.path("db").path("vendor").asText()), id, "db.vendor is not postgres");
                f.require(host.endsWith("-rw") && m.custom(CNPG, "Cluster", host.substring(0, Math.max(0, host.length() - 3))).isPresent(),
                        id, "db.host %s is not the read-write service of a rendered CloudNativePG cluster", host);
                for (String secret : List.of("usernameSecret", "passwordSecret")) {
                    f.require(!spec.path("db").path(secret).path("name").asText().isBlank()
                            && !spec.path("db").path(secret).path("key").asText().isBlank(), id, "db.%s is not a Secret key", secret);
                }
                f.require(spec.path("hostname").path("hostname").asText().startsWith("https://"), id,
                        "hostname.hostname is not an https URL");
                f.require(spec.path("hostname").path("backchannelDynamic").asBoolean(false)
                        && spec.path("http").path("httpEnabled").asBoolean(false), id,
                        "the services reach Keycloak inside the cluster over http: needs http.httpEnabled and hostname.backchannelDynamic");
                f.require(!spec.path("proxy").path("headers").asText().isBlank(), id, "proxy.headers is not set behind the ingress");
                f.require(spec.path("resources").path("limits").has("memory") && spec.path("resources").path("requests").has("cpu"),
                        id, "has no resources");
            }
        });
    }

    /** The realm import: realm dcjk, no demo users, no dev-only clients, every ${PLACEHOLDER} from a Secret. */
    static Check realmImport() {
        return Check.of(REALM_IMPORT, (m, f) -> {
            List<ObjectNode> imports = m.custom(KEYCLOAK_GROUP, "KeycloakRealmImport");
            f.require(imports.size() == 1, "KeycloakRealmImport", "%d realm imports, not 1", imports.size());
            for (ObjectNode realmImport : imports) {
                String id = "KeycloakRealmImport/" + realmImport.path("metadata").path("name").asText();
                JsonNode spec = realmImport.path("spec");
                JsonNode realm = spec.path("realm");
                f.require(Suite.REALM.equals(realm.path("realm").asText()), id, "imports realm %s, not %s",
                        realm.path("realm").asText(), Suite.REALM);
                f.require(m.custom(KEYCLOAK_GROUP, "Keycloak", spec.path("keycloakCRName").asText()).isPresent(), id,
                        "keycloakCRName %s names no rendered Keycloak", spec.path("keycloakCRName").asText());
                for (JsonNode user : realm.path("users")) {
                    String username = user.path("username").asText();
                    f.require(username.startsWith("service-account-"), id, "imports the demo user %s", username);
                    f.require(!user.has("credentials"), id, "user %s comes with credentials", username);
                }
                for (JsonNode client : realm.path("clients")) {
                    f.require(!"true".equals(client.path("attributes").path("dcjk.dev-only").asText()), id,
                            "imports the dev-only client %s", client.path("clientId").asText());
                    f.require(!client.path("directAccessGrantsEnabled").asBoolean(false), id,
                            "client %s allows the password grant", client.path("clientId").asText());
                }
                Matcher placeholders = PLACEHOLDER.matcher(realm.toString());
                Set<String> names = new LinkedHashSet<>();
                while (placeholders.find()) {
                    names.add(placeholders.group(1));
                }
                for (String name : names) {
                    JsonNode secret = spec.path("placeholders").path(name).path("secret");
                    f.require(!secret.path("name").asText().isBlank() && !secret.path("key").asText().isBlank(), id,
                            "placeholder ${%s} is not taken from a Secret (spec.placeholders)", name);
                }
            }
        });
    }

    // --- helpers ------------------------------------------------------------------------------------------

    static List<Container> containers(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        return containers == null ? List.of() : containers;
    }

    static Map<String, String> podLabels(Deployment deployment) {
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    static String id(io.fabric8.kubernetes.api.model.HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }

    static boolean isEmpty(io.fabric8.kubernetes.api.model.LabelSelector selector) {
        return selector == null || ((selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty()));
    }

    static boolean labelsContain(Map<String, String> labels, Map<String, String> wanted) {
        if (labels == null) {
            return wanted.isEmpty();
        }
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    /** A port by number or by the container's port name. */
    static Integer resolve(IntOrString port, Container c) {
        if (port == null) {
            return null;
        }
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return c.getPorts() == null ? null : c.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst().orElse(null);
    }
}
