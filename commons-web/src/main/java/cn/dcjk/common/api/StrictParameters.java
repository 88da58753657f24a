package cn.dcjk.common.api;

import cn.dcjk.common.problem.JsonProblems;
import cn.dcjk.common.problem.Problems;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.PathSegment;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The input discipline for what is not a body: a query parameter (name or value) or a path
 * segment holding a control character or a lone surrogate once decoded is a 400 naming it, before
 * any resource runs (a NUL would otherwise reach the database). A query or path parameter that
 * does not read as its declared type (an integer out of range, an unknown enum value, a bad date)
 * is a 400 naming it too, where JAX-RS would answer 404.
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

    @ServerRequestFilter
    public void refuseUnreadableParameters(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return;
        }
        for (Parameter p : method.getParameters()) {
            QueryParam q = p.getAnnotation(QueryParam.class);
            PathParam path = p.getAnnotation(PathParam.class);
            String name = q != null ? q.value() : path != null ? path.value() : null;
            if (name == null) {
                continue;
            }
            String value = q != null ? request.getUriInfo().getQueryParameters().getFirst(name)
                    : request.getUriInfo().getPathParameters().getFirst(name);
            if (value != null && !reads(value, p.getType())) {
                throw Problems.invalid(name, "must be " + JsonProblems.expected(p.getType()));
            }
        }
    }

    /** Whether a parameter's text reads as the declared type (other types are left to their converters). */
    static boolean reads(String value, Class<?> type) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value.trim());
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value.trim());
            } else if (type == LocalDate.class) {
                LocalDate.parse(value.trim());
            } else if (type.isEnum()) {
                for (Object c : type.getEnumConstants()) {
                    if (((Enum<?>) c).name().equals(value)) {
                        return true;
                    }
                }
                return false;
            }
            return true;
        } catch (NumberFormatException | DateTimeParseException e) {
            return false;
        }
    }
}
