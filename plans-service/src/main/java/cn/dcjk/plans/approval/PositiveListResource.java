package cn.dcjk.plans.approval;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import cn.dcjk.plans.unit.Unit;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** POSITIVE-LIST (article 21): approved, publishable items, readable by anyone, as JSON or CSV. */
@Path("/api/v1/positive-list")
@Tag(name = "positive list", description = "正面清单: the public list of approved items")
public class PositiveListResource {

    @Inject
    EntityManager em;

    /** One entry of the positive list: nothing beyond what the organiser marked publishable. */
    @Schema(name = "PositiveListEntry")
    public record Entry(String approvalCode, String title, String category, String activityWord,
            String organiserUnitCode, String organiserName, LocalDate periodStart, LocalDate periodEnd, boolean onSite) {
    }

    @GET
    @PermitAll
    @Transactional
    @Produces({"application/json", "text/csv"})
    @Operation(summary = "The year's positive list (正面清单): approved and publishable items; CSV with Accept: text/csv")
    @APIResponse(responseCode = "200", description = "The positive list", content = {@Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = Entry.class)), @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    public Response list(@QueryParam("year") @NotNull @Min(2018) @Max(2100) Integer year,
            @QueryParam("format") String format, @jakarta.ws.rs.core.Context HttpHeaders headers) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT i.approval_code, i.title, i.category, i.activity_word, "
                        + "i.organiser_unit_code, i.period_start, i.period_end, i.on_site FROM plan_item i "
                        + "JOIN plan p ON p.id = i.plan_id WHERE i.year = ?1 AND i.approved AND NOT i.withdrawn "
                        + "AND i.publishable AND (p.status = 'ISSUED' OR (p.type = 'SINGLE_MATTER' AND p.status = 'APPROVED')) "
                        + "ORDER BY i.approval_code")
                .setParameter(1, year).getResultList();
        Map<String, String> names = new HashMap<>();
        List<Entry> entries = rows.stream().map(r -> new Entry((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], names.computeIfAbsent((String) r[4], c -> {
                    Unit u = Unit.findById(c);
                    return u == null ? c : u.name;
                }), (LocalDate) r[5], (LocalDate) r[6], (Boolean) r[7])).toList();
        boolean csv = "csv".equalsIgnoreCase(format) || headers.getAcceptableMediaTypes().stream()
                .anyMatch(m -> m.getType().equals("text") && m.getSubtype().equals("csv"));
        if (!csv) {
            return Response.ok(entries, "application/json").build();
        }
        StringBuilder b = new StringBuilder("approvalCode,title,category,activityWord,organiserUnitCode,organiserName,"
                + "periodStart,periodEnd,onSite\r\n");
        for (Entry e : entries) {
            b.append(String.join(",", csvCell(e.approvalCode()), csvCell(e.title()), e.category(), csvCell(e.activityWord()),
                    csvCell(e.organiserUnitCode()), csvCell(e.organiserName()), e.periodStart().toString(),
                    e.periodEnd().toString(), String.valueOf(e.onSite()))).append("\r\n");
        }
        return Response.ok(b.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"positive-list-" + year + ".csv\"").build();
    }

    /** RFC 4180 quoting, and no formula injection when the file is opened in a spreadsheet. */
    public static String csvCell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
