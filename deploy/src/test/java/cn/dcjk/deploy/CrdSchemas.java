package cn.dcjk.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The openAPIV3Schema of each served version of the CRDs in shared/k8s-crds, made strict the way the
 * API server prunes: an object schema with {@code properties} and neither {@code additionalProperties}
 * nor {@code x-kubernetes-preserve-unknown-fields} refuses other fields.
 */
public final class CrdSchemas {

    /** Where the tests find the CRDs: beside the clone, relative to the module directory deploy/. */
    public static final Path DEFAULT_DIRECTORY = Path.of("../../shared/k8s-crds");

    private static final JsonSchemaFactory FACTORY = factory();

    private final Map<String, ObjectNode> schemaNodes = new HashMap<>();
    private final Map<String, JsonSchema> schemas = new HashMap<>();
    private final Map<String, List<String>> versions = new HashMap<>();

    private CrdSchemas() {
    }

    /** Reads every CRD of a directory. */
    public static CrdSchemas load(Path directory) throws IOException {
        CrdSchemas crds = new CrdSchemas();
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        for (Path file : files) {
            try (var values = Manifests.YAML.readValues(Manifests.YAML.createParser(file.toFile()), JsonNode.class)) {
                while (values.hasNextValue()) {
                    JsonNode crd = values.nextValue();
                    if (crd != null && "CustomResourceDefinition".equals(crd.path("kind").asText())) {
                        crds.add(crd);
                    }
                }
            }
        }
        return crds;
    }

    private void add(JsonNode crd) {
        String group = crd.path("spec").path("group").asText();
        String kind = crd.path("spec").path("names").path("kind").asText();
        for (JsonNode version : crd.path("spec").path("versions")) {
            if (!version.path("served").asBoolean(false)) {
                continue;
            }
            String name = version.path("name").asText();
            versions.computeIfAbsent(group + "/" + kind, k -> new ArrayList<>()).add(name);
            JsonNode schema = version.path("schema").path("openAPIV3Schema");
            if (schema instanceof ObjectNode object) {
                ObjectNode strict = object.deepCopy();
                // the API server always accepts these at the root, whether the CRD lists them or not
                ObjectNode root = strict.with("properties");
                root.putIfAbsent("apiVersion", Manifests.JSON.createObjectNode().put("type", "string"));
                root.putIfAbsent("kind", Manifests.JSON.createObjectNode().put("type", "string"));
                root.putIfAbsent("metadata", Manifests.JSON.createObjectNode().put("type", "object"));
                strict(strict);
                schemaNodes.put(key(group, name, kind), strict);
            }
        }
    }

    /** Whether a CRD of this group and kind is known at all. */
    public boolean knows(String group, String kind) {
        return versions.containsKey(group + "/" + kind);
    }

    /** The served versions of a kind, for messages. */
    public List<String> servedVersions(String group, String kind) {
        return versions.getOrDefault(group + "/" + kind, List.of());
    }

    /** The problems of one custom resource, empty when it matches its CRD; empty Optional when no CRD serves its version. */
    public Optional<List<String>> validate(JsonNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        String key = key(Manifests.group(apiVersion), Manifests.version(apiVersion), resource.path("kind").asText());
        if (!schemaNodes.containsKey(key)) {
            return Optional.empty();
        }
        JsonSchema schema = schemas.computeIfAbsent(key, k -> FACTORY.getSchema(schemaNodes.get(k)));
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(resource)) {
            problems.add(message.getMessage());
        }
        problems.sort(null);
        return Optional.of(problems);
    }

    private static String key(String group, String version, String kind) {
        return group + "/" + version + "/" + kind;
    }

    private static void strict(ObjectNode schema) {
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (schema.has("properties") && !schema.has("additionalProperties") && !preserve) {
            if (schema.path("x-kubernetes-embedded-resource").asBoolean(false)) {
                ObjectNode properties = (ObjectNode) schema.get("properties");
                properties.putIfAbsent("apiVersion", Manifests.JSON.createObjectNode().put("type", "string"));
                properties.putIfAbsent("kind", Manifests.JSON.createObjectNode().put("type", "string"));
                properties.putIfAbsent("metadata", Manifests.JSON.createObjectNode().put("type", "object"));
            }
            schema.put("additionalProperties", false);
        }
        JsonNode properties = schema.path("properties");
        for (Iterator<JsonNode> it = properties.elements(); it.hasNext(); ) {
            strictChild(it.next());
        }
        strictChild(schema.path("additionalProperties"));
        strictChild(schema.path("items"));
        strictChild(schema.path("not"));
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            for (JsonNode item : schema.path(combinator)) {
                strictChild(item);
            }
        }
    }

    private static void strictChild(JsonNode child) {
        if (child instanceof ObjectNode object) {
            strict(object);
        } else if (child.isArray()) {
            for (JsonNode item : child) {
                strictChild(item);
            }
        }
    }

    private static JsonSchemaFactory factory() {
        JsonMetaSchema openApi = JsonMetaSchema.builder("https://dcjk.cn/kubernetes-openapi-v3", JsonMetaSchema.getV4())
                .unknownKeywordFactory((keyword, context) -> new NonValidationKeyword(keyword))
                .build();
        return JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4))
                .metaSchema(openApi)
                .defaultMetaSchemaIri(openApi.getIri())
                .build();
    }
}
