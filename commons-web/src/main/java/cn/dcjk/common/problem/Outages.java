package cn.dcjk.common.problem;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells a dependency that is down from a defect of ours, by the exception's cause chain: a lost or
 * refused database connection (SQLSTATE class 08, a server shutting down or starting up 57P01-57P03,
 * the pool's acquisition timeout) is the database; an identity provider whose keys cannot be fetched
 * is the realm. Such failures are answered 503 with Retry-After, never 500.
 */
public final class Outages {

    public static final String DATABASE = "database";
    public static final String REALM_KEYS = "identity-provider";

    private Outages() {
    }

    /** The dependency that is down, when {@code e} reports one. */
    public static Optional<String> dependency(Throwable e) {
        Seen seen = new Seen();
        walk(e, seen, 0);
        if (seen.database) {
            return Optional.of(DATABASE);
        }
        if (seen.oidc && (seen.network || seen.providerUnavailable)) {
            return Optional.of(REALM_KEYS);
        }
        return Optional.empty();
    }

    private static final class Seen {
        boolean database;
        boolean oidc;
        boolean network;
        boolean providerUnavailable;
    }

    /** The causes and the suppressed exceptions (where Vert.x and Mutiny put the connection failure). */
    private static void walk(Throwable t, Seen seen, int depth) {
        if (t == null || depth > 12) {
            return;
        }
        if (t instanceof SQLException sql && database(sql)
                || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
            seen.database = true;
        }
        if (t.getClass().getName().startsWith("io.quarkus.oidc.")) {
            seen.oidc = true;
            seen.providerUnavailable |= message(t).contains("not available");
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException
                || t instanceof UnknownHostException || t instanceof SocketTimeoutException
                || message(t).contains("connection refused")) {
            seen.network = true;
        }
        for (Throwable s : t.getSuppressed()) {
            walk(s, seen, depth + 1);
        }
        if (t.getCause() != t) {
            walk(t.getCause(), seen, depth + 1);
        }
    }

    static boolean database(SQLException sql) {
        if (sql instanceof SQLTransientConnectionException) {
            return true;
        }
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"))) {
            return true;
        }
        return message(sql).contains("acquisition timeout");
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
    }
}
