package cn.dcjk.inspections;

import cn.dcjk.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The module's tests run against a real PostgreSQL, tokens from the Quarkus OIDC test server and a
 * stub of plans-service and accountability-service ({@link ServicesStub}).
 */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ServicesStub.class)
public final class InspectionsTestResources {
    private InspectionsTestResources() {
    }
}
