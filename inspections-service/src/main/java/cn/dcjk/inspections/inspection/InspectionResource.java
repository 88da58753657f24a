package cn.dcjk.inspections.inspection;

import cn.dcjk.common.api.Page;
import cn.dcjk.common.data.idempotency.Idempotent;
import cn.dcjk.common.data.version.Versions;
import cn.dcjk.common.security.Roles;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Map;

@Path("/api/v1/inspections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "inspections", description = "Field work of approved items (督查检查实施): scheme, sample, itinerary, visits, results")
@Authenticated
public class InspectionResource {

    @Inject
    SchemeService schemes;
    @Inject
    Sampling sampling;
    @Inject
    VisitService visits;
    @Inject
    VisitRatings ratings;
    @Inject
    ResultsService results;
    @Inject
    BurdenTotals burden;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INSPECTION_TEAM)
    @Idempotent
    @Operation(summary = "File the scheme (方案): opens an inspection of an item plans-service confirms as approved")
    @APIResponseSchema(value = Views.InspectionView.class, responseCode = "201")
    public Response open(@Valid @NotNull Inputs.Scheme scheme) {
        Inspection i = schemes.open(scheme);
        return Response.created(URI.create("/api/v1/inspections/" + i.id)).entity(Views.InspectionView.full(i))
                .header("ETag", Versions.etag(i.version)).build();
    }

    @GET
    @Operation(summary = "Inspections the caller may see (team, organiser's office, auditors, inspected units once visible)")
    public Page<Views.InspectionView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return schemes.list(page, size);
    }

    @GET
    @Path("/burden")
    @Operation(summary = "Burden totals (forms, materials, exams, surveys, online votes, messaging groups) per target unit and month")
    public List<Views.BurdenTotal> burden(@QueryParam("unit") String unit, @QueryParam("month") String month) {
        return burden.burdenTotals(unit, month);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One inspection; 404 to whoever may not know of it (unannounced ones included)")
    @APIResponseSchema(value = Views.InspectionView.class, responseCode = "200")
    public Response get(@PathParam("id") long id) {
        Views.InspectionView v = schemes.get(id);
        return Response.ok(v).header("ETag", Versions.etag(v.version())).build();
    }

    @POST
    @Path("/{id}/sample")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INSPECTION_TEAM)
    @Idempotent
    @Operation(summary = "Draw (or, with a reason, redraw) the sample with a recorded seed; at most a third")
    @APIResponseSchema(value = Views.SampleView.class, responseCode = "200")
    public Response sample(@PathParam("id") long id, @Valid @NotNull Inputs.Sample in) {
        return Response.ok(sampling.sample(id, in)).build();
    }

    @GET
    @Path("/{id}/sample")
    @Operation(summary = "The sampling record: population, seed, algorithm, every draw with its reason")
    public Views.SampleView getSample(@PathParam("id") long id) {
        return sampling.getSample(id);
    }

    @POST
    @Path("/{id}/itinerary")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INSPECTION_TEAM)
    @Idempotent
    @Operation(summary = "File an itinerary entry (行程) before a visit")
    @APIResponseSchema(value = Views.ItineraryView.class, responseCode = "201")
    public Response fileItinerary(@PathParam("id") long id, @Valid @NotNull Inputs.Itinerary in) {
        ItineraryEntry e = visits.fileItinerary(id, in);
        return Response.created(URI.create("/api/v1/inspections/" + id + "/itinerary/" + e.id))
                .entity(Views.ItineraryView.of(e)).build();
    }

    @GET
    @Path("/{id}/itinerary")
    @Operation(summary = "The itinerary; an inspected unit sees only its own entries, and nothing unannounced early")
    public List<Views.ItineraryView> itinerary(@PathParam("id") long id) {
        return visits.itinerary(id);
    }

    @POST
    @Path("/{id}/visits")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INSPECTION_TEAM)
    @Idempotent
    @Operation(summary = "Start a visit on a filed itinerary entry, with its reception record and burden counts")
    @APIResponseSchema(value = Views.VisitView.class, responseCode = "201")
    public Response startVisit(@PathParam("id") long id, @Valid @NotNull Inputs.VisitStart in) {
        Views.VisitView v = visits.startVisit(id, in);
        return Response.created(URI.create("/api/v1/inspections/" + id + "/visits/" + v.id())).entity(v)
                .header("ETag", Versions.etag(v.version())).build();
    }

    @GET
    @Path("/{id}/visits")
    @Operation(summary = "The visits the caller may see")
    public List<Views.VisitView> visits(@PathParam("id") long id) {
        return visits.visits(id);
    }

    @GET
    @Path("/{id}/visits/{visitId}")
    @Operation(summary = "One visit with its reception record, flags and burden counts")
    @APIResponseSchema(value = Views.VisitView.class, responseCode = "200")
    public Response visit(@PathParam("id") long id, @PathParam("visitId") long visitId) {
        Views.VisitView v = visits.visitView(visits.visit(id, visitId));
        return Response.ok(v).header("ETag", Versions.etag(v.version())).build();
    }

    @PUT
    @Path("/{id}/visits/{visitId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INSPECTION_TEAM)
    @Idempotent
    @Operation(summary = "Record the visit's reception and burden counts (If-Match)")
    @APIResponseSchema(value = Views.VisitView.class, responseCode = "200")
    public Response updateVisit(@PathParam("id") long id, @PathParam("visitId") long visitId,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull Inputs.VisitUpdate in) {
        Visit v = visits.updateVisit(id, visitId, ifMatch, in);
        return Response.ok(visits.visitView(v)).header("ETag", Versions.etag(v.version)).build();
    }

    @POST
    @Path("/{id}/visits/{visitId}/ratings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INSPECTED_UNIT)
    @Idempotent
    @Operation(summary = "The visited unit rates the visit (1–5, comment, burden or misconduct flags); never attributed")
    @APIResponseSchema(value = Views.Rated.class, responseCode = "201")
    public Response rate(@PathParam("id") long id, @PathParam("visitId") long visitId,
            @Valid @NotNull Inputs.Rating in) {
        ratings.rate(id, visitId, in);
        return Response.status(201).entity(new Views.Rated(visitId, true)).build();
    }

    @GET
    @Path("/{id}/ratings")
    @Operation(summary = "Ratings of the inspection's visits, as aggregates only (organiser's office, auditors)")
    public Views.RatingSummary ratings(@PathParam("id") long id) {
        return ratings.ratings(id);
    }

    @POST
    @Path("/{id}/results")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INSPECTION_TEAM)
    @Idempotent
    @Operation(summary = "File the results (结果) with per-target outcomes and findings; one filing wins, others 409")
    @APIResponseSchema(value = Views.InspectionView.class, responseCode = "200")
    public Response results(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Inputs.Results in) {
        Inspection i = results.fileResults(id, ifMatch, in);
        return Response.ok(Views.InspectionView.full(i)).header("ETag", Versions.etag(i.version)).build();
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.INSPECTION_TEAM, Roles.OFFICE_REVIEWER})
    @Idempotent
    @Operation(summary = "Close the inspection after its results")
    @APIResponseSchema(value = Views.InspectionView.class, responseCode = "200")
    public Response close(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        Inspection i = results.close(id, ifMatch);
        return Response.ok(Views.InspectionView.full(i)).header("ETag", Versions.etag(i.version)).build();
    }
}
