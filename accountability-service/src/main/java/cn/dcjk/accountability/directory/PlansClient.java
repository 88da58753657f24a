package cn.dcjk.accountability.directory;

import cn.dcjk.common.directory.UnitInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** plans-service's units directory, asked for the caller (its token is passed on). */
@RegisterRestClient(configKey = "plans")
@RegisterClientHeaders
@RegisterProvider(RemoteAnswers.Mapper.class)
@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
public interface PlansClient {

    @GET
    @Path("/{code}")
    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 100, retryOn = {ProcessingException.class, RemoteAnswers.Unreachable.class,
            TimeoutException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 5000,
            skipOn = {RemoteAnswers.Absent.class, RemoteAnswers.Refused.class})
    UnitInfo unit(@PathParam("code") String code);
}
