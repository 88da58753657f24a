package cn.dcjk.plans.approval;

import cn.dcjk.common.api.Page;
import cn.dcjk.common.csv.CsvResponses;
import cn.dcjk.common.csv.CsvWriter;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * POSITIVE-LIST (article 21): approved, publishable items, readable by anyone. JSON comes a page at
 * a time in approval-code order ({@code after} is the last code of the page before, the next page's
 * address is in the {@code Link} header); CSV is the whole year, streamed from a database cursor,
 * so its memory does not grow with the list.
 */
@Path("/api/v1/positive-list")
@Tag(name = "positive list", description = "正面清单: the public list of approved items")
public class PositiveListResource {

    static final List<String> HEADER = List.of("approvalCode", "title", "category", "activityWord", "organiserUnitCode",
            "organiserName", "periodStart", "periodEnd", "onSite");

    /** Rows the CSV cursor fetches at a time. */
    static final int FETCH = 1_000;

    /** The {@code reads} pool: a replica when DB_READ_URL names one (the list tolerates seconds of lag). */
    @Inject
    @io.quarkus.agroal.DataSource("reads")
    AgroalDataSource db;

    /** One entry of the positive list: nothing beyond what the organiser marked publishable. */
    public record Entry(String approvalCode, String title, String category, String activityWord,
            String organiserUnitCode, String organiserName, LocalDate periodStart, LocalDate periodEnd, boolean onSite) {
    }

    /** Approved, publishable, current items of a year after a code, in code order (index plan_item_positive_list). */
    static final String QUERY = "SELECT i.approval_code, i.title, i.category, i.activity_word, i.organiser_unit_code, "
            + "coalesce(u.name, i.organiser_unit_code), i.period_start, i.period_end, i.on_site FROM plan_item i "
            + "JOIN plan p ON p.id = i.plan_id LEFT JOIN unit u ON u.code = i.organiser_unit_code "
            + "WHERE i.year = ? AND i.approved AND NOT i.withdrawn AND i.publishable AND i.approval_code > ? "
            + "AND (p.status = 'ISSUED' OR (p.type = 'SINGLE_MATTER' AND p.status = 'APPROVED')) "
            + "ORDER BY i.approval_code";

    @GET
    @PermitAll
    @Produces({"application/json", "text/csv"})
    @Operation(summary = "The year's positive list (正面清单): approved and publishable items, a page at a time after a code "
            + "(next page in the Link header); the whole year as CSV with Accept: text/csv or format=csv")
    public Response list(@QueryParam("year") @NotNull @Min(2018) @Max(2100) Integer year,
            @QueryParam("after") @Size(max = 40) String after,
            @QueryParam("size") @DefaultValue("200") @Min(1) @Max(Page.MAX_SIZE) int size,
            @QueryParam("format") String format, @Context HttpHeaders headers, @Context UriInfo uri) {
        boolean csv = "csv".equalsIgnoreCase(format) || headers.getAcceptableMediaTypes().stream()
                .anyMatch(m -> m.getType().equals("text") && m.getSubtype().equals("csv"));
        if (csv) {
            return CsvResponses.attachment("positive-list-" + year + ".csv", HEADER, rows -> export(year, rows));
        }
        List<Entry> entries = page(year, after == null ? "" : after, size);
        Response.ResponseBuilder ok = Response.ok(entries, "application/json");
        if (entries.size() == size) {
            ok.link(uri.getRequestUriBuilder().replaceQueryParam("after", entries.get(size - 1).approvalCode()).build(),
                    "next");
        }
        return ok.build();
    }

    private List<Entry> page(int year, String after, int size) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(QUERY + " LIMIT " + size)) {
            ps.setInt(1, year);
            ps.setString(2, after);
            List<Entry> out = new ArrayList<>(size);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(entry(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("positive list query failed", e);
        }
    }

    /** The whole year through a server-side cursor: one fetch of rows in memory at a time. */
    private void export(int year, CsvWriter csv) {
        try (Connection c = db.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false); // the driver streams with a fetch size only inside a transaction
            try (PreparedStatement ps = c.prepareStatement(QUERY)) {
                ps.setFetchSize(FETCH);
                ps.setInt(1, year);
                ps.setString(2, "");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Entry e = entry(rs);
                        csv.row(e.approvalCode(), e.title(), e.category(), e.activityWord(), e.organiserUnitCode(),
                                e.organiserName(), e.periodStart(), e.periodEnd(), e.onSite());
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("positive list export failed", e);
        }
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getBoolean(9));
    }
}
