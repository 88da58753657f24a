package cn.dcjk.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates the NetworkPolicies of an overlay the way a CNI does for the peers the suite has: a connection
 * from A to B on a port is open when A may send it (no policy isolates A for egress, or one allows it)
 * and B may receive it (likewise for ingress).
 */
public final class NetworkEdges {

    /** A set of pods: in the overlay's namespace, in another namespace, or the world outside the cluster (ipBlock). */
    public record Endpoint(String name, boolean inNamespace, Map<String, String> namespaceLabels,
                           Map<String, String> labels, Map<String, Integer> ports, boolean world) {

        @Override
        public String toString() {
            return name;
        }
    }

    public static final String WORLD = "outside the cluster";
    public static final String INGRESS_CONTROLLER = "ingress controller";
    public static final String PROMETHEUS = "Prometheus";
    public static final String CNPG_OPERATOR = "CloudNativePG operator";
    public static final String DNS = "cluster DNS";

    private final List<NetworkPolicy> policies;
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();

    public NetworkEdges(Manifests manifests) {
        this.policies = manifests.all(NetworkPolicy.class);
        Map<String, String> own = Map.of("kubernetes.io/metadata.name", manifests.namespace());
        for (Deployment deployment : manifests.all(Deployment.class)) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                for (ContainerPort port : container.getPorts() == null ? List.<ContainerPort>of() : container.getPorts()) {
                    ports.put(port.getName() == null ? String.valueOf(port.getContainerPort()) : port.getName(),
                            port.getContainerPort());
                }
            }
            add(new Endpoint(deployment.getMetadata().getName(), true, own,
                    labels(deployment.getSpec().getTemplate().getMetadata().getLabels()), ports, false));
        }
        for (ObjectNode cluster : manifests.custom("postgresql.cnpg.io", "Cluster")) {
            String name = cluster.path("metadata").path("name").asText();
            add(new Endpoint(name, true, own, Map.of("cnpg.io/cluster", name, "cnpg.io/podRole", "instance"),
                    Map.of("postgresql", 5432, "status", 8000, "metrics", 9187), false));
        }
        for (ObjectNode pooler : manifests.custom("postgresql.cnpg.io", "Pooler")) {
            String name = pooler.path("metadata").path("name").asText();
            add(new Endpoint(name, true, own, Map.of("cnpg.io/poolerName", name),
                    Map.of("pgbouncer", 5432, "metrics", 9127), false));
        }
        for (ObjectNode keycloak : manifests.custom("k8s.keycloak.org", "Keycloak")) {
            String name = keycloak.path("metadata").path("name").asText();
            add(new Endpoint(name, true, own, Map.of("app", "keycloak", "app.kubernetes.io/managed-by",
                    "keycloak-operator", "app.kubernetes.io/instance", name, "app.kubernetes.io/component", "server"),
                    Map.of("http", 8080, "https", 8443, "management", 9000, "jgroups", 7800, "jgroups-fd", 57800), false));
        }
        for (ObjectNode realmImport : manifests.custom("k8s.keycloak.org", "KeycloakRealmImport")) {
            String keycloak = realmImport.path("spec").path("keycloakCRName").asText();
            add(new Endpoint(realmImport.path("metadata").path("name").asText() + " (realm import job)", true, own,
                    Map.of("app", "keycloak-realm-import", "app.kubernetes.io/managed-by", "keycloak-operator",
                            "app.kubernetes.io/instance", keycloak), Map.of(), false));
        }
        add(external(INGRESS_CONTROLLER, Suite.INGRESS_NAMESPACE, Suite.INGRESS_POD_LABELS));
        add(external(PROMETHEUS, Suite.MONITORING_NAMESPACE, Suite.PROMETHEUS_POD_LABELS));
        add(external(CNPG_OPERATOR, Suite.CNPG_NAMESPACE, Suite.CNPG_OPERATOR_LABELS));
        add(new Endpoint(DNS, false, Map.of("kubernetes.io/metadata.name", "kube-system"), Suite.DNS_POD_LABELS,
                Map.of("dns", 53), false));
        add(new Endpoint(WORLD, false, Map.of(), Map.of(), Map.of("https", 443, "http", 80, "api-server", 6443,
                "postgresql", 5432), true));
    }

    private static Endpoint external(String name, String namespace, Map<String, String> labels) {
        return new Endpoint(name, false, Map.of("kubernetes.io/metadata.name", namespace), labels, Map.of(), false);
    }

    private void add(Endpoint endpoint) {
        endpoints.put(endpoint.name(), endpoint);
    }

    private static Map<String, String> labels(Map<String, String> labels) {
        return labels == null ? Map.of() : labels;
    }

    public Map<String, Endpoint> endpoints() {
        return endpoints;
    }

    public Endpoint endpoint(String name) {
        Endpoint endpoint = endpoints.get(name);
        if (endpoint == null) {
            throw new IllegalArgumentException("no endpoint " + name + " among " + endpoints.keySet());
        }
        return endpoint;
    }

    /** Whether a connection from {@code from} to {@code to} on a port and protocol gets through. */
    public boolean allowed(Endpoint from, Endpoint to, int port, String protocol) {
        return egressAllowed(from, to, port, protocol) && ingressAllowed(from, to, port, protocol);
    }

    private boolean egressAllowed(Endpoint from, Endpoint to, int port, String protocol) {
        if (!from.inNamespace()) {
            return true; // not governed by this namespace's policies
        }
        boolean isolated = false;
        for (NetworkPolicy policy : policies) {
            if (!hasType(policy, "Egress") || !matches(policy.getSpec().getPodSelector(), from.labels())) {
                continue;
            }
            isolated = true;
            for (var rule : nullToEmpty(policy.getSpec().getEgress())) {
                if (peersMatch(rule.getTo(), to) && portsMatch(rule.getPorts(), to, port, protocol)) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    private boolean ingressAllowed(Endpoint from, Endpoint to, int port, String protocol) {
        if (!to.inNamespace()) {
            return true;
        }
        boolean isolated = false;
        for (NetworkPolicy policy : policies) {
            if (!hasType(policy, "Ingress") || !matches(policy.getSpec().getPodSelector(), to.labels())) {
                continue;
            }
            isolated = true;
            for (var rule : nullToEmpty(policy.getSpec().getIngress())) {
                if (peersMatch(rule.getFrom(), from) && portsMatch(rule.getPorts(), to, port, protocol)) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    private static boolean hasType(NetworkPolicy policy, String type) {
        List<String> types = policy.getSpec().getPolicyTypes();
        if (types == null || types.isEmpty()) {
            return type.equals("Ingress") || (type.equals("Egress") && policy.getSpec().getEgress() != null
                    && !policy.getSpec().getEgress().isEmpty());
        }
        return types.contains(type);
    }

    private static boolean peersMatch(List<NetworkPolicyPeer> peers, Endpoint endpoint) {
        if (peers == null || peers.isEmpty()) {
            return true; // no "from"/"to": every peer
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                if (endpoint.world()) {
                    return true;
                }
                continue;
            }
            if (endpoint.world()) {
                continue;
            }
            boolean namespaceOk = peer.getNamespaceSelector() == null ? endpoint.inNamespace()
                    : matches(peer.getNamespaceSelector(), endpoint.namespaceLabels());
            boolean podOk = peer.getPodSelector() == null || matches(peer.getPodSelector(), endpoint.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, Endpoint to, int port, String protocol) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort p : ports) {
            String ruleProtocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
            if (!ruleProtocol.equals(protocol)) {
                continue;
            }
            IntOrString rulePort = p.getPort();
            if (rulePort == null) {
                return true;
            }
            Integer number = rulePort.getIntVal() != null ? rulePort.getIntVal() : to.ports().get(rulePort.getStrVal());
            if (number == null) {
                continue;
            }
            int end = p.getEndPort() != null ? p.getEndPort() : number;
            if (port >= number && port <= end) {
                return true;
            }
        }
        return false;
    }

    /** Kubernetes label selector semantics; an empty selector selects everything. */
    public static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> have = labels == null ? Map.of() : labels;
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
                if (!Objects.equals(have.get(e.getKey()), e.getValue())) {
                    return false;
                }
            }
        }
        for (LabelSelectorRequirement r : nullToEmpty(selector.getMatchExpressions())) {
            String value = have.get(r.getKey());
            List<String> values = r.getValues() == null ? List.of() : r.getValues();
            boolean ok = switch (r.getOperator()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? new ArrayList<>() : list;
    }
}
