package cn.dcjk.plans.unit;

import cn.dcjk.common.api.Page;
import cn.dcjk.common.data.idempotency.Idempotent;
import cn.dcjk.common.data.version.Versions;
import cn.dcjk.common.security.Roles;
import cn.dcjk.plans.unit.importing.UnitImport;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "units", description = "The units directory (单位名录)")
@Authenticated
public class UnitResource {

    @Inject
    UnitDirectory directory;
    @Inject
    UnitImport importer;

    @GET
    @Operation(summary = "List units, filtered by level, kind, parent, region (and everything inside it) or codes")
    public Page<UnitView> list(@QueryParam("level") UnitLevel level, @QueryParam("kind") UnitKind kind,
            @QueryParam("parent") String parent, @QueryParam("region") String region,
            @QueryParam("codes") String codes, @QueryParam("includeRetired") boolean includeRetired,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        List<String> codeList = codes == null || codes.isBlank() ? null
                : Arrays.stream(codes.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return directory.list(new UnitDirectory.Filter(level, kind, parent, region, codeList, includeRetired),
                page, size);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One unit; its ETag is the version to quote in If-Match")
    public Response get(@PathParam("code") String code) {
        Unit u = directory.get(code);
        return Response.ok(UnitView.of(u)).header("ETag", Versions.etag(u.version)).build();
    }

    @GET
    @Path("/{code}/ancestors")
    @Operation(summary = "The unit's ancestors, from its parent up to the root")
    public List<UnitView> ancestors(@PathParam("code") String code) {
        return directory.ancestors(code);
    }

    @GET
    @Path("/{code}/lower-than/{other}")
    @Operation(summary = "Whether the unit is of a lower level than the other (its region strictly inside)")
    public Map<String, Object> lowerThan(@PathParam("code") String code, @PathParam("other") String other) {
        return Map.of("unit", code, "other", other, "lower", directory.lowerThan(code, other));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Idempotent
    @Operation(summary = "Create a unit (admin)")
    public Response create(@Valid @NotNull UnitInput input) {
        Unit u = directory.create(input);
        return Response.created(URI.create("/api/v1/units/" + u.code)).entity(UnitView.of(u))
                .header("ETag", Versions.etag(u.version)).build();
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Idempotent
    @Operation(summary = "Import units in bulk (admin): matched by code, so importing twice changes nothing; the hierarchy "
            + "is checked and one rejected row refuses the file with 422 naming every rejected row; dryRun only checks")
    public Response importUnits(@QueryParam("dryRun") boolean dryRun, @NotNull List<UnitInput> rows) {
        return Response.ok(importer.load(rows, dryRun)).build();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Idempotent
    @Operation(summary = "Update a unit (admin); a stale If-Match is refused with 409")
    public Response update(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull UnitInput input) {
        Unit u = directory.update(code, input, ifMatch);
        return Response.ok(UnitView.of(u)).header("ETag", Versions.etag(u.version)).build();
    }

    @POST
    @Path("/{code}/retire")
    @RolesAllowed(Roles.ADMIN)
    @Idempotent
    @Operation(summary = "Retire a unit (admin); its history stays")
    public Response retire(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch) {
        Unit u = directory.retire(code, ifMatch);
        return Response.ok(UnitView.of(u)).header("ETag", Versions.etag(u.version)).build();
    }
}
