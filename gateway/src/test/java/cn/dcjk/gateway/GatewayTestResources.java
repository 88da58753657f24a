package cn.dcjk.gateway;

import cn.dcjk.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The gateway's tests: a real PostgreSQL for the decision log, the OIDC test server, a test upstream. */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(TestUpstream.class)
public final class GatewayTestResources {
    private GatewayTestResources() {
    }
}
