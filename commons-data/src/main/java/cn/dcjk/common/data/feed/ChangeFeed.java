package cn.dcjk.common.data.feed;

import cn.dcjk.common.problem.Problems;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The change feed of a service: every audited write is also a change of the families that include
 * it, written in the writer's transaction; readers page through a family's changes with an opaque
 * cursor and see only the objects they may read.
 *
 * <p>Order and safety: a change row carries its transaction's id ({@code pg_current_xact_id()}).
 * A page holds only rows of transactions below the reading snapshot's xmin horizon, i.e. of
 * transactions that have all ended, in (transaction id, sequence) order. A transaction that is
 * still running when a page is read has an id at or above the horizon, so its rows come later,
 * after the cursor, never behind it; and nothing can be added behind the horizon any more. Hence a
 * cursor never skips a change nor hands one out twice, whatever order concurrent writers commit in.
 * The price is latency: a long transaction anywhere in the cluster holds the horizon back.
 */
@ApplicationScoped
public class ChangeFeed {

    public static final int MAX_LIMIT = 500;
    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

    @Inject
    EntityManager em;
    @Inject
    @All
    List<FeedFamily> families;

    /** Records a change in every family that includes it; returns the change's event id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String objectType, String objectId, String action, OffsetDateTime at, Map<String, Object> state) {
        UUID eventId = UUID.randomUUID();
        for (FeedFamily f : families) {
            if (!f.includes(objectType, action)) {
                continue;
            }
            String owner = f.owner(objectType, objectId, state == null ? Map.of() : state);
            em.createNativeQuery("INSERT INTO change_event (family, object_type, object_id, owner_id, action, at, "
                            + "event_id, event_type) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                    .setParameter(1, f.name()).setParameter(2, objectType).setParameter(3, objectId)
                    .setParameter(4, owner).setParameter(5, action).setParameter(6, at)
                    .setParameter(7, eventId).setParameter(8, f.eventType(objectType, action).orElse(null))
                    .executeUpdate();
        }
        return eventId;
    }

    public Optional<FeedFamily> family(String name) {
        return families.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public List<FeedFamily> families() {
        return families;
    }

    /** As {@link #page(String, String, OffsetDateTime, int)}, parsing {@code updatedSince} (RFC 3339, 400 otherwise). */
    public ChangePage page(String family, String cursor, String updatedSince, int limit) {
        OffsetDateTime since = null;
        if (updatedSince != null) {
            try {
                since = OffsetDateTime.parse(updatedSince.trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw Problems.invalid("updatedSince", "a date-time with offset (RFC 3339), e.g. 2026-03-01T08:00:00+08:00");
            }
        }
        return page(family, cursor, since, limit);
    }

    /**
     * The changes of {@code family} after {@code cursor} (or, without one, from {@code updatedSince},
     * or from the beginning), at most {@code limit} rows read, those the caller may not read left out.
     */
    @Transactional
    public ChangePage page(String family, String cursor, OffsetDateTime updatedSince, int limit) {
        FeedFamily f = family(family).orElseThrow(() -> new IllegalArgumentException("no feed family " + family));
        if (cursor != null && updatedSince != null) {
            throw Problems.invalid("updatedSince", "give either updatedSince (to start) or cursor (to continue)");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problems.invalid("limit", "between 1 and " + MAX_LIMIT);
        }
        FeedCursor from = cursor != null ? FeedCursor.decode(family, cursor) : FeedCursor.start(family, updatedSince);
        List<Row> rows = rows(from, limit);
        List<Change> visible = new ArrayList<>();
        FeedCursor next = from;
        for (Row r : rows) {
            if (readable(f, r)) {
                visible.add(r.change());
            }
            next = from.after(r.tx(), r.seq());
        }
        return new ChangePage(visible, next.encode(), rows.size() == limit);
    }

    private boolean readable(FeedFamily f, Row r) {
        try {
            return f.mayRead(r.change().objectType(), r.change().objectId(), r.ownerId());
        } catch (RuntimeException e) {
            LOG.warnf("feed %s: %s %s left out (%s)", f.name(), r.change().objectType(), r.change().objectId(), e);
            return false;
        }
    }

    /** A family's rows after the cursor, below the horizon, in (tx, seq) order. */
    List<Row> rows(FeedCursor from, int limit) {
        String since = from.sinceMillis() == null ? "" : " AND at >= ?4";
        var q = em.createNativeQuery("SELECT CAST(tx AS TEXT), seq, object_type, object_id, owner_id, action, at, "
                        + "event_id, event_type FROM change_event WHERE family = ?1 "
                        + "AND (tx, seq) > (CAST(?2 AS xid8), ?3) "
                        + "AND tx < pg_snapshot_xmin(pg_current_snapshot())" + since
                        + " ORDER BY tx, seq LIMIT " + limit)
                .setParameter(1, from.family()).setParameter(2, Long.toString(from.tx())).setParameter(3, from.seq());
        if (from.sinceMillis() != null) {
            q.setParameter(4, from.since());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> result = q.getResultList();
        List<Row> rows = new ArrayList<>(result.size());
        for (Object[] o : result) {
            rows.add(new Row(Long.parseLong((String) o[0]), ((Number) o[1]).longValue(), (String) o[4],
                    new Change((String) o[2], (String) o[3], (String) o[5], time(o[6]), (UUID) o[7], (String) o[8])));
        }
        return rows;
    }

    static OffsetDateTime time(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected time " + o);
    }

    /** One row of the feed with its position and the id that decides who may read it. */
    record Row(long tx, long seq, String ownerId, Change change) {
    }
}
