package cn.dcjk.common.openapi;

import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An example for every request and answer body that has none, made from its schema: a value of
 * each property's type, format and bounds, the first of an enum. Swagger UI and generated
 * clients' docs show it; an example written on the resource wins.
 */
final class Examples {

    private static final String REF = "#/components/schemas/";

    private Examples() {
    }

    static void add(Operation op, Map<String, Schema> schemas) {
        if (op.getRequestBody() != null) {
            fill(op.getRequestBody().getContent(), schemas);
        }
        if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
            op.getResponses().getAPIResponses().forEach((code, r) -> {
                if (code.startsWith("2")) {
                    fill(r.getContent(), schemas);
                }
            });
        }
    }

    private static void fill(Content content, Map<String, Schema> schemas) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType m : content.getMediaTypes().values()) {
            if (m.getSchema() != null && m.getExample() == null
                    && (m.getExamples() == null || m.getExamples().isEmpty())) {
                Object example = example(m.getSchema(), schemas, new HashSet<>(), 0);
                if (example != null) {
                    m.setExample(example);
                }
            }
        }
    }

    static Object example(Schema s, Map<String, Schema> schemas, Set<String> seen, int depth) {
        if (s == null || depth > 6) {
            return null;
        }
        if (s.getExamples() != null && !s.getExamples().isEmpty()) {
            return s.getExamples().get(0);
        }
        if (s.getDefaultValue() != null) {
            return s.getDefaultValue();
        }
        if (s.getRef() != null) {
            String name = s.getRef().startsWith(REF) ? s.getRef().substring(REF.length()) : s.getRef();
            if (!seen.add(name)) {
                return null;
            }
            Object v = example(schemas.get(name), schemas, seen, depth + 1);
            seen.remove(name);
            return v;
        }
        if (s.getEnumeration() != null && !s.getEnumeration().isEmpty()) {
            return s.getEnumeration().get(0);
        }
        for (List<Schema> alternatives : java.util.Arrays.asList(s.getAllOf(), s.getOneOf(), s.getAnyOf())) {
            if (alternatives != null && !alternatives.isEmpty()) {
                return example(alternatives.get(0), schemas, seen, depth + 1);
            }
        }
        List<Schema.SchemaType> types = s.getType() == null ? List.of() : s.getType();
        Schema.SchemaType type = types.stream().filter(t -> t != Schema.SchemaType.NULL).findFirst()
                .orElse(s.getProperties() != null ? Schema.SchemaType.OBJECT : null);
        if (type == null) {
            return null;
        }
        switch (type) {
            case OBJECT -> {
                Map<String, Object> o = new LinkedHashMap<>();
                if (s.getProperties() != null) {
                    s.getProperties().forEach((k, v) -> {
                        Object e = example(v, schemas, seen, depth + 1);
                        if (e != null) {
                            o.put(k, e);
                        }
                    });
                }
                return o;
            }
            case ARRAY -> {
                List<Object> a = new ArrayList<>();
                Object e = example(s.getItems(), schemas, seen, depth + 1);
                if (e != null) {
                    a.add(e);
                }
                return a;
            }
            case INTEGER -> {
                long v = s.getMinimum() != null ? s.getMinimum().longValue() : 1;
                return s.getMaximum() != null && v > s.getMaximum().longValue() ? s.getMaximum().longValue() : v;
            }
            case NUMBER -> {
                return s.getMinimum() != null ? s.getMinimum().doubleValue() : 1.0;
            }
            case BOOLEAN -> {
                return false;
            }
            case STRING -> {
                return string(s);
            }
            default -> {
                return null;
            }
        }
    }

    private static String string(Schema s) {
        String f = s.getFormat() == null ? "" : s.getFormat();
        return switch (f) {
            case "date" -> LocalDate.of(2026, 3, 2).toString();
            case "date-time" -> "2026-03-02T09:30:00+08:00";
            case "uri" -> "https://example.org/";
            default -> s.getPattern() != null && s.getPattern().contains("\\d{6}") ? "370000-GO" : "string";
        };
    }
}
