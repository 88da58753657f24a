package cn.dcjk.deploy;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** deploy/k8s is yamllint-clean, strictly (warnings fail too), with the committed deploy/.yamllint. */
class YamlLintTest {

    static Optional<Path> yamllint() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "yamllint");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Test
    void theManifestsAreYamllintClean() throws IOException, InterruptedException {
        Optional<Path> yamllint = yamllint();
        assumeTrue(yamllint.isPresent(), "yamllint is not installed: deploy/k8s was NOT linted "
                + "(CI installs it; locally: apt-get install -y yamllint)");
        assertTrue(Files.isRegularFile(Path.of(".yamllint")), "deploy/.yamllint is committed");
        Process process = new ProcessBuilder(yamllint.get().toString(), "-s", "-f", "parsable", "-c", ".yamllint", "k8s")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "yamllint finished");
        assertEquals(0, process.exitValue(), "yamllint -s -c deploy/.yamllint deploy/k8s:\n" + output);
    }
}
