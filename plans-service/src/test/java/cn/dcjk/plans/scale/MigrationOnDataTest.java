package cn.dcjk.plans.scale;

import cn.dcjk.testing.PostgresTestResource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The province-scale migrations (V20, V21, V22) run on a database that already holds data and already
 * stands at the suite's shared V50: a database as the released service left it (every migration but
 * these two, then plans and items written) is migrated by the service's own settings, out of order,
 * and the tallies it fills agree with a count of the items already stored.
 */
class MigrationOnDataTest {

    static final List<String> SCALE = List.of("V20__scale_reads.sql", "V21__nearby_by_period_range.sql",
            "V22__nearby_by_period_and_region.sql");

    static PostgresTestResource postgres;
    static Map<String, String> db;

    @BeforeAll
    static void start() {
        postgres = new PostgresTestResource();
        db = postgres.start();
    }

    @AfterAll
    static void stop() {
        postgres.stop();
    }

    static Flyway flyway(boolean outOfOrder, String... locations) {
        return Flyway.configure().dataSource(db.get("quarkus.datasource.jdbc.url"), db.get("quarkus.datasource.username"),
                db.get("quarkus.datasource.password")).locations(locations).outOfOrder(outOfOrder).load();
    }

    @Test
    void theScaleMigrationsRunOnAReleasedDatabaseWithItsData() throws Exception {
        Path released = Files.createTempDirectory("released-migrations");
        Path own = Path.of(MigrationOnDataTest.class.getClassLoader().getResource("db/migration").toURI());
        try (Stream<Path> files = Files.list(own)) {
            for (Path f : files.toList()) {
                if (!SCALE.contains(f.getFileName().toString())) {
                    Files.copy(f, released.resolve(f.getFileName()));
                }
            }
        }
        flyway(false, "classpath:db/common", "filesystem:" + released).migrate();
        try (Connection c = connection(); Statement st = c.createStatement()) {
            assertEquals("50", scalar(st, "SELECT max(version::int) FROM flyway_schema_history WHERE version ~ '^[0-9]+$'"));
            st.execute("INSERT INTO plan (id, type, urgent, year, title, organiser_unit_code, reviewing_office_code, "
                    + "submitting_office_code, approving_body_code, status, created_by, created_at) VALUES "
                    + "(1, 'ANNUAL', false, 2026, '已有计划', '370000-D-ENV', '370000-GO', '370000-PO', '370000-PC', 'ISSUED', "
                    + "'test', now())");
            st.execute("INSERT INTO plan_item (id, plan_id, title, category, activity_word, topics, organiser_unit_code, "
                    + "acting_name, target_unit_codes, target_region_prefix, on_site, period_start, period_end, year, approved, "
                    + "grassroots, publishable, approval_code, forms) SELECT g, 1, '已有事项 ' || g, 'SPECIAL', '检查', "
                    + "ARRAY['topic-' || (g % 3)], '370000-D-ENV', 'OWN', ARRAY['370102-D-EDU'], '370102', g % 2 = 0, "
                    + "make_date(2026, 1 + g % 12, 1), make_date(2026, 1 + g % 12, 10), 2026, g % 5 <> 0, g % 3 = 0, true, "
                    + "'DCJK-2026-' || lpad(g::text, 4, '0'), ARRAY['表'] FROM generate_series(1, 300) g");
        }
        // the released order: V50 is applied, so V20, V21 and V22 come after it; without out-of-order they are refused
        assertThrows(FlywayException.class, () -> flyway(false, "classpath:db/common", "classpath:db/migration").migrate());
        // the service's settings (application.properties: quarkus.flyway.out-of-order=true) apply them
        assertEquals(SCALE.size(), flyway(true, "classpath:db/common", "classpath:db/migration").migrate().migrationsExecuted);
        try (Connection c = connection(); Statement st = c.createStatement()) {
            assertEquals(scalar(st, "SELECT count(*) FROM plan_item WHERE approved AND NOT withdrawn AND grassroots"),
                    scalar(st, "SELECT grassroots_items FROM organiser_tally WHERE organiser_unit_code = '370000-D-ENV' AND year = 2026"));
            assertEquals(scalar(st, "SELECT count(*) FROM plan_item WHERE approved AND NOT withdrawn"),
                    scalar(st, "SELECT approved_items FROM organiser_tally WHERE organiser_unit_code = '370000-D-ENV' AND year = 2026"));
            assertEquals("3", scalar(st, "SELECT count(*) FROM pg_indexes WHERE indexname IN "
                    + "('plan_item_calendar', 'plan_item_period_range', 'plan_item_nearby')"));
        }
        assertTrue(properties().contains("quarkus.flyway.out-of-order=true"), "the service migrates out of order");
    }

    static Connection connection() throws SQLException {
        return DriverManager.getConnection(db.get("quarkus.datasource.jdbc.url"), db.get("quarkus.datasource.username"),
                db.get("quarkus.datasource.password"));
    }

    static String scalar(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String properties() throws IOException, URISyntaxException {
        try (InputStream in = MigrationOnDataTest.class.getClassLoader().getResourceAsStream("application.properties")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
