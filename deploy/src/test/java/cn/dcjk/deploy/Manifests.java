package cn.dcjk.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The objects of one rendered overlay, each both as its raw document (for the custom resources and for
 * building broken variants) and as a typed fabric8 model.
 */
public final class Manifests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final YAMLMapper YAML = new YAMLMapper();
    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

    /** One object of the overlay. */
    public record Entry(ObjectNode document, HasMetadata object) {

        public String kind() {
            return object.getKind();
        }

        public String name() {
            return object.getMetadata() == null ? null : object.getMetadata().getName();
        }

        public String id() {
            return kind() + "/" + name();
        }
    }

    private final String overlay;
    private final List<Entry> entries;

    private Manifests(String overlay, List<Entry> entries) {
        this.overlay = overlay;
        this.entries = List.copyOf(entries);
    }

    /** kubectl on the PATH, if any. */
    public static Optional<Path> kubectl() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Renders an overlay with {@code kubectl kustomize} (offline) and parses what it prints. */
    public static Manifests render(Path kubectl, Path overlayDir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(kubectl.toString(), "kustomize", overlayDir.toString()).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("kubectl kustomize " + overlayDir + " took longer than 60 s");
        }
        if (process.exitValue() != 0) {
            throw new IOException("kubectl kustomize " + overlayDir + " failed: " + err.join());
        }
        return parse(overlayDir.getFileName().toString(), out);
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a multi-document YAML stream. */
    public static Manifests parse(String overlay, String yaml) throws IOException {
        List<ObjectNode> documents = new ArrayList<>();
        try (var values = YAML.readValues(YAML.createParser(yaml), JsonNode.class)) {
            while (values.hasNextValue()) {
                JsonNode node = values.nextValue();
                if (node instanceof ObjectNode object) {
                    documents.add(object);
                } else if (node != null && !node.isNull() && !node.isMissingNode()) {
                    throw new IOException("a document is not an object: " + node);
                }
            }
        }
        return of(overlay, documents);
    }

    /** Types every document with the fabric8 models; custom resources become {@link GenericKubernetesResource}. */
    public static Manifests of(String overlay, List<ObjectNode> documents) {
        List<Entry> entries = new ArrayList<>();
        for (ObjectNode document : documents) {
            Object typed = KUBERNETES.unmarshal(document.toString());
            if (!(typed instanceof HasMetadata object)) {
                throw new IllegalArgumentException("not a Kubernetes object: " + document);
            }
            entries.add(new Entry(document, object));
        }
        return new Manifests(overlay, entries);
    }

    /** A broken variant: a deep copy of the documents, changed by {@code change}, typed again. */
    public Manifests mutate(Consumer<List<ObjectNode>> change) {
        List<ObjectNode> copy = entries.stream().map(e -> e.document().deepCopy()).collect(Collectors.toList());
        change.accept(copy);
        return of(overlay, copy);
    }

    public String overlay() {
        return overlay;
    }

    public boolean isProd() {
        return overlay.equals("prod");
    }

    public List<Entry> entries() {
        return entries;
    }

    public <T extends HasMetadata> List<T> all(Class<T> type) {
        return entries.stream().map(Entry::object).filter(type::isInstance).map(type::cast)
                .collect(Collectors.toList());
    }

    public <T extends HasMetadata> Optional<T> get(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    /** The raw documents of the custom resources of a kind (fabric8 has no typed model for them). */
    public List<ObjectNode> custom(String apiGroup, String kind) {
        return entries.stream()
                .filter(e -> e.object() instanceof GenericKubernetesResource)
                .filter(e -> kind.equals(e.kind()) && group(e.object().getApiVersion()).equals(apiGroup))
                .map(Entry::document).collect(Collectors.toList());
    }

    public Optional<ObjectNode> custom(String apiGroup, String kind, String name) {
        return custom(apiGroup, kind).stream().filter(d -> name.equals(d.path("metadata").path("name").asText()))
                .findFirst();
    }

    /** The namespace the overlay installs into. */
    public String namespace() {
        return entries.stream().map(e -> e.object().getMetadata().getNamespace()).filter(n -> n != null)
                .findFirst().orElse("default");
    }

    static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    static String version(String apiVersion) {
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    /** Finds a document by kind and name in a list being mutated. */
    static ObjectNode find(List<ObjectNode> documents, String kind, String name) {
        return documents.stream()
                .filter(d -> kind.equals(d.path("kind").asText()) && name.equals(d.path("metadata").path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }
}
