package cn.dcjk.deploy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * deploy/local/common.sh's {@code alive}, which up.sh asks before it (re)starts a process: a live
 * process is alive; a zombie (exited, not reaped by a parent that reaps late), a dead pid, garbage in
 * the pid file and a pid reused by another program are not, so up.sh starts the service again.
 */
class LocalScriptsTest {

    static final Path COMMON = Path.of("local/common.sh").toAbsolutePath();

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
    }

    @Test
    void aLiveProcessIsAlive() throws Exception {
        Process sleeper = start("sleep", "60");
        assertTrue(alive(sleeper.pid(), null));
        assertTrue(alive(sleeper.pid(), "sleep 60"));
    }

    @Test
    void aZombieIsNotAliveAlthoughKillZeroSucceedsOnIt() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc on this system");
        // the child exits at once; its parent execs into a sleep that never reaps it: a zombie
        Process parent = start("bash", "-c", "sleep 0.05 & echo $!; exec sleep 60");
        long zombie = Long.parseLong(new java.io.BufferedReader(new java.io.InputStreamReader(parent.getInputStream(),
                StandardCharsets.US_ASCII)).readLine().trim());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!state(zombie).startsWith("Z") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals("Z", state(zombie), "the child became a zombie");
        assertEquals(0, bash("kill -0 " + zombie), "kill -0 alone takes the zombie for alive");
        assertFalse(alive(zombie, null));
    }

    @Test
    void aDeadPidGarbageOrAMissingFileAreNotAlive() throws Exception {
        Process p = start("sleep", "60");
        long pid = p.pid();
        p.destroyForcibly().waitFor();
        assertFalse(alive(pid, null));
        Path file = Files.createTempFile("dcjk-pid", ".pid");
        try {
            Files.writeString(file, "not-a-pid\n");
            assertEquals(1, bash("source '" + COMMON + "'; alive '" + file + "'"));
            Files.delete(file);
            assertEquals(1, bash("source '" + COMMON + "'; alive '" + file + "'"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aPidReusedByAnotherProgramIsNotOurs() throws Exception {
        Process other = start("sleep", "61");
        assertFalse(alive(other.pid(), "plans-service/target/quarkus-app"));
    }

    @Test
    void upShAsksAliveWithTheProgramItStarted() throws IOException {
        String up = Files.readString(Path.of("local/up.sh"));
        assertTrue(up.contains("alive \"$RUN/$name.pid\" \"$name/target/quarkus-app\""), up);
        assertTrue(up.contains("alive \"$RUN/keycloak.pid\" keycloak"), up);
        assertFalse(Files.readString(COMMON).contains("kill -0 \"$(cat"), "common.sh no longer trusts kill -0");
    }

    private boolean alive(long pid, String fragment) throws Exception {
        Path file = Files.createTempFile("dcjk-pid", ".pid");
        try {
            Files.writeString(file, pid + "\n");
            return bash("source '" + COMMON + "'; alive '" + file + "'"
                    + (fragment == null ? "" : " '" + fragment + "'")) == 0;
        } finally {
            Files.delete(file);
        }
    }

    private static String state(long pid) throws IOException {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (!Files.exists(stat)) {
            return "gone";
        }
        String s = Files.readString(stat);
        return s.substring(s.lastIndexOf(") ") + 2, s.lastIndexOf(") ") + 3);
    }

    private static int bash(String script) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        return p.exitValue();
    }

    private Process start(String... command) throws IOException {
        Process p = new ProcessBuilder(command).start();
        started.add(p);
        return p;
    }
}
