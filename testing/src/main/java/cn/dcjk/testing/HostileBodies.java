package cn.dcjk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The adversarial table of the input discipline, built from a service's own OpenAPI document: for
 * every operation that takes a JSON body, bodies a careless or hostile client sends, each with the
 * field the 400 must name (or none where the body as a whole is unreadable).
 */
public final class HostileBodies {

    /** Words that never appear in an error body: Java types and packages, libraries, SQL. */
    public static final Pattern LEAKS = Pattern.compile(
            "cn\\.dcjk|java\\.|javax\\.|jakarta\\.|com\\.fasterxml|jackson|Jackson|hibernate|Hibernate|resteasy|"
                    + "vertx|quarkus|Exception|StreamReadConstraints|DeserializationFeature|\\bSELECT\\b|\\bINSERT\\b|"
                    + "\\bUPDATE \\w+ SET\\b|SQLState|PSQL|org\\.postgresql|\\bat [a-z]+\\.[a-z]+\\.|`");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One hostile request: where, what, and the field the refusal must name (null: the body as a whole). */
    public record Case(String method, String path, String what, String body, String field, List<String> roles) {
        @Override
        public String toString() {
            return method + " " + path + ": " + what;
        }
    }

    private HostileBodies() {
    }

    public static List<Case> of(String openApiJson) throws java.io.IOException {
        JsonNode doc = JSON.readTree(openApiJson);
        JsonNode schemas = doc.path("components").path("schemas");
        List<Case> cases = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            JsonNode schema = m.getValue().path("requestBody").path("content").path("application/json").path("schema");
            if (schema.isMissingNode()) {
                return;
            }
            String method = m.getKey().toUpperCase();
            List<String> roles = new ArrayList<>();
            m.getValue().path("security").forEach(req -> req.forEach(r -> r.forEach(role -> roles.add(role.asText()))));
            String path = p.getKey().replaceAll("\\{[^}]+}", "1");
            JsonNode object = resolve(schema, schemas);
            cases.add(new Case(method, path, "data after the value", "{} {}", null, roles));
            cases.add(new Case(method, path, "text after the value", "{} trailing", null, roles));
            cases.add(new Case(method, path, "unterminated", "{\"a\":", null, roles));
            cases.add(new Case(method, path, "a duplicate key", "{\"k\":1,\"k\":2}", null, roles));
            cases.add(new Case(method, path, "nesting 2000 deep", "{\"k\":".repeat(2000) + "1" + "}".repeat(2000),
                    null, roles));
            String text = property(object, schemas, "string");
            if (text != null) {
                cases.add(new Case(method, path, "NUL in " + text, "{\"" + text + "\":\"a\\u0000b\"}", text, roles));
                cases.add(new Case(method, path, "a control character in " + text,
                        "{\"" + text + "\":\"a\\u001bb\"}", text, roles));
                cases.add(new Case(method, path, "a lone surrogate in " + text, "{\"" + text + "\":\"a\\ud800\"}", text, roles));
                cases.add(new Case(method, path, "an object for the text " + text, "{\"" + text + "\":{\"a\":1}}", text, roles));
            }
            String number = property(object, schemas, "integer");
            if (number != null) {
                cases.add(new Case(method, path, number + " out of range",
                        "{\"" + number + "\":100000000000000000000000000000}", number, roles));
                cases.add(new Case(method, path, "a fraction for " + number, "{\"" + number + "\":1.5}", number, roles));
                cases.add(new Case(method, path, "1e400 for " + number, "{\"" + number + "\":1e400}", number, roles));
                cases.add(new Case(method, path, "text for the number " + number, "{\"" + number + "\":\"x\"}", number, roles));
            }
            if (object.path("properties").size() > 0) {
                cases.add(new Case(method, path, "an unknown field", "{\"noSuchField\":1}", "noSuchField", roles));
            }
        }));
        return cases;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        JsonNode s = schema;
        for (int i = 0; i < 5 && s.has("$ref"); i++) {
            s = schemas.path(s.get("$ref").asText().replace("#/components/schemas/", ""));
        }
        return s;
    }

    /** The first top-level property of a plain type (no enum, no format). */
    private static String property(JsonNode object, JsonNode schemas, String type) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode s = resolve(e.getValue(), schemas);
            JsonNode t = s.path("type");
            boolean matches = t.isTextual() ? t.asText().equals(type) : t.toString().contains("\"" + type + "\"");
            if (matches && !s.has("enum") && (type.equals("integer") || !s.has("format"))) {
                return e.getKey();
            }
        }
        return null;
    }
}
