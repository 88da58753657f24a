package cn.dcjk.fullstack;

import cn.dcjk.testing.PostgresTestResource.LocalPostgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The whole suite on this machine, as an operator runs it: a throwaway PostgreSQL from the local
 * binaries, the real Keycloak (realm dcjk imported) and the four packaged services, each a separate
 * process on a free loopback port, logging to target/full-stack-logs. {@link #stop()} takes down
 * everything it started, process trees included; a JVM shutdown hook does the same if the run is cut short.
 */
final class Stack {

    /** The services in start order; the gateway last, its readiness includes its upstreams. */
    static final List<String> SERVICES = List.of("plans-service", "inspections-service", "accountability-service",
            "gateway");
    static final String REALM = "dcjk";

    private static final Duration KEYCLOAK_READY = Duration.ofSeconds(240);
    private static final Duration SERVICE_READY = Duration.ofSeconds(180);

    private final Path suiteDir = Path.of(System.getProperty("dcjk.suite.dir", "..")).toAbsolutePath().normalize();
    private final Path keycloakDir = Path.of(System.getProperty("dcjk.keycloak.dir",
            "target/keycloak/keycloak-26.5.6")).toAbsolutePath().normalize();
    private final Path logs = Path.of(System.getProperty("dcjk.logs.dir", "target/full-stack-logs"))
            .toAbsolutePath().normalize();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Map<String, Process> processes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Path> jars = new LinkedHashMap<>();
    /** The admission-stamp key shared by the gateway and the services of this run. */
    static final String ADMISSION_KEY = java.util.Base64.getEncoder().encodeToString(
            new java.security.SecureRandom().generateSeed(32));
    private LocalPostgres postgres;
    private String jdbcBase;
    private int keycloakPort;
    private Thread shutdownHook;
    private boolean stopped;

    /** Starts everything, or stops what it started and throws. */
    void start() {
        shutdownHook = new Thread(this::stop, "full-stack-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            Files.createDirectories(logs);
            try (var old = Files.list(logs)) {
                for (Path log : old.filter(f -> f.toString().endsWith(".log")).toList()) {
                    Files.delete(log); // logs are appended to (a restarted service keeps its history)
                }
            }
            List<Path> jars = serviceJars();
            for (int i = 0; i < SERVICES.size(); i++) {
                ports.put(SERVICES.get(i), freePort());
            }
            startKeycloak();
            startPostgres();
            awaitHttp("keycloak", keycloakUrl() + "/realms/" + REALM + "/.well-known/openid-configuration",
                    KEYCLOAK_READY, status -> status == 200);
            for (int i = 0; i < SERVICES.size(); i++) {
                this.jars.put(SERVICES.get(i), jars.get(i));
                startService(SERVICES.get(i), jars.get(i));
            }
            for (String service : SERVICES) {
                awaitHttp(service, url(service) + "/q/health/ready", SERVICE_READY, status -> status == 200);
            }
        } catch (IOException e) {
            stop();
            throw new IllegalStateException("the full stack could not start: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            stop();
            throw e;
        }
    }

    String gatewayUrl() {
        return url("gateway");
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    String keycloakUrl() {
        return "http://127.0.0.1:" + keycloakPort;
    }

    /** Keycloak's admin CLI of the unpacked distribution (admin user admin / admin). */
    Path kcadm() {
        return keycloakDir.resolve("bin/kcadm.sh");
    }

    /** Stops one service as an operator would (SIGTERM, then its shutdown), and starts it again on its port. */
    void restart(String service) throws IOException {
        Process p = processes.remove(service);
        if (p != null) {
            terminate(p.toHandle());
        }
        Files.copy(log(service), log(service + "-before-restart"), StandardCopyOption.REPLACE_EXISTING);
        startService(service, jars.get(service));
        awaitHttp(service, url(service) + "/q/health/ready", SERVICE_READY, status -> status == 200);
    }

    Path log(String name) {
        return logs.resolve(name + ".log");
    }

    // ------------------------------------------------------------------------------------ faults

    /** kill -9 of a service's process tree: no shutdown hook, no draining, as a crashed node. */
    void kill(String service) {
        Process p = processes.remove(service);
        if (p == null) {
            throw new IllegalStateException(service + " is not running");
        }
        ProcessHandle root = p.toHandle();
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : tree) {
            try {
                h.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(service + " did not die", e);
            }
        }
    }

    /** Starts a killed service again on its port (its log is appended) and waits until it is ready. */
    /** Starts again a service that was killed. */
    void startAgain(String service) {
        try {
            startService(service, serviceJars().get(SERVICES.indexOf(service)));
        } catch (IOException e) {
            throw new IllegalStateException(service + " could not be started again", e);
        }
        awaitHttp(service, url(service) + "/q/health/ready", SERVICE_READY, status -> status == 200);
    }

    /** PostgreSQL stops at once (pg_ctl -m immediate): every connection is cut, as in a crash. */
    synchronized void crashDatabase() {
        postgres.crashKeepingData();
    }

    /** PostgreSQL starts again on the same port and data (crash recovery). */
    synchronized void restartDatabase() {
        postgres.restart();
    }

    // ------------------------------------------------------------------------------------ PostgreSQL

    private void startPostgres() {
        synchronized (this) {
            refuseWhenStopped();
            // durable: the fault test counts acknowledged writes across a PostgreSQL crash
            postgres = LocalPostgres.startDurable();
            jdbcBase = postgres.jdbcBase();
        }
        try (Connection c = DriverManager.getConnection(jdbcBase + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE ROLE dcjk LOGIN PASSWORD 'dcjk'");
            for (String db : List.of("dcjk_plans", "dcjk_inspections", "dcjk_accountability", "dcjk_gateway")) {
                s.execute("CREATE DATABASE " + db + " OWNER dcjk");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the suite's role and databases: " + e.getMessage(), e);
        }
    }

    /** A connection to a service's database, for tests that count what was written. */
    Connection database(String service) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(service), "postgres", "");
    }

    private String jdbcUrl(String service) {
        return jdbcBase + "dcjk_" + service.replace("-service", "");
    }

    // ------------------------------------------------------------------------------------ Keycloak

    private void startKeycloak() throws IOException {
        Path kcSh = keycloakDir.resolve("bin/kc.sh");
        if (!Files.isRegularFile(kcSh)) {
            throw new IllegalStateException("Keycloak is not unpacked at " + keycloakDir
                    + ": run the build through Maven (maven-dependency-plugin unpacks it in process-test-resources)");
        }
        Path imports = Files.createDirectories(keycloakDir.resolve("data/import"));
        Files.writeString(imports.resolve("dcjk-realm.json"),
                consoleAt(Files.readString(suiteDir.resolve("deploy/keycloak/dcjk-realm.json")), gatewayUrl()));
        deleteTree(keycloakDir.resolve("data/h2")); // a fresh dev database: the realm file as it is now
        keycloakPort = freePort();
        int management = freePort();
        ProcessBuilder pb = new ProcessBuilder("bash", kcSh.toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + keycloakPort, "--http-management-port=" + management,
                "--hostname=http://127.0.0.1:" + keycloakPort, "--import-realm");
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        pb.environment().put("DCJK_GATEWAY_URL", gatewayUrl()); // Swagger UI's redirect (client dcjk-swagger)
        launch("keycloak", pb);
    }

    /**
     * The realm file with the console's client also allowed at the gateway's address here (its own
     * redirect URIs and web origins name port 8080 of the local deployment; this gateway has a free port).
     */
    static String consoleAt(String realmJson, String gatewayUrl) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode realm = json.readTree(realmJson);
        for (JsonNode client : realm.path("clients")) {
            if ("dcjk-console".equals(client.path("clientId").asText())) {
                ((ArrayNode) client.path("redirectUris")).add(gatewayUrl + "/*");
                ((ArrayNode) client.path("webOrigins")).add(gatewayUrl);
                return json.writeValueAsString(realm);
            }
        }
        throw new IllegalStateException("the realm file has no dcjk-console client");
    }

    // ------------------------------------------------------------------------------------ services

    private List<Path> serviceJars() {
        List<Path> jars = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String service : SERVICES) {
            Path jar = suiteDir.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                missing.add(suiteDir.relativize(jar).toString());
            }
            jars.add(jar);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the packaged services are missing: " + String.join(", ", missing)
                    + " — build them first (./mvnw install -DskipTests, or ./mvnw verify from the root)");
        }
        return jars;
    }

    private void startService(String service, Path jar) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-jar", jar.toString());
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(service)));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("DB_URL", jdbcUrl(service));
        env.put("DB_USER", "dcjk");
        env.put("DB_PASSWORD", "dcjk");
        env.put("OIDC_AUTH_SERVER_URL", keycloakUrl() + "/realms/" + REALM);
        env.put("OIDC_PUBLIC_URL", keycloakUrl() + "/realms/" + REALM); // the realm as a browser reaches it
        env.put("PROBLEMS_BASE_URI", gatewayUrl() + "/problems/");
        env.put("PLANS_URL", url("plans-service"));
        env.put("INSPECTIONS_URL", url("inspections-service"));
        env.put("ACCOUNTABILITY_URL", url("accountability-service"));
        env.put("JSON_LOGS", "false");
        env.put("DCJK_OUTBOX_EVERY", "1s");
        env.put("DCJK_ADMISSION_KEY", ADMISSION_KEY);
        env.put("DCJK_WEBHOOKS_EVERY", "1s");
        env.put("DCJK_WEBHOOKS_ALLOW_INSECURE_URLS", "true"); // the test's receiver listens on loopback, plain http
        env.put("CONSOLE_PUBLIC_URL", gatewayUrl());
        launch(service, pb);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    // ------------------------------------------------------------------------------------ processes

    private void launch(String name, ProcessBuilder pb) throws IOException {
        File log = log(name).toFile();
        pb.directory(logs.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        synchronized (this) {
            refuseWhenStopped();
            processes.put(name, pb.start());
        }
    }

    /** Once stopping began (a failed start, the end of the tests, the JVM's shutdown), nothing new starts. */
    private void refuseWhenStopped() {
        if (stopped) {
            throw new IllegalStateException("the full stack is stopping; nothing more is started");
        }
    }

    /** Polls the URL until it answers as ready; fails early, with the end of its log, when the process exits. */
    private void awaitHttp(String process, String url, Duration timeout, Predicate<Integer> ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            Process p = processes.get(process);
            if (p != null && !p.isAlive()) {
                throw new IllegalStateException(process + " exited with " + p.exitValue() + " before it was ready; "
                        + "the end of its log:\n" + tail(log(process), 40));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (ready.test(r.statusCode())) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + process, e);
            }
            sleep(1000);
        }
        throw new IllegalStateException(process + " was not ready at " + url + " within " + timeout.toSeconds()
                + " s (last: " + last + "); the end of its log:\n" + tail(log(process), 40));
    }

    /** Stops every process it started (children first, then the process), then PostgreSQL. Safe to call twice. */
    synchronized void stop() {
        stopped = true;
        List<String> names;
        synchronized (processes) {
            names = new ArrayList<>(processes.keySet());
        }
        Collections.reverse(names);
        for (String name : names) {
            terminate(processes.get(name).toHandle());
        }
        processes.clear();
        if (postgres != null) {
            postgres.stop();
            postgres = null;
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down
            }
            shutdownHook = null;
        }
    }

    private static void terminate(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : tree) {
            try {
                h.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }

    // ------------------------------------------------------------------------------------ helpers

    static String tail(Path file, int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + file + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
