package cn.dcjk.plans.approval;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import cn.dcjk.common.csv.CsvResponses;
import cn.dcjk.plans.unit.Unit;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.util.ArrayList;
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

    static final int PAGE = 500;
    static final List<String> HEADER = List.of("approvalCode", "title", "category", "activityWord", "organiserUnitCode",
            "organiserName", "periodStart", "periodEnd", "onSite");

    @GET
    @PermitAll
    @Produces({"application/json", "text/csv"})
    @Operation(summary = "The year's positive list (正面清单): approved and publishable items; CSV (UTF-8 with BOM, "
            + "streamed) with Accept: text/csv or format=csv")
    @APIResponse(responseCode = "200", description = "The positive list", content = {@Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = Entry.class)), @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    public Response list(@QueryParam("year") @NotNull @Min(2018) @Max(2100) Integer year,
            @QueryParam("format") String format, @jakarta.ws.rs.core.Context HttpHeaders headers) {
        boolean csv = "csv".equalsIgnoreCase(format) || headers.getAcceptableMediaTypes().stream()
                .anyMatch(m -> m.getType().equals("text") && m.getSubtype().equals("csv"));
        if (csv) {
            return CsvResponses.attachment("positive-list-" + year + ".csv", HEADER, out -> {
                Map<String, String> names = new HashMap<>();
                List<Entry> page = List.of();
                do {
                    String after = page.isEmpty() ? "" : page.get(page.size() - 1).approvalCode();
                    page = QuarkusTransaction.requiringNew().call(() -> page(year, after, names));
                    for (Entry e : page) {
                        out.row(e.approvalCode(), e.title(), e.category(), e.activityWord(), e.organiserUnitCode(),
                                e.organiserName(), e.periodStart(), e.periodEnd(), e.onSite());
                    }
                } while (page.size() == PAGE);
            });
        }
        List<Entry> all = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        List<Entry> page = List.of();
        do {
            String after = page.isEmpty() ? "" : page.get(page.size() - 1).approvalCode();
            page = QuarkusTransaction.requiringNew().call(() -> page(year, after, names));
            all.addAll(page);
        } while (page.size() == PAGE);
        return Response.ok(all, "application/json").build();
    }

    /** One page of the list, by approval code after {@code after}. */
    List<Entry> page(int year, String after, Map<String, String> names) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT i.approval_code, i.title, i.category, i.activity_word, "
                        + "i.organiser_unit_code, i.period_start, i.period_end, i.on_site FROM plan_item i "
                        + "JOIN plan p ON p.id = i.plan_id WHERE i.year = ?1 AND i.approved AND NOT i.withdrawn "
                        + "AND i.publishable AND (p.status = 'ISSUED' OR (p.type = 'SINGLE_MATTER' AND p.status = 'APPROVED')) "
                        + "AND i.approval_code > ?2 ORDER BY i.approval_code LIMIT " + PAGE)
                .setParameter(1, year).setParameter(2, after).getResultList();
        return rows.stream().map(r -> new Entry((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], names.computeIfAbsent((String) r[4], c -> {
                    Unit u = Unit.findById(c);
                    return u == null ? c : u.name;
                }), (LocalDate) r[5], (LocalDate) r[6], (Boolean) r[7])).toList();
    }
}
