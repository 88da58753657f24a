package cn.dcjk.common.api;

import cn.dcjk.common.problem.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.PathSegment;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * The input discipline for what is not a body: a query parameter (name or value) or a path
 * segment holding a control character or a lone surrogate once decoded is a 400 naming it, before
 * any resource runs (a NUL would otherwise reach the database).
 */
public class StrictParameters {

    @ServerRequestFilter(preMatching = true)
    public void refuseControlCharacters(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> q : request.getUriInfo().getQueryParameters(true).entrySet()) {
            String problem = Text.problem(q.getKey());
            if (problem != null) {
                throw Problems.invalid("query", "parameter name: " + problem);
            }
            for (String value : q.getValue()) {
                problem = Text.problem(value);
                if (problem != null) {
                    throw Problems.invalid(q.getKey(), problem);
                }
            }
        }
        List<PathSegment> segments = request.getUriInfo().getPathSegments(true);
        for (int i = 0; i < segments.size(); i++) {
            String problem = Text.problem(segments.get(i).getPath());
            if (problem != null) {
                throw Problems.invalid("path", "segment " + (i + 1) + ": " + problem);
            }
        }
    }
}
