package cn.dcjk.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Finds initdb and pg_ctl: PG_BIN, then pg_config --bindir, then Debian's per-version folders, then PATH. */
final class PostgresBinaries {

    private PostgresBinaries() {
    }

    static Path find() {
        String env = System.getenv("PG_BIN");
        if (env != null && Files.isExecutable(Path.of(env, "initdb"))) {
            return Path.of(env);
        }
        try {
            Process p = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String dir = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor() == 0 && Files.isExecutable(Path.of(dir, "initdb"))) {
                return Path.of(dir);
            }
        } catch (IOException | InterruptedException ignored) {
            // fall through to the folders below
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var found = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(b -> version(b.getParent().getFileName().toString())));
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (IOException ignored) {
                // fall through to PATH
            }
        }
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "initdb"))) {
                return Path.of(d);
            }
        }
        throw new IllegalStateException("PostgreSQL server binaries (initdb, pg_ctl) not found: install them "
                + "(Debian: apt-get install -y postgresql) or set DCJK_TEST_DB_URL to a server");
    }

    private static int version(String name) {
        try {
            return Integer.parseInt(name.replaceAll("[^0-9].*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
