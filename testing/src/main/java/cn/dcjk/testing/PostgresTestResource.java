package cn.dcjk.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * A real PostgreSQL for a test run. When DCJK_TEST_DB_URL names a server (jdbc:postgresql://host:port/,
 * with DCJK_TEST_DB_USER and DCJK_TEST_DB_PASSWORD), a fresh database is created there; otherwise a
 * throwaway server is made from the local binaries (initdb, pg_ctl) in a temporary folder, on a
 * free loopback port, and removed afterwards. As root the server runs as the postgres user.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private LocalPostgres server;
    private String database;

    @Override
    public Map<String, String> start() {
        String external = System.getenv("DCJK_TEST_DB_URL");
        String user;
        String password;
        String base;
        if (external != null && !external.isBlank()) {
            base = external.endsWith("/") ? external : external + "/";
            user = System.getenv().getOrDefault("DCJK_TEST_DB_USER", "postgres");
            password = System.getenv().getOrDefault("DCJK_TEST_DB_PASSWORD", "");
        } else {
            server = LocalPostgres.start();
            base = server.jdbcBase();
            user = "postgres";
            password = "";
        }
        database = "dcjk_test_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(base + "postgres", user, password)) {
            c.createStatement().execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database: " + e.getMessage(), e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", base + database,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** A PostgreSQL server started from the local binaries, for tests and benchmarks. */
    public static final class LocalPostgres {
        private final Path dir;
        private final int port;
        private final Path bin;

        private LocalPostgres(Path dir, int port, Path bin) {
            this.dir = dir;
            this.port = port;
            this.bin = bin;
        }

        public String jdbcBase() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/";
        }

        public static LocalPostgres start() {
            Path bin = PostgresBinaries.find();
            try {
                Path dir = Files.createTempDirectory("dcjk-pg-");
                int port = freePort();
                boolean root = "root".equals(System.getProperty("user.name"));
                if (root) {
                    run(null, "chown", "postgres:postgres", dir.toString());
                    run(null, "chmod", "700", dir.toString());
                }
                Path data = dir.resolve("data");
                run(root ? "postgres" : null, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                        "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
                run(root ? "postgres" : null, bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                        "-l", dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                                + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                        "start");
                LocalPostgres pg = new LocalPostgres(dir, port, bin);
                Runtime.getRuntime().addShutdownHook(new Thread(pg::stop));
                return pg;
            } catch (IOException e) {
                throw new IllegalStateException("cannot start a throwaway PostgreSQL: " + e.getMessage(), e);
            }
        }

        public synchronized void stop() {
            if (!Files.exists(dir)) {
                return;
            }
            boolean root = "root".equals(System.getProperty("user.name"));
            try {
                run(root ? "postgres" : null, bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                        "-m", "immediate", "-w", "stop");
            } catch (RuntimeException ignored) {
                // already gone
            }
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary folder left behind is harmless
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            }
        }

        private static void run(String asUser, String... command) {
            try {
                java.util.List<String> cmd = new java.util.ArrayList<>();
                if (asUser != null) {
                    cmd.addAll(java.util.List.of("runuser", "-u", asUser, "--"));
                }
                cmd.addAll(java.util.List.of(command));
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                if (p.waitFor() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
