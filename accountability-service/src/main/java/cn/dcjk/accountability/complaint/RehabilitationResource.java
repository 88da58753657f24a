package cn.dcjk.accountability.complaint;

import cn.dcjk.common.api.Page;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public rehabilitation notices (公开正名): readable without login. */
@Path("/api/v1/rehabilitations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "rehabilitations", description = "Public clarifications for cadres wrongly accused (澄清正名)")
public class RehabilitationResource {

    @Inject
    ComplaintService complaints;

    @GET
    @PermitAll
    @Operation(summary = "Published rehabilitation notices, newest first (public)")
    public Page<ComplaintViews.Notice> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return complaints.publishedNotices(page, size);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "One published rehabilitation notice (public)")
    public ComplaintViews.Notice get(@PathParam("id") long id) {
        return complaints.publishedNotice(id);
    }
}
