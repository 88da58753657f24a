package cn.dcjk.common.openapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the suite's OpenAPI document must be for a client to be generated from it and trusted;
 * the build fails on any violation. Every operation: a unique operationId; a typed answer for each
 * 2xx but 204; a typed request body; an example on each body; every 4xx and 5xx answered with the
 * Problem schema as application/problem+json; 400 and 500 always, 401 and 403 when secured, 404
 * with path parameters, 412 and 428 with If-Match; and every $ref resolves.
 */
public final class ContractLint {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String REF = "#/components/schemas/";

    private ContractLint() {
    }

    public static List<String> check(JsonNode doc) {
        List<String> v = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        JsonNode schemas = doc.path("components").path("schemas");
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            if (!METHODS.contains(m.getKey())) {
                return;
            }
            String where = m.getKey().toUpperCase() + " " + p.getKey();
            JsonNode op = m.getValue();
            String id = op.path("operationId").asText("");
            if (id.isEmpty()) {
                v.add(where + ": no operationId");
            } else if (ids.containsKey(id)) {
                v.add(where + ": operationId " + id + " also used by " + ids.get(id));
            } else {
                ids.put(id, where);
            }
            JsonNode body = op.path("requestBody").path("content");
            body.fields().forEachRemaining(c -> {
                if (!typed(c.getValue().path("schema"))) {
                    v.add(where + ": untyped request body " + c.getKey());
                }
                if (!c.getValue().has("example") && !c.getValue().has("examples")) {
                    v.add(where + ": request body " + c.getKey() + " without an example");
                }
            });
            JsonNode responses = op.path("responses");
            boolean success = false;
            for (var it = responses.fields(); it.hasNext(); ) {
                var r = it.next();
                String code = r.getKey();
                JsonNode content = r.getValue().path("content");
                if (code.startsWith("2")) {
                    success = true;
                    if (!code.equals("204") && content.isEmpty()) {
                        v.add(where + ": " + code + " without a body type");
                    }
                    content.fields().forEachRemaining(c -> {
                        if (!typed(c.getValue().path("schema"))) {
                            v.add(where + ": untyped " + code + " answer " + c.getKey());
                        }
                        if (c.getKey().contains("json") && !c.getValue().has("example") && !c.getValue().has("examples")) {
                            v.add(where + ": " + code + " answer without an example");
                        }
                    });
                } else if (code.startsWith("4") || code.startsWith("5")) {
                    String ref = content.path(ContractFilter.PROBLEM_MEDIA).path("schema").path("$ref").asText("");
                    if (!ref.equals(REF + ContractFilter.PROBLEM)) {
                        v.add(where + ": " + code + " without the Problem schema as " + ContractFilter.PROBLEM_MEDIA);
                    }
                } else if (code.equals("default")) {
                    v.add(where + ": a default answer instead of its statuses");
                }
            }
            if (!success) {
                v.add(where + ": no 2xx answer");
            }
            List<String> required = new ArrayList<>(List.of("400", "500"));
            if (op.has("security") && !op.path("security").isEmpty()) {
                required.addAll(List.of("401", "403"));
            }
            if (p.getKey().contains("{")) {
                required.add("404");
            }
            for (JsonNode param : op.path("parameters")) {
                if (param.path("in").asText().equals("header") && param.path("name").asText().equalsIgnoreCase("If-Match")) {
                    required.addAll(List.of("412", "428"));
                    if (!param.path("required").asBoolean()) {
                        v.add(where + ": If-Match not required");
                    }
                }
            }
            for (String code : required) {
                if (!responses.has(code)) {
                    v.add(where + ": status " + code + " not documented");
                }
            }
        }));
        refs(doc, schemas, v);
        return v;
    }

    private static void refs(JsonNode node, JsonNode schemas, List<String> v) {
        if (node.isObject() && node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith(REF) || !schemas.has(ref.substring(REF.length()))) {
                v.add("unresolved $ref " + ref);
            }
        }
        node.forEach(child -> refs(child, schemas, v));
    }

    static boolean typed(JsonNode schema) {
        return schema.has("$ref") || schema.has("type") || schema.has("oneOf") || schema.has("allOf")
                || schema.has("anyOf");
    }
}
