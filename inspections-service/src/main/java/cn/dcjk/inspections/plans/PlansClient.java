package cn.dcjk.inspections.plans;

import cn.dcjk.common.directory.UnitInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** plans-service, called for the caller (its Authorization, request id and language travel on). */
@RegisterRestClient(configKey = "plans")
@RegisterClientHeaders
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface PlansClient {

    @GET
    @Path("/approvals/{code}")
    Approval approval(@PathParam("code") String code);

    @GET
    @Path("/units/{code}")
    UnitInfo unit(@PathParam("code") String code);
}
