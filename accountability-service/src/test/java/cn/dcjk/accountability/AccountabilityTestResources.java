package cn.dcjk.accountability;

import cn.dcjk.testing.GatewayStamps;
import cn.dcjk.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The module's tests run against a real PostgreSQL, tokens from the Quarkus OIDC test server, and
 * a stub answering like plans-service and inspections-service.
 */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StubServices.class)
@QuarkusTestResource(GatewayStamps.class)
public final class AccountabilityTestResources {
    private AccountabilityTestResources() {
    }
}
