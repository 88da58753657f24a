package cn.dcjk.gateway.route;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Routing by path prefix to the three services, with per-upstream timeouts and circuit breaking. */
@ConfigMapping(prefix = "dcjk.gateway")
public interface GatewayConfig {

    Map<String, Upstream> upstreams();

    /** Paths served without a token (exact, or a prefix when ending in /*), each with its methods. */
    List<String> publicRoutes();

    RateLimit rateLimit();

    /** A token bucket per client: refilled at perSecond, holding at most burst. */
    interface RateLimit {
        @WithDefault("100")
        int perSecond();

        @WithDefault("200")
        int burst();
    }

    /** Largest body the gateway forwards, in bytes. */
    @WithDefault("1048576")
    long maxBodyBytes();

    interface Upstream {
        String url();

        List<String> prefixes();

        @WithDefault("2s")
        Duration connectTimeout();

        @WithDefault("15s")
        Duration timeout();

        @WithDefault("64")
        int poolSize();

        /** Consecutive failures that open the breaker. */
        @WithDefault("5")
        int breakerFailures();

        /** How long an open breaker refuses before letting one request try. */
        @WithDefault("10s")
        Duration breakerOpenFor();
    }
}
