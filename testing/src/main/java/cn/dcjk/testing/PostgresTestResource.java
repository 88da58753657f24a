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

    private static final String SERVER_DIR = "dcjk.test.postgres.dir";
    private static final String SERVER_PORT = "dcjk.test.postgres.port";

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
            // JVM-wide, so a test (whatever its class loader) can take this server down and up again
            System.setProperty(SERVER_DIR, server.dir.toString());
            System.setProperty(SERVER_PORT, String.valueOf(server.port));
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

    /**
     * Whether this run's throwaway server can be taken down by a test ({@link #crashServer()}); not when
     * the tests use an existing server (DCJK_TEST_DB_URL).
     */
    public static boolean serverControllable() {
        return System.getProperty(SERVER_DIR) != null;
    }

    /** Stops this run's server at once (pg_ctl -m immediate: connections are cut, as in a crash). */
    public static void crashServer() {
        LocalPostgres.control(Path.of(System.getProperty(SERVER_DIR)), Integer.getInteger(SERVER_PORT), false);
    }

    /** Starts this run's server again after {@link #crashServer()}, on the same port and data. */
    public static void restartServer() {
        LocalPostgres.control(Path.of(System.getProperty(SERVER_DIR)), Integer.getInteger(SERVER_PORT), true);
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
        private final boolean durable;

        private LocalPostgres(Path dir, int port, Path bin) {
            this(dir, port, bin, false);
        }

        private LocalPostgres(Path dir, int port, Path bin, boolean durable) {
            this.dir = dir;
            this.port = port;
            this.bin = bin;
            this.durable = durable;
        }

        public String jdbcBase() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/";
        }

        /** A fast server: commits are not flushed before they are acknowledged (a crash may lose the last ones). */
        public static LocalPostgres start() {
            return start(false);
        }

        /**
         * A server whose acknowledged commits survive a crash of its processes ({@code pg_ctl -m immediate}),
         * as in production: {@code synchronous_commit=on}. A test that counts acknowledged writes across a
         * database crash needs it; with the fast server's {@code synchronous_commit=off} the last commits
         * before the crash are lost by design and such a test would count the harness, not the product.
         * (fsync stays off: the operating system does not crash, so its page cache keeps what was written.)
         */
        public static LocalPostgres startDurable() {
            return start(true);
        }

        private static LocalPostgres start(boolean durable) {
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
                LocalPostgres pg = new LocalPostgres(dir, port, bin, durable);
                pg.startServer();
                Runtime.getRuntime().addShutdownHook(new Thread(pg::stop));
                return pg;
            } catch (IOException e) {
                throw new IllegalStateException("cannot start a throwaway PostgreSQL: " + e.getMessage(), e);
            }
        }

        private void startServer() {
            boolean root = "root".equals(System.getProperty("user.name"));
            run(root ? "postgres" : null, bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                    "-l", dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                    "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                            + " -c synchronous_commit=" + (durable ? "on" : "off")
                            + " -c full_page_writes=off -c max_connections=200",
                    "start");
        }

        private void crash() {
            boolean root = "root".equals(System.getProperty("user.name"));
            run(root ? "postgres" : null, bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                    "-m", "immediate", "-w", "stop");
        }

        /** Takes the server down at once (like a crash: connections cut, no checkpoint), keeping its data. */
        public synchronized void crashKeepingData() {
            crash();
        }

        /** Starts the server again on its port and data, after {@link #crashKeepingData()}. */
        public synchronized void restart() {
            startServer();
        }

        static void control(Path dir, int port, boolean up) {
            LocalPostgres pg = new LocalPostgres(dir, port, PostgresBinaries.find());
            if (up) {
                pg.startServer();
            } else {
                pg.crash();
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
