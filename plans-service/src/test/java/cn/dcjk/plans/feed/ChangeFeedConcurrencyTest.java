package cn.dcjk.plans.feed;

import cn.dcjk.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feed never skips nor repeats a change while writers commit out of order: API writers create
 * units while raw writers hold transactions open (their change written first, committed after a
 * random pause, so later changes commit before them); a reader pages through the units feed the
 * whole time. At the end it has every change exactly once. A naive reader by sequence number alone,
 * run alongside, shows what the horizon prevents (its skips are logged, not asserted: they depend on timing).
 */
@QuarkusTest
class ChangeFeedConcurrencyTest {

    private static final Logger LOG = Logger.getLogger(ChangeFeedConcurrencyTest.class);
    static final String ADMIN = Tokens.token("admin", "admin", "370000-GO");
    static final String AUDITOR = Tokens.token("auditor", "auditor", "370000-PO");
    static final int API_WRITERS = 4;
    static final int API_WRITES = 12;
    static final int RAW_WRITERS = 4;
    static final int RAW_WRITES = 25;

    @Inject
    DataSource db;

    @Test
    void aReaderSeesEveryChangeExactlyOnceUnderConcurrentOutOfOrderCommits() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(API_WRITERS + RAW_WRITERS + 2);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> seen = new ArrayList<>();
        List<Long> naive = new ArrayList<>();
        try {
            Future<?> reader = pool.submit(() -> read(writing, seen));
            Future<?> naiveReader = pool.submit(() -> readNaively(writing, naive));
            List<Future<?>> writers = new ArrayList<>();
            String run = Integer.toString(ThreadLocalRandom.current().nextInt(100, 999));
            for (int w = 0; w < API_WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int k = 0; k < API_WRITES; k++) {
                        String code = "370102-F" + run + "-" + writer + "-" + k;
                        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                                .body("{\"code\":\"" + code + "\",\"name\":\"测试" + code + "\",\"level\":\"COUNTY\","
                                        + "\"kind\":\"DEPARTMENT\",\"branch\":\"GOVERNMENT\",\"regionCode\":\"370102\","
                                        + "\"parentCode\":\"370102-GOV\"}")
                                .when().post("/api/v1/units").then().statusCode(201);
                    }
                    return null;
                }));
            }
            for (int w = 0; w < RAW_WRITERS; w++) {
                writers.add(pool.submit(() -> {
                    for (int k = 0; k < RAW_WRITES; k++) {
                        slowWrite();
                    }
                    return null;
                }));
            }
            for (Future<?> f : writers) {
                f.get();
            }
            writing.set(false);
            reader.get();
            naiveReader.get();
        } finally {
            pool.shutdownNow();
        }
        List<String> all = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT event_id FROM change_event WHERE family = 'units' ORDER BY seq"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                all.add(r.getString(1));
            }
        }
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no change handed out twice");
        assertEquals(new HashSet<>(all), new HashSet<>(seen), "every change handed out");
        assertTrue(all.size() >= API_WRITERS * API_WRITES + RAW_WRITERS * RAW_WRITES);
        long naiveSkips = all.size() - new HashSet<>(naive).size();
        LOG.infof("feed reader: %d changes, 0 skipped, 0 repeated; naive reader by sequence: %d skipped",
                seen.size(), naiveSkips);
    }

    /** A change written first, committed after a pause: its transaction id is older than changes committed meanwhile. */
    private void slowWrite() throws SQLException, InterruptedException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO change_event (family, object_type, object_id, "
                    + "owner_id, action, at, event_id) VALUES ('units', 'unit', ?, ?, 'PROBE', now(), ?)")) {
                String id = "probe-" + UUID.randomUUID();
                s.setString(1, id);
                s.setString(2, id);
                s.setObject(3, UUID.randomUUID());
                s.executeUpdate();
            }
            Thread.sleep(ThreadLocalRandom.current().nextInt(0, 40));
            c.commit();
        }
    }

    private Void read(AtomicBoolean writing, List<String> seen) {
        String cursor = null;
        int emptyAfterWriters = 0;
        while (emptyAfterWriters < 2) {
            boolean done = !writing.get();
            var request = given().auth().oauth2(AUDITOR).queryParam("limit", 37);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/units/changes").then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("changes.eventId", String.class);
            seen.addAll(ids);
            cursor = page.getString("next");
            if (done && ids.isEmpty() && !page.getBoolean("more")) {
                emptyAfterWriters++;
            }
        }
        return null;
    }

    /** Pages by sequence number alone, as a reader without the horizon would. */
    private Void readNaively(AtomicBoolean writing, List<Long> seen) throws SQLException {
        long last = 0;
        int emptyAfterWriters = 0;
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT seq FROM change_event WHERE family = 'units' AND seq > ? ORDER BY seq LIMIT 37")) {
            while (emptyAfterWriters < 2) {
                boolean done = !writing.get();
                s.setLong(1, last);
                int n = 0;
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        last = r.getLong(1);
                        seen.add(last);
                        n++;
                    }
                }
                if (done && n == 0) {
                    emptyAfterWriters++;
                }
            }
        }
        return null;
    }
}
