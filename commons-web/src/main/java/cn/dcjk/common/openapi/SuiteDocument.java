package cn.dcjk.common.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The suite's one OpenAPI document, merged from the gateway's and the services' own. The one code
 * path for it: the gateway serves it at run time and the build merges the stored documents the
 * same way to generate the client.
 *
 * <p>Components never collide: a schema name that two documents define differently (or that
 * refers to one that does) is prefixed with its document's name in each ({@code PlansStatus},
 * {@code InspectionsStatus}) and every {@code $ref} of that document follows; a schema defined
 * identically is kept once. An operationId that more than one document uses (the webhook API every
 * service offers) is prefixed with its document's name in each ({@code plansWebhookEventTypes}).
 * Paths: the first document that has one wins (the gateway's first).
 * The security scheme names the public OpenID Connect address given, never an in-cluster one.
 */
public final class SuiteDocument {

    private static final String REF = "#/components/schemas/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One document to merge and its name (gateway, plans, inspections, accountability). */
    public record Part(String name, JsonNode doc) {
    }

    private SuiteDocument() {
    }

    public static ObjectNode merge(List<Part> parts, String openIdConnectUrl, String version) {
        Map<String, Map<String, JsonNode>> definitions = new LinkedHashMap<>();
        for (Part p : parts) {
            schemas(p.doc()).fields().forEachRemaining(e ->
                    definitions.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).put(p.name(), e.getValue()));
        }
        Set<String> colliding = new HashSet<>();
        definitions.forEach((name, byPart) -> {
            if (byPart.values().stream().distinct().count() > 1) {
                colliding.add(name);
            }
        });
        // a schema that refers to a colliding one differs by document too
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, Map<String, JsonNode>> d : definitions.entrySet()) {
                if (d.getValue().size() > 1 && !colliding.contains(d.getKey())
                        && d.getValue().values().stream().anyMatch(s -> refersTo(s, colliding))) {
                    colliding.add(d.getKey());
                    grew = true;
                }
            }
        }
        // operation ids of the operations kept (a path's first document), and which documents use each
        Map<String, String> pathOwner = new HashMap<>();
        Map<String, Set<String>> operationIds = new HashMap<>();
        for (Part p : parts) {
            p.doc().path("paths").fieldNames().forEachRemaining(path -> pathOwner.putIfAbsent(path, p.name()));
        }
        for (Part p : parts) {
            p.doc().path("paths").fields().forEachRemaining(e -> {
                if (p.name().equals(pathOwner.get(e.getKey()))) {
                    operations(e.getValue(), op -> operationIds.computeIfAbsent(op.path("operationId").asText(""),
                            k -> new HashSet<>()).add(p.name()));
                }
            });
        }
        ObjectNode merged = JSON.createObjectNode();
        merged.put("openapi", parts.isEmpty() ? "3.1.0" : parts.get(0).doc().path("openapi").asText("3.1.0"));
        merged.putObject("info").put("title", "dcjk suite").put("version", version)
                .put("description", "督查检查考核统筹: the gateway and the three services behind it, one document. "
                        + "Errors are RFC 9457 problems whose type resolves in the problem catalogue at /problems.");
        ObjectNode paths = merged.putObject("paths");
        ArrayNode tags = merged.putArray("tags");
        Set<String> tagNames = new HashSet<>();
        ObjectNode components = merged.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        for (Part p : parts) {
            Map<String, String> renames = new HashMap<>();
            definitions.forEach((name, byPart) -> {
                if (colliding.contains(name) && byPart.containsKey(p.name())) {
                    renames.put(name, prefix(p.name()) + name);
                }
            });
            JsonNode doc = rewrite(p.doc().deepCopy(), renames);
            String part = p.name();
            doc.path("paths").forEach(item -> operations(item, op -> {
                String id = op.path("operationId").asText("");
                if (!id.isEmpty() && operationIds.getOrDefault(id, Set.of()).size() > 1 && op instanceof ObjectNode o) {
                    o.put("operationId", lowerFirst(prefix(part)) + Character.toUpperCase(id.charAt(0)) + id.substring(1));
                }
            }));
            doc.path("paths").fields().forEachRemaining(e -> {
                if (!paths.has(e.getKey())) {
                    paths.set(e.getKey(), e.getValue());
                }
            });
            schemas(doc).fields().forEachRemaining(e ->
                    schemas.set(renames.getOrDefault(e.getKey(), e.getKey()), e.getValue()));
            for (JsonNode tag : doc.path("tags")) {
                if (tagNames.add(tag.path("name").asText())) {
                    tags.add(tag);
                }
            }
        }
        ObjectNode scheme = components.putObject("securitySchemes").putObject("SecurityScheme");
        scheme.put("type", "openIdConnect").put("openIdConnectUrl", openIdConnectUrl)
                .put("description", "Access token of the dcjk realm (authorization code with PKCE for people, "
                        + "client credentials for provincial systems)");
        return merged;
    }

    /** The document's schemas, in a stable order. */
    private static ObjectNode schemas(JsonNode doc) {
        JsonNode s = doc.path("components").path("schemas");
        return s instanceof ObjectNode o ? o : JSON.createObjectNode();
    }

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    /** The operations of one path item. */
    private static void operations(JsonNode item, java.util.function.Consumer<JsonNode> each) {
        item.fields().forEachRemaining(m -> {
            if (METHODS.contains(m.getKey())) {
                each.accept(m.getValue());
            }
        });
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    static String prefix(String part) {
        StringBuilder b = new StringBuilder();
        for (String w : part.split("[^A-Za-z0-9]+")) {
            if (!w.isEmpty()) {
                b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return b.toString();
    }

    private static boolean refersTo(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(REF)
                    && names.contains(ref.asText().substring(REF.length()))) {
                return true;
            }
        }
        for (JsonNode child : node) {
            if (refersTo(child, names)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode rewrite(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return node;
        }
        if (node instanceof ObjectNode o) {
            JsonNode ref = o.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(REF)) {
                String name = ref.asText().substring(REF.length());
                if (renames.containsKey(name)) {
                    o.set("$ref", TextNode.valueOf(REF + renames.get(name)));
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                rewrite(it.next().getValue(), renames);
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(child -> rewrite(child, renames));
        }
        return node;
    }
}
