package cn.dcjk.inspections.feed;

import cn.dcjk.common.data.feed.ChangeFeed;
import cn.dcjk.common.data.feed.ChangePage;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The change feed of inspections, their itinerary entries and visits (see {@link ChangeFeed}). */
@Path("/api/v1/inspections/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "feed", description = "Change feeds: every change, in an order that never skips or repeats one")
@Authenticated
public class InspectionChanges {

    @Inject
    ChangeFeed feed;

    @GET
    @Operation(operationId = "inspectionChanges", summary = "Changes of inspections, their itinerary entries and visits the caller may read, oldest first, after a cursor")
    public ChangePage changes(
            @Parameter(description = "Start with the changes made at or after this time (RFC 3339); only without cursor")
            @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "The next of the previous page, to continue after it")
            @QueryParam("cursor") String cursor,
            @Parameter(description = "How many changes to read at most (1 to 500)")
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(ChangeFeed.MAX_LIMIT) int limit) {
        return feed.page(InspectionFamilies.INSPECTIONS, cursor, updatedSince, limit);
    }
}
