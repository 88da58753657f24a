package cn.dcjk.common.rule;

import io.quarkus.security.Authenticated;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Comparator;
import java.util.List;

/** GET /api/v1/rules: the service's rules with articles, severity, titles and current parameters. */
@Path("/api/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "rules", description = "Every rule with its articles, severity and parameters")
public class RulesResource {

    @Inject
    Instance<RuleBook> books;

    @GET
    @Authenticated
    @Operation(summary = "Every rule this service enforces, with its articles, severity and parameters")
    public List<RuleDescriptor> list() {
        return books.stream()
                .flatMap(b -> b.rules().stream().map(r -> r.service() == null ? r.inService(b.service()) : r))
                .sorted(Comparator.comparing(RuleDescriptor::name))
                .toList();
    }
}
