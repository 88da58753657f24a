package cn.dcjk.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each service's src/main/docker/Dockerfile.jvm follows the Quarkus fast-jar convention and exposes the service's port. */
class DockerfilesTest {

    @Test
    void everyServiceHasAJvmDockerfile() throws IOException {
        Suite suite = Suite.read(Path.of(".."));
        for (String service : Suite.SERVICES) {
            Path file = Path.of("..", service, "src/main/docker/Dockerfile.jvm");
            assertTrue(Files.isRegularFile(file), file + " exists");
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();

            Matcher base = Pattern.compile("ARG BASE_IMAGE=(\\S+)").matcher(text);
            assertTrue(base.find(), service + ": the base image is a build ARG");
            String image = base.group(1);
            String firstSegment = image.contains("/") ? image.substring(0, image.indexOf('/')) : "";
            assertFalse(firstSegment.contains(".") || firstSegment.contains(":") || firstSegment.equals("localhost"),
                    service + ": the default base image names no registry host (operators set their registry): " + image);
            assertTrue(image.matches(".+:[0-9][^:]*") && !image.endsWith(":latest"), service + ": the base image has a version tag");
            assertTrue(lines.contains("FROM ${BASE_IMAGE}"), service);

            for (String part : List.of("lib/", "*.jar", "app/", "quarkus/")) {
                assertTrue(lines.stream().anyMatch(l -> l.startsWith("COPY --chown=185 target/quarkus-app/" + part + " ")),
                        service + " copies target/quarkus-app/" + part + " owned by 185");
            }
            assertEquals(List.of("USER 185"), lines.stream().filter(l -> l.startsWith("USER ")).toList(), service);
            assertTrue(lines.contains("EXPOSE " + suite.port(service)), service + " exposes " + suite.port(service));
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("ENV JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"")), service);
        }
    }
}
