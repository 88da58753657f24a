package cn.dcjk.gateway.policy;

import cn.dcjk.common.api.Page;
import cn.dcjk.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;

/** The decision log for auditors: every channel-policy decision, newest first, read in bounded pages. */
@Path("/api/v1/gateway/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "gateway", description = "The article-27 channel rule's decision log")
public class DecisionResource {

    @Inject
    DecisionSearch search;

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Decisions of NO-DIRECT-DEMAND, filtered by outcome, caller, unit, request id and time, newest "
            + "first; the next page by cursor (before=, in the Link header and in next); the count stops at "
            + DecisionSearch.COUNT_CAP)
    @APIResponse(responseCode = "200", description = "A page of the decision log",
            headers = @Header(name = "Link", description = "rel=\"next\": the next page, while a full page was answered",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionPage.class)))
    public Response list(@QueryParam("outcome") Decision.Outcome outcome, @QueryParam("caller") String caller,
            @QueryParam("unit") String unit, @QueryParam("requestId") String requestId,
            @QueryParam("from") OffsetDateTime from, @QueryParam("to") OffsetDateTime to,
            @Parameter(description = "The cursor of the page before (its next): decisions older than it")
            @QueryParam("before") @Size(max = 100) String before,
            @Parameter(description = "Offset pages, up to the " + DecisionSearch.OFFSET_CAP + " newest decisions of the "
                    + "filter; deeper with before=") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size, @Context UriInfo uri) {
        DecisionPage answer = search.page(new DecisionSearch.Filter(outcome, caller, unit, requestId, from, to),
                before == null ? null : DecisionSearch.Cursor.parse(before), page, size);
        Response.ResponseBuilder ok = Response.ok(answer);
        if (answer.next() != null) {
            ok.link(uri.getRequestUriBuilder().replaceQueryParam("page").replaceQueryParam("before", answer.next()).build(),
                    "next");
        }
        return ok.build();
    }
}
