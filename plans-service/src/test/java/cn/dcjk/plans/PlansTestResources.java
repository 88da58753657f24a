package cn.dcjk.plans;

import cn.dcjk.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The module's tests run against a real PostgreSQL and tokens from the Quarkus OIDC test server. */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class PlansTestResources {
    private PlansTestResources() {
    }
}
