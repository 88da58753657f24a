package cn.dcjk.gateway.health;

import cn.dcjk.gateway.proxy.Gateway;
import cn.dcjk.gateway.route.UpstreamClient;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;

/**
 * Each upstream's state, for operators: reported, never failing the gateway's readiness. One service
 * down gives 503 on its own routes only (its breaker); the gateway stays ready for the others.
 */
@Readiness
@ApplicationScoped
public class UpstreamsReadiness implements AsyncHealthCheck {

    @Inject
    Gateway gateway;

    @Override
    public Uni<HealthCheckResponse> call() {
        List<UpstreamClient> upstreams = gateway.upstreams();
        List<Future<Boolean>> pings = upstreams.stream().map(gateway::ping).toList();
        return Uni.createFrom().completionStage(Future.join(pings).toCompletionStage())
                .onFailure().recoverWithNull()
                .map(ignored -> {
                    HealthCheckResponseBuilder b = HealthCheckResponse.named("upstreams").up();
                    for (int i = 0; i < upstreams.size(); i++) {
                        boolean up = Boolean.TRUE.equals(pings.get(i).result());
                        b.withData(upstreams.get(i).name, up ? "UP" : "DOWN");
                    }
                    return b.build();
                });
    }
}
