package cn.dcjk.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The restore drill of deploy/README.md, checked offline: its Cluster is valid for the CloudNativePG
 * CRD, recovers from exactly the object store prod archives dcjk-db into (path, endpoint,
 * credentials), is a separate cluster that archives nothing itself, and the README's commands name it.
 */
class RestoreDrillTest {

    static final Path DRILL = Path.of("k8s/drills/restore-dcjk-db.yaml");
    static final Path PROD_BACKUP = Path.of("k8s/overlays/prod/patches/dcjk-db.yaml");
    static final Path BASE_CLUSTER = Path.of("k8s/base/postgres/cluster.yaml");

    @Test
    void theDrillRecoversFromProdsArchiveIntoASeparateCluster() throws IOException {
        Manifests drill = Manifests.parse("drill", Files.readString(DRILL));
        ObjectNode cluster = drill.custom("postgresql.cnpg.io", "Cluster").get(0);
        JsonNode spec = cluster.path("spec");
        assertNotEquals("dcjk-db", cluster.path("metadata").path("name").asText(), "the drill never replaces dcjk-db");
        assertFalse(spec.has("backup"), "the drill cluster archives nothing (it would write into prod's path)");
        String source = spec.path("bootstrap").path("recovery").path("source").asText();
        JsonNode external = null;
        for (JsonNode e : spec.path("externalClusters")) {
            if (source.equals(e.path("name").asText())) {
                external = e.path("barmanObjectStore");
            }
        }
        assertTrue(external != null, "bootstrap.recovery.source names an external cluster");

        JsonNode prod = Manifests.YAML.readTree(Files.readString(PROD_BACKUP)).path("spec").path("backup")
                .path("barmanObjectStore");
        for (String field : List.of("destinationPath", "endpointURL", "s3Credentials")) {
            assertEquals(prod.path(field), external.path(field), field + " equals prod's backup of dcjk-db");
        }
        String image = Manifests.YAML.readTree(Files.readString(BASE_CLUSTER)).path("spec").path("imageName").asText();
        assertEquals(image, spec.path("imageName").asText(), "the drill restores with dcjk-db's PostgreSQL image");
        assertEquals(1, drill.all(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class).size(),
                "the drill cluster gets through the namespace's default deny");
    }

    @Test
    void theDrillMatchesTheCrd() throws IOException {
        assumeTrue(Files.isDirectory(CrdSchemas.DEFAULT_DIRECTORY), "shared/k8s-crds is absent: the drill was NOT "
                + "validated against the CloudNativePG CRD");
        CrdSchemas crds = CrdSchemas.load(CrdSchemas.DEFAULT_DIRECTORY);
        Manifests drill = Manifests.parse("drill", Files.readString(DRILL));
        assertEquals(List.of(), Checks.crdSchema(crds).run(drill));
    }

    @Test
    void theReadmeRunsThisDrill() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("kubectl apply -f deploy/k8s/drills/restore-dcjk-db.yaml"), "apply");
        assertTrue(readme.contains("kubectl -n dcjk wait cluster/dcjk-db-drill"), "wait");
        assertTrue(readme.contains("kubectl delete -f deploy/k8s/drills/restore-dcjk-db.yaml"), "clean up");
    }
}
